import * as Plot from '@observablehq/plot';
import type { Histogram } from '../shared/analysis-api';

/** Pre-binned customer counts of one metric, with the median marked. */
export function histogramChart(
	h: Histogram,
	labels: { x: string; y: string },
	color = '#4e79a7',
): Plot.PlotOptions {
	return {
		height: 180,
		marginLeft: 50,
		x: { label: labels.x },
		y: { label: labels.y, grid: true },
		marks: [
			Plot.rectY(h.bins, { x1: 'x0', x2: 'x1', y: 'count', fill: color, inset: 0.5, tip: true }),
			Plot.ruleX([h.median], { stroke: '#e15759', strokeDasharray: '4,3' }),
			Plot.ruleY([0]),
		],
	};
}
