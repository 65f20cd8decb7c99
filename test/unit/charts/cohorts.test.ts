import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import type { CohortMatrix } from '../../../src/analysis/cohort';
import {
	cohortCurvePoints,
	cohortCurves,
	curveDomain,
	curveMetric,
	meanCurve,
	MEAN_COLOR,
	splitMean,
} from '../../../src/charts/cohort-curves';
import {
	cohortCells,
	cohortColor,
	cohortHeatmap,
	cohortLegendStops,
	heatmapLayout,
	niceStep,
	quantile,
	PARTIAL_PATTERN_ID,
	partialOffset,
	type HeatmapLabels,
} from '../../../src/charts/cohort-heatmap';

const jan = 2021 * 12;

/**
 * Four monthly cohorts, January to April 2021; the analysis date falls inside April, so each row's
 * last observable cell (the diagonal) is partial and everything after it is null.
 */
const matrix: CohortMatrix = {
	period: 'month',
	onOrAfter: false,
	labels: ['2021-01', '2021-02', '2021-03', '2021-04'],
	cohortIndex: [jan, jan + 1, jan + 2, jan + 3],
	size: [4, 2, 5, 1],
	customers: [
		[4, 2, 0, 1],
		[2, 1, 1, null],
		[5, 1, null, null],
		[1, null, null, null],
	],
	retention: [
		[1, 0.5, 0, 0.25],
		[1, 0.5, 0.5, null],
		[1, 0.2, null, null],
		[1, null, null, null],
	],
	revenue: [
		[400, 100, 0, 30],
		[200, 60, 20, null],
		[250, 40, null, null],
		[70, null, null, null],
	],
	revenuePerCustomer: [
		[100, 25, 0, 7.5],
		[100, 30, 10, null],
		[50, 8, null, null],
		[70, null, null, null],
	],
	cumulativeRevenue: [
		[400, 500, 500, 530],
		[200, 260, 280, null],
		[250, 290, null, null],
		[70, null, null, null],
	],
	cumulativeRevenuePerCustomer: [
		[100, 125, 125, 132.5],
		[100, 130, 140, null],
		[50, 58, null, null],
		[70, null, null, null],
	],
	lastObservable: jan + 3,
	partialLast: true,
	maxOffset: 3,
};

const complete: CohortMatrix = { ...matrix, partialLast: false };

const labels: HeatmapLabels = {
	cohort: 'Cohort (first-purchase month)',
	offset: 'Months since first purchase',
	value: 'Retention rate',
	size: 'Cohort size',
	partial: 'partial period',
	format: (x) => `${(x * 100).toFixed(1)}%`,
	short: (x) => `${Math.round(x * 100)}%`,
	count: (x) => String(x),
};

type AnyMark = { data?: unknown; channels: Record<string, { value: unknown }> } & Record<
	string,
	unknown
>;

function marksOf(options: Plot.PlotOptions): AnyMark[] {
	return (options.marks as unknown[]).flat(Infinity).filter(Boolean) as AnyMark[];
}

/** The text marks that write values (axes are text marks over their ticks). */
function valueTexts(options: Plot.PlotOptions): AnyMark[] {
	return marksOf(options).filter(
		(m) => m instanceof Plot.Text && Array.isArray(m.data) && typeof m.data[0] === 'object',
	);
}

/** The marks that draw cells: the coloured cells (rects or one raster), then the partial overlays. */
function cellMarks(options: Plot.PlotOptions): AnyMark[] {
	return marksOf(options).filter((m) => m instanceof Plot.Rect || m instanceof Plot.Raster);
}

describe('cohortCells', () => {
	it('cohortCells(matrix, metric) keeps the observable cells only, never a null as 0', () => {
		const cells = cohortCells(matrix, 'retention');
		expect(cells).toHaveLength(10);
		expect(cells.every((c) => typeof c.value === 'number')).toBe(true);
		expect(cells.filter((c) => c.cohort === '2021-04').map((c) => c.offset)).toEqual([0]);
		expect(cells.find((c) => c.cohort === '2021-01' && c.offset === 2)?.value).toBe(0);
	});

	it('cohortCells(matrix, metric) flags each cohort’s cell in the last, partial period', () => {
		const partial = cohortCells(matrix, 'revenue')
			.filter((c) => c.partial)
			.map((c) => [c.cohort, c.offset, c.value]);
		expect(partial).toEqual([
			['2021-01', 3, 30],
			['2021-02', 2, 20],
			['2021-03', 1, 40],
			['2021-04', 0, 70],
		]);
		expect(partialOffset(matrix, 1)).toBe(2);
	});

	it('cohortCells(matrix, metric) flags nothing when the last period is complete', () => {
		expect(cohortCells(complete, 'retention').some((c) => c.partial)).toBe(false);
		expect(partialOffset(complete, 0)).toBeNull();
	});
});

describe('cohortHeatmap', () => {
	const options = cohortHeatmap(matrix, 'retention', labels, { width: 640 });

	it('cohortHeatmap(matrix) draws no mark for not-observable cells, so they stay blank', () => {
		const [cells] = cellMarks(options);
		const data = cells.data as { value: unknown }[];
		expect(data).toHaveLength(10);
		expect(data.every((d) => d.value !== null && Number.isFinite(d.value))).toBe(true);
		for (const m of marksOf(options)) {
			if (Array.isArray(m.data) && m.data.length && typeof m.data[0] === 'object') {
				expect((m.data as { value?: unknown }[]).some((d) => d.value === null)).toBe(false);
			}
		}
	});

	it('cohortHeatmap(matrix) hatches and outlines the partial cells over their colour', () => {
		const [, partial] = cellMarks(options);
		expect((partial.data as { cohort: string; offset: number }[]).map((d) => d.offset)).toEqual([
			3, 2, 1, 0,
		]);
		expect(partial.fill).toBe(`url(#${PARTIAL_PATTERN_ID})`);
		expect(partial.stroke).toBeDefined();
		expect(typeof partial.render).toBe('function');
	});

	it('cohortHeatmap(matrix) has no partial cells when the last period is complete', () => {
		const [, partial] = cellMarks(cohortHeatmap(complete, 'retention', labels, { width: 640 }));
		expect(partial.data).toEqual([]);
	});

	it('cohortHeatmap(matrix) writes the values in the cells when they fit', () => {
		const [text] = valueTexts(options);
		expect(text).toBeDefined();
		const write = text!.channels.text.value as (d: { value: number }) => string;
		expect((text!.data as { value: number }[]).map(write)).toContain('25%');
	});

	it('cohortHeatmap(matrix) puts cohort r in row r from the top and offset k in column k', () => {
		const [cells] = cellMarks(options);
		expect(cells).toBeInstanceOf(Plot.Rect);
		const y1 = cells.channels.y1.value as (d: { row: number }) => number;
		const x1 = cells.channels.x1.value as (d: { offset: number }) => number;
		const data = cells.data as { cohort: string; row: number; offset: number }[];
		expect(data.map((d) => [d.cohort, y1(d), x1(d)]).slice(0, 5)).toEqual([
			['2021-01', 0, 0],
			['2021-01', 0, 1],
			['2021-01', 0, 2],
			['2021-01', 0, 3],
			['2021-02', 1, 0],
		]);
		expect(options.y).toMatchObject({ domain: [0, 4], reverse: true });
		expect(options.x).toMatchObject({ domain: [0, 4] });
	});
});

describe('cohortColor', () => {
	it('cohortColor(cells, "retention") scales to the largest later offset and clamps offset 0', () => {
		const c = cohortColor(cohortCells(matrix, 'retention'), 'retention');
		expect(c.low).toBe(0);
		expect(c.high).toBe(0.5);
		expect(c.clampedAbove).toBe(true);
		expect(c.scale.clamp).toBe(true);
		// 0 sits inside the scheme, not at its white end.
		expect((c.scale.domain as number[])[0]).toBeLessThan(0);
	});

	it('cohortColor(cells, "cumulativeRevenue") spans every value', () => {
		const c = cohortColor(cohortCells(matrix, 'cumulativeRevenue'), 'cumulativeRevenue');
		expect([c.low, c.high, c.clampedAbove]).toEqual([0, 530, false]);
	});

	it('cohortColor(cells) starts below a negative value (net returns)', () => {
		const cells = cohortCells(
			{ ...matrix, revenue: [[100, -20, 5, 0], ...matrix.revenue.slice(1)] },
			'revenue',
		);
		expect(cohortColor(cells, 'revenue').low).toBe(-20);
	});

	it('cohortLegendStops(color) samples the scheme from low to high', () => {
		const stops = cohortLegendStops(cohortColor(cohortCells(matrix, 'retention'), 'retention'));
		expect(stops).toHaveLength(9);
		expect(stops.every((s) => /^rgb\(/.test(s))).toBe(true);
		expect(stops[0]).not.toBe('rgb(255, 255, 255)');
	});
});

describe('heatmapLayout', () => {
	function weekly(rows: number): CohortMatrix {
		const nulls = Array.from({ length: rows }, (_, r) =>
			Array.from({ length: rows }, (_, k) => (k < rows - r ? 0.1 : null)),
		);
		return {
			...matrix,
			period: 'week',
			labels: Array.from({ length: rows }, (_, i) => `20${10 + Math.floor(i / 52)}-W${i % 52}`),
			cohortIndex: Array.from({ length: rows }, (_, i) => 2000 + i),
			size: Array.from({ length: rows }, () => 120),
			retention: nulls,
			customers: nulls,
			lastObservable: 2000 + rows - 1,
			maxOffset: rows - 1,
		};
	}

	it('heatmapLayout(300 weekly cohorts, 900) shrinks the cells and thins the labels', () => {
		const l = heatmapLayout(weekly(300), 900);
		expect(l.width).toBeLessThanOrEqual(900);
		expect(l.cellHeight).toBeGreaterThanOrEqual(2);
		expect(l.height).toBeLessThan(1000);
		expect(l.yTicks.length * 13).toBeLessThanOrEqual(300 * l.cellHeight + 13);
		expect(l.xTicks.length * 26).toBeLessThanOrEqual(300 * l.cellWidth + 26);
		expect(l.xTicks[1] - l.xTicks[0]).toBe(13);
	});

	it('cohortHeatmap(300 weekly cohorts) draws one raster image of observable cells, no numbers', () => {
		const options = cohortHeatmap(weekly(300), 'retention', labels, { width: 900 });
		expect(valueTexts(options)).toEqual([]);
		const [cells, partial] = cellMarks(options);
		expect(cells).toBeInstanceOf(Plot.Raster);
		expect((cells.data as unknown[]).length).toBe((300 * 301) / 2);
		expect((cells.data as { value: unknown }[]).every((d) => d.value !== null)).toBe(true);
		expect((partial.data as unknown[]).length).toBe(300);
	});

	it('heatmapLayout(4 cohorts, 900) caps the cell width instead of stretching', () => {
		const l = heatmapLayout(matrix, 900);
		expect(l.cellWidth).toBe(64);
		expect(l.xTicks).toEqual([0, 1, 2, 3]);
		expect(l.yTicks).toEqual(matrix.labels);
	});

	it('heatmapLayout(matrix, narrow, titles) gives the column title its own line when it would collide', () => {
		const titles = { cohort: labels.cohort, offset: labels.offset, size: labels.size };
		const wide = heatmapLayout(weekly(40), 900, titles);
		const narrow = heatmapLayout(weekly(40), 380, titles);
		expect(narrow.marginTop).toBeGreaterThan(wide.marginTop);
		expect(narrow.height - wide.height).toBe(narrow.marginTop - wide.marginTop);
	});

	it('quantile(values, p) interpolates between order statistics', () => {
		expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
		expect(quantile([0, 10], 0.98)).toBeCloseTo(9.8, 12);
		expect(quantile([7], 0.98)).toBe(7);
	});

	it('niceStep(need, period) picks calendar-friendly steps', () => {
		expect(niceStep(1, 'month')).toBe(1);
		expect(niceStep(5, 'month')).toBe(6);
		expect(niceStep(5, 'week')).toBe(13);
		expect(niceStep(60, 'week')).toBe(104);
	});
});

describe('meanCurve', () => {
	it('meanCurve(matrix, "retention") averages complete observable cells, never a null as 0', () => {
		expect(meanCurve(matrix, 'retention')).toEqual([
			{ offset: 0, value: 1, cohorts: 3 },
			{ offset: 1, value: 0.5, cohorts: 2 },
			{ offset: 2, value: 0, cohorts: 1 },
		]);
	});

	it('meanCurve(matrix, metric, {includePartial: true}) counts the partial cells too', () => {
		const mean = meanCurve(matrix, 'retention', { includePartial: true });
		expect(mean.map((p) => [p.offset, p.cohorts])).toEqual([
			[0, 4],
			[1, 3],
			[2, 2],
			[3, 1],
		]);
		expect(mean[1].value).toBeCloseTo(0.4, 12);
		expect(mean.map((p) => p.value)).toEqual([1, mean[1].value, 0.25, 0.25]);
	});

	it('meanCurve(matrix, metric) over a complete last period uses every observable cell', () => {
		expect(meanCurve(complete, 'cumulativeRevenuePerCustomer')).toEqual([
			{ offset: 0, value: 80, cohorts: 4 },
			{ offset: 1, value: (125 + 130 + 58) / 3, cohorts: 3 },
			{ offset: 2, value: (125 + 140) / 2, cohorts: 2 },
			{ offset: 3, value: 132.5, cohorts: 1 },
		]);
	});
});

describe('cohortCurves', () => {
	const curveLabels = {
		offset: 'Months since first purchase',
		value: 'Retention rate',
		mean: 'Mean',
		cohorts: 'Cohorts averaged',
		format: labels.format,
		short: labels.short,
	};

	it('cohortCurvePoints(matrix) leaves not-observable cells out of the lines', () => {
		const points = cohortCurvePoints(matrix, 'retention');
		expect(points).toHaveLength(10);
		expect(points.filter((p) => p.cohort === '2021-03').map((p) => p.offset)).toEqual([0, 1]);
	});

	it('cohortCurves(matrix) draws one thin line per cohort and a thick mean line', () => {
		const options = cohortCurves(matrix, 'retention', curveLabels, { width: 640 });
		const lines = marksOf(options).filter((m) => m instanceof Plot.Line);
		expect(lines).toHaveLength(3);
		const [cohorts, mean, tail] = lines;
		expect((cohorts.data as unknown[]).length).toBe(10);
		expect(cohorts.channels.z.value).toBe('cohort');
		const all = meanCurve(matrix, 'retention');
		expect(mean.data).toEqual(all.slice(0, 1));
		expect(tail.data).toEqual(all);
		expect(tail.strokeDasharray).toBeDefined();
		expect(mean.stroke).toBe(MEAN_COLOR);
		expect(mean.strokeWidth).toBe(3);
		expect((cohorts.strokeWidth as number | undefined) ?? 1.5).toBeLessThan(3);
		expect(options.y?.domain).toEqual(
			curveDomain(cohortCurvePoints(matrix, 'retention'), 'retention').domain,
		);
	});

	it('curveDomain(points, "retention") zooms on the later offsets when offset 0 towers over them', () => {
		const { domain, zoomed } = curveDomain(cohortCurvePoints(matrix, 'retention'), 'retention');
		expect(zoomed).toBe(true);
		expect(domain[0]).toBe(0);
		expect(domain[1]).toBeCloseTo(0.54, 12);
	});

	it('curveDomain(points, "cumulativeRevenuePerCustomer") keeps the full range', () => {
		const points = cohortCurvePoints(matrix, 'cumulativeRevenuePerCustomer');
		expect(curveDomain(points, 'cumulativeRevenuePerCustomer')).toEqual({
			domain: [0, 140],
			zoomed: false,
		});
	});

	it('splitMean(mean) dashes the tail that rests on fewer than three cohorts', () => {
		const mean = meanCurve(complete, 'retention');
		expect(mean.map((p) => p.cohorts)).toEqual([4, 3, 2, 1]);
		const { solid, tail, threshold } = splitMean(mean);
		expect(threshold).toBe(3);
		expect(solid.map((p) => p.offset)).toEqual([0, 1]);
		expect(tail.map((p) => p.offset)).toEqual([1, 2, 3]);
	});

	it('splitMean(mean) of two cohorts keeps the mean solid while both count', () => {
		const two = meanCurve({ ...complete, retention: complete.retention.slice(0, 2) }, 'retention');
		expect(two.map((p) => p.cohorts)).toEqual([2, 2, 2, 1]);
		expect(splitMean(two)).toEqual({ solid: two.slice(0, 3), tail: two.slice(2), threshold: 2 });
	});

	it('curveMetric(metric) keeps per-customer metrics and falls back to retention', () => {
		expect(curveMetric('cumulativeRevenuePerCustomer')).toBe('cumulativeRevenuePerCustomer');
		expect(curveMetric('revenue')).toBe('retention');
		expect(curveMetric('customers')).toBe('retention');
	});
});
