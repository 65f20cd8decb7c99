import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/analyze';
import { cohortsCsv, customersCsv } from '../../src/analysis/export';
import { defaultSettings } from '../../src/analysis/settings';
import { downloadText, launch, open, shot, waitReady } from './browser';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const base = runAnalysis(
	readFileSync(join(fixtures, 'orders.csv')),
	'orders.csv',
	defaultSettings(),
);
const SHAPES = [
	'orders.csv',
	'orders-gb18030.csv',
	'orders-semicolon.csv',
	'orders.tsv',
	'orders.xlsx',
	'orders.json',
	'orders.ndjson',
	'orders.parquet',
];

describe('the same orders in several file shapes', () => {
	it.each(SHAPES)(
		'%s dropped into the app gives the CLI’s customers.csv and cohorts.csv',
		async (name) => {
			const { page, context } = await open(browser, '');
			try {
				await page.setInputFiles('[data-testid=file-input]', join(fixtures, name));
				await waitReady(page);
				expect(await downloadText(page, 'export-customers-csv')).toBe(
					customersCsv(base.customers, base.clusters),
				);
				expect(await downloadText(page, 'export-cohorts-csv')).toBe(cohortsCsv(base.cohorts));
			} catch (e) {
				await shot(page, `shape-${name}`);
				throw e;
			} finally {
				await context.close();
			}
		},
	);
});
