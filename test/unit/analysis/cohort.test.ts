import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../src/analysis/dates';
import { buildCohorts, cohortRows, type CohortMatrix } from '../../../src/analysis/cohort';
import type { Orders } from '../../../src/analysis/types';

const day = (iso: string) => parseIsoDay(iso) as number;

type Row = [customer: number, date: string, amount: number, purchase?: 0 | 1];

function ordersOf(rows: Row[]): Orders {
	return {
		customer: Int32Array.from(rows.map((r) => r[0])),
		day: Int32Array.from(rows.map((r) => day(r[1]))),
		amount: Float64Array.from(rows.map((r) => r[2])),
		purchase: Uint8Array.from(rows.map((r) => r[3] ?? 1)),
	};
}

// Customers: 0 a, 1 b, 2 c, 3 d, 4 e. Analysis date 2021-03-16, so March is the last, partial period.
const rows: Row[] = [
	[0, '2021-01-05', 100],
	[1, '2021-01-10', 200],
	[0, '2021-01-20', 50], // a buys twice in January: one customer
	[3, '2021-01-31', 10],
	[1, '2021-02-05', -80, 0], // b's net-policy return: revenue, not a customer
	[2, '2021-02-14', 40],
	[0, '2021-03-02', 30],
	[2, '2021-03-10', 60],
	[4, '2021-03-15', 25],
	[3, '2021-04-01', 999], // after asOf
];
const orders = ordersOf(rows);
const asOf = day('2021-03-16');
const march = 2021 * 12 + 2;

const expected: CohortMatrix = {
	period: 'month',
	onOrAfter: false,
	labels: ['2021-01', '2021-02', '2021-03'],
	cohortIndex: [march - 2, march - 1, march],
	size: [3, 1, 1],
	customers: [
		[3, 0, 1],
		[1, 1, null],
		[1, null, null],
	],
	retention: [
		[1, 0, 1 / 3],
		[1, 1, null],
		[1, null, null],
	],
	revenue: [
		[360, -80, 30],
		[40, 60, null],
		[25, null, null],
	],
	revenuePerCustomer: [
		[120, -80 / 3, 10],
		[40, 60, null],
		[25, null, null],
	],
	cumulativeRevenue: [
		[360, 280, 310],
		[40, 100, null],
		[25, null, null],
	],
	cumulativeRevenuePerCustomer: [
		[120, 280 / 3, 310 / 3],
		[40, 100, null],
		[25, null, null],
	],
	lastObservable: march,
	partialLast: true,
	maxOffset: 2,
};

describe('buildCohorts', () => {
	it("buildCohorts(orders, {period: 'month'}) leaves not-observable cells null", () => {
		expect(buildCohorts(orders, 5, asOf, { period: 'month' })).toEqual(expected);
	});

	it("buildCohorts(orders, {period: 'month'}) flags the last period partial unless asOf starts a period", () => {
		expect(buildCohorts(orders, 5, asOf, {}).partialLast).toBe(true);
		// asOf 2021-04-01: March is complete; the order on asOf itself falls in unobservable April.
		expect(buildCohorts(orders, 5, day('2021-04-01'), {})).toEqual({
			...expected,
			partialLast: false,
		});
	});

	it("buildCohorts(orders, {period: 'month'}) counts a customer buying twice in one period once", () => {
		const twice = ordersOf([
			[0, '2021-01-05', 1],
			[0, '2021-01-06', 2],
			[0, '2021-01-07', 3],
		]);
		const m = buildCohorts(twice, 1, day('2021-02-01'), { period: 'month' });
		expect([m.size, m.customers, m.revenue]).toEqual([[1], [[1]], [[6]]]);
	});

	it("buildCohorts(orders, {period: 'month'}) subtracts net-policy returns from revenue without counting customers", () => {
		const net = ordersOf([
			[0, '2021-01-05', 100],
			[0, '2021-01-25', -30, 0],
			[1, '2021-01-09', 50],
			[1, '2021-02-03', -50, 0],
			[2, '2021-02-01', -20, 0], // a return without any purchase: no cohort
		]);
		const m = buildCohorts(net, 3, day('2021-03-01'), { period: 'month' });
		expect([m.labels, m.customers, m.revenue]).toEqual([['2021-01'], [[2, 0]], [[120, -50]]]);
	});

	it('buildCohorts(orders, {onOrAfter: true}) counts customers who buy at offset k or later', () => {
		expect(buildCohorts(orders, 5, asOf, { period: 'month', onOrAfter: true })).toEqual({
			...expected,
			onOrAfter: true,
			customers: [
				[3, 1, 1],
				[1, 1, null],
				[1, null, null],
			],
			retention: [
				[1, 1 / 3, 1 / 3],
				[1, 1, null],
				[1, null, null],
			],
		});
	});

	it('buildCohorts(orders, {customers: mask}) restricts sizes, counts and revenue to the mask', () => {
		const mask = Uint8Array.from([1, 0, 1, 0, 0]);
		expect(buildCohorts(orders, 5, asOf, { period: 'month', customers: mask })).toEqual({
			...expected,
			labels: ['2021-01', '2021-02'],
			cohortIndex: [march - 2, march - 1],
			size: [1, 1],
			customers: [
				[1, 0, 1],
				[1, 1, null],
			],
			retention: [
				[1, 0, 1],
				[1, 1, null],
			],
			revenue: [
				[150, 0, 30],
				[40, 60, null],
			],
			revenuePerCustomer: [
				[150, 0, 30],
				[40, 60, null],
			],
			cumulativeRevenue: [
				[150, 150, 180],
				[40, 100, null],
			],
			cumulativeRevenuePerCustomer: [
				[150, 150, 180],
				[40, 100, null],
			],
		});
	});

	it("buildCohorts(orders, {period: 'month'}) gives the same matrix for orders in any order", () => {
		const shuffled = ordersOf([7, 3, 9, 0, 5, 1, 8, 2, 6, 4].map((i) => rows[i]));
		expect(buildCohorts(shuffled, 5, asOf, { period: 'month' })).toEqual(expected);
	});

	it("buildCohorts(orders, {period: 'week'}) follows ISO weeks across the year boundary", () => {
		const weekly = ordersOf([
			[0, '2020-12-31', 10],
			[0, '2021-01-04', 20],
			[1, '2021-01-03', 5],
			[1, '2021-01-24', 7],
		]);
		const m = buildCohorts(weekly, 2, day('2021-01-25'), { period: 'week' });
		expect([m.labels, m.customers, m.revenue, m.partialLast, m.maxOffset]).toEqual([
			['2020-W53'],
			[[2, 1, 0, 1]],
			[[15, 20, 0, 7]],
			false,
			3,
		]);
	});

	it("buildCohorts(orders, {period: 'quarter'}) skips periods in which nobody first bought", () => {
		const quarterly = ordersOf([
			[0, '2020-02-10', 10],
			[1, '2020-11-30', 20],
			[0, '2021-01-02', 30],
		]);
		const m = buildCohorts(quarterly, 2, day('2021-01-03'), { period: 'quarter' });
		expect([m.labels, m.customers, m.partialLast]).toEqual([
			['2020-Q1', '2020-Q4'],
			[
				[1, 0, 0, 0, 1],
				[1, 0, null, null, null],
			],
			true,
		]);
	});

	it('buildCohorts(orders) of no purchases is an empty matrix', () => {
		const m = buildCohorts(ordersOf([]), 0, day('2021-01-01'), {});
		expect([m.labels, m.customers, m.maxOffset, cohortRows(m)]).toEqual([[], [], -1, []]);
	});

	it("buildCohorts(orders, {period: 'day'}) rejects an unknown period with bad_option", () => {
		expect(() => buildCohorts(orders, 5, asOf, { period: 'day' as 'month' })).toThrow(
			/^\[bad_option\]/,
		);
	});
});

describe('cohortRows', () => {
	it('cohortRows(matrix) lists every observable cell, including 0-customer cells, and no unobservable one', () => {
		expect(cohortRows(buildCohorts(orders, 5, asOf, { period: 'month' }))).toEqual([
			{
				cohort: '2021-01',
				period_offset: 0,
				cohort_size: 3,
				customers: 3,
				retention: 1,
				revenue: 360,
				revenue_per_customer: 120,
			},
			{
				cohort: '2021-01',
				period_offset: 1,
				cohort_size: 3,
				customers: 0,
				retention: 0,
				revenue: -80,
				revenue_per_customer: -80 / 3,
			},
			{
				cohort: '2021-01',
				period_offset: 2,
				cohort_size: 3,
				customers: 1,
				retention: 1 / 3,
				revenue: 30,
				revenue_per_customer: 10,
			},
			{
				cohort: '2021-02',
				period_offset: 0,
				cohort_size: 1,
				customers: 1,
				retention: 1,
				revenue: 40,
				revenue_per_customer: 40,
			},
			{
				cohort: '2021-02',
				period_offset: 1,
				cohort_size: 1,
				customers: 1,
				retention: 1,
				revenue: 60,
				revenue_per_customer: 60,
			},
			{
				cohort: '2021-03',
				period_offset: 0,
				cohort_size: 1,
				customers: 1,
				retention: 1,
				revenue: 25,
				revenue_per_customer: 25,
			},
		]);
	});
});
