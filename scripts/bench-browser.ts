/**
 * The app's speed in headless Chromium on the 1M-row file: a file dropped into the built app until
 * Data, Overview, RFM and Cohorts are ready and until every cell is, main-thread tasks over 50 ms,
 * the renderer's peak memory, and a reload of the notebook. Run by `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium.js';
import { chromium } from 'playwright-core';
import { serve } from './serve.js';

const FIRST = ['data', 'overview', 'rfm', 'cohorts'];
const ALL = [...FIRST, 'lifecycle', 'clusters', 'clv', 'personas'];

/**
 * Peak resident memory (MB) of the tab: the largest of Chromium's renderer processes, which holds
 * the page and its workers (the others are Chromium's spare and helper renderers).
 */
function tabPeakMb(): number {
	let kb = 0;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!cmd.includes('--type=renderer')) continue;
			const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) kb = Math.max(kb, Number(m[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	return Math.round(kb / 1024);
}

export async function benchBrowser(
	file: string,
	chromiumPath: string,
	emit: (r: Record<string, unknown>) => void,
) {
	const server = await serve('dist', '/');
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		args: CHROMIUM_ARGS,
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(server.url);
		// Times are taken in the page from the file input's change event, as a user's drop would
		// start them (Playwright's own file transfer comes before it).
		await page.evaluate(() => {
			const w = window as unknown as { __t: Record<string, number>; __long: [number, number][] };
			w.__t = {};
			w.__long = [];
			document.addEventListener(
				'change',
				(e) => {
					if ((e.target as HTMLElement).dataset?.testid === 'file-input')
						w.__t.change = performance.now();
				},
				true,
			);
			new MutationObserver((records) => {
				for (const r of records) {
					const el = r.target as HTMLElement;
					const id = el.dataset?.testid;
					if (el.dataset?.state === 'ready' && id && !(id in w.__t)) w.__t[id] = performance.now();
				}
			}).observe(document.body, {
				attributes: true,
				attributeFilter: ['data-state'],
				subtree: true,
			});
			new PerformanceObserver((l) => {
				for (const e of l.getEntries()) w.__long.push([e.startTime, e.duration]);
			}).observe({ type: 'longtask' });
		});
		await page.setInputFiles('[data-testid=file-input]', file);
		for (const c of ALL)
			await page.waitForSelector(`[data-testid=cell-${c}][data-state=ready]`, {
				timeout: 120_000,
			});
		await page.waitForTimeout(1500);
		const { ready, long } = await page.evaluate(() => {
			const w = window as unknown as { __t: Record<string, number>; __long: [number, number][] };
			const out: Record<string, number> = {};
			for (const c of [
				'data',
				'overview',
				'rfm',
				'cohorts',
				'lifecycle',
				'clusters',
				'clv',
				'personas',
			])
				out[c] = Math.round(w.__t[`cell-${c}`] - w.__t.change);
			const long = w.__long
				.filter(([start]) => start >= w.__t.change)
				.map(([, d]) => Math.round(d));
			return { ready: out, long };
		});
		const first = Math.max(...FIRST.map((c) => ready[c]));
		const all = Math.max(...ALL.map((c) => ready[c]));
		const memory = tabPeakMb();
		emit({
			engine: 'app',
			stage: 'drop-1M',
			ready_ms: ready,
			first_four_ms: first,
			all_cells_ms: all,
			target_first_ms: 2000,
			target_all_ms: 3000,
		});
		emit({
			engine: 'app',
			stage: 'main-thread',
			long_tasks_ms: long,
			over_50ms: long.filter((d) => d > 50).length,
			target_over_50ms: 0,
		});
		emit({ engine: 'app', stage: 'memory', tab_peak_mb: memory, target_mb: 600 });
		const t1 = Date.now();
		await page.reload();
		for (const c of FIRST)
			await page.waitForSelector(`[data-testid=cell-${c}][data-state=ready]`, { timeout: 60_000 });
		emit({ engine: 'app', stage: 'reload', ms: Date.now() - t1, target_ms: 1000 });
	} finally {
		await browser.close();
		await server.close();
	}
}
