/**
 * The CLV cell's charts (§6): the P(alive) matrix, the CLV distribution, predicted vs actual
 * holdout purchases per calibration frequency, and the tracking plot of cumulative repeat
 * purchases. Pure builders: data in, Plot options out.
 */
import * as Plot from '@observablehq/plot';

/** One cell of the P(alive) matrix: x repeat purchases, the last one t_x units after the first. */
export interface AliveCell {
	x: number;
	tx: number;
	p: number;
}

export interface AliveLabels {
	x: string;
	tx: string;
	p: string;
	pct: (x: number) => string;
}

/**
 * P(alive) for every frequency x (rows, up) and recency t_x (columns) at the customers' longest
 * T. Blue is likely alive, red likely gone; the colour scheme (RdBu) stays readable for the common
 * colour-vision deficiencies, and every cell's value is in its tip.
 */
export function aliveChart(
	cells: AliveCell[],
	step: number,
	labels: AliveLabels,
): Plot.PlotOptions {
	return {
		height: 320,
		marginLeft: 48,
		marginBottom: 40,
		x: { label: labels.tx, labelAnchor: 'center' },
		y: { label: labels.x, labelAnchor: 'center' },
		color: { type: 'linear', scheme: 'RdBu', domain: [0, 1], legend: true, label: labels.p },
		marks: [
			Plot.rect(cells, {
				x1: (d: AliveCell) => d.tx - step / 2,
				x2: (d: AliveCell) => d.tx + step / 2,
				y1: (d: AliveCell) => d.x - 0.5,
				y2: (d: AliveCell) => d.x + 0.5,
				fill: 'p',
			}),
			Plot.tip(
				cells,
				Plot.pointer({
					x: 'tx',
					y: 'x',
					channels: { [labels.x]: 'x', [labels.tx]: 'tx', [labels.p]: 'p' },
					format: {
						x: false,
						y: false,
						[labels.x]: true,
						[labels.tx]: (v: number) => String(Math.round(v * 10) / 10),
						[labels.p]: labels.pct,
					},
				}),
			),
		],
	};
}

export interface Bin {
	x0: number;
	x1: number;
	count: number;
}

/** Equal-width bins of the finite values, the top 1 % clipped into the last bin (as noted). */
export function clvBins(values: ArrayLike<number>, bins = 30): { bins: Bin[]; clipped: number } {
	const v: number[] = [];
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) v.push(values[i]);
	if (v.length === 0) return { bins: [], clipped: 0 };
	v.sort((a, b) => a - b);
	const lo = Math.min(0, v[0]);
	const top = v[Math.floor((v.length - 1) * 0.99)];
	const hi = top > lo ? top : lo + 1;
	const width = (hi - lo) / bins;
	const out: Bin[] = Array.from({ length: bins }, (_, k) => ({
		x0: lo + k * width,
		x1: lo + (k + 1) * width,
		count: 0,
	}));
	let clipped = 0;
	for (const x of v) {
		if (x > hi) clipped++;
		out[Math.min(bins - 1, Math.floor((x - lo) / width))].count++;
	}
	return { bins: out, clipped };
}

export interface DistributionLabels {
	value: string;
	customers: string;
	money: (x: number) => string;
	count: (x: number) => string;
}

/** The CLV distribution: customers per CLV band. */
export function clvDistributionChart(bins: Bin[], labels: DistributionLabels): Plot.PlotOptions {
	return {
		height: 240,
		marginLeft: 56,
		marginBottom: 40,
		x: { label: labels.value, labelAnchor: 'center', tickFormat: labels.money },
		y: { label: labels.customers, grid: true, tickFormat: labels.count },
		marks: [
			Plot.rectY(bins, {
				x1: 'x0',
				x2: 'x1',
				y: 'count',
				fill: '#4269d0',
				insetLeft: 0.5,
				insetRight: 0.5,
				title: (d: Bin) =>
					`${labels.money(d.x0)} – ${labels.money(d.x1)}: ${labels.count(d.count)} ${labels.customers}`,
			}),
			Plot.ruleY([0]),
		],
	};
}

export interface HoldoutRow {
	label: string;
	actual: number;
	predicted: number;
	customers: number;
}

export interface HoldoutLabels {
	x: string;
	y: string;
	actual: string;
	predicted: string;
	num: (x: number) => string;
}

/** Mean holdout purchases per calibration frequency: actual and predicted side by side. */
export function holdoutChart(rows: HoldoutRow[], labels: HoldoutLabels): Plot.PlotOptions {
	const data = rows
		.filter((r) => r.customers > 0)
		.flatMap((r) => [
			{ label: r.label, series: labels.actual, value: r.actual, customers: r.customers },
			{ label: r.label, series: labels.predicted, value: r.predicted, customers: r.customers },
		]);
	return {
		height: 260,
		marginLeft: 48,
		marginBottom: 40,
		fx: { label: labels.x, padding: 0.15 },
		x: { axis: null, domain: [labels.actual, labels.predicted], padding: 0.05 },
		y: { label: labels.y, grid: true },
		color: {
			domain: [labels.actual, labels.predicted],
			range: ['#9498a0', '#4269d0'],
			legend: true,
		},
		marks: [
			Plot.barY(data, {
				fx: 'label',
				x: 'series',
				y: 'value',
				fill: 'series',
				title: (d: (typeof data)[number]) => `${d.series}: ${labels.num(d.value)}`,
			}),
			Plot.ruleY([0]),
		],
	};
}

export interface TrackingPoint {
	t: number;
	actual: number;
	expected: number;
}

export interface TrackingLabels {
	t: string;
	y: string;
	actual: string;
	expected: string;
	calibrationEnd: string;
	num: (x: number) => string;
}

/**
 * Cumulative repeat purchases over time, actual (grey) against the model (blue, dashed), with the
 * end of the calibration period marked: the curves part where the prediction begins.
 */
export function trackingChart(
	points: TrackingPoint[],
	calibrationT: number | null,
	labels: TrackingLabels,
): Plot.PlotOptions {
	const data = points.flatMap((p) => [
		{ t: p.t, series: labels.actual, value: p.actual },
		{ t: p.t, series: labels.expected, value: p.expected },
	]);
	return {
		height: 260,
		marginLeft: 56,
		marginBottom: 40,
		x: { label: labels.t, labelAnchor: 'center' },
		y: { label: labels.y, grid: true, tickFormat: labels.num },
		color: {
			domain: [labels.actual, labels.expected],
			range: ['#55606e', '#4269d0'],
			legend: true,
		},
		marks: [
			...(calibrationT === null
				? []
				: [
						Plot.ruleX([calibrationT], { stroke: '#b7c2cf', strokeDasharray: '4,3' }),
						Plot.text([calibrationT], {
							x: (d: number) => d,
							frameAnchor: 'top',
							text: () => labels.calibrationEnd,
							textAnchor: 'end',
							dx: -4,
							dy: 4,
							fill: '#55606e',
						}),
					]),
			Plot.line(
				data.filter((d) => d.series === labels.actual),
				{ x: 't', y: 'value', stroke: 'series', strokeWidth: 2 },
			),
			Plot.line(
				data.filter((d) => d.series === labels.expected),
				{ x: 't', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '5,3' },
			),
			Plot.tip(
				data,
				Plot.pointerX({
					x: 't',
					y: 'value',
					title: (d: (typeof data)[number]) =>
						`${labels.t}: ${Math.round(d.t * 10) / 10}\n${d.series}: ${labels.num(d.value)}`,
				}),
			),
		],
	};
}
