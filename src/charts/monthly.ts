import * as Plot from '@observablehq/plot';
import type { OverviewResult } from '../shared/analysis-api';

export interface MonthlyLabels {
	month: string;
	value: string;
	format: (x: number) => string;
}

/** Bars of one monthly series (revenue or orders), a tip per month. */
export function monthlyChart(
	monthly: OverviewResult['monthly'],
	field: 'revenue' | 'orders' | 'customers',
	labels: MonthlyLabels,
	color = '#1f77b4',
): Plot.PlotOptions {
	return {
		height: 220,
		marginLeft: 60,
		x: {
			label: labels.month,
			type: 'band',
			tickFormat: (d: string, i: number) => (monthly.length > 14 && i % 3 ? '' : d),
		},
		y: { label: labels.value, grid: true, tickFormat: labels.format },
		marks: [
			Plot.barY(monthly, {
				x: 'month',
				y: field,
				fill: color,
				tip: { format: { y: labels.format } },
			}),
			Plot.ruleY([0]),
		],
	};
}
