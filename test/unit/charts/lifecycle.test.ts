import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { simpleClv } from '../../../src/analysis/value';
import {
	lifecycleChart,
	STAGE_COLORS,
	stageRows,
	type LifecycleLabels,
} from '../../../src/charts/lifecycle';
import { paretoChart, TIER_CUTS, TOP_SHARE, type ParetoLabels } from '../../../src/charts/pareto';
import lifecycle from '../../../src/i18n/messages/lifecycle';
import type { LifecycleResult } from '../../../src/shared/analysis-api';

type AnyMark = Plot.Mark & {
	ariaLabel: string;
	data: unknown[];
	channels: Record<string, { value: unknown }>;
};
const marksOf = (o: Plot.PlotOptions) => o.marks as unknown as AnyMark[];
const kinds = (o: Plot.PlotOptions) => marksOf(o).map((m) => m.ariaLabel);

const result: LifecycleResult = {
	topShare: 0.2,
	tierCuts: [0.8, 0.95],
	counts: { new: 1, active: 2, dormant: 3, churned: 4 },
	revenue: { new: 100, active: 500, dormant: 300, churned: 100 },
	paretoTop20: 0.62,
	pareto: [
		{ customerShare: 0, revenueShare: 0 },
		{ customerShare: 0.2, revenueShare: 0.62 },
		{ customerShare: 0.6, revenueShare: 0.9 },
		{ customerShare: 1, revenueShare: 1 },
	],
	tiers: [
		{ tier: 'A', customers: 3, revenue: 800 },
		{ tier: 'B', customers: 3, revenue: 150 },
		{ tier: 'C', customers: 4, revenue: 50 },
	],
	averageAnnualSpend: 5000,
	averageLifetimeYears: 3,
};

const names = { new: 'New', active: 'Active', dormant: 'Dormant', churned: 'Churned' };

describe('stageRows', () => {
	it('stageRows(result, label) lists the four stages in order with their shares', () => {
		expect(stageRows(result, (s) => names[s])).toEqual([
			{
				stage: 'new',
				label: 'New',
				customers: 1,
				revenue: 100,
				customerShare: 0.1,
				revenueShare: 0.1,
			},
			{
				stage: 'active',
				label: 'Active',
				customers: 2,
				revenue: 500,
				customerShare: 0.2,
				revenueShare: 0.5,
			},
			{
				stage: 'dormant',
				label: 'Dormant',
				customers: 3,
				revenue: 300,
				customerShare: 0.3,
				revenueShare: 0.3,
			},
			{
				stage: 'churned',
				label: 'Churned',
				customers: 4,
				revenue: 100,
				customerShare: 0.4,
				revenueShare: 0.1,
			},
		]);
	});

	it('stageRows(result without customers or revenue) gives shares of 0, not NaN', () => {
		const empty: LifecycleResult = {
			...result,
			counts: { new: 0, active: 0, dormant: 0, churned: 0 },
			revenue: { new: 0, active: 50, dormant: -80, churned: 0 },
		};
		const rows = stageRows(empty, (s) => names[s]);
		expect(rows.map((r) => [r.customerShare, r.revenueShare])).toEqual([
			[0, 0],
			[0, 0],
			[0, 0],
			[0, 0],
		]);
	});
});

const labels: LifecycleLabels = {
	stage: 'Stage',
	value: 'Customers',
	format: (x) => String(x),
	pct: (x) => `${Math.round(x * 100)}%`,
};

describe('lifecycleChart', () => {
	const rows = stageRows(result, (s) => names[s]);

	it("lifecycleChart(rows, 'customers', …) draws one bar per stage in stage order, in the stage colours", () => {
		const o = lifecycleChart(rows, 'customers', labels);
		expect(kinds(o)).toEqual(['bar', 'text', 'rule']);
		const [bars, text] = marksOf(o);
		expect(bars.data).toEqual(rows);
		expect(Object.keys(bars.channels).sort()).toEqual(['fill', 'x', 'y1', 'y2']);
		expect(text.data).toEqual(rows);
		expect(text.channels.x.value).toBe('label');
		expect(text.channels.y.value).toBe('customers');
		expect(o.x).toMatchObject({ domain: ['New', 'Active', 'Dormant', 'Churned'], type: 'band' });
		expect(o.color).toEqual({
			domain: ['New', 'Active', 'Dormant', 'Churned'],
			range: [STAGE_COLORS.new, STAGE_COLORS.active, STAGE_COLORS.dormant, STAGE_COLORS.churned],
		});
	});

	it("lifecycleChart(rows, 'revenue', …) labels each bar with its value and revenue share", () => {
		const o = lifecycleChart(rows, 'revenue', labels);
		const [, text] = marksOf(o) as (AnyMark & {
			channels: { text: { value: (r: unknown) => string } };
		})[];
		expect(text.channels.y.value).toBe('revenue');
		expect(rows.map((r) => text.channels.text.value(r))).toEqual([
			'100 · 10%',
			'500 · 50%',
			'300 · 30%',
			'100 · 10%',
		]);
	});
});

const paretoLabels: ParetoLabels = {
	customers: 'Share of customers',
	revenue: 'Share of revenue',
	equal: 'equal',
	top: 'top 20 % → 62 %',
	cuts: ['A | B', 'B | C'],
	pct: (x) => `${x * 100}%`,
};

describe('paretoChart', () => {
	it('paretoChart(pareto, top20, …) draws the curve over 0…1 with the top-20 % point and the tier cuts', () => {
		const o = paretoChart(result.pareto, 0.62, paretoLabels);
		expect(kinds(o)).toEqual([
			'rule',
			'text',
			'line',
			'text',
			'area',
			'line',
			'rule',
			'rule',
			'dot',
			'text',
		]);
		const m = marksOf(o);
		expect(m[0].data).toEqual([
			{ y: 0.8, label: 'A | B' },
			{ y: 0.95, label: 'B | C' },
		]);
		expect(m[2].data).toEqual([
			{ x: 0, y: 0 },
			{ x: 1, y: 1 },
		]);
		expect(m[5].data).toBe(result.pareto);
		expect(m[5].channels.x.value).toBe('customerShare');
		expect(m[5].channels.y.value).toBe('revenueShare');
		for (const i of [6, 7, 8, 9])
			expect(m[i].data).toEqual([{ customerShare: 0.2, revenueShare: 0.62 }]);
		expect(o.x).toMatchObject({ domain: [0, 1], label: 'Share of customers' });
		expect(o.y).toMatchObject({ domain: [0, 1], label: 'Share of revenue' });
		expect(TOP_SHARE).toBe(0.2);
		expect(TIER_CUTS).toEqual([0.8, 0.95]);
	});

	it('paretoChart(pareto with net refunds, …) widens y beyond 0…1 to keep every point', () => {
		const pareto = [
			{ customerShare: 0, revenueShare: 0 },
			{ customerShare: 0.5, revenueShare: 1.4 },
			{ customerShare: 1, revenueShare: 1 },
		];
		expect(paretoChart(pareto, 1.4, paretoLabels).y).toMatchObject({ domain: [0, 1.4] });
		const negative = [
			{ customerShare: 0, revenueShare: 0 },
			{ customerShare: 1, revenueShare: -0.25 },
		];
		expect(paretoChart(negative, 0, paretoLabels).y).toMatchObject({ domain: [-0.25, 1] });
	});

	it('paretoChart([], 0, …) still has the diagonal and axes', () => {
		const o = paretoChart([], 0, paretoLabels);
		expect(o.y).toMatchObject({ domain: [0, 1] });
		expect(marksOf(o)[5].data).toEqual([]);
	});
});

describe('the CLV calculator', () => {
	it('simpleClv({5000, 3 years, 100 %, CAC 1000}) is 14000 and the formula line shows those inputs', () => {
		const clv = simpleClv({ annualSpend: 5000, lifetimeYears: 3, margin: 1, cac: 1000 });
		expect(clv).toBe(14000);
		const fill = (text: string, p: Record<string, string>) =>
			text.replace(/\{(\w+)\}/g, (_, k: string) => p[k]);
		const p = { spend: '5,000', years: '3', margin: '100%', cac: '1,000' };
		expect(`${fill(lifecycle['lifecycle.clv.filled'].en, p)} 14,000`).toBe(
			'CLV = 5,000 × 3 years × 100% − 1,000 = 14,000',
		);
		expect(`${fill(lifecycle['lifecycle.clv.filled'].zh, p)} 14,000`).toBe(
			'CLV = 5,000 × 3 年 × 100% − 1,000 = 14,000',
		);
	});
});

describe('lifecycle messages', () => {
	const placeholders = (text: string) =>
		[...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

	it('every lifecycle.* message has English and Chinese with the same placeholders', () => {
		for (const [key, m] of Object.entries(lifecycle)) {
			expect(key.startsWith('lifecycle.'), key).toBe(true);
			expect(m.en.trim(), key).not.toBe('');
			expect(m.zh.trim(), key).not.toBe('');
			expect(placeholders(m.zh), key).toEqual(placeholders(m.en));
		}
	});

	it('the Chinese messages use the course terms', () => {
		const zh = Object.values(lifecycle)
			.map((m) => m.zh)
			.join('\n');
		for (const term of [
			'新客户',
			'活跃客户',
			'沉睡客户',
			'流失客户',
			'客户终身价值（CLV）',
			'客户获取成本（CAC）',
		])
			expect(zh).toContain(term);
	});
});
