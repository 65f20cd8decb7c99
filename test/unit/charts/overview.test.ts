import { describe, expect, it } from 'vitest';
import { histogramChart } from '../../../src/charts/histogram';
import { monthlyChart } from '../../../src/charts/monthly';
import { dayFromCivil } from '../../../src/analysis/dates';

describe('overview charts', () => {
	it('monthlyChart(monthly, revenue) puts each month at its UTC start', () => {
		const monthly = [
			{ month: '2024-01', start: dayFromCivil(2024, 1, 1), revenue: 10, orders: 2, customers: 1 },
			{ month: '2024-02', start: dayFromCivil(2024, 2, 1), revenue: 5, orders: 1, customers: 1 },
		];
		const options = monthlyChart(monthly, 'revenue', {
			month: 'Month',
			value: 'Revenue',
			format: String,
		});
		const rect = options.marks![0] as unknown as { data: { date: Date }[] };
		expect(rect.data.map((d) => d.date.toISOString())).toEqual([
			'2024-01-01T00:00:00.000Z',
			'2024-02-01T00:00:00.000Z',
		]);
		expect(options.x).toMatchObject({ type: 'utc' });
	});

	it('histogramChart(h) marks the median', () => {
		const h = {
			metric: 'frequency' as const,
			bins: [{ x0: 1, x1: 2, count: 3 }],
			clippedAbove: null,
			median: 1,
			mean: 1,
		};
		const options = histogramChart(h, { x: 'F', y: 'n' });
		expect(options.marks).toHaveLength(3);
		expect((options.marks![1] as unknown as { data: number[] }).data).toEqual([1]);
	});
});
