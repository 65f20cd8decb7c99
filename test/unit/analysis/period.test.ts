import { describe, expect, it } from 'vitest';
import { parseIsoDay, formatDay } from '../../../src/analysis/dates';
import { periodLabel, periodOf, periodStartDay, type Period } from '../../../src/analysis/period';

const day = (iso: string) => parseIsoDay(iso) as number;
const labelOf = (iso: string, period: Period) => periodLabel(periodOf(day(iso), period), period);
const labels = (dates: string[], period: Period) =>
	Object.fromEntries(dates.map((d) => [d, labelOf(d, period)]));

describe('period', () => {
	it("periodLabel(periodOf(day, 'week'), 'week') uses the ISO week-year across year boundaries", () => {
		expect(
			labels(
				[
					'2020-12-31',
					'2021-01-01',
					'2021-01-03',
					'2021-01-04',
					'2018-12-31',
					'2019-12-29',
					'2019-12-30',
					'2015-12-31',
					'2016-01-03',
					'2016-01-04',
					'1970-01-01',
					'1969-12-28',
				],
				'week',
			),
		).toEqual({
			'2020-12-31': '2020-W53',
			'2021-01-01': '2020-W53',
			'2021-01-03': '2020-W53',
			'2021-01-04': '2021-W01',
			'2018-12-31': '2019-W01',
			'2019-12-29': '2019-W52',
			'2019-12-30': '2020-W01',
			'2015-12-31': '2015-W53',
			'2016-01-03': '2015-W53',
			'2016-01-04': '2016-W01',
			'1970-01-01': '1970-W01',
			'1969-12-28': '1969-W52',
		});
	});

	it("periodLabel(periodOf(day, 'quarter'), 'quarter') labels quarters YYYY-Qn", () => {
		expect(
			labels(
				['2021-01-01', '2021-03-31', '2021-04-01', '2021-09-30', '2020-12-31', '1969-11-05'],
				'quarter',
			),
		).toEqual({
			'2021-01-01': '2021-Q1',
			'2021-03-31': '2021-Q1',
			'2021-04-01': '2021-Q2',
			'2021-09-30': '2021-Q3',
			'2020-12-31': '2020-Q4',
			'1969-11-05': '1969-Q4',
		});
	});

	it("periodLabel(periodOf(day, 'month' | 'year')) labels YYYY-MM and YYYY", () => {
		expect(labels(['2021-01-31', '2020-02-29', '1969-12-31', '0999-07-04'], 'month')).toEqual({
			'2021-01-31': '2021-01',
			'2020-02-29': '2020-02',
			'1969-12-31': '1969-12',
			'0999-07-04': '0999-07',
		});
		expect(labels(['2021-12-31', '1969-01-01'], 'year')).toEqual({
			'2021-12-31': '2021',
			'1969-01-01': '1969',
		});
	});

	it('periodOf(day, period) numbers consecutive periods 1 apart, also across years', () => {
		const step = (a: string, b: string, period: Period) =>
			periodOf(day(b), period) - periodOf(day(a), period);
		expect([
			step('2020-12-31', '2021-01-01', 'month'),
			step('1969-12-31', '1970-01-01', 'month'),
			step('2020-12-27', '2020-12-28', 'week'),
			step('2021-01-03', '2021-01-04', 'week'),
			step('1970-01-04', '1970-01-05', 'week'),
			step('2020-12-31', '2021-01-01', 'quarter'),
			step('2020-12-31', '2021-01-01', 'year'),
			step('2021-01-04', '2021-01-10', 'week'),
			step('2021-01-01', '2021-03-31', 'quarter'),
		]).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0]);
	});

	it('periodStartDay(index, period) gives the first day: Monday for weeks', () => {
		const start = (iso: string, period: Period) =>
			formatDay(periodStartDay(periodOf(day(iso), period), period));
		expect([
			start('2021-01-03', 'week'),
			start('2021-01-04', 'week'),
			start('1970-01-01', 'week'),
			start('2020-02-29', 'month'),
			start('1969-12-15', 'month'),
			start('2021-05-20', 'quarter'),
			start('1969-11-05', 'quarter'),
			start('2021-05-20', 'year'),
		]).toEqual([
			'2020-12-28',
			'2021-01-04',
			'1969-12-29',
			'2020-02-01',
			'1969-12-01',
			'2021-04-01',
			'1969-10-01',
			'2021-01-01',
		]);
	});

	it('periodOf(day, period) rejects an unknown period with bad_option', () => {
		expect(() => periodOf(0, 'day' as Period)).toThrow(/^\[bad_option\]/);
	});
});
