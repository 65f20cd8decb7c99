/** Launches Debian's Chromium with playwright-core and watches every request a page makes. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173/';
export const CELLS = [
	'data',
	'overview',
	'rfm',
	'cohorts',
	'clusters',
	'lifecycle',
	'clv',
	'personas',
] as const;

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	});
}

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Every URL the page requested. */
	requests: string[];
}

export async function open(
	browser: Browser,
	path: string | null = '',
	viewport = { width: 1280, height: 900 },
): Promise<Session> {
	const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-US' });
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('pageerror', (e) => console.error('pageerror:', e.message));
	if (path !== null) await page.goto(BASE + path);
	return { context, page, requests };
}

export async function waitReady(
	page: Page,
	cells: readonly string[] = CELLS,
	timeout = 60_000,
): Promise<void> {
	for (const c of cells) {
		await page.waitForSelector(`[data-testid=cell-${c}][data-state=ready]`, { timeout });
	}
}

/** A screenshot under test-results/, for looking at a failure. */
export async function shot(page: Page, name: string): Promise<void> {
	const dir = join(import.meta.dirname, '..', '..', 'test-results');
	mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Text of a download triggered by clicking the element. */
export async function downloadText(page: Page, testid: string): Promise<string> {
	const [d] = await Promise.all([
		page.waitForEvent('download'),
		page.click(`[data-testid=${testid}]`),
	]);
	const stream = await d.createReadStream();
	const chunks: Buffer[] = [];
	for await (const c of stream) chunks.push(c as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
