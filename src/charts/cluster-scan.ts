import * as Plot from '@observablehq/plot';
import type { ScanRow } from '../analysis/cluster';

export interface ClusterScanLabels {
	/** The x axis, e.g. "Number of clusters k". */
	k: string;
	/** The y axis: the metric's name. */
	value: string;
	/** Next to the dot of the best silhouette. */
	best: string;
	/** Next to the rule of the k in use. */
	chosen: string;
	format: (x: number) => string;
}

/**
 * One metric of the k scan against k: inertia (look for the elbow) or mean silhouette (higher is
 * better), with the k in use ruled and the best-silhouette k ringed. k without a value (a
 * silhouette that is undefined) is left out.
 */
export function clusterScanChart(
	scan: ScanRow[],
	metric: 'inertia' | 'silhouette',
	marked: { k: number | null; bestK: number | null },
	labels: ClusterScanLabels,
	color = '#4269d0',
): Plot.PlotOptions {
	const rows = scan
		.filter((row) => row[metric] !== null && Number.isFinite(row[metric]))
		.map((row) => ({ k: row.k, value: row[metric] as number }));
	const best = rows.filter((row) => row.k === marked.bestK);
	const chosen = rows.filter((row) => row.k === marked.k);
	return {
		height: 200,
		marginLeft: 56,
		marginRight: 24,
		marginTop: 24,
		marginBottom: 40,
		x: {
			label: labels.k,
			labelAnchor: 'center',
			ticks: rows.map((row) => row.k),
			tickFormat: 'd',
		},
		y: { label: labels.value, grid: true, tickFormat: labels.format },
		marks: [
			Plot.ruleX(chosen, { x: 'k', stroke: '#9498a0', strokeDasharray: '4,3' }),
			Plot.text(chosen, {
				x: 'k',
				frameAnchor: 'bottom',
				textAnchor: 'start',
				dx: 4,
				dy: -4,
				text: () => labels.chosen,
				fill: '#55606e',
			}),
			Plot.line(rows, { x: 'k', y: 'value', stroke: color }),
			Plot.dot(rows, {
				x: 'k',
				y: 'value',
				fill: color,
				r: 3,
				tip: { format: { y: labels.format } },
			}),
			Plot.dot(best, { x: 'k', y: 'value', r: 7, stroke: '#ff725c', strokeWidth: 2 }),
			Plot.text(best, {
				x: 'k',
				y: 'value',
				text: () => labels.best,
				textAnchor: 'start',
				dx: 10,
				fill: '#c0392b',
				fontWeight: 'bold',
			}),
		],
	};
}
