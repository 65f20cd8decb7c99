/**
 * Excel workbooks (.xlsx, §7) through read-excel-file's universal entry, which takes an
 * ArrayBuffer and needs neither the DOM nor Node. One sheet is read into the shape of decoded.ts.
 */
import { readSheet } from 'read-excel-file/universal';
import { UserError } from '../../shared/errors';
import { dayFromCivil, formatTimestamp, isValidCivil, MS_PER_DAY } from '../dates';
import { ColumnEncoder, type DecodedTable } from './decoded';
import { detectDateFormat, parseNumber } from './values';
import { listSheets, readSheetExtras, unreadableWorkbook, type CellRange } from './xlsx-parts';

/** A cell as read-excel-file returns it. */
type Cell = string | number | boolean | Date | null;

/**
 * Reads one sheet of a workbook: `sheet` by name (exact, else the one name equal ignoring case),
 * the first sheet by default. Title rows above the table are skipped, merged cells take the value
 * of their top-left cell, date cells become naive wall-clock text (`YYYY-MM-DD[ HH:MM:SS]`) and
 * number cells their JS number text.
 */
export async function readXlsx(
	bytes: Uint8Array,
	options: { sheet?: string } = {},
): Promise<DecodedTable> {
	const sheets = listSheets(bytes);
	const names = sheets.map((s) => s.name);
	const entry = options.sheet ? pickSheet(sheets, options.sheet) : sheets[0];
	if (!entry) throw unknownSheet(options.sheet!, names);
	let rows: Cell[][];
	try {
		// A copy: the universal entry takes an ArrayBuffer, and a view may share a larger one.
		const buffer = new Uint8Array(bytes).buffer;
		rows = (await readSheet(buffer, entry.name, { trim: false })) as unknown as Cell[][];
	} catch (e) {
		throw unreadableWorkbook(e instanceof Error ? e.message : String(e));
	}
	const { merges, isoDates } = readSheetExtras(bytes, entry.path);
	const cells = rows.map((row, r) =>
		row.map((cell, c) => cellText(cell, isoDates.get(`${r},${c}`))),
	);
	const table = tableOfCells(cells, merges);
	if (table === null) throw emptySheet(entry.name, names);
	return {
		format: 'xlsx',
		encoding: 'utf-8',
		byteLength: bytes.length,
		...table,
		sheet: entry.name,
		sheets: names,
		warnings: [],
	};
}

function pickSheet<T extends { name: string }>(sheets: T[], name: string): T | undefined {
	const exact = sheets.find((s) => s.name === name);
	if (exact) return exact;
	const folded = sheets.filter((s) => s.name.toLowerCase() === name.trim().toLowerCase());
	return folded.length === 1 ? folded[0] : undefined;
}

/**
 * The text of a cell: null when empty. `iso` is the written text of an ISO date cell (`t="d"`),
 * which read-excel-file parses with `new Date(text)`, in the machine's zone when it has a time.
 */
export function cellText(cell: Cell, iso?: string): string | null {
	if (cell === null || cell === undefined || cell === '') return null;
	if (typeof cell === 'string') return cell;
	if (typeof cell === 'number') return String(cell);
	if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
	if (cell instanceof Date) {
		if (iso !== undefined) return isoDateText(iso);
		// Serial dates come as UTC-based timestamps of the wall clock, floored to the ms from a
		// binary fraction of a day (10:00 can arrive as 09:59:59.999): round to the second.
		return formatTimestamp(Math.round(cell.getTime() / 1000) * 1000);
	}
	return String(cell);
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 date cell as naive text: the wall clock as written, or, with a zone, the UTC wall
 * clock of that instant (as for Parquet timestamps). Text that is not ISO is kept as it is.
 */
export function isoDateText(iso: string): string {
	const m = ISO.exec(iso);
	if (!m) return iso;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (!isValidCivil(y, mo, d)) return iso;
	let ms = dayFromCivil(y, mo, d) * MS_PER_DAY;
	ms += ((Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0)) * 1000;
	ms += Math.round(Number(`0.${m[7] ?? 0}`) * 1000);
	const zone = m[8];
	if (zone && zone !== 'Z') {
		const z = zone.replace(':', '');
		const minutes = Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5));
		ms -= (z[0] === '-' ? -1 : 1) * minutes * 60_000;
	}
	return formatTimestamp(Math.round(ms / 1000) * 1000);
}

/** The table found in a sheet's cells (as text, null when empty), or null for an empty sheet. */
export function tableOfCells(
	cells: (string | null)[][],
	merges: CellRange[] = [],
): Pick<DecodedTable, 'header' | 'columns' | 'skippedRows'> | null {
	const filled = cells.map((row) => row.reduce((n, c) => (c === null ? n : n + 1), 0));
	const width = modalFilled(filled);
	if (width === 0) return null;
	// Title rows (a report name, a date range, blank lines) fill far fewer cells than the table.
	let start = 0;
	while (filled[start] * 2 <= width) start++;
	// Merged cells hold their value in the top-left cell only; the table's cells (not a merged
	// title's) take it everywhere, so that a merged header names each column it spans.
	const right = cells.reduce((n, row) => Math.max(n, row.length), 0) - 1;
	for (const m of merges) {
		if (m.top < start) continue;
		const v = cells[m.top]?.[m.left] ?? null;
		for (let r = m.top; r <= m.bottom && r < cells.length; r++)
			for (let c = m.left; c <= Math.min(m.right, right); c++) cells[r][c] = v;
	}
	const hasHeader = isHeader(cells[start]);
	const first = hasHeader ? start + 1 : start;
	const body = cells.slice(first).filter((row) => row.some((c) => c !== null));
	const columns = body.reduce((n, row) => Math.max(n, row.length), cells[start].length);
	const header = hasHeader ? cells[start].map((c) => (c ?? '').trim()) : [];
	// Columns with neither a header nor a value are the sheet's margins or spacers.
	const keep: number[] = [];
	for (let c = 0; c < columns; c++)
		if ((header[c] ?? '') !== '' || body.some((row) => (row[c] ?? null) !== null)) keep.push(c);
	const encoders = keep.map(() => new ColumnEncoder());
	body.forEach((row, r) => keep.forEach((c, i) => encoders[i].set(r, row[c] ?? null)));
	return {
		header: hasHeader ? keep.map((c) => header[c] ?? '') : null,
		columns: { rows: body.length, columns: encoders.map((e) => e.finish(body.length)), ragged: 0 },
		skippedRows: start,
	};
}

/** The most common count of filled cells among the non-empty rows (the larger on a tie). */
function modalFilled(filled: number[]): number {
	const freq = new Map<number, number>();
	let best = 0;
	let bestCount = 0;
	let seen = 0;
	for (const f of filled) {
		if (f === 0) continue;
		if (++seen > 1000) break;
		const n = (freq.get(f) ?? 0) + 1;
		freq.set(f, n);
		if (n > bestCount || (n === bestCount && f > best)) [best, bestCount] = [f, n];
	}
	return best;
}

/** A header row is labels: no filled cell reads as a number or a date. */
function isHeader(row: (string | null)[]): boolean {
	return row.every(
		(c) => c === null || (Number.isNaN(parseNumber(c, '.')) && detectDateFormat([c]) === null),
	);
}

function unknownSheet(name: string, sheets: string[]): UserError {
	const list = sheets.map((s) => `"${s}"`).join(', ');
	return new UserError('bad_option', {
		en: `The workbook has no sheet "${name}". Its sheets are: ${list}.`,
		zh: `工作簿中没有名为"${name}"的工作表。现有工作表：${sheets.map((s) => `"${s}"`).join('、')}。`,
	});
}

function emptySheet(name: string, sheets: string[]): UserError {
	const others = sheets.filter((s) => s !== name);
	return new UserError('empty_file', {
		en: `The sheet "${name}" is empty: there is nothing to analyse.${others.length ? ` Pick another sheet: ${others.map((s) => `"${s}"`).join(', ')}.` : ''}`,
		zh: `工作表"${name}"是空的，没有可分析的内容。${others.length ? `请选择其他工作表：${others.map((s) => `"${s}"`).join('、')}。` : ''}`,
	});
}
