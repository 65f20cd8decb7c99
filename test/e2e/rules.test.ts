import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadText, launch, open, shot, waitReady } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** The rows of a CSV as objects by header (quoted fields with doubled quotes allowed). */
function readCsv(text: string): Record<string, string>[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') field += text[++i];
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else if (c !== '\r') field += c;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	const [header, ...body] = rows;
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const editor = '[data-testid=rule-editor]';
const row = (i: number) => `${editor} [data-testid=rule-row][data-rule="${i}"]`;
const summary = `${editor} [data-testid=rules-summary]`;
const segmentRow = (id: string) =>
	`[data-testid=cell-rfm] [data-testid=rfm-segments] tr[data-segment="${id}"]`;

async function summaryCounts(page: Page) {
	return page.$eval(summary, (el) => ({
		covered: Number(el.getAttribute('data-covered')),
		uncovered: Number(el.getAttribute('data-uncovered')),
		overlaps: Number(el.getAttribute('data-overlaps')),
		unreachable: Number(el.getAttribute('data-unreachable')),
	}));
}

/** The customers column of a segment's row in the RFM cell's segment table. */
async function segmentCustomers(page: Page, id: string): Promise<number> {
	const text = await page.textContent(`${segmentRow(id)} td.num >> nth=0`);
	return Number(text!.replace(/[^\d]/g, ''));
}

const rowCount = (page: Page) => page.locator(`${editor} [data-testid=rule-row]`).count();

describe('the segment rule editor', () => {
	it('edits custom rules on a live grid, applies them to the segments, and keeps them after a reload', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page);

			// The expected counts come from the scores in customers.csv, which the scheme does not change.
			const customers = readCsv(await downloadText(page, 'export-customers-csv'));
			const inCells = (cells: string[]) =>
				customers.filter((c) => cells.includes(c.rfm_cell)).length;
			const others = inCells(['555', '545']);
			const champions = inCells(['554', '553', '544', '543', '455', '454', '445']);
			expect(others).toBeGreaterThan(0);
			expect(await page.$(segmentRow('Others'))).toBeNull();

			// Choosing "custom" opens the editor on the current scheme's preset and reruns nothing.
			await page.selectOption('[data-testid=rfm-scheme]', 'custom');
			await page.waitForSelector(editor);
			expect(await page.textContent(`${editor} [data-testid=rules-state]`)).toContain(
				'Not applied',
			);
			expect(await page.getAttribute('[data-testid=cell-rfm]', 'data-state')).toBe('ready');
			expect(await rowCount(page)).toBe(43);

			// Start from the R package's rules: they leave 10 cells to Others.
			await page.click(`${editor} [data-testid=rule-preset-rfm-r]`);
			expect(await summaryCounts(page)).toMatchObject({ uncovered: 10 });
			expect(await page.textContent(`${editor} td[data-cell="215"]`)).toContain('Others');

			// Back to the 11-segment map written as rules: every cell once.
			await page.click(`${editor} [data-testid=rule-preset-rfm-11]`);
			expect(await rowCount(page)).toBe(43);
			expect(await summaryCounts(page)).toEqual({
				covered: 125,
				uncovered: 0,
				overlaps: 0,
				unreachable: 0,
			});
			expect(await page.inputValue(`${row(1)} [data-testid=rule-name-en]`)).toBe('Champions');

			// Rule 1 (Champions: R 5, F 4–5, M 4–5) moved to M 3–4: 555 and 545 go to Others, 553
			// and 543 are matched twice (rule 1 wins), and rule 4 (Loyal: 543 only) can never match.
			await page.selectOption(`${row(1)} [data-testid=rule-m-min]`, '3');
			await page.selectOption(`${row(1)} [data-testid=rule-m-max]`, '4');
			expect(await summaryCounts(page)).toEqual({
				covered: 123,
				uncovered: 2,
				overlaps: 2,
				unreachable: 1,
			});
			expect(await page.textContent(summary)).toContain('left to Others: 2');
			for (const cell of ['555', '545']) {
				const td = `${editor} td[data-cell="${cell}"]`;
				expect(await page.getAttribute(td, 'data-winner')).toBe('0');
				expect(await page.textContent(td)).toContain('Others');
			}
			for (const cell of ['553', '543']) {
				const td = `${editor} td[data-cell="${cell}"]`;
				expect(await page.getAttribute(td, 'data-winner')).toBe('1');
				expect(await page.getAttribute(td, 'class')).toContain('overlap');
				expect(await page.textContent(td)).toContain('1+');
			}
			expect(await page.textContent(`${row(4)} [data-testid=rule-status]`)).toContain(
				'Never matches: earlier rules (1)',
			);
			expect(await page.getAttribute(row(4), 'class')).toContain('never');

			// An invalid range is shown and blocks Apply until fixed.
			await page.selectOption(`${row(2)} [data-testid=rule-r-min]`, '5');
			expect(await page.textContent(`${row(2)} [data-testid=rule-status]`)).toContain(
				'lowest R score 5 is above the highest 4',
			);
			expect(await page.getAttribute(`${editor} [data-testid=rules-apply]`, 'aria-disabled')).toBe(
				'true',
			);
			await page.focus(`${editor} [data-testid=rules-apply]`);
			await page.keyboard.press('Enter');
			expect(await page.textContent(`${editor} [data-testid=rules-state]`)).toContain(
				'Not applied',
			);
			await page.selectOption(`${row(2)} [data-testid=rule-r-min]`, '4');
			expect(await page.getAttribute(`${editor} [data-testid=rules-apply]`, 'aria-disabled')).toBe(
				'false',
			);

			// A copy right after its original never matches; deleting it puts things back.
			await page.click(`${row(2)} [data-testid=rule-duplicate]`);
			expect(await rowCount(page)).toBe(44);
			expect(await page.textContent(`${row(3)} [data-testid=rule-status]`)).toContain(
				'earlier rules (2)',
			);
			await page.click(`${row(3)} [data-testid=rule-delete]`);
			expect(await rowCount(page)).toBe(43);

			// Moving by keyboard keeps focus on the rule that moved.
			await page.focus(`${row(2)} [data-testid=rule-up]`);
			await page.keyboard.press('Enter');
			expect(await page.inputValue(`${row(1)} [data-testid=rule-r-min]`)).toBe('4');
			expect(await page.inputValue(`${row(2)} [data-testid=rule-m-min]`)).toBe('3');
			expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
				'rule-down',
			);
			await page.keyboard.press('Enter');
			expect(await page.inputValue(`${row(1)} [data-testid=rule-m-min]`)).toBe('3');
			expect(await page.inputValue(`${row(2)} [data-testid=rule-r-min]`)).toBe('4');

			// Nothing ran while editing; Apply reruns the RFM cell with the rules.
			expect(await page.$(segmentRow('Others'))).toBeNull();
			await page.focus(`${editor} [data-testid=rules-apply]`);
			await page.keyboard.press('Enter');
			await page.waitForSelector(segmentRow('Others'), { timeout: 60_000 });
			await waitReady(page);
			expect(await segmentCustomers(page, 'Others')).toBe(others);
			expect(await segmentCustomers(page, 'Champions')).toBe(champions);
			expect(await page.textContent(`${editor} [data-testid=rules-state]`)).toContain('Applied');
			expect(await page.getAttribute(`${editor} [data-testid=rules-apply]`, 'aria-disabled')).toBe(
				'true',
			);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
				'rules-apply',
			);
			const exported = readCsv(await downloadText(page, 'export-customers-csv'));
			expect(exported.filter((c) => c.segment === 'Others').length).toBe(others);

			// The rules are part of the notebook: a reload shows the same segments and rules.
			await page.reload();
			await waitReady(page);
			expect(await page.inputValue('[data-testid=rfm-scheme]')).toBe('custom');
			expect(await segmentCustomers(page, 'Others')).toBe(others);
			await page.click('[data-testid=rules-edit]');
			await page.waitForSelector(editor);
			expect(await rowCount(page)).toBe(43);
			expect(await page.inputValue(`${row(1)} [data-testid=rule-m-min]`)).toBe('3');
			expect(await page.inputValue(`${row(1)} [data-testid=rule-m-max]`)).toBe('4');
			expect(await page.textContent(`${editor} [data-testid=rules-state]`)).toContain('Applied');
			expect(await summaryCounts(page)).toMatchObject({ uncovered: 2, overlaps: 2 });
		} catch (e) {
			await shot(page, 'rules');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('offers to scale a preset written for other scores, and every control has a label', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page);
			await page.click('[data-testid=rules-edit]');
			await page.click(`${editor} [data-testid=rule-preset-cn-8]`);
			const mismatch = `${editor} [data-testid=rules-mismatch]`;
			expect(await page.textContent(mismatch)).toContain('written for 2 scores');
			await page.click(`${mismatch} [data-testid=rules-scale]`);
			expect(await page.$(mismatch)).toBeNull();
			expect(await rowCount(page)).toBe(8);
			expect(await summaryCounts(page)).toEqual({
				covered: 125,
				uncovered: 0,
				overlaps: 0,
				unreachable: 0,
			});
			// 2 scores as 5: scores 3–5 are the "high" (recent) half.
			expect(await page.inputValue(`${row(1)} [data-testid=rule-r-min]`)).toBe('3');
			expect(await page.inputValue(`${row(1)} [data-testid=rule-r-max]`)).toBe('5');

			const unlabelled = await page.$$eval(
				`${editor} input, ${editor} select, ${editor} button`,
				(els) =>
					els
						.filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim()))
						.map((el) => el.outerHTML),
			);
			expect(unlabelled).toEqual([]);
			const tables = await page.$$eval(`${editor} [data-testid=rules-grid] table`, (els) =>
				els.map((el) => el.querySelector('caption')?.textContent?.trim() ?? ''),
			);
			expect(tables).toHaveLength(5);
			expect(tables[0]).toContain('Recency score R = 5');

			// Closing discards the draft; the scheme in use stays.
			await page.click(`${editor} [data-testid=rules-close]`);
			expect(await page.$(editor)).toBeNull();
			expect(await page.inputValue('[data-testid=rfm-scheme]')).toBe('rfm-11');
		} catch (e) {
			await shot(page, 'rules-scale');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('keeps an unapplied draft across a reload and reopens the editor on it', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page);
			await page.selectOption('[data-testid=rfm-scheme]', 'custom');
			await page.waitForSelector(editor);
			await page.click(`${editor} [data-testid=rule-preset-rfm-r]`);
			await page.selectOption(`${row(1)} [data-testid=rule-m-min]`, '3');
			const before = await summaryCounts(page);
			const rules = await rowCount(page);
			await page.waitForTimeout(1500); // saving is debounced
			await page.reload();
			await waitReady(page);
			await page.waitForSelector(editor);
			expect(await rowCount(page)).toBe(rules);
			expect(await page.inputValue(`${row(1)} [data-testid=rule-m-min]`)).toBe('3');
			expect(await summaryCounts(page)).toEqual(before);
			// Closing forgets the draft.
			await page.click(`${editor} [data-testid=rules-close]`);
			await page.waitForTimeout(1500);
			await page.reload();
			await waitReady(page);
			expect(await page.locator(editor).count()).toBe(0);
		} catch (e) {
			await shot(page, 'rules-draft');
			throw e;
		} finally {
			await context.close();
		}
	});
});
