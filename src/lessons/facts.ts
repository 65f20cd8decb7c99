/**
 * Facts: the numbers a lesson's questions are checked against, read out of the cells' current
 * results. A lesson names a fact and its arguments (`{"fact": "rfm.segmentCustomers", "args":
 * {"segment": "Champions"}}`), never a number, so an answer is right in whatever language the
 * learner reads and stays right after the learner changes a parameter.
 *
 * Adding a fact: one entry in FACTS with the cell it reads, a description in both languages, its
 * answer kind and unit, its parameters and a `read` that returns a value or says why there is none.
 */
import type { Bilingual } from '../analysis/types';
import type {
	ClustersResult,
	ClvCellResult,
	CohortResult,
	LifecycleResult,
	OverviewResult,
	RfmResult,
} from '../shared/analysis-api';
import type { CellType } from '../shared/notebook';

/** The cells facts read, and the result each one holds when ready. */
export interface CellResults {
	overview: OverviewResult;
	rfm: RfmResult;
	cohorts: CohortResult;
	clusters: ClustersResult;
	lifecycle: LifecycleResult;
	clv: ClvCellResult;
}
export type FactCell = keyof CellResults;

/**
 * How a number is shown and compared: `count` whole numbers, `share` a fraction shown as a
 * percentage (tolerances in percentage points), `money` currency units, `number` anything else.
 */
export type Unit = 'count' | 'share' | 'money' | 'number';

/** One parameter of a fact, as a lesson file gives it in `args`. */
export type ParamSpec =
	| { type: 'int'; min: number; max?: number; about: Bilingual }
	| { type: 'enum'; values: readonly string[]; about: Bilingual }
	| { type: 'string'; about: Bilingual }
	/** A cohort: its position (0 = the oldest) or its label as the cell shows it (`2022-01`). */
	| { type: 'cohort'; about: Bilingual };

export type FactArgs = Record<string, string | number>;

export interface ChoiceOption {
	value: string;
	label: Bilingual;
}

/** What a fact reads from a ready result. */
export type Reading =
	| { kind: 'number'; value: number }
	| { kind: 'choice'; value: string; options: ChoiceOption[] }
	/** The result has no such value (a segment the scheme lacks, a period not observable yet). */
	| { kind: 'absent'; why: Bilingual };

interface FactDef<C extends FactCell> {
	cell: C;
	about: Bilingual;
	/** `number`: the learner types a number; `choice`: the learner picks one of the options. */
	answer: 'number' | 'choice';
	unit: Unit;
	/** Decimals the cell shows, in the unit shown (percent for shares): sets the default tolerance. */
	digits: number;
	params: Record<string, ParamSpec>;
	read(result: CellResults[C], args: FactArgs): Reading;
}

/** A fact of any cell (methods are compared bivariantly, so each entry fits). */
export type Fact = FactDef<FactCell>;

function fact<C extends FactCell>(def: FactDef<C>): FactDef<C> {
	return def;
}

const num = (value: number): Reading => ({ kind: 'number', value });
const absent = (en: string, zh: string): Reading => ({ kind: 'absent', why: { en, zh } });

// --- parameters shared by several facts ---------------------------------------------------

const SEGMENT: ParamSpec = {
	type: 'string',
	about: {
		en: 'segment id in English as in the segment scheme, e.g. "Champions"',
		zh: '客户群的英文编号（与细分方案一致），例如 "Champions"',
	},
};
const METRIC: ParamSpec = {
	type: 'enum',
	values: ['recency', 'frequency', 'monetary'],
	about: { en: 'recency, frequency or monetary', zh: 'recency、frequency 或 monetary' },
};
const SCORE: ParamSpec = {
	type: 'int',
	min: 1,
	max: 9,
	about: { en: 'a score, 1 … number of bins', zh: '评分，1 至评分档数' },
};
const COHORT: ParamSpec = {
	type: 'cohort',
	about: {
		en: 'cohort position (0 = the oldest) or label such as "2022-01"',
		zh: '同期群序号（0 为最早）或标签，例如 "2022-01"',
	},
};
const OFFSET: ParamSpec = {
	type: 'int',
	min: 0,
	about: { en: 'periods since the first purchase (0, 1, …)', zh: '距首购的周期数（0、1……）' },
};
const CLUSTER: ParamSpec = {
	type: 'int',
	min: 1,
	about: { en: 'cluster number, 1 = the largest', zh: '簇编号，1 为最大的簇' },
};
const K: ParamSpec = {
	type: 'int',
	min: 2,
	about: { en: 'a number of clusters in the k scan', zh: 'k 值扫描中的簇数' },
};

const BGNBD_PARAM: ParamSpec = {
	type: 'enum',
	values: ['r', 'alpha', 'a', 'b'],
	about: { en: 'r, alpha (α), a or b', zh: 'r、alpha（α）、a 或 b' },
};
const GAMMA_GAMMA_PARAM: ParamSpec = {
	type: 'enum',
	values: ['p', 'q', 'v'],
	about: { en: 'p, q or v (γ)', zh: 'p、q 或 v（γ）' },
};
/**
 * A row of the holdout table: x = 0 … 6 and 7+. Its last row is HOLDOUT_BUCKETS − 1 of
 * analysis/clv, not imported here to keep the models out of the main bundle (a test compares them).
 */
const REPEAT: ParamSpec = {
	type: 'int',
	min: 0,
	max: 7,
	about: {
		en: 'repeat purchases in the calibration period: a row of the holdout table (7 = the “7+” row)',
		zh: '校准期内复购次数，即留出期检验表的一行（7 为“7+”行）',
	},
};
const RANK: ParamSpec = {
	type: 'int',
	min: 1,
	about: {
		en: 'a row of the table of top customers by CLV, 1 = the first',
		zh: 'CLV 最高的客户表中的行号，1 为第一行',
	},
};

// --- lookups ------------------------------------------------------------------------------

function segmentOf(r: RfmResult, id: string) {
	return r.segments.find((s) => s.id === id);
}

function noSegment(r: RfmResult, id: string): Reading {
	return absent(
		`The segment scheme in use (${r.scheme}) has no segment "${id}".`,
		`当前的客户细分方案（${r.scheme}）中没有客户群"${id}"。`,
	);
}

function segmentOptions(r: RfmResult): ChoiceOption[] {
	return r.segments.map((s) => ({ value: s.id, label: s.name }));
}

/** The segment with the most of `by`; the first in the scheme's order on ties. */
function topSegment(r: RfmResult, by: 'customers' | 'revenue'): Reading {
	let best = r.segments[0];
	for (const s of r.segments) if (s[by] > best[by]) best = s;
	if (!best) return absent('There are no segments.', '没有客户群。');
	return { kind: 'choice', value: best.id, options: segmentOptions(r) };
}

function scoreRange(r: RfmResult, args: FactArgs) {
	const cuts = r.cuts[args.metric as keyof RfmResult['cuts']];
	return cuts?.ranges.find((x) => x.score === args.score);
}

function noScore(r: RfmResult, args: FactArgs): Reading {
	return absent(
		`There is no score ${args.score}: the RFM cell uses ${r.bins} scores.`,
		`没有评分 ${args.score}：RFM 单元格当前使用 ${r.bins} 档评分。`,
	);
}

function cohortRow(r: CohortResult, cohort: string | number): number {
	const labels = r.matrix.labels;
	return typeof cohort === 'number'
		? cohort < labels.length
			? cohort
			: -1
		: labels.indexOf(cohort);
}

function noCohort(r: CohortResult, cohort: string | number): Reading {
	const n = r.matrix.labels.length;
	return typeof cohort === 'number'
		? absent(
				`There is no cohort number ${cohort}: the cell shows ${n} cohorts, numbered from 0.`,
				`没有第 ${cohort} 号同期群：单元格中共有 ${n} 个同期群，从 0 开始编号。`,
			)
		: absent(
				`There is no cohort "${cohort}" with the current period.`,
				`按当前周期没有同期群"${cohort}"。`,
			);
}

/** A cell of one of the cohort matrices, or why there is none. */
function cohortCell(
	r: CohortResult,
	args: FactArgs,
	metric: 'customers' | 'retention' | 'revenuePerCustomer' | 'cumulativeRevenuePerCustomer',
): Reading {
	const row = cohortRow(r, args.cohort);
	if (row < 0) return noCohort(r, args.cohort);
	const value = r.matrix[metric][row]?.[args.offset as number];
	if (value === null || value === undefined)
		return absent(
			`Cohort ${r.matrix.labels[row]} is not observable ${args.offset} periods after its first purchase yet (a blank cell, not zero).`,
			`同期群 ${r.matrix.labels[row]} 在首购后第 ${args.offset} 期尚无法观察（空白格，并非 0）。`,
		);
	return num(value);
}

function profileOf(r: ClustersResult, cluster: number) {
	return r.profiles.find((p) => p.cluster === cluster);
}

function noCluster(r: ClustersResult, cluster: number | string): Reading {
	return absent(
		`There is no cluster ${cluster}: the cell has ${r.profiles.length} clusters.`,
		`没有第 ${cluster} 簇：单元格中共有 ${r.profiles.length} 个簇。`,
	);
}

function scanRow(r: ClustersResult, k: number | string) {
	return r.scan.find((row) => row.k === k);
}

function noScanRow(r: ClustersResult, k: number | string): Reading {
	const ks = r.scan.map((row) => row.k);
	const range = ks.length ? `${ks[0]}–${ks[ks.length - 1]}` : '—';
	return absent(
		`k = ${k} is not in the k scan (it covers k = ${range}).`,
		`k = ${k} 不在 k 值扫描范围内（当前范围为 k = ${range}）。`,
	);
}

const noClusters = (): Reading =>
	absent('The clusters cell has no clusters.', '聚类单元格中没有簇。');

const noSpendModel = (): Reading =>
	absent(
		'The CLV cell has no spend model (see its warnings), so there is no CLV.',
		'CLV 单元格没有消费金额模型（见其警告），因此没有 CLV。',
	);

function noHoldout(r: ClvCellResult): Reading {
	return r.options.calibrationEnd < r.options.observationEnd
		? absent('The CLV cell has no holdout check.', 'CLV 单元格没有留出期检验。')
		: absent(
				'The CLV cell has no holdout check: set a calibration end before the end of the data.',
				'CLV 单元格没有留出期检验：请把校准期结束日期设在数据结束日期之前。',
			);
}

/** A row of the holdout table, or why there is none. */
function holdoutRow(
	r: ClvCellResult,
	args: FactArgs,
	read: (b: NonNullable<ClvCellResult['holdout']>['buckets'][number]) => number,
): Reading {
	if (!r.holdout) return noHoldout(r);
	const bucket = r.holdout.buckets.find((b) => b.x === args.repeat);
	if (!bucket)
		return absent(
			`The holdout table has no row ${args.repeat}.`,
			`留出期检验表中没有第 ${args.repeat} 行。`,
		);
	const value = read(bucket);
	return Number.isFinite(value)
		? num(value)
		: absent(
				`No customer made ${bucket.label} repeat purchases in the calibration period.`,
				`校准期内没有复购 ${bucket.label} 次的客户。`,
			);
}

// --- the registry -------------------------------------------------------------------------

/**
 * Every fact a lesson may ask about. Ids are `cell.name`; `args` are checked against `params`
 * when a lesson file is read.
 */
export const FACTS = {
	'overview.customers': fact({
		cell: 'overview',
		about: { en: 'customers in the data', zh: '数据中的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.customers),
	}),
	'overview.orders': fact({
		cell: 'overview',
		about: { en: 'orders in the data', zh: '数据中的订单数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.orders),
	}),
	'overview.revenue': fact({
		cell: 'overview',
		about: { en: 'total revenue', zh: '销售总额' },
		answer: 'number',
		unit: 'money',
		digits: 0,
		params: {},
		read: (r) => num(r.revenue),
	}),
	'overview.averageOrderValue': fact({
		cell: 'overview',
		about: { en: 'average order value (AOV)', zh: '客单价' },
		answer: 'number',
		unit: 'money',
		digits: 2,
		params: {},
		read: (r) => num(r.averageOrderValue),
	}),

	'rfm.bins': fact({
		cell: 'rfm',
		about: { en: 'number of scores per metric', zh: '每项指标的评分档数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.bins),
	}),
	'rfm.scoreCustomers': fact({
		cell: 'rfm',
		about: { en: 'customers with a given score on one metric', zh: '某项指标得某一评分的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { metric: METRIC, score: SCORE },
		read: (r, a) => {
			const range = scoreRange(r, a);
			return range ? num(range.count) : noScore(r, a);
		},
	}),
	'rfm.scoreMin': fact({
		cell: 'rfm',
		about: {
			en: 'lowest value of a metric that received a score',
			zh: '得某一评分的最小指标值',
		},
		answer: 'number',
		unit: 'number',
		digits: 2,
		params: { metric: METRIC, score: SCORE },
		read: (r, a) => {
			const range = scoreRange(r, a);
			if (!range) return noScore(r, a);
			return range.min === null
				? absent(`No customer has score ${a.score}.`, `没有客户得到评分 ${a.score}。`)
				: num(range.min);
		},
	}),
	'rfm.scoreMax': fact({
		cell: 'rfm',
		about: {
			en: 'highest value of a metric that received a score',
			zh: '得某一评分的最大指标值',
		},
		answer: 'number',
		unit: 'number',
		digits: 2,
		params: { metric: METRIC, score: SCORE },
		read: (r, a) => {
			const range = scoreRange(r, a);
			if (!range) return noScore(r, a);
			return range.max === null
				? absent(`No customer has score ${a.score}.`, `没有客户得到评分 ${a.score}。`)
				: num(range.max);
		},
	}),
	'rfm.segmentCustomers': fact({
		cell: 'rfm',
		about: { en: 'customers in a segment', zh: '某客户群的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { segment: SEGMENT },
		read: (r, a) => {
			const s = segmentOf(r, a.segment as string);
			return s ? num(s.customers) : noSegment(r, a.segment as string);
		},
	}),
	'rfm.segmentShare': fact({
		cell: 'rfm',
		about: { en: 'share of customers in a segment', zh: '某客户群的客户占比' },
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: { segment: SEGMENT },
		read: (r, a) => {
			const s = segmentOf(r, a.segment as string);
			return s ? num(s.customerShare) : noSegment(r, a.segment as string);
		},
	}),
	'rfm.segmentRevenueShare': fact({
		cell: 'rfm',
		about: { en: 'share of revenue from a segment', zh: '某客户群的销售额占比' },
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: { segment: SEGMENT },
		read: (r, a) => {
			const s = segmentOf(r, a.segment as string);
			return s ? num(s.revenueShare) : noSegment(r, a.segment as string);
		},
	}),
	'rfm.largestSegment': fact({
		cell: 'rfm',
		about: { en: 'the segment with the most customers', zh: '客户数最多的客户群' },
		answer: 'choice',
		unit: 'number',
		digits: 0,
		params: {},
		read: (r) => topSegment(r, 'customers'),
	}),
	'rfm.topRevenueSegment': fact({
		cell: 'rfm',
		about: { en: 'the segment that brings the most revenue', zh: '销售额最高的客户群' },
		answer: 'choice',
		unit: 'number',
		digits: 0,
		params: {},
		read: (r) => topSegment(r, 'revenue'),
	}),

	'cohorts.count': fact({
		cell: 'cohorts',
		about: { en: 'number of cohorts', zh: '同期群个数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.matrix.labels.length),
	}),
	'cohorts.size': fact({
		cell: 'cohorts',
		about: { en: 'customers in a cohort', zh: '某同期群的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { cohort: COHORT },
		read: (r, a) => {
			const row = cohortRow(r, a.cohort);
			return row < 0 ? noCohort(r, a.cohort) : num(r.matrix.size[row]);
		},
	}),
	'cohorts.customers': fact({
		cell: 'cohorts',
		about: {
			en: 'customers of a cohort who bought in a period',
			zh: '某同期群在某一期有购买的客户数',
		},
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { cohort: COHORT, offset: OFFSET },
		read: (r, a) => cohortCell(r, a, 'customers'),
	}),
	'cohorts.retention': fact({
		cell: 'cohorts',
		about: { en: 'retention rate of a cohort in a period', zh: '某同期群在某一期的留存率' },
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: { cohort: COHORT, offset: OFFSET },
		read: (r, a) => cohortCell(r, a, 'retention'),
	}),
	'cohorts.revenuePerCustomer': fact({
		cell: 'cohorts',
		about: {
			en: 'revenue per cohort customer in a period',
			zh: '某同期群在某一期的人均销售额',
		},
		answer: 'number',
		unit: 'money',
		digits: 2,
		params: { cohort: COHORT, offset: OFFSET },
		read: (r, a) => cohortCell(r, a, 'revenuePerCustomer'),
	}),
	'cohorts.cumulativeRevenuePerCustomer': fact({
		cell: 'cohorts',
		about: {
			en: 'cumulative revenue per cohort customer up to a period (the LTV curve)',
			zh: '某同期群截至某一期的人均累计销售额（客户终身价值曲线）',
		},
		answer: 'number',
		unit: 'money',
		digits: 2,
		params: { cohort: COHORT, offset: OFFSET },
		read: (r, a) => cohortCell(r, a, 'cumulativeRevenuePerCustomer'),
	}),

	'clusters.customers': fact({
		cell: 'clusters',
		about: { en: 'customers clustered', zh: '参与聚类的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.customers),
	}),
	'clusters.k': fact({
		cell: 'clusters',
		about: { en: 'number of clusters in use', zh: '当前使用的簇数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => (r.k === null ? noClusters() : num(r.k)),
	}),
	'clusters.bestK': fact({
		cell: 'clusters',
		about: { en: 'the k with the best silhouette score', zh: '轮廓系数最高的 k' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) =>
			r.bestK === null
				? absent('No k has a silhouette score.', '没有任何 k 值有轮廓系数。')
				: num(r.bestK),
	}),
	'clusters.silhouette': fact({
		cell: 'clusters',
		about: { en: 'silhouette score of the clusters in use', zh: '当前簇的轮廓系数' },
		answer: 'number',
		unit: 'number',
		digits: 3,
		params: {},
		read: (r) => (r.silhouette === null ? noClusters() : num(r.silhouette)),
	}),
	'clusters.silhouetteAt': fact({
		cell: 'clusters',
		about: { en: 'silhouette score at a k of the scan', zh: 'k 值扫描中某个 k 的轮廓系数' },
		answer: 'number',
		unit: 'number',
		digits: 3,
		params: { k: K },
		read: (r, a) => {
			const row = scanRow(r, a.k);
			if (!row) return noScanRow(r, a.k);
			return row.silhouette === null
				? absent(`k = ${a.k} has no silhouette score.`, `k = ${a.k} 没有轮廓系数。`)
				: num(row.silhouette);
		},
	}),
	'clusters.inertiaAt': fact({
		cell: 'clusters',
		about: {
			en: 'inertia (within-cluster sum of squares) at a k of the scan',
			zh: 'k 值扫描中某个 k 的簇内误差平方和',
		},
		answer: 'number',
		unit: 'number',
		digits: 1,
		params: { k: K },
		read: (r, a) => {
			const row = scanRow(r, a.k);
			return row ? num(row.inertia) : noScanRow(r, a.k);
		},
	}),
	'clusters.size': fact({
		cell: 'clusters',
		about: { en: 'customers in a cluster', zh: '某簇的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { cluster: CLUSTER },
		read: (r, a) => {
			const p = profileOf(r, a.cluster as number);
			return p ? num(p.size) : noCluster(r, a.cluster);
		},
	}),
	'clusters.share': fact({
		cell: 'clusters',
		about: { en: 'share of customers in a cluster', zh: '某簇的客户占比' },
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: { cluster: CLUSTER },
		read: (r, a) => {
			const p = profileOf(r, a.cluster as number);
			return p ? num(p.share) : noCluster(r, a.cluster);
		},
	}),
	'clusters.treeAccuracy': fact({
		cell: 'clusters',
		about: {
			en: 'accuracy of the decision tree that explains the clusters',
			zh: '解释聚类结果的决策树的准确率',
		},
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: {},
		read: (r) =>
			r.treeAccuracy === null
				? absent('There is no decision tree.', '没有决策树。')
				: num(r.treeAccuracy),
	}),

	'lifecycle.stageCustomers': fact({
		cell: 'lifecycle',
		about: { en: 'customers in a lifecycle stage', zh: '某生命周期阶段的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {
			stage: {
				type: 'enum',
				values: ['new', 'active', 'dormant', 'churned'],
				about: { en: 'new, active, dormant or churned', zh: 'new、active、dormant 或 churned' },
			},
		},
		read: (r, a) => num(r.counts[a.stage as keyof LifecycleResult['counts']]),
	}),
	'lifecycle.paretoShare': fact({
		cell: 'lifecycle',
		about: {
			en: 'share of revenue from the top customers (top 20 % unless changed)',
			zh: '头部客户（默认前 20%）贡献的销售额占比',
		},
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: {},
		read: (r) => num(r.paretoTop20),
	}),
	'lifecycle.tierCustomers': fact({
		cell: 'lifecycle',
		about: { en: 'customers in a value tier', zh: '某价值等级的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {
			tier: { type: 'enum', values: ['A', 'B', 'C'], about: { en: 'A, B or C', zh: 'A、B 或 C' } },
		},
		read: (r, a) => {
			const tier = r.tiers.find((x) => x.tier === a.tier);
			return tier ? num(tier.customers) : absent(`No tier ${a.tier}.`, `没有 ${a.tier} 级。`);
		},
	}),
	'clv.population': fact({
		cell: 'clv',
		about: { en: 'customers fitted by the CLV models', zh: 'CLV 模型拟合的客户数' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.population),
	}),
	'clv.oneTimeBuyers': fact({
		cell: 'clv',
		about: {
			en: 'one-time buyers among the fitted customers (x = 0)',
			zh: '拟合客户中只购买过一次的客户数（x = 0）',
		},
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.oneTimeBuyers),
	}),
	'clv.horizonMonths': fact({
		cell: 'clv',
		about: { en: 'CLV horizon in months', zh: 'CLV 预测期（月）' },
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => num(r.options.horizonMonths),
	}),
	'clv.predictionPeriod': fact({
		cell: 'clv',
		about: {
			en: 'the prediction period in the time unit (the horizon in weeks or days)',
			zh: '以时间单位计的预测期（预测期的周数或天数）',
		},
		answer: 'number',
		unit: 'number',
		digits: 1,
		params: {},
		read: (r) => num(r.options.predictionPeriod),
	}),
	'clv.bgnbd': fact({
		cell: 'clv',
		about: { en: 'a BG/NBD parameter as estimated', zh: 'BG/NBD 模型某参数的估计值' },
		answer: 'number',
		unit: 'number',
		digits: 4,
		params: { param: BGNBD_PARAM },
		read: (r, a) => num(r.bgnbd[a.param as 'r' | 'alpha' | 'a' | 'b']),
	}),
	'clv.gammaGamma': fact({
		cell: 'clv',
		about: { en: 'a Gamma-Gamma parameter as estimated', zh: 'Gamma-Gamma 模型某参数的估计值' },
		answer: 'number',
		unit: 'number',
		digits: 4,
		params: { param: GAMMA_GAMMA_PARAM },
		read: (r, a) => (r.gammaGamma ? num(r.gammaGamma[a.param as 'p' | 'q' | 'v']) : noSpendModel()),
	}),
	'clv.loglik': fact({
		cell: 'clv',
		about: { en: 'log-likelihood of the BG/NBD fit', zh: 'BG/NBD 拟合的对数似然' },
		answer: 'number',
		unit: 'number',
		digits: 2,
		params: {},
		read: (r) => num(r.bgnbd.loglik),
	}),
	'clv.meanPurchaseRate': fact({
		cell: 'clv',
		about: {
			en: 'purchases per time unit of the average customer while alive (r ÷ α)',
			zh: '存活期间平均每位客户每个时间单位的购买次数（r ÷ α）',
		},
		answer: 'number',
		unit: 'number',
		digits: 4,
		params: {},
		read: (r) => num(r.bgnbd.r / r.bgnbd.alpha),
	}),
	'clv.dropoutChance': fact({
		cell: 'clv',
		about: {
			en: 'average chance of leaving after any one purchase (a ÷ (a + b), a share)',
			zh: '每次购买后平均流失的概率（a ÷ (a + b)，比例）',
		},
		answer: 'number',
		unit: 'share',
		digits: 1,
		params: {},
		read: (r) => num(r.bgnbd.a / (r.bgnbd.a + r.bgnbd.b)),
	}),
	'clv.averageSpend': fact({
		cell: 'clv',
		about: {
			en: 'average spend of a purchase by the spend model (p·γ ÷ (q − 1))',
			zh: '消费金额模型给出的平均每次购买金额（p·γ ÷ (q − 1)）',
		},
		answer: 'number',
		unit: 'money',
		digits: 2,
		params: {},
		read: (r) => {
			const g = r.gammaGamma;
			if (!g) return noSpendModel();
			return g.q > 1
				? num((g.p * g.v) / (g.q - 1))
				: absent(
						`The spend model's q is at most 1: the average spend is not defined.`,
						'消费金额模型的 q 不大于 1：平均消费金额无定义。',
					);
		},
	}),
	'clv.expectedPurchases': fact({
		cell: 'clv',
		about: {
			en: 'expected purchases of the fitted customers in the prediction period',
			zh: '拟合客户在预测期内的预期购买次数',
		},
		answer: 'number',
		unit: 'number',
		digits: 0,
		params: {},
		read: (r) => num(r.totals.expectedPurchases),
	}),
	'clv.totalClv': fact({
		cell: 'clv',
		about: { en: 'total CLV over the horizon', zh: '预测期内的 CLV 合计' },
		answer: 'number',
		unit: 'money',
		digits: 0,
		params: {},
		read: (r) => (r.totals.clv === null ? noSpendModel() : num(r.totals.clv)),
	}),
	'clv.holdoutActual': fact({
		cell: 'clv',
		about: {
			en: 'purchases all fitted customers made in the holdout period',
			zh: '所有拟合客户在留出期内的实际购买次数',
		},
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: {},
		read: (r) => (r.holdout ? num(r.holdout.actualTotal) : noHoldout(r)),
	}),
	'clv.holdoutPredicted': fact({
		cell: 'clv',
		about: {
			en: 'purchases predicted for the holdout period, all fitted customers',
			zh: '模型对所有拟合客户在留出期内购买次数的预测',
		},
		answer: 'number',
		unit: 'number',
		digits: 1,
		params: {},
		read: (r) => (r.holdout ? num(r.holdout.predictedTotal) : noHoldout(r)),
	}),
	'clv.holdoutCustomers': fact({
		cell: 'clv',
		about: {
			en: 'customers with a number of repeat purchases in the calibration period',
			zh: '校准期内复购某一次数的客户数',
		},
		answer: 'number',
		unit: 'count',
		digits: 0,
		params: { repeat: REPEAT },
		read: (r, a) => holdoutRow(r, a, (b) => b.customers),
	}),
	'clv.holdoutMeanActual': fact({
		cell: 'clv',
		about: {
			en: 'purchases per customer in the holdout, actual, by repeat purchases in the calibration period',
			zh: '按校准期内复购次数分组，留出期内实际的人均购买次数',
		},
		answer: 'number',
		unit: 'number',
		digits: 3,
		params: { repeat: REPEAT },
		read: (r, a) => holdoutRow(r, a, (b) => b.actual),
	}),
	'clv.holdoutMeanPredicted': fact({
		cell: 'clv',
		about: {
			en: 'purchases per customer in the holdout, predicted, by repeat purchases in the calibration period',
			zh: '按校准期内复购次数分组，留出期内预测的人均购买次数',
		},
		answer: 'number',
		unit: 'number',
		digits: 3,
		params: { repeat: REPEAT },
		read: (r, a) => holdoutRow(r, a, (b) => b.predicted),
	}),
	'clv.topClvCustomer': fact({
		cell: 'clv',
		about: { en: 'the customer with the highest CLV', zh: 'CLV 最高的客户' },
		answer: 'choice',
		unit: 'number',
		digits: 0,
		params: {},
		read: (r) => {
			const top = r.topClv[0];
			if (!top) return noSpendModel();
			const options = r.topClv
				.map((row) => row.customer_id)
				.sort()
				.map((id) => ({ value: id, label: { en: id, zh: id } }));
			return { kind: 'choice', value: top.customer_id, options };
		},
	}),
	'clv.topClv': fact({
		cell: 'clv',
		about: {
			en: 'CLV of a customer in the table of top customers by CLV',
			zh: 'CLV 最高的客户表中某位客户的 CLV',
		},
		answer: 'number',
		unit: 'money',
		// Shown with cents below 1,000 and without above: half a unit accepts both.
		digits: 0,
		params: { rank: RANK },
		read: (r, a) => {
			if (r.topClv.length === 0) return noSpendModel();
			const row = r.topClv[(a.rank as number) - 1];
			if (!row)
				return absent(
					`The table of top customers by CLV has ${r.topClv.length} rows.`,
					`CLV 最高的客户表共有 ${r.topClv.length} 行。`,
				);
			return row.clv === null ? noSpendModel() : num(row.clv);
		},
	}),
} satisfies Record<string, Fact>;

export type FactId = keyof typeof FACTS;

export function isFactId(id: string): id is FactId {
	return Object.hasOwn(FACTS, id);
}

export function factOf(id: FactId): Fact {
	return FACTS[id] as Fact;
}

/** A fact with its arguments, as a lesson names it. */
export interface FactRef {
	fact: FactId;
	args: FactArgs;
}

/** A cell's run, as the notebook holds it (RunState of state/notebook.svelte.ts fits). */
export type CellRun =
	| { status: 'idle' }
	| { status: 'running' }
	| { status: 'ready'; result: unknown }
	| { status: 'failed'; error: Bilingual };

/** A fact read from the notebook as it is now. */
export type FactState =
	| { status: 'ready'; reading: Exclude<Reading, { kind: 'absent' }> }
	| { status: 'absent'; why: Bilingual }
	/** The cell is computing or has not run yet. */
	| { status: 'pending'; cell: CellType }
	| { status: 'failed'; cell: CellType; error: Bilingual }
	/** The notebook has no such cell (the learner removed it). */
	| { status: 'missing'; cell: CellType };

/** Reads `ref` from the cells' runs; `runOf` gives a cell type's run, or undefined without one. */
export function readFact(ref: FactRef, runOf: (cell: CellType) => CellRun | undefined): FactState {
	const def = factOf(ref.fact);
	const run = runOf(def.cell);
	if (!run) return { status: 'missing', cell: def.cell };
	switch (run.status) {
		case 'idle':
		case 'running':
			return { status: 'pending', cell: def.cell };
		case 'failed':
			return { status: 'failed', cell: def.cell, error: run.error };
		case 'ready': {
			if (run.result === null || run.result === undefined)
				return { status: 'pending', cell: def.cell };
			const reading = def.read(run.result as never, ref.args);
			return reading.kind === 'absent'
				? { status: 'absent', why: reading.why }
				: { status: 'ready', reading };
		}
	}
}
