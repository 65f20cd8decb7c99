/**
 * The files of CLI.md as text: customers.csv, cohorts.csv, clusters.csv and summary.json. The app
 * downloads the same bytes.
 */
import type { AnalysisResult, ClusterAnalysis, CustomerAnalysis } from './analyze';
import { DROP_RULES } from './clean';
import { cohortRows, type CohortMatrix } from './cohort';
import { formatDay } from './dates';
import { STAGES } from './lifecycle';
import type { CustomerClv } from './predict';
import { rfmCell } from './rfm';

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a leading `=`, `+`, `-`, `@`,
 * tab or carriage return, unless the whole text is a plain number such as `-12.5`.
 */
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text made inert for spreadsheets: a formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
	return FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV field: text neutralised against formulas, then quoted when it holds a comma, quote or
 * line break. Numbers are written as they are.
 */
export function csvField(value: string | number | null): string {
	if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
	const s = typeof value === 'number' ? String(value) : neutraliseFormula(value);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(values: (string | number | null)[]): string {
	return values.map(csvField).join(',') + '\n';
}

export const CUSTOMER_COLUMNS = [
	'customer_id',
	'recency_days',
	'frequency',
	'monetary',
	'first_purchase',
	'last_purchase',
	'tenure_days',
	'r_score',
	'f_score',
	'm_score',
	'rfm_cell',
	'rfm_score',
	'segment',
	'lifecycle',
	'cluster',
] as const;

/** The columns customers.csv adds with `--clv` (CLI.md). */
export const CLV_COLUMNS = [
	'x',
	't_x',
	'T',
	'p_alive',
	'expected_purchases',
	'expected_avg_spend',
	'clv',
] as const;

/** A customer's CLV fields; empty for a customer outside the fitted population. */
function clvFields(clv: CustomerClv, i: number): (number | null)[] {
	const k = clv.index[i];
	const c = clv.result.customers;
	if (k < 0 || !c.inCalibration[k]) return CLV_COLUMNS.map(() => null);
	return [
		c.x[k],
		c.tx[k],
		c.T[k],
		c.pAlive[k],
		c.expectedPurchases[k],
		c.expectedAvgSpend[k],
		c.clv[k],
	];
}

type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

/** Customer i's fields of customers.csv, by column. */
function customerFields(
	customers: CustomerAnalysis,
	labels: Int32Array | null,
	i: number,
): Record<CustomerColumn, string | number | null> {
	const m = customers.metrics;
	const s = customers.scores;
	const seg = customers.segmentation;
	return {
		customer_id: m.ids[i],
		recency_days: m.recency[i],
		frequency: m.frequency[i],
		monetary: m.monetary[i],
		first_purchase: formatDay(m.firstDay[i]),
		last_purchase: formatDay(m.lastDay[i]),
		tenure_days: m.tenure[i],
		r_score: s.r[i],
		f_score: s.f[i],
		m_score: s.m[i],
		rfm_cell: rfmCell(s.r[i], s.f[i], s.m[i]),
		rfm_score: s.r[i] + s.f[i] + s.m[i],
		segment: seg.segments[seg.segment[i]].id,
		lifecycle: STAGES[customers.stage[i]],
		cluster: labels === null ? null : labels[i],
	};
}

/** customers.csv: one row per customer, in customer order; with `clv`, its columns added. */
export function customersCsv(
	customers: CustomerAnalysis,
	clusters: ClusterAnalysis | null,
	clv: CustomerClv | null = null,
): string {
	const labels = clusters?.result?.labels ?? null;
	const head: string[] = [...CUSTOMER_COLUMNS, ...(clv ? CLV_COLUMNS : [])];
	const parts: string[] = [head.join(',') + '\n'];
	for (let i = 0; i < customers.metrics.ids.length; i++) {
		const f = customerFields(customers, labels, i);
		parts.push(csvLine([...CUSTOMER_COLUMNS.map((c) => f[c]), ...(clv ? clvFields(clv, i) : [])]));
	}
	return parts.join('');
}

/** The fitted CLV models and the holdout check, as summary.json carries them. */
export function clvSummary(clv: CustomerClv): Record<string, unknown> {
	const r = clv.result;
	const b = r.bgnbd;
	const g = r.gammaGamma;
	return {
		bgnbd: { r: b.r, alpha: b.alpha, a: b.a, b: b.b, loglik: b.loglik },
		gamma_gamma: g === null ? null : { p: g.p, q: g.q, v: g.v },
		clv: {
			unit: r.options.unit,
			calibration_end: formatDay(r.options.calibrationEnd),
			observation_end: formatDay(r.options.observationEnd),
			horizon_months: r.options.horizonMonths,
			monthly_discount: r.options.monthlyDiscount,
			prediction_period: r.options.predictionPeriod,
			customers_fitted: r.population,
			customers_after_calibration: r.lateCustomers,
			bgnbd_standard_errors: b.se,
			gamma_gamma_customers: g?.n ?? 0,
			gamma_gamma_loglik: g?.loglik ?? null,
			gamma_gamma_standard_errors: g?.se ?? null,
			spend_frequency_correlation: g?.spendFrequencyCorrelation ?? null,
			holdout:
				r.holdout === null
					? null
					: {
							length: r.holdout.length,
							actual_total: r.holdout.actualTotal,
							predicted_total: r.holdout.predictedTotal,
							buckets: r.holdout.buckets.map((k) => ({
								x: k.label,
								customers: k.customers,
								actual: Number.isFinite(k.actual) ? k.actual : null,
								predicted: Number.isFinite(k.predicted) ? k.predicted : null,
							})),
						},
			warnings: r.warnings.map((w) => ({ code: w.code, message: w.en })),
		},
	};
}

/** The customers.csv columns of a group's list (groupCsv). */
const GROUP_COLUMNS: CustomerColumn[] = [
	'customer_id',
	'recency_days',
	'frequency',
	'monetary',
	'r_score',
	'f_score',
	'm_score',
	'rfm_cell',
	'segment',
	'lifecycle',
	'cluster',
];

/**
 * One group's customers for an email or SMS tool: the customers.csv columns a campaign needs plus
 * the recommended action, in customer order. `member[i]` is 1 for the customers to list.
 */
export function groupCsv(
	customers: CustomerAnalysis,
	labels: Int32Array | null,
	member: Uint8Array,
	action: string,
): string {
	const parts = [[...GROUP_COLUMNS, 'action'].join(',') + '\n'];
	for (let i = 0; i < customers.metrics.ids.length; i++) {
		if (!member[i]) continue;
		const f = customerFields(customers, labels, i);
		parts.push(csvLine([...GROUP_COLUMNS.map((c) => f[c]), action]));
	}
	return parts.join('');
}

/** cohorts.csv: one row per observable cell, 0-customer cells included. */
export function cohortsCsv(matrix: CohortMatrix): string {
	const head =
		'cohort,period_offset,cohort_size,customers,retention,revenue,revenue_per_customer\n';
	return (
		head +
		cohortRows(matrix)
			.map((r) =>
				csvLine([
					r.cohort,
					r.period_offset,
					r.cohort_size,
					r.customers,
					r.retention,
					r.revenue,
					r.revenue_per_customer,
				]),
			)
			.join('')
	);
}

/** clusters.csv: the k scan. */
export function clustersCsv(clusters: ClusterAnalysis): string {
	return (
		'k,inertia,silhouette,sizes\n' +
		clusters.scan.map((r) => csvLine([r.k, r.inertia, r.silhouette, r.sizes.join(';')])).join('')
	);
}

/** summary.json as an object. */
export function summary(result: AnalysisResult, file: string): Record<string, unknown> {
	const { data, customers, clusters } = result;
	const m = customers.metrics;
	let revenue = 0;
	let orders = 0;
	for (let i = 0; i < m.ids.length; i++) {
		orders += m.frequency[i];
	}
	for (let i = 0; i < customers.orders.amount.length; i++) revenue += customers.orders.amount[i];
	const segmentCounts: Record<string, number> = {};
	for (const s of customers.segmentation.segments) segmentCounts[s.id] = 0;
	for (const k of customers.segmentation.segment)
		segmentCounts[customers.segmentation.segments[k].id]++;
	const dropped: Record<string, number> = {};
	for (const rule of DROP_RULES) dropped[rule] = data.report.dropped[rule];
	const r = clusters.result;
	return {
		file,
		as_of: formatDay(m.asOf),
		rows_read: data.report.rowsRead,
		rows_kept: data.report.rowsKept,
		rows_dropped: dropped,
		returns_kept: data.report.returns,
		customers: m.ids.length,
		orders,
		revenue,
		mapping: data.mapping,
		date_format: data.report.dateFormat,
		segment_scheme: customers.segmentation.scheme,
		segment_counts: segmentCounts,
		lifecycle_counts: Object.fromEntries(STAGES.map((s) => [s, customers.lifecycleCounts[s]])),
		pareto_top20_share: customers.paretoTop20,
		scoring: {
			method: customers.scores.cuts.recency.method,
			bins: customers.scores.bins,
			cut_points: {
				recency: customers.scores.cuts.recency,
				frequency: customers.scores.cuts.frequency,
				monetary: customers.scores.cuts.monetary,
			},
		},
		clusters:
			r === null
				? { k: null, best_k: clusters.bestK }
				: {
						k: r.k,
						best_k: clusters.bestK,
						inertia: r.inertia,
						silhouette: r.silhouette,
						features: r.featureNames,
						centroids: r.profiles.map((p) => ({
							cluster: p.cluster,
							name: p.name.en,
							size: p.size,
							mean: Object.fromEntries(r.featureNames.map((f, i) => [f, p.mean[i]])),
							median: Object.fromEntries(r.featureNames.map((f, i) => [f, p.median[i]])),
						})),
						tree_accuracy: r.treeAccuracy,
					},
		warnings: [
			...data.source.warnings,
			...data.report.warnings,
			...customers.warnings,
			...clusters.warnings,
		].map((w) => ({ code: w.code, message: w.en })),
	};
}
