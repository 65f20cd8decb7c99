import { describe, expect, it } from 'vitest';
import { clvBins, holdoutChart } from '../../../src/charts/clv';

describe('clv charts', () => {
	it('clvBins(values) makes equal bins from 0, clips the top 1 % into the last one, skips NaN', () => {
		const values = [...Array.from({ length: 99 }, (_, i) => i), 1000, Number.NaN];
		const { bins, clipped } = clvBins(values, 7);
		expect(bins.length).toBe(7);
		expect(bins[0].x0).toBe(0);
		expect(bins[6].x1).toBeCloseTo(98);
		expect(clipped).toBe(1);
		expect(bins.reduce((s, b) => s + b.count, 0)).toBe(100);
		expect(bins[6].count).toBe(16); // 84…98 and the clipped 1000
		expect(clvBins([Number.NaN])).toEqual({ bins: [], clipped: 0 });
		// All equal values still give bins of positive width.
		expect(clvBins([5, 5, 5], 2).bins.map((b) => b.count)).toEqual([0, 3]);
	});

	it('holdoutChart(rows) leaves out empty buckets and pairs actual with predicted', () => {
		const o = holdoutChart(
			[
				{ label: '0', actual: 0.2, predicted: 0.25, customers: 10 },
				{ label: '7+', actual: Number.NaN, predicted: Number.NaN, customers: 0 },
			],
			{ x: 'x', y: 'y', actual: 'Actual', predicted: 'Predicted', num: String },
		);
		const bars = (o.marks![0] as unknown as { data: unknown[] }).data;
		expect(bars).toEqual([
			{ label: '0', series: 'Actual', value: 0.2, customers: 10 },
			{ label: '0', series: 'Predicted', value: 0.25, customers: 10 },
		]);
	});
});
