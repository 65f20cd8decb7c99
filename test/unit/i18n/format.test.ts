import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../../src/analysis/dates';
import { formatDate, formatMoney, formatPeriod } from '../../../src/i18n/format';

describe('formatting per language', () => {
	it.each([
		[12000, 'zh-CN', 'auto', '¥1.2万'],
		[123456, 'zh-CN', 'auto', '¥12.3万'],
		[120000000, 'zh-CN', 'auto', '¥1.2亿'],
		[9999.5, 'zh-CN', 'auto', '¥10,000'],
		[984.756, 'zh-CN', 'auto', '¥984.76'],
		[12000, 'en', 'auto', '$12,000'],
		[1234.5, 'en', '£', '£1,235'],
		[-3.5, 'en', '€', '-€3.5'],
		[-0.001, 'en', 'auto', '$0'],
		[-25000, 'zh-CN', 'none', '-2.5万'],
		[Number.NaN, 'en', 'auto', '—'],
	] as const)('formatMoney(%d, %s, %s) is %s', (x, lang, currency, expected) => {
		expect(formatMoney(x, lang, currency)).toBe(expected);
	});

	it.each(['America/Los_Angeles', 'Asia/Shanghai', 'UTC'])(
		'formatDate(day) writes the same calendar day in %s',
		(zone) => {
			const before = process.env.TZ;
			process.env.TZ = zone;
			try {
				const day = dayFromCivil(2024, 1, 5);
				expect(formatDate(day, 'zh-CN')).toBe('2024年1月5日');
				expect(formatDate(day, 'en')).toBe('Jan 5, 2024');
			} finally {
				process.env.TZ = before;
			}
		},
	);

	it.each([
		['2024-01', '2024年1月', 'Jan 2024'],
		['2024-12', '2024年12月', 'Dec 2024'],
		['2024-W05', '2024年第5周', '2024 W05'],
		['2024-Q1', '2024年第1季度', '2024 Q1'],
		['2024', '2024年', '2024'],
		['other', 'other', 'other'],
	])('formatPeriod(%s) is %s in Chinese and %s in English', (label, zh, en) => {
		expect(formatPeriod(label, 'zh-CN')).toBe(zh);
		expect(formatPeriod(label, 'en')).toBe(en);
	});
});
