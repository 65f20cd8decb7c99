/**
 * Calendar periods for cohorts (§3): month (default), ISO week, quarter, year. A period is an
 * integer index so that consecutive periods differ by 1 and offsets are plain subtraction.
 */
import { UserError } from '../shared/errors';
import { civilFromDay, dayFromCivil } from './dates';

export type Period = 'month' | 'week' | 'quarter' | 'year';

export const PERIODS: readonly Period[] = ['month', 'week', 'quarter', 'year'];

/** Throws a `bad_option` UserError unless `period` is one of PERIODS. */
export function checkPeriod(period: string): asserts period is Period {
	if (!(PERIODS as readonly string[]).includes(period)) {
		throw new UserError('bad_option', {
			en: `Unknown cohort period "${period}": use month, week, quarter or year.`,
			zh: `无法识别的同期群周期“${period}”：请使用 month、week、quarter 或 year。`,
		});
	}
}

/**
 * Integer index of the period containing `day` (days since 1970-01-01); consecutive periods differ
 * by 1. Weeks are ISO weeks (Monday start): index 0 is the week of Monday 1969-12-29.
 */
export function periodOf(day: number, period: Period): number {
	if (period === 'week') return Math.floor((day + 3) / 7);
	const [y, m] = civilFromDay(day);
	if (period === 'month') return y * 12 + m - 1;
	if (period === 'quarter') return y * 4 + Math.floor((m - 1) / 3);
	if (period === 'year') return y;
	checkPeriod(period);
	return NaN;
}

/** First day (days since 1970-01-01) of the period with this index. */
export function periodStartDay(index: number, period: Period): number {
	if (period === 'week') return index * 7 - 3;
	if (period === 'month') return dayFromCivil(Math.floor(index / 12), mod(index, 12) + 1, 1);
	if (period === 'quarter') return dayFromCivil(Math.floor(index / 4), mod(index, 4) * 3 + 1, 1);
	if (period === 'year') return dayFromCivil(index, 1, 1);
	checkPeriod(period);
	return NaN;
}

/**
 * Label of a period index: month `YYYY-MM`, ISO week `YYYY-Www` (ISO week-year, so 2021-01-03 is in
 * 2020-W53 and 2018-12-31 in 2019-W01), quarter `YYYY-Qn`, year `YYYY`.
 */
export function periodLabel(index: number, period: Period): string {
	if (period === 'week') {
		// The ISO week-year is the year of the week's Thursday; week 1 holds the first Thursday.
		const thursday = index * 7;
		const [y] = civilFromDay(thursday);
		const week = Math.floor((thursday - dayFromCivil(y, 1, 1)) / 7) + 1;
		return `${year4(y)}-W${pad2(week)}`;
	}
	if (period === 'month') return `${year4(Math.floor(index / 12))}-${pad2(mod(index, 12) + 1)}`;
	if (period === 'quarter') return `${year4(Math.floor(index / 4))}-Q${mod(index, 4) + 1}`;
	if (period === 'year') return year4(index);
	checkPeriod(period);
	return '';
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const year4 = (y: number) => String(y).padStart(4, '0');
