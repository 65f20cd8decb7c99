/**
 * The cells of a sheet as they are read, column by column: each column a dictionary of texts and
 * an Int32Array of codes by row (−1 when empty), so a million rows cost four bytes a cell and the
 * texts of repeated values are built once.
 */
import { UserError } from '../../shared/errors';
import { utf8Text } from './xlsx-xml';

interface GridColumn {
	codes: Int32Array;
	values: string[];
	index: Map<string, number>;
	/** Code of each shared string read in this column (−1 until read). */
	shared: Int32Array | null;
	numbers: ByteCodes | null;
	dates: ByteCodes | null;
}

/**
 * Codes by the bytes of a value as written (a number, a serial date), in an open-addressing table:
 * a value met again costs a hash and a comparison of its bytes, no parse and no string.
 */
class ByteCodes {
	hashes = new Int32Array(256);
	codes = new Int32Array(256).fill(-1);
	starts = new Int32Array(256);
	lengths = new Int32Array(256);
	bytes = new Uint8Array(4096);
	private used = 0;
	private size = 0;

	/** The slot of `b[s, e)` with hash `h`: its code is codes[slot], −1 when absent. */
	slot(b: Uint8Array, s: number, e: number, h: number): number {
		const mask = this.codes.length - 1;
		const length = e - s;
		for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
			if (this.codes[i] < 0) return i;
			if (this.hashes[i] !== h || this.lengths[i] !== length) continue;
			const at = this.starts[i];
			let k = 0;
			while (k < length && this.bytes[at + k] === b[s + k]) k++;
			if (k === length) return i;
		}
	}

	/** Fills an empty slot; the slots found before may move. */
	put(slot: number, b: Uint8Array, s: number, e: number, h: number, code: number): void {
		const length = e - s;
		if (this.used + length > this.bytes.length) {
			const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
			next.set(this.bytes.subarray(0, this.used));
			this.bytes = next;
		}
		for (let k = 0; k < length; k++) this.bytes[this.used + k] = b[s + k];
		this.hashes[slot] = h;
		this.codes[slot] = code;
		this.starts[slot] = this.used;
		this.lengths[slot] = length;
		this.used += length;
		if (++this.size * 2 > this.codes.length) this.rehash();
	}

	private rehash(): void {
		const { hashes, codes, starts, lengths } = this;
		const size = codes.length * 2;
		const mask = size - 1;
		this.hashes = new Int32Array(size);
		this.codes = new Int32Array(size).fill(-1);
		this.starts = new Int32Array(size);
		this.lengths = new Int32Array(size);
		for (let j = 0; j < codes.length; j++) {
			if (codes[j] < 0) continue;
			const h = hashes[j];
			let i = (h ^ (h >>> 15)) & mask;
			while (this.codes[i] >= 0) i = (i + 1) & mask;
			this.hashes[i] = h;
			this.codes[i] = codes[j];
			this.starts[i] = starts[j];
			this.lengths[i] = lengths[j];
		}
	}
}

/**
 * The FNV-1a hash of `b[s, e)`, its low 30 bits (a small integer to V8), as the sheet reader
 * computes it while reading a value.
 */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
	let h = FNV_OFFSET;
	for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
	return h & 0x3fffffff;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** The most cells (rows × columns with a value) held: 2^27, half a GiB of codes. */
export const MAX_GRID_CELLS = 2 ** 27;

/**
 * Entries of the per-column arrays of shared-string codes, in all (64 MiB); columns beyond it look
 * their shared strings up by text.
 */
const MAX_SHARED_CODES = 2 ** 24;

export class SheetGrid {
	/** Rows up to the last one with a value. */
	rows = 0;
	/** Columns up to the last one with a value. */
	width = 0;
	/** Cells with a value in each row, as read. */
	filled = new Int32Array(1024);
	private columns: (GridColumn | undefined)[] = [];
	private allocated = 0;
	private sharedCodes = 0;

	/** `maxCells` bounds the codes held, a too_large error beyond. */
	constructor(
		private readonly sharedStrings: readonly string[] = [],
		private readonly maxCells = MAX_GRID_CELLS,
	) {}

	/** The grid of rows of texts (null when empty), as tableOfCells takes them. */
	static fromCells(cells: (string | null)[][]): SheetGrid {
		const grid = new SheetGrid();
		cells.forEach((row, r) => row.forEach((t, c) => t !== null && grid.text(r, c, t)));
		grid.rows = cells.length;
		grid.width = cells.reduce((n, row) => Math.max(n, row.length), 0);
		return grid;
	}

	/** Sets the empty cell (r, c) to `text` ('' leaves it empty). */
	text(r: number, c: number, text: string): void {
		if (text === '') return;
		const col = this.column(r, c);
		col.codes[r] = code(col, text);
		this.count(r, c);
	}

	/** Sets the empty cell (r, c) to shared string `i` (which must exist). */
	shared(r: number, c: number, i: number): void {
		const text = this.sharedStrings[i];
		if (text === '') return;
		const col = this.column(r, c);
		if (col.shared === null && this.sharedCodes + this.sharedStrings.length <= MAX_SHARED_CODES) {
			col.shared = new Int32Array(this.sharedStrings.length).fill(-1);
			this.sharedCodes += this.sharedStrings.length;
		}
		if (col.shared !== null) {
			let k = col.shared[i];
			if (k < 0) k = col.shared[i] = code(col, text);
			col.codes[r] = k;
		} else col.codes[r] = code(col, text);
		this.count(r, c);
	}

	/**
	 * Sets the empty cell (r, c) to the number written `b[s, e)` (hash `h`, from hashBytes): as
	 * JavaScript writes it, or as `date` writes a serial date (the same function for a sheet).
	 * False when the text is not a number.
	 */
	number(
		r: number,
		c: number,
		b: Uint8Array,
		s: number,
		e: number,
		h: number,
		date: ((serial: number) => string) | null,
	): boolean {
		const col = this.column(r, c);
		const table = date ? (col.dates ??= new ByteCodes()) : (col.numbers ??= new ByteCodes());
		const slot = table.slot(b, s, e, h);
		let k = table.codes[slot];
		if (k < 0) {
			const x = Number(utf8Text(b, s, e));
			if (Number.isNaN(x)) return false;
			k = code(col, date ? date(x) : String(x));
			table.put(slot, b, s, e, h, k);
		}
		col.codes[r] = k;
		this.count(r, c);
		return true;
	}

	/** The text of cell (r, c), null when empty. */
	get(r: number, c: number): string | null {
		const col = this.columns[c];
		if (col === undefined || r >= col.codes.length) return null;
		const k = col.codes[r];
		return k < 0 ? null : col.values[k];
	}

	/** Overwrites cell (r, c) with `text` (null empties it); `filled` keeps the counts as read. */
	put(r: number, c: number, text: string | null): void {
		if (text === null || text === '') {
			const col = this.columns[c];
			if (col !== undefined && r < col.codes.length) col.codes[r] = -1;
			return;
		}
		const col = this.column(r, c);
		col.codes[r] = code(col, text);
	}

	/** The codes and texts of column c (null when it never held a value). */
	columnCodes(c: number): { codes: Int32Array; values: string[] } | null {
		return this.columns[c] ?? null;
	}

	private column(r: number, c: number): GridColumn {
		let col = this.columns[c];
		if (col === undefined) {
			while (this.columns.length < c) this.columns.push(undefined);
			const codes = this.grow(new Int32Array(0), r, c);
			col = { codes, values: [], index: new Map(), shared: null, numbers: null, dates: null };
			this.columns[c] = col;
		} else if (r >= col.codes.length) col.codes = this.grow(col.codes, r, c);
		return col;
	}

	private grow(codes: Int32Array, r: number, c: number): Int32Array {
		const size = Math.max(1024, codes.length * 2, r + 1);
		this.allocated += size - codes.length;
		if (this.allocated > this.maxCells)
			throw tooManyCells(Math.max(this.rows, r + 1), Math.max(this.width, c + 1), this.maxCells);
		const next = new Int32Array(size).fill(-1);
		next.set(codes);
		return next;
	}

	private count(r: number, c: number): void {
		if (r >= this.filled.length) {
			const next = new Int32Array(Math.max(r + 1, this.filled.length * 2));
			next.set(this.filled);
			this.filled = next;
		}
		this.filled[r]++;
		if (r >= this.rows) this.rows = r + 1;
		if (c >= this.width) this.width = c + 1;
	}
}

function code(col: GridColumn, text: string): number {
	let k = col.index.get(text);
	if (k === undefined) {
		k = col.values.length;
		col.values.push(text);
		col.index.set(text, k);
	}
	return k;
}

function tooManyCells(rows: number, columns: number, cells: number): UserError {
	const [r, c, max] = [rows, columns, cells].map((n) => n.toLocaleString('en-US'));
	return new UserError('too_large', {
		en: `This sheet is too large to read here: its values spread over ${r} rows and ${c} columns, more than ${max} cells. Delete the rows or columns you do not need, or save the sheet as CSV, and try again.`,
		zh: `此工作表过大，无法在此读取：其数据分布在 ${r} 行、${c} 列中，超过 ${max} 个单元格。请删除不需要的行或列，或将工作表另存为 CSV 后重试。`,
	});
}
