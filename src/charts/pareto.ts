import * as Plot from '@observablehq/plot';
import type { LifecycleResult } from '../shared/analysis-api';

export interface ParetoLabels {
	customers: string;
	revenue: string;
	/** Along the diagonal, e.g. "equal shares". */
	equal: string;
	/** At the marked point, e.g. "top 20 % → 62 % of revenue". */
	top: string;
	/** At the tier cuts, index 0 for 80 % and 1 for 95 %, e.g. "A | B". */
	cuts: [string, string];
	pct: (x: number) => string;
}

/** The share of customers the Pareto point is marked at (the top 20 %). */
export const TOP_SHARE = 0.2;
/** Cumulative revenue shares where value tier A ends and B ends. */
export const TIER_CUTS: [number, number] = [0.8, 0.95];

/**
 * The Pareto (Lorenz-style) curve: customers sorted from the highest spender, cumulative share of
 * customers (x) against cumulative share of revenue (y), with the diagonal of equal shares, the
 * top-20 % point and the 80 % / 95 % revenue lines of the value tiers. y reaches beyond 0…1 when
 * net refunds make some customers negative.
 */
export function paretoChart(
	pareto: LifecycleResult['pareto'],
	top20: number,
	labels: ParetoLabels,
	topShare = TOP_SHARE,
	tierCuts: [number, number] = TIER_CUTS,
): Plot.PlotOptions {
	const ys = pareto.map((p) => p.revenueShare);
	const yMin = Math.min(0, ...ys, top20);
	const yMax = Math.max(1, ...ys, top20);
	const point = [{ customerShare: topShare, revenueShare: top20 }];
	const cuts = tierCuts.map((y, i) => ({ y, label: labels.cuts[i] }));
	return {
		height: 300,
		marginLeft: 56,
		marginRight: 24,
		marginBottom: 40,
		x: {
			label: labels.customers,
			labelAnchor: 'center',
			domain: [0, 1],
			tickFormat: labels.pct,
			grid: true,
		},
		y: { label: labels.revenue, domain: [yMin, yMax], tickFormat: labels.pct, grid: true },
		marks: [
			Plot.ruleY(cuts, { y: 'y', stroke: '#b7c2cf', strokeDasharray: '2,3' }),
			Plot.text(cuts, {
				y: 'y',
				text: 'label',
				frameAnchor: 'right',
				dy: 7,
				fill: '#55606e',
			}),
			Plot.line(
				[
					{ x: 0, y: 0 },
					{ x: 1, y: 1 },
				],
				{ x: 'x', y: 'y', stroke: '#9498a0', strokeDasharray: '4,3' },
			),
			Plot.text([{ x: 0.62, y: 0.62 }], {
				x: 'x',
				y: 'y',
				text: () => labels.equal,
				dy: 12,
				dx: 12,
				textAnchor: 'start',
				fill: '#55606e',
			}),
			Plot.areaY(pareto, {
				x: 'customerShare',
				y: 'revenueShare',
				fill: '#4269d0',
				fillOpacity: 0.08,
			}),
			Plot.line(pareto, {
				x: 'customerShare',
				y: 'revenueShare',
				stroke: '#4269d0',
				strokeWidth: 2,
				tip: { format: { x: labels.pct, y: labels.pct } },
			}),
			Plot.ruleX(point, {
				x: 'customerShare',
				y1: yMin,
				y2: 'revenueShare',
				stroke: '#ff725c',
				strokeDasharray: '4,3',
			}),
			Plot.ruleY(point, {
				y: 'revenueShare',
				x1: 0,
				x2: 'customerShare',
				stroke: '#ff725c',
				strokeDasharray: '4,3',
			}),
			Plot.dot(point, {
				x: 'customerShare',
				y: 'revenueShare',
				r: 5,
				fill: '#ff725c',
			}),
			Plot.text(point, {
				x: 'customerShare',
				y: 'revenueShare',
				text: () => labels.top,
				textAnchor: 'start',
				dx: 9,
				dy: 12,
				fill: '#1d2733',
				fontWeight: 'bold',
			}),
		],
	};
}
