import { describe, expect, it } from 'vitest';
import { analyzeCustomers, prepareData, readTable } from '../../../src/analysis/analyze';
import { joinAttributes } from '../../../src/analysis/attributes';
import { describeGroups, descriptorColumns } from '../../../src/analysis/personas';
import { defaultSettings } from '../../../src/analysis/settings';
import { utf8 } from '../../helpers/bytes';
import { fixture } from '../../helpers/fixtures';

// orders.csv after cleaning: C1 orders 17 + 10 (last 2024-02-03), C2 3.5 + 10 (last 03-31),
// C3 20 (03-15, FR), C4 35 (03-31, DE); as of 2024-04-01. Revenue 95.5.
const settings = defaultSettings();
const data = prepareData(fixture('orders.csv'), 'orders.csv', settings);
const customers = analyzeCustomers(data, settings);

describe('personas', () => {
	it('descriptorColumns(names) finds products, categories, places and channels in English and Chinese', () => {
		expect(
			descriptorColumns([
				'InvoiceNo',
				'Description',
				'Country',
				'商品名称',
				'品类',
				'城市',
				'渠道',
				'Product Category',
				'Amount',
			]),
		).toEqual([
			{ column: 'Description', kind: 'product' },
			{ column: 'Country', kind: 'country' },
			{ column: '商品名称', kind: 'product' },
			{ column: '品类', kind: 'category' },
			{ column: '城市', kind: 'city' },
			{ column: '渠道', kind: 'channel' },
			{ column: 'Product Category', kind: 'category' },
		]);
	});

	it('describeGroups(data, customers, groups) gives size, revenue, medians, AOV, lifecycle and top values', () => {
		expect(customers.metrics.ids).toEqual(['C1', 'C2', 'C3', 'C4']);
		const p = describeGroups(data, customers, Int32Array.from([0, 0, 1, 1]), 3);
		expect(p[0]).toEqual({
			group: 0,
			customers: 2,
			customerShare: 0.5,
			revenue: 40.5,
			revenueShare: 40.5 / 95.5,
			orders: 4,
			averageOrderValue: 10.125,
			median: { recency: 29.5, frequency: 2, monetary: 20.25 },
			lifecycle: { new: 0, active: 2, dormant: 0, churned: 0 },
			top: [
				{
					column: 'Description',
					kind: 'product',
					measure: 'revenue',
					values: [
						{ value: 'Plate', share: 20 / 40.5 },
						{ value: 'Mug, red', share: 10.5 / 40.5 },
						{ value: 'Bowl', share: 10 / 40.5 },
					],
				},
				{
					column: 'Country',
					kind: 'country',
					measure: 'revenue',
					values: [{ value: 'UK', share: 1 }],
				},
			],
		});
		expect(p[1]).toMatchObject({
			customers: 2,
			revenue: 55,
			averageOrderValue: 27.5,
			median: { recency: 9, frequency: 1, monetary: 27.5 },
			lifecycle: { new: 2, active: 0, dormant: 0, churned: 0 },
		});
		expect(p[1].top[1].values).toEqual([
			{ value: 'DE', share: 35 / 55 },
			{ value: 'FR', share: 20 / 55 },
		]);
		// An empty group: no medians, no order value, no top values.
		expect(p[2]).toMatchObject({
			customers: 0,
			revenue: 0,
			averageOrderValue: null,
			median: null,
			top: [],
		});
	});

	it('describeGroups(..., attributes) adds the attribute values as shares of the group’s customers', () => {
		const attrs = readTable(utf8('id,age band\nC1,18-25\nC2,26-35\nC3,26-35\n'), 'a.csv', {});
		const joined = joinAttributes(attrs, customers.metrics.ids, 'id');
		const p = describeGroups(data, customers, Int32Array.from([0, 0, 0, -1]), 1, joined);
		expect(p[0].customers).toBe(3);
		expect(p[0].top.at(-1)).toEqual({
			column: 'age band',
			kind: 'attribute',
			measure: 'customers',
			values: [
				{ value: '26-35', share: 2 / 3 },
				{ value: '18-25', share: 1 / 3 },
			],
		});
	});
});
