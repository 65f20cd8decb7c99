import { describe, expect, it } from 'vitest';
import {
	fitClusters,
	prepareFeatures,
	scanClusters,
	type FeatureSpec,
} from '../../../src/analysis/cluster';
import { userErrorCode } from '../../../src/shared/errors';

/** Rounds every number in a value to 12 decimals, so hand-computed irrationals compare with toEqual. */
function rounded(value: unknown): unknown {
	if (typeof value === 'number') return Math.round(value * 1e12) / 1e12 + 0;
	if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array, (v) => rounded(v));
	if (Array.isArray(value)) return value.map(rounded);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
	}
	return value;
}

/** scikit-learn's silhouette_score, written out naively as an independent reference. */
function referenceSilhouette(points: number[][], labels: number[]): number {
	const distance = (p: number[], q: number[]) => Math.hypot(...p.map((v, t) => v - q[t]));
	const clusters = [...new Set(labels)];
	const s = points.map((p, i) => {
		const meanTo = (c: number) => {
			const others = points.filter((_, j) => labels[j] === c && j !== i);
			return others.reduce((sum, q) => sum + distance(p, q), 0) / others.length;
		};
		if (labels.filter((l) => l === labels[i]).length === 1) return 0;
		const a = meanTo(labels[i]);
		const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(meanTo));
		return (b - a) / Math.max(a, b);
	});
	return s.reduce((sum, v) => sum + v, 0) / s.length;
}

// Three blobs in raw units: A (5 customers) around (0, 0), B (3) around (10, 10), C (2) at (0, 10)
// and (0, 12). Within-cluster squares: A 4 × 1, B 2 × 1, C 2 × 1 → inertia 8.
const blobX = [0, 1, 0, -1, 0, 10, 11, 9, 0, 0];
const blobY = [0, 0, 1, 0, -1, 10, 10, 10, 10, 12];
const blobs: FeatureSpec[] = [
	{ name: 'x', values: blobX },
	{ name: 'y', values: blobY },
];
const raw = { log1p: false, standardize: false };

describe('prepareFeatures', () => {
	it('prepareFeatures(features) takes sign(x)·log1p(|x|), then the population z-score', () => {
		// a: log1p → [0, 0, ln 4], mean ln4/3, sd ln4·√2/3 → z = [−1/√2, −1/√2, √2]
		// b: negative under the net policy → [−ln 4, 0, ln 4], mean 0, sd ln4·√(2/3) → ±√1.5
		// c: constant → 0, its sd 0
		const ln4 = Math.log(4);
		const prepared = prepareFeatures([
			{ name: 'a', values: [0, 0, 3] },
			{ name: 'b', values: [-3, 0, 3] },
			{ name: 'c', values: [5, 5, 5] },
		]);
		expect(rounded(prepared)).toEqual(
			rounded({
				data: [
					[-Math.SQRT1_2, -Math.sqrt(1.5), 0],
					[-Math.SQRT1_2, 0, 0],
					[Math.SQRT2, Math.sqrt(1.5), 0],
				].flat(),
				n: 3,
				d: 3,
				mean: [ln4 / 3, 0, Math.log(6)],
				sd: [(ln4 * Math.SQRT2) / 3, ln4 * Math.sqrt(2 / 3), 0],
			}),
		);
	});

	it('prepareFeatures(features, {log1p: false, standardize: false}) keeps the raw values', () => {
		expect(prepareFeatures([{ name: 'a', values: [1, -2] }], raw)).toEqual({
			data: new Float64Array([1, -2]),
			n: 2,
			d: 1,
			mean: [0],
			sd: [1],
		});
	});

	it('prepareFeatures(features, {log1p: false}) uses the population sd (ddof 0)', () => {
		// [1, 2, 3]: mean 2, variance 2/3 → z = ∓√1.5, 0
		expect(rounded(prepareFeatures([{ name: 'a', values: [1, 2, 3] }], { log1p: false }))).toEqual(
			rounded({
				data: [-Math.sqrt(1.5), 0, Math.sqrt(1.5)],
				n: 3,
				d: 1,
				mean: [2],
				sd: [Math.sqrt(2 / 3)],
			}),
		);
	});

	it.each([
		['no feature', []],
		['a missing value', [{ name: 'a', values: [1, NaN] }]],
	])('prepareFeatures(features) with %s is a bad_option UserError', (_, features) => {
		expect(() => prepareFeatures(features as FeatureSpec[])).toThrow(
			expect.objectContaining({ name: 'UserError', code: 'bad_option' }),
		);
	});
});

describe('fitClusters', () => {
	it('fitClusters(blobs, 3, raw) finds the three blobs, numbered by size, explained by a tree', () => {
		const result = fitClusters(blobs, 3, raw);
		const labels = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3];
		const points = blobX.map((x, i) => [x, blobY[i]]);
		expect({ ...result, labels: Array.from(result.labels) }).toEqual({
			k: 3,
			labels,
			inertia: 8,
			silhouette: expect.closeTo(referenceSilhouette(points, labels), 12),
			profiles: [
				{
					cluster: 1,
					size: 5,
					share: 0.5,
					mean: [0, 0],
					median: [0, 0],
					name: { en: 'Low x · low y', zh: '低x · 低y' },
				},
				{
					cluster: 2,
					size: 3,
					share: 0.3,
					mean: [10, 10],
					median: [10, 10],
					name: { en: 'High x · high y', zh: '高x · 高y' },
				},
				{
					cluster: 3,
					size: 2,
					share: 0.2,
					mean: [0, 11],
					median: [0, 11],
					name: { en: 'Low x · high y', zh: '低x · 高y' },
				},
			],
			centroids: [
				[0, 0],
				[10, 10],
				[0, 11],
			],
			// Root: y ≤ 5.5 isolates A (score 25/5 + 13/5 = 7.6) and beats x ≤ 5 (29/7 + 9/3 ≈ 7.14).
			tree: {
				feature: 1,
				threshold: 5.5,
				count: 10,
				counts: [5, 3, 2],
				left: { cluster: 1, count: 5, counts: [5, 0, 0] },
				right: {
					feature: 0,
					threshold: 4.5,
					count: 5,
					counts: [0, 3, 2],
					left: { cluster: 3, count: 2, counts: [0, 0, 2] },
					right: { cluster: 2, count: 3, counts: [0, 3, 0] },
				},
			},
			treeAccuracy: 1,
			featureNames: ['x', 'y'],
			warnings: [],
		});
	});

	it('fitClusters(features, 2) names RFM clusters by recency, frequency and spend', () => {
		const features: FeatureSpec[] = [
			{ name: 'recency', values: [200, 300, 250, 280, 310, 3, 5, 4, 6] },
			{ name: 'frequency', values: [1, 1, 2, 1, 1, 12, 9, 15, 10] },
			// A negative spend is a net refund under the "net" returns policy.
			{ name: 'monetary', values: [20, 35, -10, 25, 15, 900, 1200, 800, 1500] },
		];
		expect(fitClusters(features, 2).profiles.map((p) => p.name)).toEqual([
			{ en: 'Lapsed · infrequent · low spend', zh: '久未购买 · 低频 · 低消费' },
			{ en: 'Recent · frequent · high spend', zh: '近期活跃 · 高频 · 高消费' },
		]);
	});

	it('fitClusters(features, 4) keeps names distinct with a number', () => {
		const values = [0, 0, 0, 0, 10, 10, 10, 20, 20, 30, 30];
		const result = fitClusters([{ name: 'x', values }], 4, { log1p: false });
		expect(result.profiles.map((p) => [p.size, p.name])).toEqual([
			[4, { en: 'Low x', zh: '低x' }],
			[3, { en: 'Average', zh: '中等' }],
			[2, { en: 'High x', zh: '高x' }],
			[2, { en: 'High x (2)', zh: '高x（2）' }],
		]);
	});

	it('fitClusters(features, k) is the clustering of the scan row for k', () => {
		const features = syntheticCustomers(600);
		const { rows } = scanClusters(features, { seed: 3 });
		for (const row of rows) {
			const fit = fitClusters(features, row.k, { seed: 3 });
			expect(fit.inertia).toBe(row.inertia);
			expect(fit.profiles.map((p) => p.size)).toEqual(row.sizes);
			expect(fit.silhouette).toBeCloseTo(row.silhouette!, 12);
		}
	});

	it('fitClusters(features, k) on 50 customers explains the clusters with a depth ≤ 3 tree', () => {
		const result = fitClusters(syntheticCustomers(50), 3);
		const depth = (node: { left?: unknown; right?: unknown }): number =>
			node.left ? 1 + Math.max(depth(node.left), depth(node.right as object)) : 0;
		expect(depth(result.tree)).toBeLessThanOrEqual(3);
		expect(result.tree.count).toBe(50);
		expect(result.treeAccuracy).toBeGreaterThan(0.5);
	});

	it('fitClusters(features, k, {}, onProgress) reports rising fractions up to 1', () => {
		const calls: [number, string | undefined][] = [];
		fitClusters(syntheticCustomers(100), 3, {}, (fraction, stage) => calls.push([fraction, stage]));
		expect(calls.map(([f]) => f)).toEqual(calls.map(([f]) => f).sort((a, b) => a - b));
		expect(calls.at(-1)).toEqual([1, 'tree']);
		expect(new Set(calls.map(([, stage]) => stage))).toEqual(
			new Set(['kmeans', 'silhouette', 'tree']),
		);
	});
});

describe('scanClusters', () => {
	it('scanClusters(features, {seed: 0}) is deterministic', () => {
		const features = syntheticCustomers(300);
		const first = scanClusters(features, { seed: 0 });
		expect(scanClusters(features, { seed: 0 })).toEqual(first);
		expect(first.rows.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
		for (const row of first.rows) {
			expect(row.sizes).toEqual([...row.sizes].sort((a, b) => b - a));
			expect(row.sizes.reduce((a, b) => a + b)).toBe(300);
		}
	});

	it('scanClusters(blobs, raw) preselects the k of the best silhouette', () => {
		const { rows, bestK, warnings } = scanClusters(blobs, raw);
		expect(bestK).toBe(3);
		expect(rows[1]).toEqual({
			k: 3,
			inertia: 8,
			silhouette: expect.closeTo(
				referenceSilhouette(
					blobX.map((x, i) => [x, blobY[i]]),
					[1, 1, 1, 1, 1, 2, 2, 2, 3, 3],
				),
				12,
			),
			sizes: [5, 3, 2],
		});
		expect(warnings).toEqual([]);
	});

	it('scanClusters(features, {silhouetteSample}) samples the silhouette of larger data, with a warning', () => {
		const features = syntheticCustomers(400);
		const sampled = scanClusters(features, { kMax: 3, silhouetteSample: 100 });
		expect(sampled.warnings.map((w) => w.code)).toEqual(['silhouette_sampled']);
		expect(scanClusters(features, { kMax: 3, silhouetteSample: 100 })).toEqual(sampled);
		const exact = scanClusters(features, { kMax: 3 });
		expect(sampled.rows.map((row) => row.inertia)).toEqual(exact.rows.map((row) => row.inertia));
		expect(sampled.rows[0].silhouette).not.toBe(exact.rows[0].silhouette);
		expect(sampled.rows[0].silhouette).toBeCloseTo(exact.rows[0].silhouette!, 1);
	});

	it('scanClusters(features, {}, onProgress) reports kmeans then silhouette, ending at 1', () => {
		const calls: [number, string | undefined][] = [];
		scanClusters(syntheticCustomers(100), {}, (fraction, stage) => calls.push([fraction, stage]));
		const fractions = calls.map(([f]) => f);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(calls[0][1]).toBe('kmeans');
		expect(calls.at(-1)).toEqual([1, 'silhouette']);
	});

	it.each([
		['kMin above kMax', { kMin: 5, kMax: 4 }],
		['a fractional seed', { seed: 0.5 }],
		['no runs', { runs: 0 }],
	])('scanClusters(features, options) with %s is a bad_option UserError', (_, options) => {
		expect(() => scanClusters(blobs, options)).toThrow(
			expect.objectContaining({ name: 'UserError', code: 'bad_option' }),
		);
	});
});

describe('degenerate data', () => {
	const tooFew = { code: 'too_few_customers', en: expect.any(String), zh: expect.any(String) };

	it.each([0, 1])('scanClusters(features) with %i customers gives no rows and a warning', (n) => {
		const features = [{ name: 'recency', values: new Array(n).fill(7) }];
		expect(scanClusters(features)).toEqual({ rows: [], bestK: null, warnings: [tooFew] });
	});

	it('fitClusters(features, 2) with one customer gives no clusters and a warning', () => {
		const result = fitClusters([{ name: 'recency', values: [7] }], 2);
		expect({ ...result, labels: Array.from(result.labels) }).toEqual({
			k: 0,
			labels: [0],
			inertia: 0,
			silhouette: null,
			profiles: [],
			centroids: [],
			tree: { count: 1, counts: [] },
			treeAccuracy: 0,
			featureNames: ['recency'],
			warnings: [tooFew],
		});
	});

	it('scanClusters(features) with all customers identical skips every k', () => {
		const features = [
			{ name: 'recency', values: [4, 4, 4, 4] },
			{ name: 'frequency', values: [2, 2, 2, 2] },
		];
		expect(scanClusters(features)).toEqual({
			rows: [],
			bestK: null,
			warnings: [
				{
					code: 'too_few_distinct',
					en: 'All customers have the same feature values, so they cannot be split: k = 2–8 skipped.',
					zh: '所有客户的特征值完全相同，无法分群：已跳过 k = 2–8。',
				},
			],
		});
	});

	it('fitClusters(features, 1) with all customers identical puts them in one cluster', () => {
		const result = fitClusters([{ name: 'recency', values: [4, 4, 4] }], 1);
		expect(Array.from(result.labels)).toEqual([1, 1, 1]);
		expect(result.silhouette).toBeNull();
		expect(result.tree).toEqual({ cluster: 1, count: 3, counts: [3] });
		expect(result.treeAccuracy).toBe(1);
	});

	it('scanClusters(features) with 3 distinct customers stops at k = 3', () => {
		const features = [{ name: 'x', values: [0, 10, 10, 30] }];
		const { rows, bestK, warnings } = scanClusters(features, raw);
		expect(rows).toEqual([
			{ k: 2, inertia: expect.closeTo(200 / 3, 10), silhouette: expect.any(Number), sizes: [3, 1] },
			{ k: 3, inertia: 0, silhouette: expect.any(Number), sizes: [2, 1, 1] },
		]);
		expect(bestK).not.toBeNull();
		expect(warnings.map((w) => [w.code, w.en])).toEqual([
			[
				'too_few_distinct',
				'The customers have only 3 distinct combinations of feature values: k = 4–8 skipped.',
			],
		]);
	});

	it('scanClusters(features) with k = N has a null silhouette', () => {
		const { rows } = scanClusters([{ name: 'x', values: [0, 5, 30] }], { ...raw, kMax: 3 });
		expect(rows.map((row) => [row.k, row.silhouette])).toEqual([
			[2, expect.any(Number)],
			[3, null],
		]);
	});

	it.each([
		['k larger than N', 5],
		['k larger than the distinct customers', 3],
	])('fitClusters(features, k) with %s is a too_few_customers UserError', (_, k) => {
		const features = [{ name: 'x', values: [1, 1, 2, 2] }];
		let error: unknown;
		try {
			fitClusters(features, k);
		} catch (e) {
			error = e;
		}
		expect(userErrorCode(error)).toBe('too_few_customers');
	});
});

/** Customers from a seeded generator: recency, frequency and spend of three loose groups. */
function syntheticCustomers(n: number): FeatureSpec[] {
	let state = 12345;
	const random = () => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		return state / 2 ** 32;
	};
	const recency = new Int32Array(n);
	const frequency = new Int32Array(n);
	const monetary = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const group = i % 3;
		frequency[i] = 1 + Math.floor(random() * [2, 6, 20][group]);
		recency[i] = 1 + Math.floor(random() * [400, 120, 30][group]);
		monetary[i] = Math.round(frequency[i] * (20 + random() * [30, 80, 200][group]) * 100) / 100;
	}
	return [
		{ name: 'recency', values: recency },
		{ name: 'frequency', values: frequency },
		{ name: 'monetary', values: monetary },
	];
}
