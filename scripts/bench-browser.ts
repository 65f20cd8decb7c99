/**
 * The app's speed in headless Chromium on the 1M-row file: a file dropped into the built app until
 * Data, Overview, RFM and Cohorts are ready and until every cell is, main-thread tasks over 50 ms,
 * the renderer's peak memory, and a reload of the notebook. Run by `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.js';

const FIRST = ['data', 'overview', 'rfm', 'cohorts'];
const ALL = [...FIRST, 'lifecycle', 'clusters'];

/** Peak resident memory (MB) of Chromium's renderer processes, which hold the page and its workers. */
function rendererPeakMb(): number {
	let kb = 0;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!cmd.includes('--type=renderer')) continue;
			const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) kb += Number(m[1]);
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
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(server.url);
		await page.evaluate(() => {
			const w = window as unknown as { __long: number[] };
			w.__long = [];
			new PerformanceObserver((l) => {
				for (const e of l.getEntries()) w.__long.push(Math.round(e.duration));
			}).observe({ type: 'longtask', buffered: false });
		});
		const t0 = Date.now();
		await page.setInputFiles('[data-testid=file-input]', file);
		const ready: Record<string, number> = {};
		for (const c of ALL) {
			await page.waitForSelector(`[data-testid=cell-${c}][data-state=ready]`, { timeout: 120_000 });
			ready[c] = Date.now() - t0;
		}
		const first = Math.max(...FIRST.map((c) => ready[c]));
		const all = Math.max(...ALL.map((c) => ready[c]));
		await page.waitForTimeout(1500);
		const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
		const memory = rendererPeakMb();
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
		emit({ engine: 'app', stage: 'memory', renderer_peak_mb: memory, target_mb: 600 });
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
