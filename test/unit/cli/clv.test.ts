import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function cli(...args: string[]) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
		{ cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } },
	);
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const within = (x: number, target: number, relative: number) =>
	expect(Math.abs(x - target) / Math.abs(target)).toBeLessThanOrEqual(relative);

describe('cli analyze --clv', () => {
	it('reproduces the published CDNOW fits from the raw file with the documented command', () => {
		const out = mkdtempSync(join(tmpdir(), 'clientele-clv-'));
		const r = cli(
			'analyze',
			join(root, 'static/samples/CDNOW_sample.txt'),
			'--map',
			'customer_id=column_2',
			'--map',
			'date=column_3',
			'--map',
			'amount=column_5',
			'--clv',
			'--calibration-end',
			'1997-09-30',
			'--out',
			out,
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
		const { bgnbd, gamma_gamma: gg } = summary;
		within(bgnbd.r, 0.243, 0.005);
		within(bgnbd.alpha, 4.414, 0.005);
		within(bgnbd.a, 0.793, 0.005);
		within(bgnbd.b, 2.426, 0.005);
		expect(Math.abs(bgnbd.loglik - -9582.4)).toBeLessThanOrEqual(0.5);
		within(gg.p, 6.25, 0.01);
		within(gg.q, 3.74, 0.01);
		within(gg.v, 15.44, 0.01);
		expect(summary.clv).toMatchObject({
			unit: 'week',
			calibration_end: '1997-09-30',
			observation_end: '1998-06-30',
			customers_fitted: 2357,
			holdout: { length: 39, actual_total: 1882 },
		});
		expect(summary.clv.holdout.buckets.map((b: { x: string }) => b.x)).toEqual([
			'0',
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7+',
		]);

		const lines = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\n');
		const head = lines[0].split(',');
		expect(head.slice(-7)).toEqual([
			'x',
			't_x',
			'T',
			'p_alive',
			'expected_purchases',
			'expected_avg_spend',
			'clv',
		]);
		// Customer 0001 is the README's point check: x = 2, t_x = 30.43, T = 38.86, P(alive) 0.7266.
		const c1 = Object.fromEntries(lines[1].split(',').map((v, i) => [head[i], v]));
		expect(c1.customer_id).toBe('0001');
		expect(Number(c1.x)).toBe(2);
		expect(Number(c1.t_x)).toBeCloseTo(30.43, 2);
		expect(Number(c1.T)).toBeCloseTo(38.86, 2);
		expect(Number(c1.p_alive)).toBeCloseTo(0.7266, 3);
		expect(lines.length - 1).toBe(2349); // RFM customers: the 8 with only a 0-value row are not
	});

	it('--calibration-end without --clv, or not a date, is bad usage', () => {
		const file = join(root, 'test/fixtures/orders.csv');
		const a = cli(
			'analyze',
			file,
			'--out',
			mkdtempSync(join(tmpdir(), 'c-')),
			'--calibration-end',
			'2024-02-01',
		);
		expect(a.status).toBe(2);
		expect(a.stderr).toMatch(/^error\[usage\]: --calibration-end is an option of --clv/);
		const b = cli(
			'analyze',
			file,
			'--out',
			mkdtempSync(join(tmpdir(), 'c-')),
			'--clv',
			'--calibration-end',
			'1.2.2024',
		);
		expect(b.status).toBe(2);
		expect(b.stderr).toMatch(/^error\[usage\]: --calibration-end takes a date YYYY-MM-DD/);
	});
});
