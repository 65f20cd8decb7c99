import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyze';
import { cohortsCsv, customersCsv } from '../../src/analysis/export';
import { defaultSettings } from '../../src/analysis/settings';
import { BASE, CELLS, downloadText, launch, open, shot, waitReady } from './browser';

const root = join(import.meta.dirname, '..', '..');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Cells whose data-state became "running" while `action` ran. */
async function rerunCells(page: Page, action: () => Promise<void>): Promise<string[]> {
	await page.evaluate(() => {
		const seen = new Set<string>();
		(window as unknown as { __reran: Set<string> }).__reran = seen;
		new MutationObserver((records) => {
			for (const r of records) {
				const el = r.target as HTMLElement;
				if (el.dataset.state === 'running') seen.add(el.dataset.testid!);
			}
		}).observe(document.body, { attributes: true, attributeFilter: ['data-state'], subtree: true });
	});
	await action();
	await page.waitForTimeout(300);
	await waitReady(page);
	return page.evaluate(() => [...(window as unknown as { __reran: Set<string> }).__reran].sort());
}

function engine(file: string) {
	return runAnalysis(readFileSync(file), file, defaultSettings());
}

describe('the notebook in Chromium', () => {
	it('?sample=retail runs every cell, shows the engine’s numbers, and exports the CLI’s files', async () => {
		const { page, context, requests } = await open(browser, '?sample=retail');
		try {
			await waitReady(page);
			const r = engine(join(root, 'static/samples/retail.csv'));
			expect(await page.textContent('[data-testid=kpi-customers]')).toBe(
				r.customers.metrics.ids.length.toLocaleString('en-US'),
			);
			expect(await page.textContent('[data-testid=rows-read]')).toBe(
				(50_000).toLocaleString('en-US'),
			);
			expect(await downloadText(page, 'export-customers-csv')).toBe(
				customersCsv(r.customers, r.clusters),
			);
			expect(await downloadText(page, 'export-cohorts-csv')).toBe(cohortsCsv(r.cohorts));
			// A customer's RFM cell explains its scores: each value, its score's range, the sum.
			const first = page.locator('[data-testid=cell-rfm] [role=cell] button').first();
			const cell = (await first.textContent())!.trim();
			await first.click();
			const why = (await page.textContent('[data-testid=score-explained]'))!;
			expect(why).toMatch(new RegExp(`^Recency \\(R\\): .* → ${cell[0]}\\n`));
			expect(why).toContain(
				`RFM cell ${cell}; RFM score = R + F + M = ${+cell[0] + +cell[1] + +cell[2]}`,
			);
			const foreign = requests.filter(
				(u) => !u.startsWith(BASE) && !u.startsWith('blob:') && !u.startsWith('data:'),
			);
			expect(foreign).toEqual([]);
		} catch (e) {
			await shot(page, 'retail');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('?sample=cdnow reads the headerless space-aligned file', async () => {
		const { page, context } = await open(browser, '?sample=cdnow');
		try {
			await waitReady(page);
			const r = engine(join(root, 'static/samples/CDNOW_sample.txt'));
			expect(await page.textContent('[data-testid=kpi-customers]')).toBe(
				r.customers.metrics.ids.length.toLocaleString('en-US'),
			);
			expect(await page.inputValue('[data-testid=role-customer_id]')).toBe('column_1');
		} catch (e) {
			await shot(page, 'cdnow');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('a parameter change reruns that cell and its dependents only; a reload restores everything', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page);
			const reran = await rerunCells(page, async () => {
				await page.selectOption(
					'[data-testid=cell-cohorts] select[data-testid=cohorts-period]',
					'quarter',
				);
			});
			expect(reran).toEqual(['cell-cohorts']);
			const before = await page.textContent('[data-testid=kpi-customers]');
			await page.reload();
			const t0 = Date.now();
			await waitReady(page, CELLS, 10_000);
			expect(Date.now() - t0).toBeLessThan(5_000);
			expect(await page.textContent('[data-testid=kpi-customers]')).toBe(before);
			expect(await page.inputValue('[data-testid=cohorts-period]')).toBe('quarter');
			// The parsed columns are stored in parts; after the reload a change reads them back
			// (no parse) and gives the engine's numbers.
			const stored = await page.evaluate(
				() =>
					new Promise<string[]>((resolve, reject) => {
						const q = indexedDB.open('clientele');
						q.onerror = () => reject(q.error);
						q.onsuccess = () => {
							const r = q.result.transaction('parsed').objectStore('parsed').getAllKeys();
							r.onsuccess = () => resolve((r.result as string[]).map(String));
						};
					}),
			);
			expect(stored.some((k) => /#0#codes#0$/.test(k))).toBe(true);
			expect(stored.some((k) => /#0#values#0$/.test(k))).toBe(true);
			await page.selectOption('[data-testid=cohorts-period]', 'month');
			await waitReady(page, ['cohorts']);
			expect(await downloadText(page, 'export-cohorts-csv')).toBe(
				cohortsCsv(engine(join(root, 'static/samples/retail.csv')).cohorts),
			);
		} catch (e) {
			await shot(page, 'rerun');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('a file without a customer column gives a clear error in the Data cell, and nothing else breaks', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'clientele-e2e-'));
		const file = join(dir, 'no-customer.csv');
		writeFileSync(file, 'date,amount\n2024-01-01,10\n2024-01-02,20\n');
		const { page, context } = await open(browser, '');
		try {
			await page.setInputFiles('[data-testid=file-input]', file);
			await page.waitForSelector('[data-testid=cell-data][data-state=error]');
			expect(await page.textContent('[data-testid=cell-data] [role=alert]')).toContain(
				'No customer id column',
			);
			await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
			expect(await page.textContent('[data-testid=cell-data] [role=alert]')).toContain('客户编号');
		} finally {
			await context.close();
		}
	});

	it('a long job shows progress and can be cancelled; the app carries on', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'clientele-e2e-'));
		const file = join(dir, 'big.csv');
		const lines = ['customer,date,amount'];
		for (let i = 0; i < 600_000; i++)
			lines.push(`c${i % 5000},2023-${String((i % 12) + 1).padStart(2, '0')}-15,${(i % 97) + 0.5}`);
		writeFileSync(file, lines.join('\n'));
		const { page, context } = await open(browser, '');
		try {
			await page.setInputFiles('[data-testid=file-input]', file);
			await page.waitForSelector('[data-testid=progress]', { timeout: 20_000 });
			await page.click('[data-testid=cancel]');
			await page.waitForSelector('[data-testid=progress]', { state: 'detached' });
			expect(await page.getAttribute('[data-testid=cell-data]', 'data-state')).not.toBe('running');
			await page.goto(BASE + '?sample=cdnow');
			await waitReady(page);
		} catch (e) {
			await shot(page, 'cancel');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('export-notebook downloads a notebook file that the CLI accepts as --config', async () => {
		const { page, context } = await open(browser, '?sample=cdnow');
		try {
			await waitReady(page);
			const text = await downloadText(page, 'export-notebook');
			const nb = JSON.parse(text);
			expect(nb).toMatchObject({
				version: 1,
				language: 'en',
				dataset: { name: 'CDNOW_sample.txt', bytes: 228327 },
			});
			expect(nb.cells.map((c: { type: string }) => c.type)).toEqual([...CELLS]);
			expect(nb.data).toBeUndefined();
		} finally {
			await context.close();
		}
	});
});

describe('links and files', () => {
	it('?data=URL opens a file from the web, and #nb= reproduces settings on it', async () => {
		const { page, context } = await open(browser, null);
		try {
			const data = new URL('samples/CDNOW_sample.txt', BASE).toString();
			await page.goto(`${BASE}?data=${encodeURIComponent(data)}`);
			await waitReady(page);
			await page.selectOption('[data-testid=cohorts-period]', 'year');
			await waitReady(page);
			await page.click('text=Copy link to these settings');
			const link = await page.inputValue('[data-testid=share-link]');
			expect(link).toMatch(/#nb=[A-Za-z0-9_-]+$/);
			const fragment = link.slice(link.indexOf('#'));
			await page.goto(`${BASE}?data=${encodeURIComponent(data)}${fragment}`);
			await waitReady(page);
			expect(await page.inputValue('[data-testid=cohorts-period]')).toBe('year');
		} finally {
			await context.close();
		}
	});

	it('the language switch applies at once and is remembered', async () => {
		const { page, context } = await open(browser, '?sample=cdnow');
		try {
			await waitReady(page);
			await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
			expect(await page.textContent('[data-testid=cell-overview] h2')).toBe('概览');
			await page.reload();
			await waitReady(page);
			expect(await page.inputValue('[data-testid=lang-switch]')).toBe('zh-CN');
			expect(await page.textContent('[data-testid=cell-rfm] h2')).toBe('RFM 客户细分');
		} finally {
			await context.close();
		}
	});
});
