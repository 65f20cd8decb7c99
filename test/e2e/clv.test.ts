import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadText, launch, open, shot, waitReady } from './browser';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('the CLV cell', () => {
	it('?sample=cdnow fits BG/NBD and Gamma-Gamma and agrees with every published value', async () => {
		const { page, context } = await open(browser, '?sample=cdnow');
		try {
			await waitReady(page, ['data', 'clv']);
			// The output is drawn in a later task than the state changes.
			await page.waitForSelector('[data-testid=clv-check] tr[data-check]');
			const checks = page.locator('[data-testid=clv-check] tr[data-check]');
			expect(await checks.count()).toBe(8);
			expect(
				await checks.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ok'))),
			).toEqual(Array(8).fill('true'));
			expect(await page.locator('[data-testid=clv-holdout] tbody tr').count()).toBe(8);
			expect(await page.locator('[data-testid=clv-risk] tbody tr').count()).toBe(10);
			// Tapping a figure explains it with the formula and this customer's inputs.
			await page
				.locator('[data-testid=clv-top] tbody tr')
				.first()
				.locator('button')
				.first()
				.click();
			expect(await page.textContent('[data-testid=clv-explained]')).toMatch(
				/^P\(alive\) = 1 ÷ \(1 \+ a ÷ \(b \+ x − 1\).*with x = \d+, t_x = [\d.]+, T = [\d.]+$/,
			);
			// The CLV columns of customers.csv, as the CLI's --clv writes them.
			const csv = await downloadText(page, 'export-customers-clv-csv');
			expect(csv.split('\n')[0]).toMatch(
				/,x,t_x,T,p_alive,expected_purchases,expected_avg_spend,clv$/,
			);
			// A longer horizon reruns only this cell and raises the total CLV.
			const before = await page.textContent('[data-testid=clv-totals]');
			await page.fill('[data-testid=clv-horizon]', '24');
			await page.locator('[data-testid=clv-horizon]').blur();
			await page.waitForFunction(
				(text) => document.querySelector('[data-testid=clv-totals]')?.textContent !== text,
				before,
			);
			await waitReady(page, ['clv']);
			expect(await page.textContent('[data-testid=clv-totals]')).toMatch(/over 24 months/);
		} catch (e) {
			await shot(page, 'clv');
			throw e;
		} finally {
			await context.close();
		}
	});
});
