import * as Plot from '@observablehq/plot';
import type { SegmentSummary } from '../shared/analysis-api';

export interface SegmentShareLabels {
	/** Panel titles: the share of customers, the share of revenue. */
	customers: string;
	revenue: string;
	/** The segment's name in the current language. */
	name: (s: SegmentSummary) => string;
	/** A share 0…1 as text, e.g. 12.5%. */
	format: (x: number) => string;
}

/** Okabe–Ito blue and orange: told apart with every common colour-vision deficiency. */
export const SHARE_COLORS = ['#0072b2', '#e69f00'] as const;

export interface ShareRow {
	id: string;
	segment: string;
	measure: string;
	value: number;
}

/**
 * Two panels of horizontal bars, one row per segment in scheme order: the share of customers
 * (left) beside the share of revenue (right), each bar labelled with its percentage.
 */
export function segmentShareChart(
	segments: readonly SegmentSummary[],
	labels: SegmentShareLabels,
): Plot.PlotOptions {
	const names = segments.map(labels.name);
	const rows: ShareRow[] = segments.flatMap((s, i) => [
		{ id: s.id, segment: names[i], measure: labels.customers, value: s.customerShare },
		{ id: s.id, segment: names[i], measure: labels.revenue, value: s.revenueShare },
	]);
	const max = Math.max(0.01, ...rows.map((r) => r.value));
	const measures = [labels.customers, labels.revenue];
	return {
		height: 40 + 26 * Math.max(1, segments.length),
		marginLeft: Math.min(200, Math.max(60, Math.max(0, ...names.map(textWidth)) + 12)),
		marginRight: 44,
		marginTop: 34,
		fx: { domain: measures, label: null, padding: 0.12, axis: null },
		y: { domain: names, label: null },
		x: { domain: [0, max], label: null, tickFormat: labels.format, ticks: 2, grid: true },
		color: { domain: measures, range: [...SHARE_COLORS] },
		marks: [
			// Panel titles wrap on narrow screens instead of running into each other.
			Plot.axisFx({ anchor: 'top', label: null, lineWidth: 8, fontWeight: 600 }),
			Plot.barX(rows, {
				x: 'value',
				y: 'segment',
				fx: 'measure',
				fill: 'measure',
				insetTop: 3,
				insetBottom: 3,
				title: (d: ShareRow) => `${d.segment} · ${d.measure}: ${labels.format(d.value)}`,
			}),
			Plot.text(rows, {
				x: 'value',
				y: 'segment',
				fx: 'measure',
				text: (d: ShareRow) => labels.format(d.value),
				textAnchor: 'start',
				dx: 3,
				fill: '#1d2733',
			}),
			Plot.ruleX([0]),
		],
	};
}

/** Rough width in pixels of a label at 12px: CJK characters are about twice as wide. */
export function textWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6.8;
	return Math.ceil(w);
}
