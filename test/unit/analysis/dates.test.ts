import { describe, expect, it } from 'vitest';
import {
	civilFromDay,
	dayFromCivil,
	formatDay,
	isoWeekday,
	parseIsoDay,
} from '../../../src/analysis/dates';

describe('dates', () => {
	it('the tests run in a time zone that is not UTC, so local-time mistakes fail', () => {
		expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0);
	});

	it('dayFromCivil(y, m, d) counts days from 1970-01-01 across leap years', () => {
		expect(dayFromCivil(1970, 1, 1)).toBe(0);
		expect(dayFromCivil(2000, 3, 1) - dayFromCivil(2000, 2, 28)).toBe(2);
		expect(dayFromCivil(1900, 3, 1) - dayFromCivil(1900, 2, 28)).toBe(1);
		expect(dayFromCivil(1969, 12, 31)).toBe(-1);
	});

	it('civilFromDay(day) inverts dayFromCivil for every day of four centuries', () => {
		for (let day = dayFromCivil(1800, 1, 1); day < dayFromCivil(2200, 1, 1); day += 1) {
			const [y, m, d] = civilFromDay(day);
			if (dayFromCivil(y, m, d) !== day) throw new Error(`round trip failed at ${day}`);
		}
	});

	it('formatDay and parseIsoDay read and write YYYY-MM-DD', () => {
		expect(formatDay(dayFromCivil(2024, 2, 29))).toBe('2024-02-29');
		expect(parseIsoDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
		expect(parseIsoDay('2023-02-29')).toBeNull();
		expect(parseIsoDay('29/02/2024')).toBeNull();
	});

	it('isoWeekday(day) is 1 on Mondays', () => {
		expect(isoWeekday(dayFromCivil(2024, 1, 1))).toBe(1);
		expect(isoWeekday(dayFromCivil(1970, 1, 1))).toBe(4);
	});
});
