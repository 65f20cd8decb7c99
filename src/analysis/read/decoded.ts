/**
 * The shape every reader other than the CSV one produces: the rows already dictionary-encoded the
 * way the CSV reader encodes them, so cleaning, roles and every analysis read all formats alike.
 */
import type { Warning } from '../types';
import type { Encoding } from './sniff';
import type { RawColumn, RawColumns } from './table';

/** A table read from an xlsx, Parquet or JSON file (§7). */
export interface DecodedTable {
	format: 'xlsx' | 'parquet' | 'json';
	encoding: Encoding;
	/** Size of the file read, in bytes. */
	byteLength: number;
	/** The header cells as found (empty or repeated names allowed); null when there is none. */
	header: string[] | null;
	/** Every data row. */
	columns: RawColumns;
	/** Rows above the header skipped as titles. */
	skippedRows: number;
	/** The sheet read (xlsx only). */
	sheet?: string;
	/** Every sheet of the workbook, in order (xlsx only). */
	sheets?: string[];
	warnings: Warning[];
}

/**
 * Dictionary-encodes one column of texts: `set(row, text)` in any row order, null or '' for a
 * missing value (code −1, as for an empty CSV field).
 */
export class ColumnEncoder {
	private codes = new Int32Array(256).fill(-1);
	private index = new Map<string, number>();
	private values: string[] = [];

	set(row: number, text: string | null): void {
		if (row >= this.codes.length) {
			const next = new Int32Array(Math.max(row + 1, this.codes.length * 2)).fill(-1);
			next.set(this.codes);
			this.codes = next;
		}
		if (text === null || text === '') {
			this.codes[row] = -1;
			return;
		}
		let code = this.index.get(text);
		if (code === undefined) {
			code = this.values.length;
			this.values.push(text);
			this.index.set(text, code);
		}
		this.codes[row] = code;
	}

	/**
	 * The column of the first `rows` rows, its values renumbered in order of first appearance by
	 * row: readers may fill rows out of order, and the sample of the first rows must use a prefix
	 * of the values (readTable relies on it).
	 */
	finish(rows: number): RawColumn {
		const codes = new Int32Array(rows);
		const remap = new Int32Array(this.values.length).fill(-1);
		const values: string[] = [];
		const n = Math.min(rows, this.codes.length);
		for (let r = 0; r < n; r++) {
			const c = this.codes[r];
			if (c < 0) {
				codes[r] = -1;
				continue;
			}
			if (remap[c] < 0) {
				remap[c] = values.length;
				values.push(this.values[c]);
			}
			codes[r] = remap[c];
		}
		codes.fill(-1, n);
		return { codes, values };
	}
}
