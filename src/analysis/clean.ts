import { UserError } from '../shared/errors';
import { formatDay, MS_PER_DAY } from './dates';
import type { Mapping, Role } from './read/roles';
import type { RawColumns, TableMeta } from './read/table';
import {
	detectDateFormat,
	formatName,
	isMissing,
	parseDate,
	parseFormatName,
	parseNumber,
	EXCEL,
	looksLikeExcelSerials,
	type DateFormat,
} from './read/values';
import type { Warning } from './types';

/** The cleaning switches of §1. */
export interface CleaningOptions {
	/** Drop rows without a customer id (default true); when off they form one customer "". */
	dropMissingCustomer: boolean;
	/** Cancellations (invoice `C…` or amount ≤ 0): drop (default), net (keep returns, subtract them), keep. */
	cancellations: 'drop' | 'net' | 'keep';
	/** Drop exact duplicate rows (default true). */
	dropDuplicates: boolean;
}

/**
 * Lines dropped only because they are worth 0 (no cancelled invoice), after the duplicate rule
 * among themselves: predictive CLV (§6) counts them as purchases, since a free item is still a
 * purchase occasion. Indexed like a Transactions' arrays; their amount is 0 and none is a return.
 */
export interface ZeroLines {
	rows: number;
	customer: Int32Array;
	invoice: Int32Array | null;
	time: Float64Array;
	row: Int32Array;
}

export const defaultCleaning: CleaningOptions = {
	dropMissingCustomer: true,
	cancellations: 'drop',
	dropDuplicates: true,
};

export type DropRule =
	'missing_customer' | 'invalid_date' | 'invalid_amount' | 'cancelled' | 'duplicate';
export const DROP_RULES: DropRule[] = [
	'missing_customer',
	'invalid_date',
	'invalid_amount',
	'cancelled',
	'duplicate',
];

export interface DropExample {
	/** 1-based data row (header excluded). */
	row: number;
	values: Record<string, string>;
}

export interface CleaningReport {
	rowsRead: number;
	rowsKept: number;
	dropped: Record<DropRule, number>;
	examples: Record<DropRule, DropExample[]>;
	/** Rows kept as returns under the net policy. */
	returns: number;
	dateFormat: string;
	/** Set when the day/month order could not be decided: both readings of some values. */
	dateQuestion: DateQuestion | null;
	warnings: Warning[];
}

/** Both readings of dates whose day/month order no value proves, to ask the user. */
export interface DateQuestion {
	column: string;
	/** The reading in use first, then the other; each value as YYYY-MM-DD. */
	readings: { format: string; dates: string[] }[];
	values: string[];
}

/** Cleaned transaction lines, one per kept row. */
export interface Transactions {
	rows: number;
	/** Code into customerIds per row. */
	customer: Int32Array;
	customerIds: string[];
	/** Code into the invoice dictionary per row, −1 without one; null when no invoice is mapped. */
	invoice: Int32Array | null;
	/** Naive timestamp (ms) per row. */
	time: Float64Array;
	amount: Float64Array;
	/** 1 for a return kept under the net policy. */
	isReturn: Uint8Array;
	/** The data row (0-based) each kept line came from, to reach its other columns. */
	row: Int32Array;
}

export interface CleanInput {
	source: TableMeta;
	columns: RawColumns;
	mapping: Mapping;
	/** Columns whose equality makes two rows duplicates: all mapped columns (§1.4). */
	duplicateColumns: string[];
	dateFormat?: string;
}

const EXAMPLES = 3;

/** Applies the cleaning rules of §1 in order, counting rows dropped per rule. */
export function cleanTransactions(
	input: CleanInput,
	options: CleaningOptions = defaultCleaning,
): { transactions: Transactions; report: CleaningReport; zeroLines: ZeroLines } {
	const { source, columns, mapping } = input;
	const rows = columns.rows;
	const col = (role: Role) => {
		const name = mapping[role];
		if (name === null) return null;
		const i = source.names.indexOf(name);
		if (i < 0) throw unknownColumn(name, source.names);
		return columns.columns[i]!;
	};
	const warnings: Warning[] = [];
	if (mapping.customer_id === null) throw missingRole('customer_id', source.names);
	if (mapping.date === null) throw missingRole('date', source.names);
	if (mapping.amount === null && (mapping.quantity === null || mapping.unit_price === null))
		throw missingRole('amount', source.names);

	// Customer ids: trimmed; values that trim to the same id share one code.
	const cust = col('customer_id')!;
	const idIndex = new Map<string, number>();
	const customerIds: string[] = [];
	const custCanon = new Int32Array(cust.values.length);
	cust.values.forEach((v, i) => {
		const id = isMissing(v) ? '' : v.trim();
		if (id === '' && options.dropMissingCustomer) {
			custCanon[i] = -1;
			return;
		}
		let c = idIndex.get(id);
		if (c === undefined) {
			c = customerIds.length;
			customerIds.push(id);
			idIndex.set(id, c);
		}
		custCanon[i] = c;
	});
	const missingCustomerCode = options.dropMissingCustomer ? -1 : idFor('');
	function idFor(id: string): number {
		let c = idIndex.get(id);
		if (c === undefined) {
			c = customerIds.length;
			customerIds.push(id);
			idIndex.set(id, c);
		}
		return c;
	}

	// Dates: one format for the column, decided over all its distinct values.
	const dateCol = col('date')!;
	const { format, question } = resolveDateFormat(
		dateCol.values,
		mapping.date,
		input.dateFormat,
		warnings,
	);
	const dateValues = new Float64Array(dateCol.values.length);
	dateCol.values.forEach((v, i) => (dateValues[i] = parseDate(v, format)));

	// Amounts: an amount column, or quantity × unit price.
	const numbers = (role: Role) => {
		const c = col(role);
		if (c === null) return null;
		const out = new Float64Array(c.values.length);
		c.values.forEach((v, i) => (out[i] = parseNumber(v, source.decimal)));
		return { codes: c.codes, values: out };
	};
	const amountCol = numbers('amount');
	const qtyCol = amountCol === null ? numbers('quantity') : null;
	const priceCol = amountCol === null ? numbers('unit_price') : null;

	const invCol = col('invoice_id');
	const cancelInvoice =
		invCol === null ? null : Uint8Array.from(invCol.values, (v) => (/^\s*c/i.test(v) ? 1 : 0));

	const dropped: Record<DropRule, number> = {
		missing_customer: 0,
		invalid_date: 0,
		invalid_amount: 0,
		cancelled: 0,
		duplicate: 0,
	};
	const examples: Record<DropRule, DropExample[]> = {
		missing_customer: [],
		invalid_date: [],
		invalid_amount: [],
		cancelled: [],
		duplicate: [],
	};
	const exampleColumns = source.names
		.map((name, i) => ({ name, col: columns.columns[i] }))
		.filter((c) => c.col !== null);
	const drop = (rule: DropRule, r: number) => {
		dropped[rule]++;
		if (examples[rule].length < EXAMPLES) {
			const values: Record<string, string> = {};
			for (const c of exampleColumns) {
				const code = c.col!.codes[r];
				values[c.name] = code < 0 ? '' : c.col!.values[code];
			}
			examples[rule].push({ row: r + 1, values });
		}
	};

	const customer = new Int32Array(rows);
	const invoice = invCol === null ? null : new Int32Array(rows);
	const time = new Float64Array(rows);
	const amount = new Float64Array(rows);
	const isReturn = new Uint8Array(rows);
	const keepRow = new Int32Array(rows);
	let kept = 0;
	let returns = 0;
	let cancelRows = 0;
	/** Row, customer, time and invoice code of each zero-value line dropped (see ZeroLines). */
	const zeroRows: number[] = [];
	const custCodes = cust.codes;
	const dateCodes = dateCol.codes;
	for (let r = 0; r < rows; r++) {
		const cc = custCodes[r];
		const c = cc < 0 ? missingCustomerCode : custCanon[cc];
		if (c < 0) {
			drop('missing_customer', r);
			continue;
		}
		const dc = dateCodes[r];
		const t = dc < 0 ? NaN : dateValues[dc];
		if (t !== t) {
			drop('invalid_date', r);
			continue;
		}
		let a: number;
		if (amountCol !== null) {
			const k = amountCol.codes[r];
			a = k < 0 ? NaN : amountCol.values[k];
		} else {
			const q = qtyCol!.codes[r];
			const p = priceCol!.codes[r];
			a = q < 0 || p < 0 ? NaN : qtyCol!.values[q] * priceCol!.values[p];
		}
		if (a !== a) {
			drop('invalid_amount', r);
			continue;
		}
		const ic = invoice === null ? -1 : invCol!.codes[r];
		const cancelled = (ic >= 0 && cancelInvoice![ic] === 1) || a <= 0;
		let ret = 0;
		if (cancelled) {
			cancelRows++;
			if (options.cancellations === 'drop' || (options.cancellations === 'net' && a === 0)) {
				drop('cancelled', r);
				if (a === 0 && !(ic >= 0 && cancelInvoice![ic] === 1)) zeroRows.push(r, c, t, ic);
				continue;
			}
			if (options.cancellations === 'net') {
				// A return subtracts its value whatever the sign it was exported with.
				ret = 1;
				a = -Math.abs(a);
				returns++;
			}
		}
		customer[kept] = c;
		if (invoice !== null) invoice[kept] = ic;
		time[kept] = t;
		amount[kept] = a;
		isReturn[kept] = ret;
		keepRow[kept] = r;
		kept++;
	}
	if (cancelRows > rows / 2 && invCol !== null && options.cancellations !== 'keep') {
		warnings.push({
			code: 'many_cancellations',
			en: `${cancelRows} of ${rows} rows look like cancellations (invoice starting with "C" or amount ≤ 0). If your invoice numbers start with C for another reason, map no invoice column or switch the cancellation rule off.`,
			zh: `${rows} 行中有 ${cancelRows} 行被识别为取消订单（订单号以 "C" 开头或金额 ≤ 0）。如果订单号因其他原因以 C 开头，请不要映射订单号列，或关闭取消订单规则。`,
		});
	}

	let n = kept;
	const dupCols = input.duplicateColumns
		.map((name) => columns.columns[source.names.indexOf(name)])
		.filter((c) => c !== null && c !== undefined)
		.map((c) => c!.codes);
	if (options.dropDuplicates && n > 0) {
		const first = firstOccurrence(keepRow, n, dupCols);
		let w = 0;
		for (let i = 0; i < n; i++) {
			if (first[i] !== i) {
				drop('duplicate', keepRow[i]);
				if (isReturn[i]) returns--;
				continue;
			}
			customer[w] = customer[i];
			if (invoice !== null) invoice[w] = invoice[i];
			time[w] = time[i];
			amount[w] = amount[i];
			isReturn[w] = isReturn[i];
			keepRow[w] = keepRow[i];
			w++;
		}
		n = w;
	}
	if (n === 0) throw noRowsLeft(rows, dropped);
	return {
		zeroLines: zeroLinesOf(zeroRows, invoice !== null, options.dropDuplicates ? dupCols : null),
		transactions: {
			rows: n,
			customer: customer.subarray(0, n),
			customerIds,
			invoice: invoice === null ? null : invoice.subarray(0, n),
			time: time.subarray(0, n),
			amount: amount.subarray(0, n),
			isReturn: isReturn.subarray(0, n),
			row: keepRow.subarray(0, n),
		},
		report: {
			rowsRead: rows,
			rowsKept: n,
			dropped,
			examples,
			returns,
			dateFormat: formatName(format),
			dateQuestion: question,
			warnings,
		},
	};
}

/** For each kept row, the index of the first kept row equal to it on every given column. */
/** The zero-value lines collected as (row, customer, time, invoice) quads, deduplicated. */
function zeroLinesOf(
	quads: number[],
	hasInvoice: boolean,
	dupCols: Int32Array[] | null,
): ZeroLines {
	let m = quads.length / 4;
	const row = new Int32Array(m);
	for (let k = 0; k < m; k++) row[k] = quads[4 * k];
	const first = dupCols === null || m === 0 ? null : firstOccurrence(row, m, dupCols);
	const out: ZeroLines = {
		rows: 0,
		customer: new Int32Array(m),
		invoice: hasInvoice ? new Int32Array(m) : null,
		time: new Float64Array(m),
		row: new Int32Array(m),
	};
	let w = 0;
	for (let k = 0; k < m; k++) {
		if (first !== null && first[k] !== k) continue;
		out.row[w] = quads[4 * k];
		out.customer[w] = quads[4 * k + 1];
		out.time[w] = quads[4 * k + 2];
		if (out.invoice !== null) out.invoice[w] = quads[4 * k + 3];
		w++;
	}
	m = w;
	return {
		rows: m,
		customer: out.customer.subarray(0, m),
		invoice: out.invoice === null ? null : out.invoice.subarray(0, m),
		time: out.time.subarray(0, m),
		row: out.row.subarray(0, m),
	};
}

function firstOccurrence(keepRow: Int32Array, n: number, cols: Int32Array[]): Int32Array {
	const first = new Int32Array(n);
	let size = 1;
	while (size < n * 2) size <<= 1;
	const mask = size - 1;
	const slots = new Int32Array(size).fill(-1);
	for (let i = 0; i < n; i++) {
		const r = keepRow[i];
		let h = 0x811c9dc5 | 0;
		for (let k = 0; k < cols.length; k++) h = Math.imul(h ^ cols[k][r], 0x01000193);
		h ^= h >>> 15;
		let slot = h & mask;
		for (;;) {
			const j = slots[slot];
			if (j < 0) {
				slots[slot] = i;
				first[i] = i;
				break;
			}
			const rj = keepRow[j];
			let same = true;
			for (let k = 0; k < cols.length; k++) {
				if (cols[k][r] !== cols[k][rj]) {
					same = false;
					break;
				}
			}
			if (same) {
				first[i] = j;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	return first;
}

function resolveDateFormat(
	values: string[],
	column: string,
	forced: string | undefined,
	warnings: Warning[],
): { format: DateFormat; question: DateQuestion | null } {
	if (forced !== undefined) {
		const f = parseFormatName(forced);
		if (f === null) {
			throw new UserError('bad_option', {
				en: `Unknown date format "${forced}". Use a form like yyyy-mm-dd, d/m/yyyy, m/d/yyyy, d.m.yyyy or yyyymmdd.`,
				zh: `无法识别的日期格式"${forced}"。请使用 yyyy-mm-dd、d/m/yyyy、m/d/yyyy、d.m.yyyy 或 yyyymmdd 等形式。`,
			});
		}
		return { format: f, question: null };
	}
	const d = detectDateFormat(values, 0);
	if ((d === null || d.share === 0) && looksLikeExcelSerials(values))
		return { format: EXCEL, question: null };
	if (d === null || d.share === 0) {
		const examples = values
			.filter((v) => !isMissing(v))
			.slice(0, 3)
			.join('", "');
		throw new UserError('bad_date', {
			en: `No value of the date column "${column}" reads as a date (e.g. "${examples}"). Choose another date column, or give the format (e.g. --date-format d/m/yyyy).`,
			zh: `日期列"${column}"中没有可识别的日期（例如"${examples}"）。请选择其他日期列，或指定日期格式（例如 --date-format d/m/yyyy）。`,
		});
	}
	let question: DateQuestion | null = null;
	if (d.ambiguous) {
		const other: DateFormat = {
			order: d.format.order === 'mdy' ? 'dmy' : 'mdy',
			sep: d.format.sep,
		};
		// Values that read differently either way show the question best: 03/04 rather than 05/05.
		const telling = values.filter((v) => {
			const a = parseDate(v, d.format);
			const b = parseDate(v, other);
			return (
				!Number.isNaN(a) &&
				!Number.isNaN(b) &&
				Math.floor(a / MS_PER_DAY) !== Math.floor(b / MS_PER_DAY)
			);
		});
		const shown = (telling.length > 0 ? telling : values.filter((v) => !isMissing(v))).slice(0, 3);
		const sample = shown[0] ?? '';
		const read = (f: DateFormat, v = sample) => {
			const t = parseDate(v, f);
			return Number.isNaN(t) ? '—' : formatDay(Math.floor(t / MS_PER_DAY));
		};
		question = {
			column,
			values: shown.map((v) => v.trim()),
			readings: [d.format, other].map((f) => ({
				format: formatName(f),
				dates: shown.map((v) => read(f, v)),
			})),
		};
		warnings.push({
			code: 'ambiguous_date_order',
			en: `The dates in "${column}" could be day/month or month/day: no value proves which. Read as ${formatName(d.format)} ("${sample}" = ${read(d.format)}); the other reading ${formatName(other)} gives ${read(other)}. Set the date format if that is wrong.`,
			zh: `"${column}"列的日期既可理解为 日/月 也可理解为 月/日，数据中没有能判定的值。当前按 ${formatName(d.format)} 读取（"${sample}" = ${read(d.format)}）；若按 ${formatName(other)} 则为 ${read(other)}。如有误请指定日期格式。`,
		});
	}
	return { format: d.format, question };
}

export function missingRole(role: Role, names: string[]): UserError {
	const what = {
		customer_id: ['customer id', '客户编号'],
		date: ['order date', '下单日期'],
		amount: ['amount (or quantity and unit price)', '金额（或数量和单价）'],
		invoice_id: ['invoice', '订单号'],
		quantity: ['quantity', '数量'],
		unit_price: ['unit price', '单价'],
	}[role];
	const list = names.slice(0, 12).join(', ');
	return new UserError('missing_role', {
		en: `No ${what[0]} column found among: ${list}. Choose it by hand (e.g. --map ${role === 'amount' ? 'amount' : role}=COLUMN).`,
		zh: `在这些列中找不到${what[1]}列：${list}。请手动指定（例如 --map ${role}=列名）。`,
	});
}

export function unknownColumn(name: string, names: string[]): UserError {
	return new UserError('unknown_column', {
		en: `There is no column "${name}". The columns are: ${names.join(', ')}.`,
		zh: `没有名为"${name}"的列。现有的列：${names.join('、')}。`,
	});
}

function noRowsLeft(rows: number, dropped: Record<DropRule, number>): UserError {
	const parts = DROP_RULES.filter((k) => dropped[k] > 0).map((k) => `${k}: ${dropped[k]}`);
	return new UserError('no_rows_left', {
		en: `No rows are left after cleaning (${rows} read; dropped ${parts.join(', ')}). Check the column roles and the cleaning switches.`,
		zh: `数据清洗后没有剩余的行（读取 ${rows} 行；删除 ${parts.join('，')}）。请检查列的角色映射和清洗规则。`,
	});
}
