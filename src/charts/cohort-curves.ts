import * as Plot from '@observablehq/plot';
import type { CohortMatrix } from '../analysis/cohort';
import { partialOffset, type CohortMetric } from './cohort-heatmap';

/** The metrics whose curves compare across cohorts of different sizes. */
export const CURVE_METRICS = [
	'retention',
	'revenuePerCustomer',
	'cumulativeRevenuePerCustomer',
] as const satisfies readonly CohortMetric[];
export type CurveMetric = (typeof CURVE_METRICS)[number];

/** The curves that go with a heatmap metric: itself when comparable across cohorts, else retention. */
export function curveMetric(metric: CohortMetric): CurveMetric {
	return (CURVE_METRICS as readonly string[]).includes(metric)
		? (metric as CurveMetric)
		: 'retention';
}

export interface CurvePoint {
	cohort: string;
	offset: number;
	value: number;
	partial: boolean;
}

export interface MeanPoint {
	offset: number;
	/** Unweighted mean over the cohorts counted at this offset. */
	value: number;
	/** How many cohorts were counted. */
	cohorts: number;
}

/** Each cohort's observable values (null cells are left out, never zero). */
export function cohortCurvePoints(m: CohortMatrix, metric: CohortMetric): CurvePoint[] {
	const out: CurvePoint[] = [];
	m.labels.forEach((cohort, row) => {
		const partial = partialOffset(m, row);
		m[metric][row].forEach((value, offset) => {
			if (value !== null) out.push({ cohort, offset, value, partial: offset === partial });
		});
	});
	return out;
}

/**
 * The mean curve: at each offset, the unweighted mean of the cohorts observable there. Partial
 * cells (a period not over yet) are left out unless `includePartial`, since they understate it;
 * an offset with nothing to average is absent.
 */
export function meanCurve(
	m: CohortMatrix,
	metric: CohortMetric,
	{ includePartial = false }: { includePartial?: boolean } = {},
): MeanPoint[] {
	const out: MeanPoint[] = [];
	for (let k = 0; k <= m.maxOffset; k++) {
		let sum = 0;
		let n = 0;
		m[metric].forEach((row, r) => {
			const v = row[k];
			if (v === null || (!includePartial && partialOffset(m, r) === k)) return;
			sum += v;
			n++;
		});
		if (n > 0) out.push({ offset: k, value: sum / n, cohorts: n });
	}
	return out;
}

/**
 * The y domain of the curves. Offset 0 towers over the rest for retention and per-period revenue
 * (5 % retention next to 100 %), so the axis zooms on the later offsets and offset 0 runs off the
 * top; cumulative curves keep their full range.
 */
export function curveDomain(
	points: CurvePoint[],
	metric: CohortMetric,
): { domain: [number, number]; zoomed: boolean } {
	let low = 0;
	let all = -Infinity;
	let later = -Infinity;
	for (const p of points) {
		if (p.value < low) low = p.value;
		if (p.value > all) all = p.value;
		if (p.offset > 0 && p.value > later) later = p.value;
	}
	if (!Number.isFinite(all)) return { domain: [0, 1], zoomed: false };
	const full: [number, number] = [low, metric === 'retention' ? Math.max(1, all) : all];
	if (metric.startsWith('cumulative') || !(later > low) || later > 0.6 * all) {
		return { domain: full, zoomed: false };
	}
	const top = later + (later - low) * 0.08;
	return { domain: [low, metric === 'retention' ? Math.min(1, top) : top], zoomed: true };
}

/**
 * The mean split where fewer than `threshold` cohorts (3, or all of them when fewer) remain: the
 * tail rests on one or two cohorts and is drawn dashed. The tail starts at the last solid point so
 * that the line stays connected.
 */
export function splitMean(mean: MeanPoint[]): {
	solid: MeanPoint[];
	tail: MeanPoint[];
	threshold: number;
} {
	const threshold = Math.min(3, mean[0]?.cohorts ?? 0);
	const i = mean.findIndex((p) => p.cohorts < threshold);
	if (i < 0) return { solid: mean, tail: [], threshold };
	return { solid: mean.slice(0, i), tail: mean.slice(Math.max(0, i - 1)), threshold };
}

export interface CurveLabels {
	/** Axis title of x, e.g. "Months since first purchase". */
	offset: string;
	/** The metric's name. */
	value: string;
	/** "Mean of the cohorts". */
	mean: string;
	/** "Cohorts averaged". */
	cohorts: string;
	format: (x: number) => string;
	/** Short tick labels of y. */
	short: (x: number) => string;
}

export const CURVE_COLOR = '#0072b2';
export const MEAN_COLOR = '#d55e00';

/**
 * One thin line per cohort and their mean as a thick line (Okabe–Ito blue and vermillion, safe for
 * colour-blind readers), dashed where it rests on fewer than three cohorts. Pointing shows the mean
 * at that offset.
 */
export function cohortCurves(
	m: CohortMatrix,
	metric: CohortMetric,
	labels: CurveLabels,
	options: { width: number },
): Plot.PlotOptions {
	const points = cohortCurvePoints(m, metric);
	const mean = meanCurve(m, metric);
	const { domain } = curveDomain(points, metric);
	const { solid, tail } = splitMean(mean);
	const cohorts = m.labels.length;
	const opacity = cohorts <= 12 ? 0.45 : cohorts <= 60 ? 0.25 : cohorts <= 150 ? 0.12 : 0.05;
	const tipText = (d: MeanPoint) =>
		[
			`${labels.offset}: ${d.offset}`,
			`${labels.mean}: ${labels.format(d.value)}`,
			`${labels.cohorts}: ${d.cohorts}`,
		].join('\n');
	return {
		width: Math.min(options.width, 760),
		height: 280,
		marginLeft: 56,
		marginRight: 16,
		x: {
			label: labels.offset,
			domain: [0, Math.max(1, m.maxOffset)],
			...(m.maxOffset < 12 ? { ticks: m.maxOffset + 1 } : {}),
			tickFormat: (k: number) => (Number.isInteger(k) ? String(k) : ''),
		},
		y: {
			label: labels.value,
			grid: true,
			tickFormat: labels.short,
			domain,
			nice: true,
		},
		marks: [
			Plot.ruleY([0]),
			Plot.line(points, {
				x: 'offset',
				y: 'value',
				z: 'cohort',
				stroke: CURVE_COLOR,
				strokeWidth: 1,
				strokeOpacity: opacity,
				title: 'cohort',
				clip: true,
			}),
			Plot.line(solid, {
				x: 'offset',
				y: 'value',
				stroke: MEAN_COLOR,
				strokeWidth: 3,
				clip: true,
			}),
			Plot.line(tail, {
				x: 'offset',
				y: 'value',
				stroke: MEAN_COLOR,
				strokeWidth: 2,
				strokeDasharray: '5,3',
				clip: true,
			}),
			Plot.dot(mean, {
				x: 'offset',
				y: 'value',
				fill: MEAN_COLOR,
				r: mean.length <= 40 ? 3 : 0,
				clip: true,
			}),
			Plot.tip(mean, Plot.pointerX({ x: 'offset', y: 'value', title: tipText })),
		],
	};
}
