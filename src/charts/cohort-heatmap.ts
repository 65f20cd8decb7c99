import * as Plot from '@observablehq/plot';
import type { CohortMatrix } from '../analysis/cohort';
import { periodLabel, type Period } from '../analysis/period';

/** The matrices of a CohortMatrix that a chart can show. */
export const COHORT_METRICS = [
	'retention',
	'customers',
	'revenue',
	'revenuePerCustomer',
	'cumulativeRevenue',
	'cumulativeRevenuePerCustomer',
] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

/** ColorBrewer YlGnBu: sequential, colour-blind safe, and its low end is not white (blank ≠ 0). */
export const COHORT_SCHEME = 'YlGnBu';

/** One observable cell of the matrix. */
export interface CohortCellDatum {
	cohort: string;
	row: number;
	offset: number;
	value: number;
	size: number;
	/** The cell lies in the period containing the analysis date − 1 day, which is not over yet. */
	partial: boolean;
}

/** The offset of a cohort's partial cell (its last observable one), or null when none is partial. */
export function partialOffset(m: CohortMatrix, row: number): number | null {
	return m.partialLast ? m.lastObservable - m.cohortIndex[row] : null;
}

/** The observable cells of one metric; not-observable (null) cells are left out, never zero. */
export function cohortCells(m: CohortMatrix, metric: CohortMetric): CohortCellDatum[] {
	const values = m[metric];
	const out: CohortCellDatum[] = [];
	m.labels.forEach((cohort, row) => {
		const partial = partialOffset(m, row);
		values[row].forEach((value, offset) => {
			if (value === null) return;
			out.push({ cohort, row, offset, value, size: m.size[row], partial: offset === partial });
		});
	});
	return out;
}

export interface CohortColor {
	/** Plot colour scale options. */
	scale: Plot.ScaleOptions;
	/** What the legend shows: from `low` to `high`. */
	low: number;
	high: number;
	/** Some values lie above `high` and get its colour (offset 0 dominates retention and counts). */
	clampedAbove: boolean;
}

/**
 * The colour scale of a metric. Offset 0 (100 % retention, the whole cohort) would use up the
 * scale, and so would a few tiny cohorts at 100 %: non-cumulative metrics scale to the 98th
 * percentile of the later offsets and clamp what lies above.
 */
export function cohortColor(cells: CohortCellDatum[], metric: CohortMetric): CohortColor {
	let low = 0;
	let all = -Infinity;
	const later: number[] = [];
	for (const c of cells) {
		if (c.value < low) low = c.value;
		if (c.value > all) all = c.value;
		if (c.offset > 0) later.push(c.value);
	}
	const cumulative = metric.startsWith('cumulative');
	let high = all;
	if (!cumulative && later.length > 0) {
		const q = quantile(later, 0.98);
		if (q > low) high = q;
	}
	if (!(high > low)) high = low + (metric === 'retention' ? 1 : 1e-9);
	// Start the scheme a little below the lowest value, so that 0 is tinted and blank stays white.
	const lead = (high - low) * 0.1;
	return {
		scale: { type: 'linear', scheme: COHORT_SCHEME, domain: [low - lead, high], clamp: true },
		low,
		high,
		clampedAbove: all > high,
	};
}

/** The p-quantile of `values` (linear between order statistics, like R's type 7). */
export function quantile(values: number[], p: number): number {
	const sorted = Float64Array.from(values).sort();
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Colours for a CSS gradient of the legend, from `low` to `high`. */
export function cohortLegendStops(color: CohortColor, n = 9): string[] {
	const scale = Plot.scale({ color: color.scale });
	return Array.from({ length: n }, (_, i) =>
		String(scale.apply(color.low + ((color.high - color.low) * i) / (n - 1))),
	);
}

const NICE: Record<Period, number[]> = {
	week: [1, 2, 4, 13, 26, 52],
	month: [1, 2, 3, 6, 12],
	quarter: [1, 2, 4, 8],
	year: [1, 2, 5, 10],
};

/** The smallest calendar-friendly step ≥ need (every 13 weeks, every 6 months …). */
export function niceStep(need: number, period: Period): number {
	const steps = NICE[period];
	for (const s of steps) if (s >= need) return s;
	const last = steps[steps.length - 1];
	return Math.ceil(need / last) * last;
}

export interface HeatmapLayout {
	width: number;
	height: number;
	cellWidth: number;
	cellHeight: number;
	marginLeft: number;
	marginRight: number;
	marginTop: number;
	/** Offsets and cohorts that get a tick label (thinned so that labels do not overlap). */
	xTicks: number[];
	yTicks: string[];
}

const MAX_CELL_WIDTH = 64;
const MAX_CELL_HEIGHT = 24;
const MIN_CELL_HEIGHT = 2;
/** Beyond this the rows shrink (down to MIN_CELL_HEIGHT) instead of the chart growing. */
const TARGET_BODY_HEIGHT = 640;

/** Pixels per text unit of a 12 px axis label (textUnits counts CJK characters double). */
const LABEL_UNIT = 6.8;
const ONE_ROW_TOP = 44;
const TWO_ROW_TOP = 62;

/**
 * Cell sizes and thinned labels for a matrix drawn `width` pixels wide. With `titles` (the axis
 * titles), a column title that would run into the row titles gets a line of its own.
 */
export function heatmapLayout(
	m: CohortMatrix,
	width: number,
	titles?: { cohort: string; offset: string; size: string; period?: (label: string) => string },
): HeatmapLayout {
	const rows = Math.max(1, m.labels.length);
	const cols = Math.max(1, m.maxOffset + 1);
	const period = titles?.period ?? ((l: string) => l);
	const labelChars = Math.max(4, ...m.labels.map((l) => textUnits(period(l))));
	const marginLeft = Math.round(labelChars * 7 + 12);
	const sizeChars = String(Math.max(0, ...m.size)).length;
	const marginRight = Math.round(Math.max(4, sizeChars + 2) * 7 + 14);
	const plotWidth = Math.max(40, width - marginLeft - marginRight);
	const cellWidth = Math.min(MAX_CELL_WIDTH, plotWidth / cols);
	const cellHeight = Math.max(
		MIN_CELL_HEIGHT,
		Math.min(MAX_CELL_HEIGHT, TARGET_BODY_HEIGHT / rows),
	);
	const total = Math.round(marginLeft + marginRight + cellWidth * cols);
	let marginTop = ONE_ROW_TOP;
	if (titles) {
		const center = marginLeft + (cellWidth * cols) / 2;
		const half = (textUnits(titles.offset) * LABEL_UNIT) / 2;
		const leftEnd = 3 + textUnits(titles.cohort) * LABEL_UNIT;
		const rightStart = total - 3 - textUnits(titles.size) * LABEL_UNIT;
		if (leftEnd + 8 > center - half || rightStart - 8 < center + half) marginTop = TWO_ROW_TOP;
	}
	const xStep = niceStep(Math.ceil(26 / cellWidth), m.period);
	const yStep = niceStep(Math.ceil(13 / cellHeight), m.period);
	return {
		width: total,
		height: Math.round(marginTop + cellHeight * rows + 6),
		cellWidth,
		cellHeight,
		marginLeft,
		marginRight,
		marginTop,
		xTicks: Array.from({ length: cols }, (_, k) => k).filter((k) => k % xStep === 0),
		yTicks: m.labels.filter((_, i) => i % yStep === 0),
	};
}

export interface HeatmapLabels {
	/** Axis title of the rows, e.g. "Cohort (first-purchase month)". */
	cohort: string;
	/** Axis title of the columns, e.g. "Months since first purchase". */
	offset: string;
	/** The metric's name. */
	value: string;
	/** "Cohort size". */
	size: string;
	/** Tip line of a partial cell, followed by the period: "Partial period (not over yet)". */
	partial: string;
	/** A value in full, for tips. */
	format: (x: number) => string;
	/** A value in few characters, written in the cells. */
	short: (x: number) => string;
	/** A cohort size. */
	count: (x: number) => string;
	/** A period label (2024-01) as the language writes it (2024年1月); as it is by default. */
	period?: (label: string) => string;
	/** How a cell's value was computed, with its inputs (a tip line titled `how`). */
	explain?: { how: string; text: (d: CohortCellDatum) => string };
}

/** The pattern that hatches partial cells; one definition per chart, identical everywhere. */
export const PARTIAL_PATTERN_ID = 'cohort-partial-hatch';

/** Characters of `s` as rendered width units: CJK characters count double. */
function textUnits(s: string): number {
	let n = 0;
	for (const ch of s) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
	return n;
}

/** Beyond this many cells, or when cells are too small for gaps, one raster image replaces the rects. */
const RECT_LIMIT = 4000;

/**
 * Cohort × period offset, coloured by the metric, values written in the cells when they fit.
 * Not-observable cells are absent (blank); each cohort's partial last cell is hatched and outlined.
 * Cohort sizes label the right-hand axis. Row r and offset k span [r, r + 1] × [k, k + 1] on
 * linear scales, so that a large matrix (weekly cohorts over years) can be one raster image
 * instead of tens of thousands of SVG rects.
 */
export function cohortHeatmap(
	m: CohortMatrix,
	metric: CohortMetric,
	labels: HeatmapLabels,
	options: { width: number },
): Plot.PlotOptions {
	const cells = cohortCells(m, metric);
	const partial = cells.filter((c) => c.partial);
	const color = cohortColor(cells, metric);
	const layout = heatmapLayout(m, options.width, labels);
	const { cellWidth, cellHeight } = layout;
	const rows = m.labels.length;
	const cols = m.maxOffset + 1;
	const big = cellWidth >= 8 && cellHeight >= 8;
	const gap = big ? 0.5 : 0;
	const raster = !big || cells.length > RECT_LIMIT;
	const rowOf = new Map(m.labels.map((l, i) => [l, i]));

	const fontSize = cellHeight >= 18 ? 11 : 9.5;
	let showText = !raster && cellWidth >= 22 && cellHeight >= 13;
	if (showText) {
		let units = 0;
		for (const c of cells) units = Math.max(units, textUnits(labels.short(c.value)));
		showText = units * fontSize * 0.62 + 4 <= cellWidth;
	}
	const [d0, d1] = color.scale.domain as [number, number];
	const darkText = (v: number) => (Math.min(v, d1) - d0) / (d1 - d0) > 0.6;

	const box = {
		x1: (d: CohortCellDatum) => d.offset,
		x2: (d: CohortCellDatum) => d.offset + 1,
		y1: (d: CohortCellDatum) => d.row,
		y2: (d: CohortCellDatum) => d.row + 1,
	};
	const centre = {
		x: (d: CohortCellDatum) => d.offset + 0.5,
		y: (d: CohortCellDatum) => d.row + 0.5,
	};
	const period = labels.period ?? ((l: string) => l);
	const partialLabel = m.partialLast ? period(periodLabel(m.lastObservable, m.period)) : '';

	return {
		width: layout.width,
		height: layout.height,
		marginLeft: layout.marginLeft,
		marginRight: layout.marginRight,
		marginTop: layout.marginTop,
		marginBottom: 6,
		x: { type: 'linear', domain: [0, Math.max(1, cols)], nice: false },
		y: { type: 'linear', domain: [0, Math.max(1, rows)], reverse: true, nice: false },
		color: color.scale,
		marks: [
			raster
				? Plot.raster(cells, {
						...centre,
						fill: 'value',
						x1: 0,
						x2: cols,
						y1: 0,
						y2: rows,
						width: cols,
						height: rows,
						interpolate: 'none',
						imageRendering: 'pixelated',
					})
				: Plot.rect(cells, { ...box, fill: 'value', inset: gap }),
			// A light halo under a dark dashed outline and a two-tone hatch: visible on pale and dark
			// cells alike.
			Plot.rect(partial, {
				...box,
				fill: `url(#${PARTIAL_PATTERN_ID})`,
				stroke: '#fff',
				strokeWidth: big ? 2.5 : 1.25,
				inset: gap + (big ? 0.75 : 0),
				render: withHatchPattern,
			}),
			Plot.rect(partial, {
				...box,
				fill: 'none',
				stroke: '#111',
				strokeWidth: big ? 1.25 : 0.75,
				strokeDasharray: big ? '3,2' : undefined,
				inset: gap + (big ? 0.75 : 0),
			}),
			...(showText
				? [
						Plot.text(cells, {
							...centre,
							text: (d: CohortCellDatum) => labels.short(d.value),
							fill: {
								value: (d: CohortCellDatum) => (darkText(d.value) ? '#fff' : '#111'),
								scale: null,
							},
							fontSize,
							fontVariant: 'tabular-nums',
						}),
					]
				: []),
			Plot.axisX(
				layout.xTicks.map((k) => k + 0.5),
				{
					anchor: 'top',
					label: labels.offset,
					labelAnchor: 'center',
					labelArrow: 'none',
					labelOffset: layout.marginTop === ONE_ROW_TOP ? undefined : layout.marginTop - 20,
					tickSize: 0,
					tickFormat: (v: number) => String(Math.floor(v)),
				},
			),
			Plot.axisY(
				layout.yTicks.map((l) => (rowOf.get(l) ?? 0) + 0.5),
				{
					anchor: 'left',
					label: labels.cohort,
					labelAnchor: 'top',
					labelArrow: 'none',
					tickSize: 0,
					tickFormat: (v: number) => {
						const l = m.labels[Math.floor(v)];
						return l === undefined ? '' : period(l);
					},
				},
			),
			Plot.axisY(
				layout.yTicks.map((l) => (rowOf.get(l) ?? 0) + 0.5),
				{
					anchor: 'right',
					label: labels.size,
					labelAnchor: 'top',
					labelArrow: 'none',
					tickSize: 0,
					tickFormat: (v: number) => labels.count(m.size[Math.floor(v)] ?? 0),
				},
			),
			// Tip channels are formatted only for the cell pointed at: cheap on a large matrix.
			Plot.tip(
				cells,
				Plot.pointer({
					...centre,
					channels: {
						[labels.cohort]: 'cohort',
						[labels.offset]: 'offset',
						[labels.value]: 'value',
						[labels.size]: 'size',
						[labels.partial]: (d: CohortCellDatum) => (d.partial ? partialLabel : null),
						...(labels.explain ? { [labels.explain.how]: labels.explain.text } : {}),
					},
					format: {
						x: false,
						y: false,
						[labels.cohort]: period,
						[labels.offset]: (k: number) => String(k),
						[labels.value]: labels.format,
						[labels.size]: labels.count,
						[labels.partial]: true,
						...(labels.explain ? { [labels.explain.how]: true } : {}),
					},
				}),
			),
		],
	};
}

/**
 * Renders a mark and puts the hatch pattern its fill refers to in front of it. Runs inside
 * Plot.plot with Plot's own document, so the builder itself stays free of the DOM.
 */
const withHatchPattern: Plot.RenderFunction = (
	index,
	scales,
	values,
	dimensions,
	context,
	next,
) => {
	const g = next?.(index, scales, values, dimensions, context) ?? null;
	if (!g) return null;
	const ns = 'http://www.w3.org/2000/svg';
	const doc = context.document;
	const defs = doc.createElementNS(ns, 'defs');
	const pattern = doc.createElementNS(ns, 'pattern');
	pattern.setAttribute('id', PARTIAL_PATTERN_ID);
	pattern.setAttribute('patternUnits', 'userSpaceOnUse');
	pattern.setAttribute('width', '5');
	pattern.setAttribute('height', '5');
	pattern.setAttribute('patternTransform', 'rotate(45)');
	for (const [x, stroke, opacity] of [
		['1', '#111', '0.55'],
		['3.5', '#fff', '0.7'],
	]) {
		const line = doc.createElementNS(ns, 'line');
		line.setAttribute('x1', x);
		line.setAttribute('y1', '0');
		line.setAttribute('x2', x);
		line.setAttribute('y2', '5');
		line.setAttribute('stroke', stroke);
		line.setAttribute('stroke-opacity', opacity);
		line.setAttribute('stroke-width', '1.2');
		pattern.append(line);
	}
	defs.append(pattern);
	g.prepend(defs);
	return g;
};
