/**
 * Customer clusters (ANALYTICS.md §4): transformed features, a k scan with inertia and silhouette,
 * and one fitted k with profiles in original units, bilingual names and an explaining tree.
 */
import { UserError } from '../shared/errors';
import { fitKmeans, type KmeansRun } from './kmeans';
import { sampleRows, silhouetteScores } from './silhouette';
import { fitTree, type TreeNode } from './tree';
import type { Bilingual, OnProgress, Warning } from './types';

export type { TreeNode } from './tree';

/** One clustering feature: its name and its raw value per customer (index 0 … N−1). */
export interface FeatureSpec {
	name: string;
	values: ArrayLike<number>;
}

export interface ClusterOptions {
	/** Apply sign(x)·log1p(|x|) first. Default true. */
	log1p?: boolean;
	/** Then z-score with the population sd (ddof 0). Default true. */
	standardize?: boolean;
	/** Any integer; fixes every random draw (seeding, silhouette sample). Default 0. */
	seed?: number;
	/** k-means++ starts per k; the lowest inertia is kept. Default 10. */
	runs?: number;
	/** Lloyd iterations per start. Default 300. */
	maxIterations?: number;
	/** Smallest k of the scan. Default 2. */
	kMin?: number;
	/** Largest k of the scan. Default 8. */
	kMax?: number;
	/** Silhouette over all customers up to this many, over a seeded sample of this size above. Default 5000. */
	silhouetteSample?: number;
}

type ResolvedOptions = Required<ClusterOptions>;

const DEFAULTS: ResolvedOptions = {
	log1p: true,
	standardize: true,
	seed: 0,
	runs: 10,
	maxIterations: 300,
	kMin: 2,
	kMax: 8,
	silhouetteSample: 5000,
};

/** How far (in sd of the transformed feature) a cluster must sit from the rest to be named by it. */
const NAME_THRESHOLD = 0.5;

export interface PreparedFeatures {
	/** n × d, row-major: (t − mean) / sd per feature, t the (log1p-)transformed value; 0 where sd = 0. */
	data: Float64Array;
	n: number;
	d: number;
	/** Per feature, the mean subtracted (0 when `standardize` is off). */
	mean: number[];
	/** Per feature, the population sd divided by (1 when `standardize` is off; 0 for a constant feature). */
	sd: number[];
}

/**
 * The k-means input: each feature through sign(x)·log1p(|x|) (`log1p`, default true), then
 * z-scored with the population sd (`standardize`, default true); a constant feature becomes 0.
 */
export function prepareFeatures(
	features: FeatureSpec[],
	options: Pick<ClusterOptions, 'log1p' | 'standardize'> = {},
): PreparedFeatures {
	const { log1p = true, standardize = true } = options;
	if (features.length === 0) {
		throw new UserError('bad_option', {
			en: 'No clustering feature is selected: choose at least one.',
			zh: '未选择聚类特征：请至少选择一个。',
		});
	}
	const d = features.length;
	const n = features[0].values.length;
	const data = new Float64Array(n * d);
	const mean: number[] = [];
	const sd: number[] = [];
	features.forEach(({ name, values }, t) => {
		if (values.length !== n) {
			throw new Error(`feature ${name} has ${values.length} values, expected ${n}`);
		}
		const column = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const x = values[i];
			if (!Number.isFinite(x)) {
				throw new UserError('bad_option', {
					en: `Feature “${name}” has a missing or non-numeric value (customer ${i + 1}): choose a numeric feature without gaps.`,
					zh: `特征“${name}”存在缺失或非数值（第 ${i + 1} 位客户）：请选择无缺失的数值特征。`,
				});
			}
			// Monetary is negative for net-refund customers under the "net" returns policy; the
			// odd extension keeps log1p defined there and monotone.
			column[i] = log1p ? Math.sign(x) * Math.log1p(Math.abs(x)) : x;
		}
		let m = 0;
		let s = 1;
		if (standardize) {
			m = meanOf(column);
			s = isConstant(column) ? 0 : Math.sqrt(meanOf(column.map((v) => (v - m) ** 2)));
		}
		for (let i = 0; i < n; i++) data[i * d + t] = s === 0 ? 0 : (column[i] - m) / s;
		mean.push(m);
		sd.push(s);
	});
	return { data, n, d, mean, sd };
}

/** One k of the scan. */
export interface ScanRow {
	k: number;
	/** Within-cluster sum of squares in the transformed space. */
	inertia: number;
	/** Mean silhouette; null where undefined (k = 1, k ≥ N, fewer than 2 clusters in the sample). */
	silhouette: number | null;
	/** Cluster sizes, descending. */
	sizes: number[];
}

/**
 * k-means for every k from `kMin` to `kMax` (default 2…8) with inertia and mean silhouette, and
 * the k of the best silhouette (the lower k on ties; null when none is defined). A k above the
 * number of distinct customers is skipped with a warning; N ≤ 1 gives no rows. Progress stages:
 * 'kmeans', 'silhouette'.
 */
export function scanClusters(
	features: FeatureSpec[],
	options: ClusterOptions = {},
	onProgress?: OnProgress,
): { rows: ScanRow[]; bestK: number | null; warnings: Warning[] } {
	const o = resolveOptions(options);
	const { data, n, d } = prepareFeatures(features, o);
	if (n <= 1) return { rows: [], bestK: null, warnings: [tooFewCustomers(n)] };
	const warnings: Warning[] = [];
	const distinct = countDistinctRows(data, n, d, o.kMax);
	if (distinct < o.kMax)
		warnings.push(tooFewDistinct(distinct, Math.max(o.kMin, distinct + 1), o.kMax));
	const ks: number[] = [];
	for (let k = o.kMin; k <= Math.min(o.kMax, distinct); k++) ks.push(k);
	if (ks.length === 0) return { rows: [], bestK: null, warnings };

	const work = ks.reduce((sum, k) => sum + k * o.runs, 0);
	let done = 0;
	const fits = ks.map((k) => {
		const fit = numberBySize(
			k,
			fitKmeans(data, n, d, k, {
				seed: o.seed,
				runs: o.runs,
				maxIterations: o.maxIterations,
				onRun: () => onProgress?.((0.8 * (done += k)) / work, 'kmeans'),
			}),
		);
		return { k, ...fit };
	});
	const notConverged = fits.filter((fit) => !fit.run.converged).map((fit) => fit.k);
	if (notConverged.length > 0) warnings.push(notConvergedWarning(notConverged, o.maxIterations));

	const sample = sampleRows(n, o.silhouetteSample, o.seed);
	if (sample !== null) warnings.push(sampledWarning(n, o.silhouetteSample, o.seed));
	const silhouettes = silhouetteScores(
		data,
		d,
		fits.map(({ k, labels }) => ({ k, labels })),
		sample,
		onProgress && ((fraction) => onProgress(0.8 + 0.2 * fraction, 'silhouette')),
	);
	onProgress?.(1, 'silhouette');

	const rows = fits.map(({ k, run, sizes }, i): ScanRow => ({
		k,
		inertia: run.inertia,
		silhouette: silhouettes[i],
		sizes,
	}));
	let bestK: number | null = null;
	let best = -Infinity;
	for (const row of rows) {
		if (row.silhouette !== null && row.silhouette > best) {
			best = row.silhouette;
			bestK = row.k;
		}
	}
	return { rows, bestK, warnings };
}

/** One cluster in original units. */
export interface ClusterProfile {
	/** 1-based, numbered by descending size. */
	cluster: number;
	size: number;
	/** size / N. */
	share: number;
	/** Per feature, the mean of the raw values. */
	mean: number[];
	/** Per feature, the median of the raw values (the mean of the middle two for an even size). */
	median: number[];
	/** Descriptive name from the cluster's position against the other customers, distinct within a result. */
	name: Bilingual;
}

export interface ClusterResult {
	/** Number of clusters; 0 when there are none (N ≤ 1). */
	k: number;
	/** Per customer, 1-based cluster numbered by descending size (ties: lower k-means centre first); 0 = none. */
	labels: Int32Array;
	/** Within-cluster sum of squares in the transformed space. */
	inertia: number;
	/** Mean silhouette, as in the scan up to rounding (its last bits depend on the other k); null where undefined. */
	silhouette: number | null;
	profiles: ClusterProfile[];
	/** Per cluster, its centroid in the transformed space (the k-means input). */
	centroids: number[][];
	/** Depth ≤ 3 Gini tree on the raw features predicting the cluster. */
	tree: TreeNode;
	/** Share of customers whose tree leaf predicts their cluster (0 when there are no clusters). */
	treeAccuracy: number;
	featureNames: string[];
	warnings: Warning[];
}

/**
 * k clusters (k-means, best of `runs` seeded starts, the same clustering as the scan's row for k)
 * with per-cluster profiles in raw units, names, and a depth-3 explaining tree. N ≤ 1 gives no
 * clusters and a warning; k above the number of distinct customers is a UserError. Progress
 * stages: 'kmeans', 'silhouette', 'tree'.
 */
export function fitClusters(
	features: FeatureSpec[],
	k: number,
	options: ClusterOptions = {},
	onProgress?: OnProgress,
): ClusterResult {
	const o = resolveOptions(options);
	const { data, n, d } = prepareFeatures(features, o);
	const featureNames = features.map((feature) => feature.name);
	if (n <= 1) {
		return {
			k: 0,
			labels: new Int32Array(n),
			inertia: 0,
			silhouette: null,
			profiles: [],
			centroids: [],
			tree: { count: n, counts: [] },
			treeAccuracy: 0,
			featureNames,
			warnings: [tooFewCustomers(n)],
		};
	}
	if (!Number.isInteger(k) || k < 1) throw badOption('k', k, 'a whole number ≥ 1', '≥ 1 的整数');
	const distinct = countDistinctRows(data, n, d, k);
	if (distinct < k) throw tooManyClusters(k, n, distinct);

	const warnings: Warning[] = [];
	const { run, labels, sizes, order } = numberBySize(
		k,
		fitKmeans(data, n, d, k, {
			seed: o.seed,
			runs: o.runs,
			maxIterations: o.maxIterations,
			onRun: (done) => onProgress?.((0.7 * done) / o.runs, 'kmeans'),
		}),
	);
	if (!run.converged) warnings.push(notConvergedWarning([k], o.maxIterations));
	const sample = sampleRows(n, o.silhouetteSample, o.seed);
	if (sample !== null) warnings.push(sampledWarning(n, o.silhouetteSample, o.seed));
	const [silhouette] = silhouetteScores(
		data,
		d,
		[{ k, labels }],
		sample,
		onProgress && ((fraction) => onProgress(0.7 + 0.25 * fraction, 'silhouette')),
	);

	onProgress?.(0.95, 'tree');
	const numbered = labels.map((label) => label + 1);
	const names = nameClusters(features, data, d, labels, sizes);
	const raw = features.map(({ values }) => values);
	const summaries = summarise(raw, labels, sizes);
	const profiles = sizes.map((size, c): ClusterProfile => ({
		cluster: c + 1,
		size,
		share: size / n,
		...summaries[c],
		name: names[c],
	}));
	const { tree, accuracy } = fitTree(raw, numbered, k);
	onProgress?.(1, 'tree');
	return {
		k,
		labels: numbered,
		inertia: run.inertia,
		silhouette,
		profiles,
		centroids: order.map((c) => Array.from(run.centroids.subarray(c * d, c * d + d))),
		tree,
		treeAccuracy: accuracy,
		featureNames,
		warnings,
	};
}

/**
 * The k-means labels renumbered by descending cluster size, ties to the lower original centre
 * (0-based here), with the sizes and `order[new] = original`.
 */
function numberBySize(
	k: number,
	run: KmeansRun,
): { run: KmeansRun; labels: Int32Array; sizes: number[]; order: number[] } {
	const counts = new Array<number>(k).fill(0);
	for (const label of run.labels) counts[label]++;
	const order = counts.map((_, c) => c).sort((a, b) => counts[b] - counts[a] || a - b);
	const rank = new Int32Array(k);
	order.forEach((c, r) => (rank[c] = r));
	return {
		run,
		labels: run.labels.map((label) => rank[label]),
		sizes: order.map((c) => counts[c]),
		order,
	};
}

/** Mean and median of each raw feature over the customers of each cluster (NaN for an empty one). */
function summarise(
	raw: ArrayLike<number>[],
	labels: Int32Array,
	sizes: number[],
): { mean: number[]; median: number[] }[] {
	const start = new Int32Array(sizes.length + 1);
	sizes.forEach((size, c) => (start[c + 1] = start[c] + size));
	const members = new Int32Array(labels.length);
	const fill = start.slice(0, sizes.length);
	labels.forEach((label, i) => (members[fill[label]++] = i));
	return sizes.map((size, c) => {
		const mean: number[] = [];
		const median: number[] = [];
		for (const values of raw) {
			const own = Float64Array.from(members.subarray(start[c], start[c] + size), (i) => values[i]);
			mean.push(size === 0 ? NaN : meanOf(own));
			own.sort();
			const mid = size >> 1;
			median.push(size === 0 ? NaN : size % 2 === 1 ? own[mid] : (own[mid - 1] + own[mid]) / 2);
		}
		return { mean, median };
	});
}

type Level = 'low' | 'high';

const WORDS: Record<string, Record<Level, Bilingual>> = {
	recency: { low: { en: 'recent', zh: '近期活跃' }, high: { en: 'lapsed', zh: '久未购买' } },
	frequency: { low: { en: 'infrequent', zh: '低频' }, high: { en: 'frequent', zh: '高频' } },
	monetary: { low: { en: 'low spend', zh: '低消费' }, high: { en: 'high spend', zh: '高消费' } },
};
const KINDS = new Map([
	['recency', 'recency'],
	['recency_days', 'recency'],
	['frequency', 'frequency'],
	['monetary', 'monetary'],
]);

/**
 * A name per cluster from where it sits against all other customers on each feature: its mean
 * minus theirs, in the transformed space, in units of the feature's sd; a feature enters the name
 * when that gap reaches NAME_THRESHOLD. Repeated names get a number.
 */
function nameClusters(
	features: FeatureSpec[],
	data: Float64Array,
	d: number,
	labels: Int32Array,
	sizes: number[],
): Bilingual[] {
	const n = labels.length;
	const k = sizes.length;
	const parts: Bilingual[][] = sizes.map(() => []);
	features.forEach(({ name }, t) => {
		const column = Float64Array.from({ length: n }, (_, i) => data[i * d + t]);
		const total = column.reduce((sum, v) => sum + v, 0);
		const m = total / n;
		const sd = isConstant(column) ? 0 : Math.sqrt(meanOf(column.map((v) => (v - m) ** 2)));
		const sums = new Float64Array(k);
		labels.forEach((label, i) => (sums[label] += column[i]));
		sizes.forEach((size, c) => {
			if (sd === 0 || size === 0 || size === n) return;
			const gap = (sums[c] / size - (total - sums[c]) / (n - size)) / sd;
			if (Math.abs(gap) < NAME_THRESHOLD) return;
			const level: Level = gap > 0 ? 'high' : 'low';
			const kind = KINDS.get(name.trim().toLowerCase());
			parts[c].push(
				kind
					? WORDS[kind][level]
					: level === 'high'
						? { en: `high ${name}`, zh: `高${name}` }
						: { en: `low ${name}`, zh: `低${name}` },
			);
		});
	});
	const seen = new Map<string, number>();
	return parts.map((words, c) => {
		if (sizes[c] === 0) return { en: 'Empty cluster', zh: '空簇' };
		const en = words.length > 0 ? words.map((w) => w.en).join(' · ') : 'average';
		const zh = words.length > 0 ? words.map((w) => w.zh).join(' · ') : '中等';
		const repeat = (seen.get(en) ?? 0) + 1;
		seen.set(en, repeat);
		const name = { en: en[0].toUpperCase() + en.slice(1), zh };
		return repeat === 1 ? name : { en: `${name.en} (${repeat})`, zh: `${name.zh}（${repeat}）` };
	});
}

/** The number of distinct rows, counted up to `limit`. */
function countDistinctRows(data: Float64Array, n: number, d: number, limit: number): number {
	const distinct: number[] = [];
	for (let i = 0; i < n && distinct.length < limit; i++) {
		const seen = distinct.some((j) => {
			for (let t = 0; t < d; t++) if (data[i * d + t] !== data[j * d + t]) return false;
			return true;
		});
		if (!seen) distinct.push(i);
	}
	return distinct.length;
}

function resolveOptions(options: ClusterOptions): ResolvedOptions {
	const o: ResolvedOptions = { ...DEFAULTS };
	for (const [key, value] of Object.entries(options) as [keyof ClusterOptions, unknown][]) {
		if (value !== undefined) Object.assign(o, { [key]: value });
	}
	const whole = (key: keyof ClusterOptions, min: number) => {
		const value = o[key] as number;
		if (!Number.isInteger(value) || value < min) {
			throw badOption(key, value, `a whole number ≥ ${min}`, `≥ ${min} 的整数`);
		}
	};
	if (!Number.isInteger(o.seed)) throw badOption('seed', o.seed, 'a whole number', '整数');
	whole('runs', 1);
	whole('maxIterations', 1);
	whole('kMin', 1);
	whole('kMax', o.kMin);
	whole('silhouetteSample', 2);
	return o;
}

function badOption(name: string, value: unknown, en: string, zh: string): UserError {
	return new UserError('bad_option', {
		en: `The clustering option ${name} must be ${en}; got ${String(value)}.`,
		zh: `聚类选项 ${name} 必须是${zh}；当前为 ${String(value)}。`,
	});
}

function tooManyClusters(k: number, n: number, distinct: number): UserError {
	return new UserError(
		'too_few_customers',
		k > n
			? {
					en: `${k} clusters were asked for but there are only ${count(n)} customers: choose k ≤ ${n}.`,
					zh: `要求 ${k} 个簇，但只有 ${count(n)} 位客户：请选择 k ≤ ${n}。`,
				}
			: {
					en: `${k} clusters were asked for but the customers have only ${distinct} distinct combinations of feature values: choose k ≤ ${distinct}.`,
					zh: `要求 ${k} 个簇，但客户的特征值只有 ${distinct} 种不同组合：请选择 k ≤ ${distinct}。`,
				},
	);
}

function tooFewCustomers(n: number): Warning {
	return {
		code: 'too_few_customers',
		en: `Clustering needs at least 2 customers; found ${n}. No clusters were formed.`,
		zh: `聚类至少需要 2 位客户，当前只有 ${n} 位，未进行分群。`,
	};
}

function tooFewDistinct(distinct: number, from: number, to: number): Warning {
	const ks = from === to ? `${from}` : `${from}–${to}`;
	return distinct === 1
		? {
				code: 'too_few_distinct',
				en: `All customers have the same feature values, so they cannot be split: k = ${ks} skipped.`,
				zh: `所有客户的特征值完全相同，无法分群：已跳过 k = ${ks}。`,
			}
		: {
				code: 'too_few_distinct',
				en: `The customers have only ${distinct} distinct combinations of feature values: k = ${ks} skipped.`,
				zh: `客户的特征值只有 ${distinct} 种不同组合：已跳过 k = ${ks}。`,
			};
}

function notConvergedWarning(ks: number[], maxIterations: number): Warning {
	return {
		code: 'kmeans_not_converged',
		en: `k-means had not converged after ${maxIterations} iterations for k = ${ks.join(', ')}; the clusters are the last iteration's.`,
		zh: `K-means 在 ${maxIterations} 次迭代后仍未收敛（k = ${ks.join('、')}），结果为最后一次迭代的聚类。`,
	};
}

function sampledWarning(n: number, sampleSize: number, seed: number): Warning {
	return {
		code: 'silhouette_sampled',
		en: `The silhouette is estimated on a random sample of ${count(sampleSize)} of ${count(n)} customers (seed ${seed}).`,
		zh: `轮廓系数基于 ${count(n)} 位客户中随机抽取的 ${count(sampleSize)} 位估算（随机种子 ${seed}）。`,
	};
}

function count(n: number): string {
	return n.toLocaleString('en-US');
}

function meanOf(values: Float64Array): number {
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

function isConstant(values: Float64Array): boolean {
	return values.every((v) => v === values[0]);
}
