import { describe, expect, it } from 'vitest';
import {
	GRID_SCHEME,
	gridColorDomain,
	rampPosition,
	rfmGridChart,
	type GridCell,
	type RfmGridLabels,
} from '../../../src/charts/rfm-grid';
import {
	SHARE_COLORS,
	segmentShareChart,
	textWidth,
	type SegmentShareLabels,
} from '../../../src/charts/rfm-segments';
import type { SegmentSummary } from '../../../src/shared/analysis-api';

/** What the tests read of a Plot mark: its data, constant options and channels. */
interface MarkView {
	data: unknown[];
	fill?: string;
	channels: Record<string, { value: unknown }>;
}
const marksOf = (o: { marks?: unknown[] }) => (o.marks ?? []) as unknown as MarkView[];
const channel = (mark: MarkView, name: string) =>
	mark.channels[name].value as (d: unknown) => unknown;

const gridLabels: RfmGridLabels = {
	r: 'Recency score (R)',
	f: 'Frequency score (F)',
	count: 'Customers',
	mean: 'Mean monetary value',
	num: (x) => String(x),
	money: (x) => `$${x}`,
};

// 2 × 2 grid: one empty square, mean monetary 10 … 500.
const grid: GridCell[] = [
	{ r: 1, f: 1, customers: 2, meanMonetary: 10 },
	{ r: 1, f: 2, customers: 0, meanMonetary: null },
	{ r: 2, f: 1, customers: 1, meanMonetary: 500 },
	{ r: 2, f: 2, customers: 3, meanMonetary: 50 },
];

describe('rfmGridChart', () => {
	it('rfmGridChart(grid, 2) puts the best recency at the top and the best frequency on the right', () => {
		const o = rfmGridChart(grid, 2, gridLabels);
		expect(o.x).toMatchObject({ type: 'band', domain: [1, 2], label: 'Frequency score (F)' });
		expect(o.y).toMatchObject({ type: 'band', domain: [2, 1], label: 'Recency score (R)' });
	});

	it('rfmGridChart(grid) colours occupied squares by mean monetary value and greys out empty ones', () => {
		const [empty, occupied] = marksOf(rfmGridChart(grid, 2, gridLabels));
		expect(empty.data).toEqual([{ r: 1, f: 2, customers: 0, meanMonetary: null }]);
		expect(empty.fill).toBe('#eceff3');
		expect(occupied.data).toEqual([grid[0], grid[2], grid[3]]);
		expect(occupied.channels.fill.value).toBe('meanMonetary');
	});

	it('rfmGridChart(grid) writes the customer count in every square, light on dark colours', () => {
		const text = marksOf(rfmGridChart(grid, 2, gridLabels))[2];
		expect(text.data).toEqual(grid);
		expect(grid.map(channel(text, 'text'))).toEqual(['2', '0', '1', '3']);
		expect(grid.map(channel(text, 'fill'))).toEqual(['#1d2733', '#1d2733', '#ffffff', '#1d2733']);
	});

	it('rfmGridChart(grid) gives each square a tip with R, F, count and mean monetary value', () => {
		const [empty, occupied] = marksOf(rfmGridChart(grid, 2, gridLabels));
		expect(channel(occupied, 'title')(grid[2])).toBe(
			'R 2 · F 1\nCustomers: 1\nMean monetary value: $500',
		);
		expect(channel(empty, 'title')(grid[1])).toBe('R 1 · F 2\nCustomers: 0');
	});

	it('rfmGridChart(grid) uses a log colour scale over the occupied range when it spans more than 20×', () => {
		expect(rfmGridChart(grid, 2, gridLabels).color).toEqual({
			type: 'log',
			domain: [10, 500],
			scheme: GRID_SCHEME,
		});
		const narrow = grid.map((c) => (c.meanMonetary === 500 ? { ...c, meanMonetary: 100 } : c));
		expect(rfmGridChart(narrow, 2, gridLabels).color).toMatchObject({
			type: 'linear',
			domain: [10, 100],
		});
	});

	it('rfmGridChart(grid) keeps a valid colour domain when every square has the same mean', () => {
		const same = grid.map((c) => (c.customers ? { ...c, meanMonetary: 7 } : c));
		expect(rfmGridChart(same, 2, gridLabels).color).toMatchObject({ domain: [7, 8] });
	});

	it('rfmGridChart(grid) of no customers draws only grey squares', () => {
		const none = grid.map((c) => ({ ...c, customers: 0, meanMonetary: null }));
		const o = rfmGridChart(none, 2, gridLabels);
		const [empty, occupied] = marksOf(o);
		expect(empty.data).toHaveLength(4);
		expect(occupied.data).toHaveLength(0);
		expect(o.color).toEqual({ scheme: GRID_SCHEME });
	});

	it('rfmGridChart(grid, 9) keeps the squares at least 34 px wide', () => {
		const big = Array.from({ length: 81 }, (_, k) => ({
			r: Math.floor(k / 9) + 1,
			f: (k % 9) + 1,
			customers: 1,
			meanMonetary: k + 1,
		}));
		const o = rfmGridChart(big, 9, gridLabels);
		expect(o.width).toBe(60 + 34 * 9 + 10);
		expect((o.x as { domain: number[] }).domain).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});

describe('gridColorDomain and rampPosition', () => {
	it('gridColorDomain(grid) ignores empty squares', () => {
		expect(gridColorDomain(grid)).toEqual({ min: 10, max: 500, log: true });
		expect(gridColorDomain([{ r: 1, f: 1, customers: 0, meanMonetary: null }])).toBeNull();
	});

	it('gridColorDomain(grid) never uses a log scale when a mean is zero or negative', () => {
		const withReturns = [...grid, { r: 2, f: 2, customers: 1, meanMonetary: -20 }];
		expect(gridColorDomain(withReturns)).toEqual({ min: -20, max: 500, log: false });
	});

	it('rampPosition(x, domain) is 0 at the minimum, 1 at the maximum, on the log scale when set', () => {
		const d = { min: 10, max: 1000, log: true };
		expect(rampPosition(10, d)).toBe(0);
		expect(rampPosition(1000, d)).toBe(1);
		expect(rampPosition(100, d)).toBeCloseTo(0.5, 12);
		expect(rampPosition(55, { min: 10, max: 100, log: false })).toBeCloseTo(0.5, 12);
		expect(rampPosition(3, { min: 3, max: 3, log: false })).toBe(0.5);
	});
});

const segment = (
	id: string,
	zh: string,
	customerShare: number,
	revenueShare: number,
): SegmentSummary => ({
	id,
	name: { en: id, zh },
	description: { en: '', zh: '' },
	action: { en: '', zh: '' },
	customers: Math.round(customerShare * 100),
	revenue: revenueShare * 1000,
	customerShare,
	revenueShare,
	meanRecency: 1,
	meanFrequency: 1,
	meanMonetary: 1,
});

const segments = [
	segment('Champions', '冠军客户', 0.2, 0.5),
	segment('Lost', '流失客户', 0.8, 0.5),
];
const shareLabels: SegmentShareLabels = {
	customers: 'Share of customers',
	revenue: 'Share of revenue',
	name: (s) => s.name.en,
	format: (x) => `${Math.round(x * 100)}%`,
};

describe('segmentShareChart', () => {
	it('segmentShareChart(segments) gives each segment a customer-share and a revenue-share bar', () => {
		const bars = marksOf(segmentShareChart(segments, shareLabels))[1];
		expect(bars.data).toEqual([
			{ id: 'Champions', segment: 'Champions', measure: 'Share of customers', value: 0.2 },
			{ id: 'Champions', segment: 'Champions', measure: 'Share of revenue', value: 0.5 },
			{ id: 'Lost', segment: 'Lost', measure: 'Share of customers', value: 0.8 },
			{ id: 'Lost', segment: 'Lost', measure: 'Share of revenue', value: 0.5 },
		]);
		// barX stacks x into x1–x2 from zero; the label says which field it stacks.
		expect(bars.channels.x2.value).toMatchObject({ label: 'value' });
		expect(bars.channels.y.value).toMatchObject({ label: 'segment' });
		expect((bars as unknown as { fx: unknown }).fx).toBe('measure');
		expect(bars.channels.fill.value).toBe('measure');
	});

	it('segmentShareChart(segments) keeps the scheme order and puts the two shares side by side', () => {
		const o = segmentShareChart(segments, shareLabels);
		expect(o.y).toMatchObject({ domain: ['Champions', 'Lost'], label: null });
		expect(o.fx).toMatchObject({ domain: ['Share of customers', 'Share of revenue'] });
		expect(o.x).toMatchObject({ domain: [0, 0.8], tickFormat: shareLabels.format });
		expect(o.color).toEqual({
			domain: ['Share of customers', 'Share of revenue'],
			range: [...SHARE_COLORS],
		});
	});

	it('segmentShareChart(segments) labels every bar with its formatted share', () => {
		const text = marksOf(segmentShareChart(segments, shareLabels))[2];
		expect(text.data.map(channel(text, 'text'))).toEqual(['20%', '50%', '80%', '50%']);
	});

	it('segmentShareChart(segments) names segments in the language of labels.name', () => {
		const o = segmentShareChart(segments, { ...shareLabels, name: (s) => s.name.zh });
		expect((o.y as { domain: string[] }).domain).toEqual(['冠军客户', '流失客户']);
	});

	it('segmentShareChart(segments) grows with the number of segments and fits the longest name', () => {
		const eleven = Array.from({ length: 11 }, (_, i) => segment(`S${i}`, `群${i}`, 1 / 11, 1 / 11));
		expect(segmentShareChart(eleven, shareLabels).height).toBe(40 + 26 * 11);
		const long = [segment('Potential Loyalists', '潜力忠诚客户', 1, 1)];
		expect(segmentShareChart(long, shareLabels).marginLeft).toBe(
			textWidth('Potential Loyalists') + 12,
		);
	});

	it('segmentShareChart([]) still returns a drawable chart', () => {
		const o = segmentShareChart([], shareLabels);
		expect(o.height).toBe(66);
		expect((o.x as { domain: number[] }).domain).toEqual([0, 0.01]);
	});

	it('textWidth(s) counts CJK characters about twice as wide as Latin ones', () => {
		expect(textWidth('冠军客户')).toBe(48);
		expect(textWidth('Lost')).toBe(28);
	});
});
