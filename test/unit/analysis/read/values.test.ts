import { describe, expect, it } from 'vitest';
import { dayFromCivil, MS_PER_DAY } from '../../../../src/analysis/dates';
import {
	detectDateFormat,
	detectDecimal,
	formatName,
	inferType,
	parseDate,
	parseFormatName,
	parseNumber,
} from '../../../../src/analysis/read/values';

const at = (y: number, m: number, d: number, s = 0) =>
	dayFromCivil(y, m, d) * MS_PER_DAY + s * 1000;

describe('parseNumber', () => {
	it.each([
		['1234.56', '.', 1234.56],
		['1,234.56', '.', 1234.56],
		['1.234,56', ',', 1234.56],
		['1 234,56', ',', 1234.56],
		['¥1,200', '.', 1200],
		['€ 12,50', ',', 12.5],
		['£3.20', '.', 3.2],
		['(12.50)', '.', -12.5],
		['12.50-', '.', -12.5],
		['-7', '.', -7],
		['15%', '.', 0.15],
		['2.55', '.', 2.55],
	] as const)('parseNumber(%s, %s) = %d', (text, decimal, expected) => {
		expect(parseNumber(text, decimal)).toBeCloseTo(expected, 12);
	});

	it.each([['abc'], ['1,23,4'], ['12 34'], ['00004 0001'], [''], ['C536379']])(
		'parseNumber(%s) is NaN',
		(text) => {
			expect(parseNumber(text, '.')).toBeNaN();
		},
	);

	it('parseNumber(text) gives the same double as Number() for plain decimals', () => {
		for (const s of ['0.1', '2.55', '29.33', '1e3', '123456789.123'])
			expect(parseNumber(s)).toBe(Number(s));
	});

	it('detectDecimal(values) finds the decimal comma only when a value proves it', () => {
		expect(detectDecimal(['2,55', '1.234,50', '7'])).toBe(',');
		expect(detectDecimal(['2.55', '1,234.50', '7'])).toBe('.');
		expect(detectDecimal(['7', '8'])).toBe('.');
	});
});

describe('dates', () => {
	it.each([
		['2010-12-01 08:26:00', 'yyyy-mm-dd', at(2010, 12, 1, 8 * 3600 + 26 * 60)],
		['2010-12-01T08:26', 'yyyy-mm-dd', at(2010, 12, 1, 8 * 3600 + 26 * 60)],
		['2010/3/4', 'yyyy/m/d', at(2010, 3, 4)],
		['4.3.2010', 'd.m.yyyy', at(2010, 3, 4)],
		['3/4/2010', 'm/d/yyyy', at(2010, 3, 4)],
		['4/3/2010', 'd/m/yyyy', at(2010, 3, 4)],
		['20100304', 'yyyymmdd', at(2010, 3, 4)],
		['2010年3月4日', 'yyyy年m月d日', at(2010, 3, 4)],
		['12/1/2010 8:26', 'm/d/yyyy', at(2010, 12, 1, 8 * 3600 + 26 * 60)],
		['12/1/2010 8:26 PM', 'm/d/yyyy', at(2010, 12, 1, 20 * 3600 + 26 * 60)],
	])('parseDate(%s, %s) reads the wall clock without a time zone', (text, format, expected) => {
		expect(parseDate(text, parseFormatName(format)!)).toBe(expected);
	});

	it.each([['2010-02-30'], ['2010-13-01'], ['31/31/2010'], ['hello']])(
		'parseDate(%s) is NaN',
		(text) => {
			expect(parseDate(text, parseFormatName('yyyy-mm-dd')!)).toBeNaN();
		},
	);

	it('detectDateFormat(values) takes day/month order from a day above 12', () => {
		expect(detectDateFormat(['1/2/2020', '13/2/2020'])).toMatchObject({
			format: { order: 'dmy', sep: '/' },
			ambiguous: false,
		});
		expect(detectDateFormat(['1/2/2020', '2/13/2020'])).toMatchObject({
			format: { order: 'mdy', sep: '/' },
			ambiguous: false,
		});
	});

	it('detectDateFormat(values) says when the order cannot be decided', () => {
		expect(detectDateFormat(['1/2/2020', '3/4/2020'])).toMatchObject({ ambiguous: true });
		expect(formatName(detectDateFormat(['1.2.2020', '3.4.2020'])!.format)).toBe('d.m.yyyy');
	});

	it('detectDateFormat(values) rejects 8-digit numbers that are not all dates', () => {
		expect(detectDateFormat(['20100304', '12345678'])).toBeNull();
	});

	it('inferType(values) checks every value: one C-invoice makes a column text', () => {
		expect(inferType(['536365', '536366'], '.')).toBe('number');
		expect(inferType(['536365', 'C536379'], '.')).toBe('string');
		expect(inferType(['2010-12-01', ''], '.')).toBe('date');
		expect(inferType(['yes', 'no'], '.')).toBe('boolean');
	});
});
