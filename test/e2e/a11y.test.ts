/**
 * Every view, in both languages: no serious or critical axe-core violation, no English left in the
 * Chinese UI and no Chinese in the English one. Data (file names, column names, values) is marked
 * translate="no" and not checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, CELLS, launch, shot, waitReady } from './browser';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Serious and critical violations on the page as it is, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window)))
		await page.addScriptTag({ content: axeSource });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						d: Document,
						o: unknown,
					) => Promise<{
						violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
					}>;
				};
			}
		).axe;
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.impact} ${v.id}: ${v.nodes
						.slice(0, 3)
						.map((n) => n.target.join(' '))
						.join(' | ')}`,
			);
	});
}

/** Names and symbols the Chinese UI writes in Latin letters. */
const LATIN_TERMS =
	/\b(RFM|CSV|SVG|PNG|K-means|CLV|CAC|AOV|Clientele|UTF-8|UTF-16|LE|BE|GB18030|GBK|Windows-1252|BG\/NBD|Gamma-Gamma|CDNOW|JSON|NDJSON|HTML|Excel|Parquet|xlsx|log1p|z-score|YYYY-MM-DD|Tab|English|Fader|Hardie|Lee|LL|rfm-11|rfm-r|cn-8)\b/g;

/** Text of the page in the wrong language: English words in Chinese, or Chinese in English. */
async function wrongLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<string[]> {
	const texts = await page.evaluate(() => {
		const out = new Set<string>();
		const skip = (el: Element | null) =>
			el?.closest('[translate=no], script, style, option, select, textarea, svg') ?? null;
		const walk = (n: Node) => {
			if (n.nodeType === 3) {
				const t = n.textContent!.trim();
				if (t && !skip(n.parentElement)) out.add(t);
			} else if (n.nodeType === 1) {
				const el = n as Element;
				for (const c of el.childNodes) walk(c);
				if (!skip(el))
					for (const a of ['title', 'aria-label', 'placeholder']) {
						const v = el.getAttribute(a);
						if (v) out.add(v);
					}
			}
		};
		walk(document.body);
		return [...out];
	});
	return lang === 'zh-CN'
		? texts.filter(
				(t) => !/[\u4e00-\u9fff]/.test(t) && /[A-Za-z]{3,}/.test(t.replace(LATIN_TERMS, '')),
			)
		: // A language is named in itself (简体中文), as the language switch does.
			texts.filter((t) => /[\u4e00-\u9fff]/.test(t.replace(/简体中文/g, '')));
}

async function checkView(page: Page, name: string): Promise<void> {
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	for (const lang of ['zh-CN', 'en'] as const) {
		await page.selectOption('[data-testid=lang-switch]', lang);
		await page.waitForTimeout(800);
		expect(await wrongLanguage(page, lang), `${name} in ${lang}`).toEqual([]);
		expect(await axeViolations(page), `${name} in ${lang}`).toEqual([]);
	}
}

async function newPage(path: string): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'en-US',
		// axe-core is injected as an inline script, which the app's CSP forbids.
		bypassCSP: true,
	});
	const page = await context.newPage();
	await page.goto(BASE + path);
	return page;
}

describe('accessibility and language on every view', () => {
	it.each([
		['the landing view', '', null],
		['the retail notebook, every cell', '?sample=retail', CELLS],
		['the CDNOW notebook with the CLV check', '?sample=cdnow', CELLS],
	] as const)('%s', async (name, path, cells) => {
		const page = await newPage(path);
		try {
			if (cells) await waitReady(page, cells, 90_000);
			else await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
			await page.waitForTimeout(1500);
			await checkView(page, name);
		} catch (e) {
			await shot(page, `a11y-${name}`);
			throw e;
		} finally {
			await page.context().close();
		}
	});

	it('the rule editor, personas by cluster, and a lesson', async () => {
		const page = await newPage('');
		try {
			await page.click('[data-testid=lesson-start-rfm]');
			await waitReady(page, CELLS, 90_000);
			await page.selectOption('[data-testid=rfm-scheme]', 'custom');
			await page.click('[data-testid=personas-by-cluster]');
			await waitReady(page, ['personas']);
			await page.waitForTimeout(1500);
			await checkView(page, 'editor, personas and lesson');
		} catch (e) {
			await shot(page, 'a11y-editor');
			throw e;
		} finally {
			await page.context().close();
		}
	});

	it('a file the app cannot use: the error state', async () => {
		const page = await newPage('');
		try {
			await page.setInputFiles('[data-testid=file-input]', {
				name: 'notes.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('note,score\nhello,1\nworld,2\n'),
			});
			await page.waitForSelector('[data-testid=cell-data][data-state=error]');
			await checkView(page, 'error state');
		} catch (e) {
			await shot(page, 'a11y-error');
			throw e;
		} finally {
			await page.context().close();
		}
	});
});
