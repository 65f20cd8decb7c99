import { describe, expect, it } from 'vitest';
import {
	defaultTolerance,
	judgeAnswer,
	numberMatches,
	parseTypedNumber,
} from '../../../src/lessons/answer';

describe('parseTypedNumber', () => {
	it.each([
		['1311', 1311, false],
		['1,311', 1311, false],
		['1,234,567.5', 1234567.5, false],
		[' 218 ', 218, false],
		['8.2%', 8.2, true],
		['8.2 %', 8.2, true],
		['８．２％', 8.2, true],
		['１，３１１', 1311, false],
		['0.082', 0.082, false],
		['.5', 0.5, false],
		['8,2', 8.2, false],
		['8。2', 8.2, false],
		['76.', 76, false],
		['−3', -3, false],
		['12.3万', 123000, false],
		['1亿', 1e8, false],
		['¥11.5万', 115000, false],
		['￥71,434', 71434, false],
		['-$3.50', -3.5, false],
		['US$12', 12, false],
		['€1,234', 1234, false],
		['£5', 5, false],
	])('parseTypedNumber(%j) reads %d (percent: %s)', (text, value, percent) => {
		const r = parseTypedNumber(text);
		expect(r).not.toBeNull();
		expect(r!.value).toBeCloseTo(value, 9);
		expect(r!.percent).toBe(percent);
	});

	it.each(['', 'abc', '12 customers', '1.2.3', '1,23,4', '%', '5%%', 'NaN', 'Infinity'])(
		'parseTypedNumber(%j) is not a number',
		(text) => {
			expect(parseTypedNumber(text)).toBeNull();
		},
	);

	it('parseTypedNumber("12.3万") allows half a unit of the last digit typed', () => {
		expect(parseTypedNumber('12.3万')!.typedPrecision).toBeCloseTo(500, 9);
		expect(parseTypedNumber('123')!.typedPrecision).toBe(0);
	});
});

describe('numberMatches', () => {
	const typed = (s: string) => parseTypedNumber(s)!;

	it('numberMatches(count) with the default tolerance needs the exact whole number', () => {
		const tol = defaultTolerance(0);
		expect(numberMatches(218, 'count', typed('218'), tol)).toBe(true);
		expect(numberMatches(218, 'count', typed('219'), tol)).toBe(false);
		expect(numberMatches(218, 'count', typed('218%'), tol)).toBe(false);
	});

	it('numberMatches(share) reads "8.2", "8.2%" and "0.082" as 8.2 % and allows the rounding of the shown digit', () => {
		const tol = defaultTolerance(1);
		const value = 7 / 85; // 8.235 %, shown as 8.2 %
		for (const s of ['8.2', '8.2%', '8.24', '0.0824', '８．２％'])
			expect(numberMatches(value, 'share', typed(s), tol)).toBe(true);
		for (const s of ['8.1', '8', '0.08', '82', '0.082%'])
			expect(numberMatches(value, 'share', typed(s), tol)).toBe(false);
	});

	it('numberMatches with an absolute or relative tolerance', () => {
		expect(numberMatches(0.4127, 'number', typed('0.41'), { absolute: 0.005 })).toBe(true);
		expect(numberMatches(0.4127, 'number', typed('0.40'), { absolute: 0.005 })).toBe(false);
		expect(numberMatches(123456, 'money', typed('122000'), { relative: 0.02 })).toBe(true);
		expect(numberMatches(123456, 'money', typed('120000'), { relative: 0.02 })).toBe(false);
	});

	it('numberMatches(money) accepts 万 to the precision typed', () => {
		expect(numberMatches(123456, 'money', typed('12.3万'), defaultTolerance(0))).toBe(true);
		expect(numberMatches(123456, 'money', typed('12.4万'), defaultTolerance(0))).toBe(false);
	});
});

describe('judgeAnswer', () => {
	const choice = {
		kind: 'choice' as const,
		value: 'Champions',
		options: [
			{ value: 'Champions', label: { en: 'Champions', zh: '冠军客户' } },
			{ value: 'Lost', label: { en: 'Lost', zh: '已流失客户' } },
		],
	};

	it('judgeAnswer(choice) compares the option picked', () => {
		expect(judgeAnswer(choice, 'number', 'Champions', { absolute: 0 })).toBe('right');
		expect(judgeAnswer(choice, 'number', 'Lost', { absolute: 0 })).toBe('wrong');
		expect(judgeAnswer(choice, 'number', '', { absolute: 0 })).toBe('unreadable');
	});

	it('judgeAnswer(number) says right, wrong, or unreadable text', () => {
		const r = { kind: 'number' as const, value: 1311 };
		expect(judgeAnswer(r, 'count', '1,311', defaultTolerance(0))).toBe('right');
		expect(judgeAnswer(r, 'count', '1310', defaultTolerance(0))).toBe('wrong');
		expect(judgeAnswer(r, 'count', 'about 1300', defaultTolerance(0))).toBe('unreadable');
	});
});
