/**
 * Naive calendar arithmetic. A day is an integer count of days since 1970-01-01; a timestamp is
 * milliseconds since 1970-01-01T00:00 of the wall clock. No time zone is ever applied: everything
 * here is integer arithmetic (Howard Hinnant's civil-date algorithms), never `new Date(y, m, d)`.
 */

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the civil date y-m-d (m 1–12). */
export function dayFromCivil(y: number, m: number, d: number): number {
	y -= m <= 2 ? 1 : 0;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (m + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** The civil date [y, m, d] (m 1–12) of a day number. */
export function civilFromDay(day: number): [number, number, number] {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** True when y-m-d is a real calendar date. */
export function isValidCivil(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
	if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
	return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The day of a naive timestamp in ms. */
export function dayOfTimestamp(ms: number): number {
	return Math.floor(ms / MS_PER_DAY);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
	const [y, m, d] = civilFromDay(day);
	return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The wall-clock text of a naive timestamp in ms: `YYYY-MM-DD` at midnight, else
 * `YYYY-MM-DD HH:MM:SS`, with `.mmm` only when the milliseconds are not 0. Integer arithmetic, so
 * the machine's time zone never enters.
 */
export function formatTimestamp(ms: number): string {
	const day = Math.floor(ms / MS_PER_DAY);
	const rest = ms - day * MS_PER_DAY;
	if (rest === 0) return formatDay(day);
	const seconds = Math.floor(rest / 1000);
	const milli = rest - seconds * 1000;
	const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
	return `${formatDay(day)} ${time}${milli === 0 ? '' : '.' + String(milli).padStart(3, '0')}`;
}

/** The day of a `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseIsoDay(text: string): number | null {
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return isValidCivil(y, mo, d) ? dayFromCivil(y, mo, d) : null;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}
