import * as Plot from '@observablehq/plot';
import { STAGES, type Stage } from '../analysis/lifecycle';
import type { LifecycleResult } from '../shared/analysis-api';

/** One colour per stage (Tableau 10), from fresh to lost; the bars are also labelled. */
/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const STAGE_COLORS: Record<Stage, string> = {
	new: '#0072b2',
	active: '#009e73',
	dormant: '#e69f00',
	churned: '#d55e00',
};

export interface StageRow {
	stage: Stage;
	/** The stage's name on the axis, e.g. "Active (≤ 90 days)". */
	label: string;
	customers: number;
	revenue: number;
	/** Share of all customers. */
	customerShare: number;
	/** Share of total revenue; 0 when total revenue is ≤ 0. */
	revenueShare: number;
}

/** Customers and revenue per stage in stage order, with their shares. */
export function stageRows(result: LifecycleResult, label: (stage: Stage) => string): StageRow[] {
	const customers = STAGES.reduce((sum, s) => sum + result.counts[s], 0);
	const revenue = STAGES.reduce((sum, s) => sum + result.revenue[s], 0);
	return STAGES.map((stage) => ({
		stage,
		label: label(stage),
		customers: result.counts[stage],
		revenue: result.revenue[stage],
		customerShare: customers > 0 ? result.counts[stage] / customers : 0,
		revenueShare: revenue > 0 ? result.revenue[stage] / revenue : 0,
	}));
}

export interface LifecycleLabels {
	stage: string;
	value: string;
	format: (x: number) => string;
	pct: (x: number) => string;
}

/** Bars of customers or revenue per lifecycle stage, each labelled with its value and share. */
export function lifecycleChart(
	rows: StageRow[],
	field: 'customers' | 'revenue',
	labels: LifecycleLabels,
): Plot.PlotOptions {
	const share = field === 'customers' ? 'customerShare' : 'revenueShare';
	return {
		height: 220,
		marginLeft: 72,
		marginTop: 24,
		x: { label: labels.stage, domain: rows.map((r) => r.label), type: 'band' },
		y: { label: labels.value, grid: true, tickFormat: labels.format },
		color: { domain: rows.map((r) => r.label), range: rows.map((r) => STAGE_COLORS[r.stage]) },
		marks: [
			Plot.barY(rows, {
				x: 'label',
				y: field,
				fill: 'label',
				tip: { format: { y: labels.format, fill: false } },
			}),
			Plot.text(rows, {
				x: 'label',
				y: field,
				text: (r: StageRow) => `${labels.format(r[field])} · ${labels.pct(r[share])}`,
				dy: -8,
				fill: '#1d2733',
			}),
			Plot.ruleY([0]),
		],
	};
}
