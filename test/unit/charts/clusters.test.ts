import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import type { ScanRow, TreeNode } from '../../../src/analysis/cluster';
import { clusterScanChart, type ClusterScanLabels } from '../../../src/charts/cluster-scan';
import {
	CLUSTER_COLORS,
	clusterColor,
	clusterScatterChart,
	symlogTicks,
	type ClusterScatterLabels,
} from '../../../src/charts/cluster-scatter';
import {
	conditionText,
	pruneTree,
	ruleText,
	treeRules,
	type TreeTextLabels,
} from '../../../src/charts/cluster-tree';
import clusters from '../../../src/i18n/messages/clusters';

type AnyMark = Plot.Mark & {
	ariaLabel: string;
	data: unknown[];
	channels: Record<string, { value: unknown }>;
};
const marksOf = (o: Plot.PlotOptions) => o.marks as unknown as AnyMark[];
const kinds = (o: Plot.PlotOptions) => marksOf(o).map((m) => m.ariaLabel);

const scan: ScanRow[] = [
	{ k: 2, inertia: 100, silhouette: 0.5, sizes: [6, 4] },
	{ k: 3, inertia: 60, silhouette: 0.42, sizes: [4, 3, 3] },
	{ k: 4, inertia: 45, silhouette: null, sizes: [3, 3, 2, 2] },
];

const scanLabels: ClusterScanLabels = {
	k: 'k',
	value: 'Inertia',
	best: 'best',
	chosen: 'in use',
	format: (x) => x.toFixed(1),
};

describe('clusterScanChart', () => {
	it("clusterScanChart(scan, 'inertia', …) draws a line and a dot per k and rules the k in use", () => {
		const o = clusterScanChart(scan, 'inertia', { k: 3, bestK: null }, scanLabels);
		expect(kinds(o)).toEqual(['rule', 'text', 'line', 'dot', 'dot', 'text']);
		const [rule, , line, dots, best] = marksOf(o);
		expect(line.data).toEqual([
			{ k: 2, value: 100 },
			{ k: 3, value: 60 },
			{ k: 4, value: 45 },
		]);
		expect(dots.data).toEqual(line.data);
		expect(rule.data).toEqual([{ k: 3, value: 60 }]);
		expect(best.data).toEqual([]);
		expect(o.x).toMatchObject({ label: 'k', ticks: [2, 3, 4], tickFormat: 'd' });
		expect(o.y).toMatchObject({ label: 'Inertia', grid: true, tickFormat: scanLabels.format });
	});

	it("clusterScanChart(scan, 'silhouette', …) leaves out undefined silhouettes and rings the best k", () => {
		const o = clusterScanChart(scan, 'silhouette', { k: 3, bestK: 2 }, scanLabels);
		const [, , line, , best, bestText] = marksOf(o);
		expect(line.data).toEqual([
			{ k: 2, value: 0.5 },
			{ k: 3, value: 0.42 },
		]);
		expect(best.data).toEqual([{ k: 2, value: 0.5 }]);
		expect(bestText.data).toEqual([{ k: 2, value: 0.5 }]);
		expect((o.x as { ticks: number[] }).ticks).toEqual([2, 3]);
	});

	it('clusterScanChart([], …) gives empty marks', () => {
		const o = clusterScanChart([], 'inertia', { k: null, bestK: null }, scanLabels);
		expect(marksOf(o).every((m) => m.data.length === 0)).toBe(true);
	});
});

const scatterLabels: ClusterScatterLabels = {
	recency: 'Recency',
	monetary: 'Monetary',
	frequency: 'Frequency',
	cluster: 'Cluster',
	names: ['1 · Lapsed', '2 · Recent'],
	money: (x) => String(x),
};

describe('clusterScatterChart', () => {
	const points = [
		{ recency: 10, frequency: 5, monetary: 900, cluster: 2 },
		{ recency: 300, frequency: 1, monetary: 20, cluster: 1 },
		{ recency: 200, frequency: 2, monetary: 150, cluster: 1 },
	];

	it('clusterScatterChart(points, …) puts recency across, monetary on a log scale, one colour per cluster', () => {
		const o = clusterScatterChart(points, scatterLabels);
		expect(kinds(o)).toEqual(['dot']);
		const [dots] = marksOf(o);
		expect(dots.data).toEqual(points);
		expect(dots.channels.x.value).toBe('recency');
		expect(dots.channels.y.value).toBe('monetary');
		expect(Object.keys(dots.channels)).toContain('Frequency');
		expect(o.x).toMatchObject({ label: 'Recency' });
		expect(o.y).toMatchObject({ type: 'log', label: 'Monetary', ticks: [20, 50, 100, 200, 500] });
		expect(o.color).toMatchObject({
			type: 'ordinal',
			domain: ['1 · Lapsed', '2 · Recent'],
			range: [CLUSTER_COLORS[0], CLUSTER_COLORS[1]],
			legend: true,
		});
	});

	it('clusterScatterChart(points with 0 and net refunds, …) switches to symlog with signed ticks', () => {
		const o = clusterScatterChart(
			[...points, { recency: 50, frequency: 1, monetary: 0, cluster: 1 }].concat([
				{ recency: 60, frequency: 1, monetary: -120, cluster: 2 },
			]),
			scatterLabels,
		);
		expect(o.y).toMatchObject({ type: 'symlog', ticks: [-100, -10, -1, 0, 1, 10, 100] });
	});

	it('clusterScatterChart(points, …, 2) draws the other clusters faded under cluster 2', () => {
		const o = clusterScatterChart(points, scatterLabels, 2);
		const [others, chosen] = marksOf(o) as (AnyMark & { fillOpacity: number; tip: unknown })[];
		expect(others.data).toEqual(points.slice(1));
		expect(chosen.data).toEqual(points.slice(0, 1));
		expect(others.fillOpacity).toBeLessThan(chosen.fillOpacity);
		expect(others.tip).toBeFalsy();
		expect(chosen.tip).toBeTruthy();
	});

	it('clusterScatterChart([], …) keeps a log axis and no points', () => {
		const o = clusterScatterChart([], scatterLabels);
		expect(o.y).toMatchObject({ type: 'log' });
		expect(marksOf(o)[0].data).toEqual([]);
	});
});

describe('symlogTicks', () => {
	it.each([
		{ min: 20, max: 900, ticks: [20, 50, 100, 200, 500] },
		{ min: 1, max: 100000, ticks: [1, 10, 100, 1000, 10000, 100000] },
		{ min: 0, max: 500, ticks: [0, 1, 10, 100] },
		{ min: -120, max: 900, ticks: [-100, -10, -1, 0, 1, 10, 100] },
		{ min: -50, max: -1, ticks: [-50, -20, -10, -5, -2, -1] },
		{ min: 300, max: 450, ticks: [] },
		{ min: 5, max: 5, ticks: [] },
		{ min: Infinity, max: -Infinity, ticks: [] },
	])('symlogTicks($min, $max) gives $ticks', ({ min, max, ticks }) => {
		expect(symlogTicks(min, max)).toEqual(ticks);
	});
});

describe('clusterColor', () => {
	it('clusterColor(c) follows Observable 10, cycles after 10 and is grey for no cluster', () => {
		expect(clusterColor(1)).toBe('#4269d0');
		expect(clusterColor(11)).toBe(clusterColor(1));
		expect(clusterColor(0)).toBe('#9498a0');
	});
});

/**
 * frequency (feature 1) ≤ 2.5 → recency (feature 0) ≤ 93.5 → cluster 2 | cluster 1, the last two
 * leaves of the right side both cluster 2 so they merge.
 */
const tree: TreeNode = {
	feature: 1,
	threshold: 2.5,
	count: 20,
	counts: [11, 9],
	left: {
		feature: 0,
		threshold: 93.5,
		count: 12,
		counts: [10, 2],
		left: { cluster: 2, count: 3, counts: [1, 2] },
		right: {
			feature: 0,
			threshold: 300,
			count: 9,
			counts: [9, 0],
			left: { cluster: 1, count: 5, counts: [5, 0] },
			right: { cluster: 1, count: 4, counts: [4, 0] },
		},
	},
	right: {
		feature: 2,
		threshold: 1694.81,
		count: 8,
		counts: [1, 7],
		left: { cluster: 2, count: 2, counts: [1, 1] },
		right: { cluster: 2, count: 6, counts: [0, 6] },
	},
};

const treeLabels: TreeTextLabels = {
	feature: (i) => ['recency', 'frequency', 'monetary'][i],
	value: (i, x) => (i === 0 ? `${x} days` : i === 1 ? `${x} orders` : String(x)),
	and: ' and ',
	rule: ({ conditions, cluster, count }) =>
		conditions === ''
			? `all: cluster ${cluster}, ${count} customers`
			: `if ${conditions}, then cluster ${cluster} (${['Lapsed', 'Recent · frequent'][cluster - 1]}), ${count} customers`,
};

describe('pruneTree', () => {
	it('pruneTree(tree) merges splits whose sides end in the same cluster, bottom up', () => {
		expect(pruneTree(tree)).toEqual({
			feature: 1,
			threshold: 2.5,
			count: 20,
			counts: [11, 9],
			left: {
				feature: 0,
				threshold: 93.5,
				count: 12,
				counts: [10, 2],
				left: { cluster: 2, count: 3, counts: [1, 2] },
				right: { cluster: 1, count: 9, counts: [9, 0] },
			},
			right: { cluster: 2, count: 8, counts: [1, 7] },
		});
	});

	it('pruneTree(leaf) returns the leaf', () => {
		const leaf = { cluster: 1, count: 3, counts: [3] };
		expect(pruneTree(leaf)).toBe(leaf);
	});
});

describe('treeRules', () => {
	it('treeRules(tree) gives one rule per leaf of the pruned tree, with counts and correct customers', () => {
		expect(treeRules(tree)).toEqual([
			{
				conditions: [
					{ feature: 1, above: null, atMost: 2.5 },
					{ feature: 0, above: null, atMost: 93.5 },
				],
				cluster: 2,
				count: 3,
				correct: 2,
			},
			{
				conditions: [
					{ feature: 1, above: null, atMost: 2.5 },
					{ feature: 0, above: 93.5, atMost: null },
				],
				cluster: 1,
				count: 9,
				correct: 9,
			},
			{ conditions: [{ feature: 1, above: 2.5, atMost: null }], cluster: 2, count: 8, correct: 7 },
		]);
	});

	it('treeRules(tree) merges repeated tests of one feature into a range', () => {
		const nested: TreeNode = {
			feature: 0,
			threshold: 90,
			count: 6,
			counts: [3, 3],
			left: { cluster: 1, count: 3, counts: [3, 0] },
			right: {
				feature: 0,
				threshold: 200,
				count: 3,
				counts: [0, 3],
				left: {
					feature: 0,
					threshold: 150,
					count: 2,
					counts: [1, 1],
					left: { cluster: 2, count: 1, counts: [0, 1] },
					right: { cluster: 1, count: 1, counts: [1, 0] },
				},
				right: { cluster: 2, count: 1, counts: [0, 1] },
			},
		};
		const rules = treeRules(nested);
		expect(rules.map((r) => r.conditions)).toEqual([
			[{ feature: 0, above: null, atMost: 90 }],
			[{ feature: 0, above: 90, atMost: 150 }],
			[{ feature: 0, above: 150, atMost: 200 }],
			[{ feature: 0, above: 200, atMost: null }],
		]);
		expect(conditionText(rules[1].conditions[0], treeLabels)).toBe('90 days < recency ≤ 150 days');
	});

	it('treeRules(leaf) gives one rule without conditions', () => {
		expect(treeRules({ cluster: 1, count: 5, counts: [5] })).toEqual([
			{ conditions: [], cluster: 1, count: 5, correct: 5 },
		]);
	});
});

describe('ruleText', () => {
	it('ruleText(rule, labels) reads "if … and …, then cluster c (name), n customers"', () => {
		const rules = treeRules(tree);
		expect(ruleText(rules[0], treeLabels)).toBe(
			'if frequency ≤ 2.5 orders and recency ≤ 93.5 days, then cluster 2 (Recent · frequent), 3 customers',
		);
		expect(ruleText(rules[2], treeLabels)).toBe(
			'if frequency > 2.5 orders, then cluster 2 (Recent · frequent), 8 customers',
		);
		expect(ruleText(treeRules({ cluster: 1, count: 5, counts: [5] })[0], treeLabels)).toBe(
			'all: cluster 1, 5 customers',
		);
	});
});

describe('clusters messages', () => {
	const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

	it('every clusters.* message has English and Chinese with the same placeholders', () => {
		for (const [key, m] of Object.entries(clusters)) {
			expect(key.startsWith('clusters.'), key).toBe(true);
			expect(m.en.trim(), key).not.toBe('');
			expect(m.zh.trim(), key).not.toBe('');
			expect(placeholders(m.zh), key).toEqual(placeholders(m.en));
		}
	});

	it('the Chinese messages use the course terms', () => {
		const zh = Object.values(clusters)
			.map((m) => m.zh)
			.join('\n');
		for (const term of ['K-means', '轮廓系数', '簇内误差平方和', '肘部法则', '决策树'])
			expect(zh).toContain(term);
	});
});
