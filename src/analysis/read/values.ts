import { dayFromCivil, isValidCivil, MS_PER_DAY } from '../dates';

/** Values that mean "no value" in exports. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '--', '#n/a', '(blank)']);

export function isMissing(text: string): boolean {
	return MISSING.has(text.trim().toLowerCase());
}

const CURRENCY = /[¥￥$€£]|RMB|CNY|USD|EUR|GBP|元/g;
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const HAS_SPACE = /[\s\u00a0\u202f\u2009]/;
const SPACE_GROUPED = /^[-+(]?\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+([.,]\d*)?\)?%?-?$/;

/**
 * A number from an export: `1,234.56`, `1.234,56` (decimal ','), `1 234,56`, currency symbols,
 * `12%` (→ 0.12), `(12.50)` and trailing-minus negatives. NaN when it is not a number.
 */
export function parseNumber(text: string, decimal: '.' | ',' = '.'): number {
	let s = text.trim().replace(CURRENCY, '').trim();
	if (s === '') return NaN;
	if (HAS_SPACE.test(s)) {
		// Spaces only as thousands separators: `1 234,56`.
		if (!SPACE_GROUPED.test(s)) return NaN;
		s = s.replace(SPACES, '');
	}
	let sign = 1;
	if (s.startsWith('(') && s.endsWith(')')) {
		sign = -1;
		s = s.slice(1, -1);
	}
	s = s.replace(CURRENCY, '');
	if (s.endsWith('-') && s.length > 1) {
		sign = -sign;
		s = s.slice(0, -1);
	}
	let scale = 1;
	if (s.endsWith('%')) {
		scale = 0.01;
		s = s.slice(0, -1);
	}
	const group = decimal === '.' ? ',' : '.';
	if (s.includes(group)) {
		if (!GROUPED[decimal].test(s)) return NaN;
		s = s.split(group).join('');
	}
	if (decimal === ',') s = s.replace(',', '.');
	if (!PLAIN.test(s)) return NaN;
	const v = Number(s);
	return v * sign * scale;
}

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = {
	'.': /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/,
	',': /^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/,
};

/** Which decimal mark a set of numeric-looking texts uses, from the values that prove it. */
export function detectDecimal(texts: Iterable<string>): '.' | ',' {
	let dot = 0;
	let comma = 0;
	for (const raw of texts) {
		const s = raw.replace(SPACES, '').replace(CURRENCY, '');
		if (/^[-+(]?\d+,\d{1,2}\)?%?$/.test(s) || /^[-+(]?\d{1,3}(\.\d{3})+,\d+\)?$/.test(s)) comma++;
		else if (/^[-+(]?\d+\.\d{1,2}\)?%?$/.test(s) || /^[-+(]?\d{1,3}(,\d{3})+\.\d+\)?$/.test(s))
			dot++;
	}
	return comma > dot ? ',' : '.';
}

/** The order of the date parts; `excel` is a serial day number (days since 1899-12-30). */
export type DateOrder = 'ymd' | 'dmy' | 'mdy' | 'excel';

/** A date layout as the CLI names it (`yyyy-mm-dd`, `d/m/yyyy`, `yyyymmdd`, `yyyy年m月d日`, …). */
export interface DateFormat {
	order: DateOrder;
	/** The separator between parts: `-`, `/`, `.`, '' (yyyymmdd) or `年` (yyyy年m月d日). */
	sep: string;
}

export function formatName(f: DateFormat): string {
	if (f.order === 'excel') return 'excel';
	if (f.sep === '') return 'yyyymmdd';
	if (f.sep === '年') return 'yyyy年m月d日';
	if (f.order === 'ymd') return f.sep === '-' ? 'yyyy-mm-dd' : `yyyy${f.sep}m${f.sep}d`;
	return f.order === 'dmy' ? `d${f.sep}m${f.sep}yyyy` : `m${f.sep}d${f.sep}yyyy`;
}

/** The format named like `d/m/yyyy`, `yyyy-mm-dd` or `yyyymmdd`; null when not understood. */
export function parseFormatName(name: string): DateFormat | null {
	const s = name.trim().toLowerCase();
	if (s === 'excel') return EXCEL;
	if (s === 'yyyymmdd') return { order: 'ymd', sep: '' };
	if (/^y+年m+月d+日$/.test(s)) return { order: 'ymd', sep: '年' };
	const m = /^([ymd]+)([-/.])([ymd]+)\2([ymd]+)$/.exec(s);
	if (!m) return null;
	const order = (m[1][0] + m[3][0] + m[4][0]) as string;
	if (order !== 'ymd' && order !== 'dmy' && order !== 'mdy') return null;
	return { order, sep: m[2] };
}

const TIME = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([aApP][mM])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + TIME + '$');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})` + TIME + '$');
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})` + TIME + '$');
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日` + TIME + '$');

/** The parts of a date text: [a, b, c] in written order, time in seconds, and its layout. */
interface DateParts {
	a: number;
	b: number;
	c: number;
	seconds: number;
	yearFirst: boolean;
	sep: string;
}

function timeOf(h?: string, mi?: string, s?: string, ampm?: string): number {
	if (h === undefined) return 0;
	let hour = Number(h);
	if (ampm !== undefined) {
		const pm = ampm.toLowerCase() === 'pm';
		if (hour === 12) hour = pm ? 12 : 0;
		else if (pm) hour += 12;
	}
	if (hour > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return NaN;
	return hour * 3600 + Number(mi) * 60 + Number(s ?? 0);
}

/** The date layouts: a separator captured in group 2 (null), or a fixed one with no group. */
const LAYOUTS: { re: RegExp; yearFirst: boolean; sep: string | null }[] = [
	{ re: YEAR_FIRST, yearFirst: true, sep: null },
	{ re: YEAR_LAST, yearFirst: false, sep: null },
	{ re: COMPACT, yearFirst: true, sep: '' },
	{ re: CHINESE, yearFirst: true, sep: '年' },
];

function splitDate(text: string): DateParts | null {
	const s = text.trim();
	for (const { re, yearFirst, sep } of LAYOUTS) {
		const m = re.exec(s);
		if (!m) continue;
		// With a captured separator every later group moves one place right.
		const k = sep === null ? 1 : 0;
		return {
			a: +m[1],
			b: +m[2 + k],
			c: +m[3 + k],
			seconds: timeOf(m[4 + k], m[5 + k], m[6 + k], m[7 + k]),
			yearFirst,
			sep: sep ?? m[2],
		};
	}
	return null;
}

export const EXCEL: DateFormat = { order: 'excel', sep: '' };
/** Excel's serial day of 1970-01-01 (its day 0 is 1899-12-30, past its 1900 leap-year bug). */
const EXCEL_EPOCH = 25569;

/** An Excel serial date (days, a fraction for the time) as a naive timestamp, to the second. */
function parseExcelSerial(text: string): number {
	const x = Number(text.trim());
	if (!Number.isFinite(x) || x < 1 || x >= 2958466) return NaN;
	return Math.round((x - EXCEL_EPOCH) * 86400) * 1000;
}

/** True when numbers look like Excel serial dates (1954–2119): the caller knows it is a date column. */
export function looksLikeExcelSerials(values: readonly string[]): boolean {
	let any = false;
	for (const v of values) {
		if (isMissing(v)) continue;
		const x = Number(v.trim());
		if (!Number.isFinite(x) || x < 20000 || x > 80000) return false;
		any = true;
	}
	return any;
}

/** A naive timestamp (ms since 1970-01-01 wall clock) of a date text in format f; NaN if invalid. */
export function parseDate(text: string, f: DateFormat): number {
	if (f.order === 'excel') return parseExcelSerial(text);
	const p = splitDate(text);
	if (p === null || p.sep !== f.sep || p.yearFirst !== (f.order === 'ymd')) return NaN;
	const [y, mo, d] =
		f.order === 'ymd' ? [p.a, p.b, p.c] : f.order === 'dmy' ? [p.c, p.b, p.a] : [p.c, p.a, p.b];
	if (y < 1000 || !isValidCivil(y, mo, d) || Number.isNaN(p.seconds)) return NaN;
	return dayFromCivil(y, mo, d) * MS_PER_DAY + p.seconds * 1000;
}

export interface DateDetection {
	format: DateFormat;
	/** True when the day/month order could not be decided from the values. */
	ambiguous: boolean;
	/** Share of the non-missing values that parse in this format. */
	share: number;
	/** True when some value carries a time of day. */
	hasTime: boolean;
}

/**
 * The date format of a column from its distinct values, or null when they are not dates. A
 * day/month order is decided by a value above 12 in one position; otherwise it is ambiguous and
 * defaults to m/d for `/` and d/m for `.` and `-` (the caller must say so).
 */
export function detectDateFormat(values: readonly string[], minShare = 1): DateDetection | null {
	const counts = new Map<string, number>();
	let maxA = 0;
	let maxB = 0;
	let total = 0;
	let hasTime = false;
	for (const v of values) {
		if (isMissing(v)) continue;
		total++;
		const p = splitDate(v);
		if (p === null || Number.isNaN(p.seconds)) continue;
		if (p.seconds > 0) hasTime = true;
		const key = (p.yearFirst ? 'y' : 'x') + p.sep;
		counts.set(key, (counts.get(key) ?? 0) + 1);
		if (!p.yearFirst) {
			maxA = Math.max(maxA, p.a);
			maxB = Math.max(maxB, p.b);
		}
	}
	if (total === 0) return null;
	let best = '';
	let bestCount = 0;
	for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
	if (bestCount === 0) return null;
	const sep = best.slice(1);
	let format: DateFormat;
	let ambiguous = false;
	if (best[0] === 'y') format = { order: 'ymd', sep };
	else if (maxA > 12 && maxB > 12) return null;
	else if (maxA > 12) format = { order: 'dmy', sep };
	else if (maxB > 12) format = { order: 'mdy', sep };
	else {
		ambiguous = true;
		format = { order: sep === '/' ? 'mdy' : 'dmy', sep };
	}
	let ok = 0;
	for (const v of values) if (!isMissing(v) && !Number.isNaN(parseDate(v, format))) ok++;
	const share = ok / total;
	// yyyymmdd-looking integers are dates only when every value is a real date.
	if (sep === '' && share < 1) return null;
	return share >= minShare ? { format, ambiguous, share, hasTime } : null;
}

export type ColumnType = 'string' | 'number' | 'date' | 'boolean';

const BOOLEAN = new Set(['true', 'false', 'yes', 'no', 'y', 'n', '是', '否']);

/** The type of a column from all its distinct values: every non-missing value must fit. */
export function inferType(values: readonly string[], decimal: '.' | ','): ColumnType {
	let any = false;
	let numbers = true;
	let booleans = true;
	for (const v of values) {
		if (isMissing(v)) continue;
		any = true;
		if (numbers && Number.isNaN(parseNumber(v, decimal))) numbers = false;
		if (booleans && !BOOLEAN.has(v.trim().toLowerCase())) booleans = false;
		if (!numbers && !booleans) break;
	}
	if (!any) return 'string';
	if (detectDateFormat(values) !== null) return 'date';
	if (numbers) return 'number';
	return booleans ? 'boolean' : 'string';
}
