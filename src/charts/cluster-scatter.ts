import * as Plot from '@observablehq/plot';
import type { ClustersResult } from '../shared/analysis-api';

/** Observable 10: distinct hues that stay apart for the common colour-vision deficiencies. */
export const CLUSTER_COLORS = [
	'#4269d0',
	'#efb118',
	'#ff725c',
	'#6cc5b0',
	'#3ca951',
	'#ff8ab7',
	'#a463f2',
	'#97bbf5',
	'#9c6b4e',
	'#9498a0',
];

/** The colour of cluster `cluster` (1-based), the same in every chart and table. */
export function clusterColor(cluster: number): string {
	return cluster >= 1 ? CLUSTER_COLORS[(cluster - 1) % CLUSTER_COLORS.length] : '#9498a0';
}

export interface ClusterScatterLabels {
	recency: string;
	monetary: string;
	frequency: string;
	cluster: string;
	/** The legend entry of each cluster, index cluster − 1, e.g. "1 · Recent · frequent". */
	names: string[];
	money: (x: number) => string;
}

/**
 * Ticks at ±1, 2, 5 × powers of ten (only the powers when that gives more than `most`) inside
 * [min, max], and 0 when the range spans it: the ticks of a log or symlog axis. [] when that
 * would give fewer than two (the scale's own ticks are better then).
 */
export function symlogTicks(min: number, max: number, most = 8): number[] {
	if (!(Number.isFinite(min) && Number.isFinite(max)) || min > max) return [];
	const side = (lo: number, hi: number, steps: number[]): number[] => {
		// Positive values in [lo, hi], lo ≥ 0.
		if (hi < 1) return [];
		const out: number[] = [];
		const top = Math.ceil(Math.log10(hi));
		for (let e = 0; e <= top; e++) {
			for (const s of steps) {
				const v = s * 10 ** e;
				if (v >= lo && v <= hi) out.push(v);
			}
		}
		return out;
	};
	const make = (steps: number[]) => {
		const pos = max > 0 ? side(Math.max(min, 0), max, steps) : [];
		const neg = min < 0 ? side(Math.max(-max, 0), -min, steps).map((v) => -v) : [];
		const zero = min <= 0 && max >= 0 ? [0] : [];
		return [...neg.reverse(), ...zero, ...pos];
	};
	const fine = make([1, 2, 5]);
	const coarse = fine.length > most ? make([1]) : fine;
	return coarse.length >= 2 ? coarse : [];
}

/**
 * Customers by recency (x, days) and monetary value (y, log scale) coloured by cluster. A log
 * scale cannot show 0 or a net refund, so when any monetary value is ≤ 0 the axis turns symlog
 * (log-like away from 0, linear near it) with ticks from `symlogTicks`. With `selected`, the other
 * clusters fade.
 */
export function clusterScatterChart(
	points: ClustersResult['points'],
	labels: ClusterScatterLabels,
	selected: number | null = null,
): Plot.PlotOptions {
	let min = Infinity;
	let max = -Infinity;
	for (const p of points) {
		if (p.monetary < min) min = p.monetary;
		if (p.monetary > max) max = p.monetary;
	}
	const positive = points.length === 0 || min > 0;
	const ticks = symlogTicks(min, max);
	const axisTicks = ticks.length > 0 ? { ticks, tickFormat: labels.money } : {};
	const clusters = labels.names.map((_, c) => c + 1);
	const name = (cluster: number) => labels.names[cluster - 1] ?? String(cluster);
	const r = points.length > 2000 ? 2 : 3;
	const dots = (data: ClustersResult['points'], fillOpacity: number, tip: boolean) =>
		Plot.dot(data, {
			x: 'recency',
			y: 'monetary',
			fill: (p: { cluster: number }) => name(p.cluster),
			r,
			fillOpacity,
			channels: { [labels.frequency]: 'frequency' },
			tip: tip ? { format: { y: labels.money } } : false,
		});
	return {
		height: 360,
		marginLeft: 64,
		marginBottom: 40,
		x: { label: labels.recency, labelAnchor: 'center', grid: true },
		y: positive
			? { type: 'log', label: labels.monetary, grid: true, ...axisTicks }
			: { type: 'symlog', label: labels.monetary, grid: true, ...axisTicks },
		color: {
			type: 'ordinal',
			domain: clusters.map(name),
			range: clusters.map(clusterColor),
			legend: true,
			label: labels.cluster,
		},
		marks:
			selected === null
				? [dots(points, 0.7, true)]
				: [
						dots(
							points.filter((p) => p.cluster !== selected),
							0.08,
							false,
						),
						dots(
							points.filter((p) => p.cluster === selected),
							0.8,
							true,
						),
					],
	};
}
