/**
 * Excel workbooks (.xlsx, §7), read by our own code over fflate and the platform's
 * DecompressionStream: the small parts whole (xlsx-parts.ts), the sheet in one streaming pass over
 * its bytes (xlsx-sheet.ts) into a grid of dictionary-encoded columns (xlsx-grid.ts). One sheet
 * is read into the shape of decoded.ts.
 */
import { UserError } from '../../shared/errors';
import { formatTimestamp } from '../dates';
import type { DecodedTable } from './decoded';
import type { RawColumn } from './table';
import { detectDateFormat, parseNumber } from './values';
import { SheetGrid } from './xlsx-grid';
import { openWorkbook, type CellRange } from './xlsx-parts';
import { isoDateText, readSheetGrid } from './xlsx-sheet';

export { isoDateText };

/** A cell as a JavaScript value: text, number, boolean or the Date of a serial date. */
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
	const book = await openWorkbook(bytes);
	const names = book.sheets.map((s) => s.name);
	const entry = options.sheet ? pickSheet(book.sheets, options.sheet) : book.sheets[0];
	if (!entry) throw unknownSheet(options.sheet!, names);
	const { grid, merges } = await readSheetGrid(book, entry.path);
	const table = tableOfGrid(grid, merges);
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
 * The text of a cell value: null when empty, numbers as JavaScript writes them, booleans as
 * TRUE/FALSE, and the Date of a serial date as its wall clock (UTC fields) to the second. `iso`
 * is the written text of an ISO date cell (`t="d"`), which wins over the Date.
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

type Table = Pick<DecodedTable, 'header' | 'columns' | 'skippedRows'>;

/** The table found in a sheet's cells (as text, null when empty), or null for an empty sheet. */
export function tableOfCells(cells: (string | null)[][], merges: CellRange[] = []): Table | null {
	return tableOfGrid(SheetGrid.fromCells(cells), merges);
}

/**
 * The table found in a sheet's grid, or null for an empty sheet. Title rows (a report name, a
 * date range, blank lines) above it fill far fewer cells than the table; merged cells from the
 * table's first row down take their top-left value everywhere, so that a merged header names each
 * column it spans; empty rows and the columns with neither a header nor a value are left out.
 * Merges are written into the grid.
 */
export function tableOfGrid(grid: SheetGrid, merges: CellRange[] = []): Table | null {
	const rows = grid.rows;
	const width = grid.width;
	const filled = (r: number) => (r < grid.filled.length ? grid.filled[r] : 0);
	const modal = modalFilled(grid.filled.subarray(0, Math.min(rows, grid.filled.length)));
	if (modal === 0) return null;
	let start = 0;
	while (filled(start) * 2 <= modal) start++;
	const touched = new Uint8Array(rows);
	for (const m of merges) {
		if (m.top < start) continue;
		const v = m.top < rows ? grid.get(m.top, m.left) : null;
		for (let r = m.top; r <= m.bottom && r < rows; r++) {
			touched[r] = 1;
			for (let c = m.left; c <= Math.min(m.right, width - 1); c++) grid.put(r, c, v);
		}
	}
	const rowText = (r: number) => Array.from({ length: width }, (_, c) => grid.get(r, c));
	const hasHeader = isHeader(rowText(start));
	const header = hasHeader ? rowText(start).map((c) => (c ?? '').trim()) : [];
	const body: number[] = [];
	for (let r = hasHeader ? start + 1 : start; r < rows; r++) {
		if (touched[r] ? rowText(r).some((c) => c !== null) : filled(r) > 0) body.push(r);
	}
	const keep: number[] = [];
	const columns: RawColumn[] = [];
	for (let c = 0; c < width; c++) {
		const column = bodyColumn(grid, c, body);
		if ((header[c] ?? '') === '' && column.values.length === 0) continue;
		keep.push(c);
		columns.push(column);
	}
	return {
		header: hasHeader ? keep.map((c) => header[c] ?? '') : null,
		columns: { rows: body.length, columns, ragged: 0 },
		skippedRows: start,
	};
}

/** Column c over the body rows, its values renumbered in order of first appearance. */
function bodyColumn(grid: SheetGrid, c: number, body: number[]): RawColumn {
	const codes = new Int32Array(body.length).fill(-1);
	const values: string[] = [];
	const source = grid.columnCodes(c);
	if (source === null) return { codes, values };
	const remap = new Int32Array(source.values.length).fill(-1);
	for (let k = 0; k < body.length; k++) {
		const r = body[k];
		const code = r < source.codes.length ? source.codes[r] : -1;
		if (code < 0) continue;
		if (remap[code] < 0) {
			remap[code] = values.length;
			values.push(source.values[code]);
		}
		codes[k] = remap[code];
	}
	return { codes, values };
}

/** The most common count of filled cells among the non-empty rows (the larger on a tie). */
function modalFilled(filled: Int32Array): number {
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
