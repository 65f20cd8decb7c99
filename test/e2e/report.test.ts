import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyze';
import { defaultSettings } from '../../src/analysis/settings';
import { CELLS, downloadText, launch, open, shot, waitReady } from './browser';

const root = join(import.meta.dirname, '..', '..');
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('reports and campaign lists', () => {
	it('export-report writes one HTML file that shows every cell with scripts off and no request', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page, CELLS);
			await page.waitForTimeout(1500); // charts are drawn one per task
			const html = await downloadText(page, 'export-report');
			expect(html).not.toMatch(/<script/i);
			expect(html).toContain("default-src 'none'");
			const file = join(mkdtempSync(join(tmpdir(), 'clientele-report-')), 'report.html');
			writeFileSync(file, html);

			const offline = await browser.newContext({ javaScriptEnabled: false, offline: true });
			try {
				const view = await offline.newPage();
				const requests: string[] = [];
				view.on('request', (r) => requests.push(r.url()));
				await view.goto('file://' + file);
				for (const cell of CELLS)
					expect(await view.locator(`[data-testid=cell-${cell}]`).count(), cell).toBe(1);
				expect(await view.locator('svg[role=img]').count()).toBeGreaterThan(8);
				expect(await view.locator('button, input, select, textarea').count()).toBe(0);
				// Explanations are open; parameters are shown as their values.
				expect(await view.locator('details[open]').count()).toBeGreaterThanOrEqual(7);
				expect(await view.textContent('body')).toContain('Champions');
				// Figures that explain themselves keep their value and their explanation.
				const risk = view.locator('[data-testid=clv-risk] tbody tr').first().locator('td').nth(5);
				expect(await risk.textContent()).toMatch(/\d+(\.\d)?%/);
				expect(await risk.locator('span[title]').getAttribute('title')).toMatch(/^1 − /);
				expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual(
					[],
				);
			} finally {
				await offline.close();
			}
		} catch (e) {
			await shot(page, 'report');
			throw e;
		} finally {
			await context.close();
		}
	});

	it('a persona card exports its customers with the edited action, formulas made inert', async () => {
		const { page, context } = await open(browser, '?sample=retail');
		try {
			await waitReady(page, ['data', 'personas']);
			const card = page.locator('[data-testid=persona][data-group="segment:Champions"]');
			await card.locator('[data-testid=persona-action]').fill('=VIP call');
			await card.locator('[data-testid=persona-action]').blur();
			const [d] = await Promise.all([
				page.waitForEvent('download'),
				card.locator('[data-testid=export-group]').click(),
			]);
			const text = readFileSync(await d.path(), 'utf8');
			const r = runAnalysis(
				readFileSync(join(root, 'static/samples/retail.csv')),
				'retail.csv',
				defaultSettings(),
			);
			const seg = r.customers.segmentation;
			const champions = r.customers.metrics.ids.filter(
				(_, i) => seg.segments[seg.segment[i]].id === 'Champions',
			);
			const lines = text.trim().split('\n');
			expect(lines[0]).toBe(
				'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_cell,segment,lifecycle,cluster,action',
			);
			expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(champions);
			expect(lines.slice(1).every((l) => l.endsWith(",'=VIP call"))).toBe(true);
			// The edited action survives a reload.
			await page.reload();
			await waitReady(page, ['data', 'personas']);
			expect(
				await page
					.locator(
						'[data-testid=persona][data-group="segment:Champions"] [data-testid=persona-action]',
					)
					.inputValue(),
			).toBe('=VIP call');
		} catch (e) {
			await shot(page, 'persona-export');
			throw e;
		} finally {
			await context.close();
		}
	});
});
