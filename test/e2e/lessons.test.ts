import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, launch, open, shot, waitReady } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** The lesson panel and what a learner does in it. */
function lessonPanel(page: Page) {
	const panel = page.locator('[data-testid=lesson-panel]');
	return {
		panel,
		stepCount: () => panel.locator('[data-testid=lesson-step-count]').textContent(),
		title: () => panel.locator('[data-testid=lesson-step-title]').textContent(),
		feedback: () => panel.locator('[data-testid=lesson-feedback]'),
		async answer(value: string, expected: 'right' | 'wrong') {
			await panel.locator('[data-testid=lesson-answer]').fill(value);
			await panel.locator('[data-testid=lesson-check]').click();
			await panel.locator(`[data-testid=lesson-feedback][data-result=${expected}]`).waitFor();
		},
		async pick(value: string) {
			await panel.locator('[data-testid=lesson-answer]').selectOption(value);
			await panel.locator('[data-testid=lesson-check]').click();
			await panel.locator('[data-testid=lesson-feedback][data-result=right]').waitFor();
		},
		async next(expected: string) {
			await panel.locator('[data-testid=lesson-next]').click();
			await expect
				.poll(() => panel.locator('[data-testid=lesson-step-count]').textContent())
				.toBe(expected);
		},
	};
}

/** The row of a score in one of the RFM cell's cut-point tables. */
function scoreRow(page: Page, metric: string, score: number): Locator {
	return page
		.locator(`[data-testid=rfm-cuts-${metric}] tbody tr`)
		.filter({ has: page.locator('th', { hasText: new RegExp(`^${score}$`) }) });
}

/** The customers of a segment, as the RFM cell's segment table shows them. */
async function segmentCustomers(page: Page, id: string): Promise<string> {
	await waitReady(page, ['rfm']);
	return (await page
		.locator(`[data-testid=rfm-segments] tr[data-segment="${id}"] td.num`)
		.first()
		.textContent())!;
}

describe('lesson mode in Chromium', () => {
	it('completes the RFM lesson from the landing view: answers checked against the cells, a wrong answer first, tries, a reload and a language switch on the way', async () => {
		const { page, context, requests } = await open(browser, '');
		const lesson = lessonPanel(page);
		try {
			await page.click('[data-testid=lesson-start-rfm]');
			await lesson.panel.waitFor();
			await waitReady(page);
			expect(await lesson.stepCount()).toBe('Step 1 of 7');
			expect(await page.getAttribute('[data-testid=cell-overview]', 'data-lesson-focus')).toBe(
				'cell',
			);

			// 1. Customers, from the Overview cell: wrong first, with the hint, then right.
			const customers = (await page.textContent('[data-testid=kpi-customers]'))!;
			await lesson.answer('5', 'wrong');
			expect(await lesson.feedback().textContent()).toContain('Not quite');
			expect(await lesson.feedback().textContent()).toContain('labelled Customers');
			await lesson.answer(customers, 'right');
			expect(await lesson.feedback().textContent()).toContain(`shows ${customers}`);
			await lesson.next('Step 2 of 7');

			// 2. The most days since the last purchase that still scores R = 5.
			expect(await page.getAttribute('[data-testid=cell-rfm]', 'data-lesson-focus')).toBe('cell');
			expect(await page.getAttribute('[data-testid=rfm-cuts-recency]', 'data-lesson-focus')).toBe(
				'part',
			);
			expect(await page.getAttribute('[data-testid=cell-overview]', 'data-lesson-focus')).toBe(
				null,
			);
			const r5 = (await scoreRow(page, 'recency', 5).locator('td').first().textContent())!;
			await lesson.answer(r5.split('–')[1].trim(), 'right');
			await lesson.next('Step 3 of 7');

			// 3. One-time buyers: frequency score 1.
			const f1 = (await scoreRow(page, 'frequency', 1).locator('td').nth(1).textContent())!;
			await lesson.answer(f1, 'right');

			// Progress survives a reload: the same step, already answered.
			await page.reload();
			await lesson.panel.waitFor();
			await waitReady(page);
			expect(await lesson.stepCount()).toBe('Step 3 of 7');
			await lesson.panel.locator('[data-testid=lesson-feedback][data-result=right]').waitFor();

			// The lesson follows the language of the app.
			await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
			await expect.poll(() => lesson.title()).toContain('消费频率');
			expect(await lesson.stepCount()).toBe('第 3 步，共 7 步');
			await page.selectOption('[data-testid=lang-switch]', 'en');
			await expect.poll(() => lesson.title()).toContain('Frequency');
			await lesson.next('Step 4 of 7');

			// 4. Champions.
			await lesson.answer(await segmentCustomers(page, 'Champions'), 'right');
			await lesson.next('Step 5 of 7');

			// 5. A choice: the segment with the largest revenue share.
			const rows = page.locator('[data-testid=rfm-segments] tr[data-segment]');
			let top = { id: '', share: -1 };
			for (const row of await rows.all()) {
				const share = parseFloat((await row.locator('td.num').nth(2).textContent())!);
				if (share > top.share) top = { id: (await row.getAttribute('data-segment'))!, share };
			}
			await lesson.pick(top.id);
			await lesson.next('Step 6 of 7');

			// 6. Another scoring method: the try notices the segments move; the question follows.
			const tryBox = lesson.panel.locator('[data-testid=lesson-try]');
			expect(await tryBox.getAttribute('data-done')).toBe('false');
			expect(await page.getAttribute('[data-testid=rfm-scoring]', 'data-lesson-focus')).toBe(
				'control',
			);
			await page.selectOption('[data-testid=rfm-scoring]', 'ntile');
			await lesson.panel.locator('[data-testid=lesson-try][data-done=true]').waitFor();
			expect(await lesson.panel.locator('[data-testid=lesson-try-effect]').textContent()).toMatch(
				/Before: .+ → now: .+/,
			);
			await lesson.answer(await segmentCustomers(page, 'Champions'), 'right');
			await lesson.next('Step 7 of 7');

			// 7. Three scores: everyone falls into Others.
			await page.selectOption('[data-testid=rfm-bins]', '3');
			await lesson.panel.locator('[data-testid=lesson-try][data-done=true]').waitFor();
			const others = await segmentCustomers(page, 'Others');
			expect(others).toBe(customers);
			await lesson.answer(others, 'right');

			await lesson.panel.locator('[data-testid=lesson-next]').click();
			await lesson.panel.locator('[data-testid=lesson-complete]').waitFor();
			expect(await lesson.panel.locator('[data-testid=lesson-score]').textContent()).toContain(
				'Questions answered right: 7 of 7.',
			);

			// Closing keeps the notebook; the landing view says the lesson is done.
			await lesson.panel.locator('[data-testid=lesson-close]').click();
			await lesson.panel.waitFor({ state: 'detached' });
			expect(await page.getAttribute('[data-testid=cell-rfm]', 'data-lesson-focus')).toBe(null);
			await page.click('.brand');
			expect(await page.textContent('[data-testid=lesson-rfm]')).toContain('completed');

			const foreign = requests.filter(
				(u) => !u.startsWith(BASE) && !u.startsWith('blob:') && !u.startsWith('data:'),
			);
			expect(foreign).toEqual([]);
			expect(requests.some((u) => u.startsWith(`${BASE}lessons/rfm.en.json`))).toBe(true);
		} catch (e) {
			await shot(page, 'lesson-rfm');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('the CLV lesson opens CDNOW as published, and its first questions are checked against the CLV cell', async () => {
		const { page, context } = await open(browser, '');
		const lesson = lessonPanel(page);
		try {
			await page.click('[data-testid=lesson-start-clv]');
			await lesson.panel.waitFor();
			await waitReady(page, ['clv']);
			expect(await lesson.stepCount()).toBe('Step 1 of 7');
			expect(await page.getAttribute('[data-testid=clv-lead]', 'data-lesson-focus')).toBe('part');
			expect(await page.inputValue('[data-testid=clv-calibration-end]')).toBe('1997-09-30');
			await page.locator('[data-testid=clv-check] [data-check=r][data-ok=true]').waitFor();

			// 1. Customers fitted: the first number of the cell's first line.
			const lead = (await page.textContent('[data-testid=clv-lead]'))!;
			await lesson.answer(lead.match(/[\d,]+/)![0], 'right');
			await lesson.next('Step 2 of 7');

			// 2. r ÷ α, as the parameter table puts it in words.
			const meaning = (await page.textContent(
				'[data-testid=clv-params] [data-param=r] td:last-child',
			))!;
			await lesson.answer(meaning.match(/= ([\d.]+)/)![1], 'right');
		} catch (e) {
			await shot(page, 'lesson-clv');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('a lesson starts from the notebook’s Lessons menu, in Chinese, and shows the answer after two wrong tries', async () => {
		const { page, context } = await open(browser, '?sample=cdnow');
		const lesson = lessonPanel(page);
		try {
			await waitReady(page);
			await page.selectOption('[data-testid=lang-switch]', 'zh-CN');
			await page.click('[data-testid=lessons-menu]');
			await page.click('[data-testid=lesson-start-clusters]');
			await lesson.panel.waitFor();
			await waitReady(page);
			expect(await lesson.stepCount()).toBe('第 1 步，共 6 步');
			expect(await lesson.title()).toContain('聚类');
			await lesson.answer('１', 'wrong');
			await lesson.answer('2', 'wrong');
			await lesson.panel.locator('[data-testid=lesson-reveal]').click();
			await lesson.panel.locator('[data-testid=lesson-feedback][data-result=revealed]').waitFor();
			const shown = (await lesson.feedback().textContent())!;
			const kpi = (await page.textContent('[data-testid=cell-clusters] .kpis dd'))!.trim();
			expect(shown).toContain(`答案是 ${kpi}`);
			await page.click('[data-testid=lesson-exit]');
			await lesson.panel.waitFor({ state: 'detached' });
		} catch (e) {
			await shot(page, 'lesson-menu');
			throw e;
		} finally {
			await context.close();
		}
	});
});
