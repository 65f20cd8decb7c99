import * as Plot from '@observablehq/plot';
import type { RfmResult } from '../shared/analysis-api';

export type GridCell = RfmResult['grid'][number];

export interface RfmGridLabels {
	r: string;
	f: string;
	count: string;
	mean: string;
	num: (x: number) => string;
	money: (x: number) => string;
}

/** ColorBrewer YlGnBu: sequential, light to dark, safe for colour-vision deficiencies. */
export const GRID_SCHEME = 'ylgnbu';
const EMPTY_FILL = '#eceff3';

/**
 * The colour domain of the grid: the smallest and largest mean monetary value of occupied cells,
 * and whether a log scale reads better (all positive and spanning more than a factor of 20).
 * Null when no cell has customers.
 */
export function gridColorDomain(
	grid: readonly GridCell[],
): { min: number; max: number; log: boolean } | null {
	let min = Infinity;
	let max = -Infinity;
	for (const c of grid) {
		if (c.meanMonetary === null || c.customers === 0) continue;
		min = Math.min(min, c.meanMonetary);
		max = Math.max(max, c.meanMonetary);
	}
	if (min > max) return null;
	return { min, max, log: min > 0 && max / min > 20 };
}

/** Where a value sits on the colour ramp, 0…1, matching the scale gridChart sets. */
export function rampPosition(
	value: number,
	domain: { min: number; max: number; log: boolean },
): number {
	const f = domain.log ? Math.log : (x: number) => x;
	const lo = f(domain.min);
	const hi = f(domain.max);
	return hi === lo ? 0.5 : Math.max(0, Math.min(1, (f(value) - lo) / (hi - lo)));
}

/**
 * The R × F grid (bins × bins): recency score on the vertical axis (best at the top), frequency on
 * the horizontal (best on the right); each square is coloured by its customers' mean monetary
 * value and shows their count. Empty squares are grey.
 */
export function rfmGridChart(
	grid: readonly GridCell[],
	bins: number,
	labels: RfmGridLabels,
): Plot.PlotOptions {
	const scores = Array.from({ length: bins }, (_, i) => i + 1);
	const domain = gridColorDomain(grid);
	const occupied = grid.filter((c) => c.customers > 0 && c.meanMonetary !== null);
	const empty = grid.filter((c) => !(c.customers > 0 && c.meanMonetary !== null));
	const title = (c: GridCell) =>
		`R ${c.r} · F ${c.f}\n${labels.count}: ${labels.num(c.customers)}` +
		(c.meanMonetary === null ? '' : `\n${labels.mean}: ${labels.money(c.meanMonetary)}`);
	const textFill = (c: GridCell) =>
		domain && c.meanMonetary !== null && rampPosition(c.meanMonetary, domain) > 0.55
			? '#ffffff'
			: '#1d2733';
	const side = Math.max(34, Math.min(64, Math.floor(300 / bins)));
	return {
		width: 60 + side * bins + 10,
		height: 30 + side * bins + 40,
		marginLeft: 60,
		marginRight: 10,
		marginTop: 30,
		marginBottom: 40,
		x: { type: 'band', domain: scores, label: labels.f, labelAnchor: 'center', padding: 0 },
		y: {
			type: 'band',
			domain: [...scores].reverse(),
			label: labels.r,
			labelAnchor: 'center',
			padding: 0,
		},
		color: domain
			? {
					type: domain.log ? 'log' : 'linear',
					domain: [domain.min, domain.max === domain.min ? domain.min + 1 : domain.max],
					scheme: GRID_SCHEME,
				}
			: { scheme: GRID_SCHEME },
		marks: [
			Plot.cell(empty, { x: 'f', y: 'r', fill: EMPTY_FILL, inset: 1, title, tip: true }),
			Plot.cell(occupied, { x: 'f', y: 'r', fill: 'meanMonetary', inset: 1, title, tip: true }),
			Plot.text(grid, {
				x: 'f',
				y: 'r',
				text: (c: GridCell) => labels.num(c.customers),
				fill: textFill,
				fontSize: bins > 6 ? 10 : 12,
				fontWeight: 600,
			}),
		],
	};
}
