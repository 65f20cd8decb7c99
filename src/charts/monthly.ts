import * as Plot from '@observablehq/plot';
import { MS_PER_DAY } from '../analysis/dates';
import type { OverviewResult } from '../shared/analysis-api';

export interface MonthlyLabels {
	month: string;
	value: string;
	format: (x: number) => string;
	/** A month's name on the axis, in the UI's language. */
	monthName?: (d: Date) => string;
	/** A month label (2024-01) in the UI's language, for tips. */
	period?: (label: string) => string;
}

/** Bars of one monthly series (revenue, orders or customers) on a calendar axis, a tip per month. */
export function monthlyChart(
	monthly: OverviewResult['monthly'],
	field: 'revenue' | 'orders' | 'customers',
	labels: MonthlyLabels,
	color = '#4e79a7',
): Plot.PlotOptions {
	// Naive days as UTC instants: Plot's month interval and axis are in UTC, so no zone shifts them.
	const data = monthly.map((m) => ({ ...m, date: new Date(m.start * MS_PER_DAY) }));
	return {
		height: 220,
		marginLeft: 60,
		x: { label: null, type: 'utc', tickFormat: labels.monthName },
		y: { label: labels.value, grid: true, tickFormat: labels.format },
		marks: [
			Plot.rectY(data, {
				x: 'date',
				interval: 'month',
				y: field,
				fill: color,
				inset: 1,
				title: (d: (typeof data)[number]) =>
					`${labels.period ? labels.period(d.month) : d.month}: ${labels.format(d[field])}`,
			}),
			Plot.ruleY([0]),
		],
	};
}
