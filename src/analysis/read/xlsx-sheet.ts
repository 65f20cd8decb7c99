/**
 * A worksheet's XML read in one streaming pass over its bytes: rows, cells and merged ranges go
 * straight into a SheetGrid, as read-excel-file 9 would read them (which cells are empty, the
 * text of each type, which rows and cells are out of place), without building the XML as a
 * string. Chunks may end anywhere: the element cut short is kept and read again with the next.
 */
import { dayFromCivil, formatTimestamp, isValidCivil, MS_PER_DAY } from '../dates';
import { FNV_OFFSET, FNV_PRIME, SheetGrid, hashBytes } from './xlsx-grid';
import {
	parseRange,
	readDateStyles,
	readSharedStrings,
	type CellRange,
	type Workbook,
} from './xlsx-parts';
import {
	AMP,
	APOSTROPHE,
	BANG,
	COLON,
	EQUALS,
	GT,
	LT,
	QUESTION,
	QUOTE,
	SLASH,
	decodeEntities,
	find,
	isName,
	isSpace,
	readRichText,
	skipMarkup,
	tagEnd,
	unescapeXlsx,
	utf8Text,
	xmlText,
} from './xlsx-xml';
import { findEntry, streamEntry, unreadableWorkbook } from './xlsx-zip';

/** What the sheet's cells refer to, read from the other parts of the workbook. */
export interface SheetContext {
	sharedStrings: readonly string[];
	/** For each cell style (`s`), whether its number format shows a date. */
	dateStyles: readonly boolean[];
	/** Serial dates count from 1904-01-01 (old Mac workbooks). */
	epoch1904: boolean;
}

/** Reads the sheet at `path` in one pass over its inflated XML: its cells in a grid, and its merged ranges. */
export async function readSheetGrid(
	book: Workbook,
	path: string,
): Promise<{ grid: SheetGrid; merges: CellRange[] }> {
	const entry = findEntry(book.entries, path);
	if (!entry) throw unreadableWorkbook(`${path} is missing`);
	const [sharedStrings, dateStyles] = await Promise.all([
		readSharedStrings(book),
		readDateStyles(book),
	]);
	const scanner = new SheetScanner({ sharedStrings, dateStyles, epoch1904: book.epoch1904 });
	await streamEntry(book.bytes, entry, (chunk) => scanner.push(chunk), { inflater: book.inflater });
	scanner.end();
	return { grid: scanner.grid, merges: scanner.merges };
}

/** Excel's last row and column: references beyond them are not a workbook's. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
/** The largest element (a cell with its text) held while waiting for the rest of it: 16 MiB. */
const MAX_ELEMENT_BYTES = 16 * 2 ** 20;

const enum Type {
	Number,
	Shared,
	Formula,
	Inline,
	Boolean,
	Error,
	Date,
	Invalid,
}

/** Attribute results: the tag ended here instead (`after`, `selfClosing` set). */
const TAG_END = -2;

const encoder = new TextEncoder();

export class SheetScanner {
	readonly grid: SheetGrid;
	readonly merges: CellRange[] = [];
	/** 0 before `<sheetData>`, 1 inside, 2 after. */
	private phase = 0;
	/** Bytes kept from the last chunk (an element cut short), then the chunks since. */
	private work = new Uint8Array(0);
	private kept = 0;
	private retryAt = 0;

	private inRow = false;
	/** The `r` of the open row (1-based), else of its first cell; 0 while unknown. */
	private rowNumber = 0;
	/** Rows so far, as a reader that fills gaps with empty rows counts them. */
	private rowsSeen = 0;
	/** The largest row number read. */
	private rowCount = 0;
	private lastColumn = 0;
	private cursorRow = 0;
	private cursorColumn = 0;

	// Results of attribute() and reference(), in fields to spare allocations.
	private nameStart = 0;
	private nameEnd = 0;
	private valueStart = 0;
	private valueEnd = 0;
	private after = 0;
	private selfClosing = false;
	private refRow = 0;
	private refColumn = 0;
	// The content of the cell being read.
	private vStart = -1;
	private vEnd = -1;
	private vText: string | undefined = undefined;
	private inline: string | undefined = undefined;
	private readonly rich = { text: '' };
	private readonly dateText: (serial: number) => string;

	constructor(private readonly context: SheetContext) {
		this.grid = new SheetGrid(context.sharedStrings);
		this.dateText = context.epoch1904 ? serial1904Text : serialText;
	}

	/** Reads the next bytes of the sheet's XML. */
	push(chunk: Uint8Array): void {
		let start = 0;
		if (this.kept > 0) {
			// The bytes kept are one element cut short. One longer than the chunks is read again
			// only once its bytes have doubled; else it is joined with as much of this chunk as
			// completes it, and the rest of the chunk is read where it lies.
			if (this.kept + chunk.length < this.retryAt) {
				this.append(chunk);
				return;
			}
			for (let k = Math.min(chunk.length, 4096); ; k = Math.min(chunk.length, k * 8)) {
				const n = this.kept + k;
				this.reserve(n);
				this.work.set(chunk.subarray(0, k), this.kept);
				const at = this.scan(this.work, 0, n);
				if (at >= this.kept) {
					start = at - this.kept;
					this.kept = 0;
					break;
				}
				if (at > 0 || k === chunk.length) {
					// Still cut short with all of the chunk (or, never in well-formed XML, more than
					// one element was kept): keep what is left of both.
					this.work.copyWithin(0, at, n);
					this.kept = n - at;
					this.append(chunk.subarray(k));
					const rest = this.scan(this.work, 0, this.kept);
					this.work.copyWithin(0, rest, this.kept);
					this.kept -= rest;
					this.retryAt = this.kept * 2;
					return;
				}
			}
		}
		const at = this.scan(chunk, start, chunk.length);
		if (at < chunk.length) {
			this.append(chunk.subarray(at));
			this.retryAt = this.kept * 2;
		}
	}

	/** Ends the sheet: its XML must not stop inside an element or inside `<sheetData>`. */
	end(): void {
		if (this.kept > 0 && this.scan(this.work, 0, this.kept) < this.kept) throw truncated();
		this.kept = 0;
		if (this.phase === 1) throw truncated();
		// Empty rows after the last value are dropped, unless they were numbered by position
		// alone (no `r`), as read-excel-file has it; merges may reach into them.
		if (this.grid.rows >= this.rowCount) this.grid.rows = this.rowsSeen;
	}

	/** Adds bytes to those kept, which stay one element cut short. */
	private append(bytes: Uint8Array): void {
		const length = this.kept + bytes.length;
		if (length > MAX_ELEMENT_BYTES) throw tooLong();
		this.reserve(length);
		this.work.set(bytes, this.kept);
		this.kept = length;
	}

	private reserve(size: number): void {
		if (size <= this.work.length) return;
		const next = new Uint8Array(Math.max(size, this.work.length * 2, 1 << 16));
		next.set(this.work.subarray(0, this.kept));
		this.work = next;
	}

	/** Reads the whole elements of `b[p, n)`; returns where the first incomplete one starts. */
	private scan(b: Uint8Array, p: number, n: number): number {
		for (;;) {
			while (p < n && b[p] !== LT) p++;
			if (p + 1 >= n) return p;
			const c = b[p + 1];
			let next: number;
			if (c === 99 && p + 2 < n && b[p + 2] === 32 && this.phase === 1)
				next = this.cell(b, p + 3, n);
			else if (c === SLASH) next = this.closeTag(b, p, n);
			else if (c === BANG || c === QUESTION) next = skipMarkup(b, p, n);
			else next = this.openTag(b, p, n);
			if (next < 0) return p;
			p = next;
		}
	}

	private openTag(b: Uint8Array, lt: number, n: number): number {
		let i = lt + 1;
		let start = i;
		while (i < n) {
			const c = b[i];
			if (c === SLASH || c === GT || isSpace(c)) break;
			if (c === COLON) start = i + 1;
			i++;
		}
		if (i >= n) return -1;
		const length = i - start;
		if (this.phase === 1) {
			if (length === 1 && b[start] === 99) return this.cell(b, i, n);
			if (length === 3 && isName(b, start, i, 'row')) return this.row(b, i, n);
		} else if (this.phase === 0) {
			if (isName(b, start, i, 'sheetData')) {
				const end = tagEnd(b, i, n);
				if (end < 0) return -1;
				this.phase = b[end - 1] === SLASH ? 2 : 1;
				return end + 1;
			}
		} else if (length === 9 && isName(b, start, i, 'mergeCell')) return this.mergeCell(b, i, n);
		const end = tagEnd(b, i, n);
		return end < 0 ? -1 : end + 1;
	}

	private closeTag(b: Uint8Array, lt: number, n: number): number {
		const end = tagEnd(b, lt + 2, n);
		if (end < 0) return -1;
		if (this.phase === 1) {
			let start = lt + 2;
			let i = start;
			while (i < end && !isSpace(b[i])) if (b[i++] === COLON) start = i;
			if (isName(b, start, i, 'row')) this.closeRow();
			else if (isName(b, start, i, 'sheetData')) {
				this.closeRow();
				this.phase = 2;
			}
		}
		return end + 1;
	}

	/**
	 * Reads the attribute after `i` into nameStart/nameEnd (its local name) and
	 * valueStart/valueEnd; returns the index past it, TAG_END when the tag ends instead, or -1
	 * when the bytes run out.
	 */
	private attribute(b: Uint8Array, i: number, n: number): number {
		while (i < n && isSpace(b[i])) i++;
		if (i >= n) return -1;
		let c = b[i];
		if (c === GT || c === SLASH) {
			const end = c === GT ? i : tagEnd(b, i, n);
			if (end < 0) return -1;
			this.after = end + 1;
			this.selfClosing = c === SLASH;
			return TAG_END;
		}
		let start = i;
		while (i < n) {
			c = b[i];
			if (c === EQUALS || c === GT || c === SLASH || isSpace(c)) break;
			if (c === COLON) start = i + 1;
			i++;
		}
		this.nameStart = start;
		this.nameEnd = i;
		while (i < n && isSpace(b[i])) i++;
		if (i >= n) return -1;
		if (b[i] !== EQUALS) throw malformed(this.rowsSeen + 1);
		i++;
		while (i < n && isSpace(b[i])) i++;
		if (i >= n) return -1;
		const q = b[i];
		if (q !== QUOTE && q !== APOSTROPHE) throw malformed(this.rowsSeen + 1);
		const close = find(b, q, i + 1, n);
		if (close < 0) return -1;
		this.valueStart = i + 1;
		this.valueEnd = close;
		return close + 1;
	}

	private row(b: Uint8Array, i: number, n: number): number {
		let r = 0;
		for (;;) {
			const k = this.attribute(b, i, n);
			if (k === -1) return -1;
			if (k === TAG_END) break;
			i = k;
			if (this.nameEnd - this.nameStart === 1 && b[this.nameStart] === 114)
				r = positiveInteger(b, this.valueStart, this.valueEnd);
		}
		this.closeRow();
		if (r > MAX_ROW) throw beyondLimits(`row ${r}`);
		this.inRow = true;
		this.rowNumber = r;
		this.lastColumn = 0;
		if (this.selfClosing) this.closeRow();
		return this.after;
	}

	private closeRow(): void {
		if (!this.inRow) return;
		if (this.rowNumber) {
			if (this.rowNumber <= this.rowsSeen) throw outOfPlaceRow(this.rowNumber, this.rowsSeen);
			this.rowsSeen = this.rowNumber;
			this.rowCount = this.rowNumber;
		} else this.rowsSeen++;
		this.inRow = false;
		this.rowNumber = 0;
	}

	private mergeCell(b: Uint8Array, i: number, n: number): number {
		for (;;) {
			const k = this.attribute(b, i, n);
			if (k === -1) return -1;
			if (k === TAG_END) return this.after;
			i = k;
			if (isName(b, this.nameStart, this.nameEnd, 'ref')) {
				const range = parseRange(xmlText(b, this.valueStart, this.valueEnd));
				if (range) this.merges.push(range);
			}
		}
	}

	/**
	 * Reads a `<c>` element whole (the name read up to `i`); -1 when it is cut short. The hot loop
	 * of the reader: the usual attributes (`r="A1"`, `s="3"`, `t="s"`) and content
	 * (`<v>text</v></c>`) are read as they stand, anything else in full.
	 */
	private cell(b: Uint8Array, i: number, n: number): number {
		let type = Type.Number;
		/** The `s` attribute: -1 absent or empty, -2 not a style index. */
		let style = -1;
		let column = 0;
		let row = 0;
		let selfClosing = false;
		for (;;) {
			if (i >= n) return -1;
			let c = b[i];
			if (c === 32) {
				i++;
				continue;
			}
			if (c === GT) {
				i++;
				break;
			}
			if (i + 3 < n && b[i + 1] === EQUALS && b[i + 2] === QUOTE) {
				let j = i + 3;
				if (c === 114) {
					let x = 0;
					let y = 0;
					while (j < n && (c = b[j]) >= 65 && c <= 90) {
						x = x * 26 + c - 64;
						j++;
					}
					while (j < n && (c = b[j]) >= 48 && c <= 57 && y <= MAX_ROW) {
						y = y * 10 + c - 48;
						j++;
					}
					if (j < n && c === QUOTE && y > 0) {
						column = x;
						row = y;
						i = j + 1;
						continue;
					}
				} else if (c === 115) {
					let x = 0;
					while (j < n && (c = b[j]) >= 48 && c <= 57 && x < 1e9) {
						x = x * 10 + c - 48;
						j++;
					}
					if (j < n && c === QUOTE && j > i + 3) {
						style = x;
						i = j + 1;
						continue;
					}
				} else if (c === 116 && j + 1 < n && b[j + 1] === QUOTE) {
					type = typeLetter(b[j]);
					i = j + 2;
					continue;
				}
			}
			const k = this.attribute(b, i, n);
			if (k === -1) return -1;
			if (k === TAG_END) {
				i = this.after;
				selfClosing = this.selfClosing;
				break;
			}
			i = k;
			if (this.nameEnd - this.nameStart !== 1) continue;
			const which = b[this.nameStart];
			if (which !== 114 && which !== 116 && which !== 115) continue;
			let vb = b;
			let vs = this.valueStart;
			let ve = this.valueEnd;
			if (hasAmpersand(b, vs, ve)) {
				vb = encoder.encode(decodeEntities(utf8Text(b, vs, ve)));
				vs = 0;
				ve = vb.length;
			}
			if (which === 114) {
				this.reference(vb, vs, ve);
				column = this.refColumn;
				row = this.refRow;
			} else if (which === 116) type = cellType(vb, vs, ve);
			else style = ve > vs ? styleIndex(vb, vs, ve) : -1;
		}
		this.vStart = -1;
		this.vText = undefined;
		this.inline = undefined;
		let hash = FNV_OFFSET;
		/** The value when it is 1 to 9 digits, else -1. */
		let digits = -1;
		if (!selfClosing) {
			let j = i + 3;
			let direct = false;
			if (j < n && b[i] === LT && b[i + 1] === 118 && b[i + 2] === GT) {
				let c = 0;
				let x = 0;
				let plain = true;
				while (j < n && (c = b[j]) !== LT && c !== AMP) {
					hash = Math.imul(hash ^ c, FNV_PRIME);
					if (c >= 48 && c <= 57) x = x * 10 + c - 48;
					else plain = false;
					j++;
				}
				direct =
					j + 7 < n &&
					c === LT &&
					b[j + 1] === SLASH &&
					b[j + 2] === 118 &&
					b[j + 3] === GT &&
					b[j + 4] === LT &&
					b[j + 5] === SLASH &&
					b[j + 6] === 99 &&
					b[j + 7] === GT;
				if (direct) {
					this.vStart = i + 3;
					this.vEnd = j;
					if (plain && j > i + 3 && j - i - 3 <= 9) digits = x;
					i = j + 8;
				}
			}
			if (!direct) {
				i = this.cellContent(b, i, n);
				if (i < 0) return -1;
				if (this.vStart >= 0) hash = hashBytes(b, this.vStart, this.vEnd);
			}
		}
		// Both stay small integers (31 bits), which V8 passes without boxing.
		this.place(b, type, style, column, row, hash & 0x3fffffff, digits);
		return i;
	}

	/** Reads what a cell holds up to its `</c>`: `<v>` into vStart/vEnd or vText, `<is>` into inline. */
	private cellContent(b: Uint8Array, i: number, n: number): number {
		for (;;) {
			const lt = find(b, LT, i, n);
			if (lt < 0 || lt + 1 >= n) return -1;
			const c = b[lt + 1];
			if (c === BANG || c === QUESTION) {
				i = skipMarkup(b, lt, n);
				if (i < 0) return -1;
				continue;
			}
			const close = c === SLASH;
			let j = close ? lt + 2 : lt + 1;
			let start = j;
			while (j < n) {
				const d = b[j];
				if (d === SLASH || d === GT || isSpace(d)) break;
				if (d === COLON) start = j + 1;
				j++;
			}
			const end = tagEnd(b, j, n);
			if (end < 0) return -1;
			if (close) {
				if (j - start === 1 && b[start] === 99) return end + 1;
				i = end + 1;
				continue;
			}
			const selfClosing = b[end - 1] === SLASH;
			if (j - start === 1 && b[start] === 118) {
				if (selfClosing) {
					this.vStart = -1;
					this.vText = '';
					i = end + 1;
				} else {
					i = this.value(b, end + 1, n);
					if (i < 0) return -1;
				}
			} else if (j - start === 2 && b[start] === 105 && b[start + 1] === 115) {
				if (selfClosing) {
					this.inline = '';
					i = end + 1;
				} else {
					i = readRichText(b, end + 1, n, 'is', this.rich);
					if (i < 0) return -1;
					this.inline = unescapeXlsx(this.rich.text);
				}
			} else i = end + 1;
		}
	}

	/** Reads the text of `<v>` up to its end tag: plain bytes into vStart/vEnd, else into vText. */
	private value(b: Uint8Array, i: number, n: number): number {
		const lt = find(b, LT, i, n);
		if (lt < 0 || lt + 1 >= n) return -1;
		if (b[lt + 1] === SLASH && !hasAmpersand(b, i, lt)) {
			const end = tagEnd(b, lt + 2, n);
			if (end < 0) return -1;
			this.vStart = i;
			this.vEnd = lt;
			return end + 1;
		}
		// Entities, comments or CDATA sections: the text nodes and sections joined.
		let text = '';
		for (let at = i; ;) {
			const next = find(b, LT, at, n);
			if (next < 0 || next + 1 >= n) return -1;
			text += xmlText(b, at, next);
			const c = b[next + 1];
			if (c === BANG || c === QUESTION) {
				const end = skipMarkup(b, next, n);
				if (end < 0) return -1;
				if (b[next + 2] === 91) text += utf8Text(b, next + 9, end - 3);
				at = end;
				continue;
			}
			const end = tagEnd(b, next + 1, n);
			if (end < 0) return -1;
			if (c === SLASH) {
				this.vStart = -1;
				this.vText = text;
				return end + 1;
			}
			at = end + 1;
		}
	}

	/** Reads the cell reference `b[s, e)` (`AB12`) into refRow and refColumn, 0 for a missing part. */
	private reference(b: Uint8Array, s: number, e: number): void {
		let column = 0;
		let i = s;
		for (; i < e; i++) {
			const c = b[i] | 0x20;
			if (c < 97 || c > 122) break;
			column = column * 26 + (c - 96);
		}
		const row = positiveInteger(b, i, e);
		if (i < e && row === 0) throw badReference(utf8Text(b, s, e));
		this.refColumn = column;
		this.refRow = row;
	}

	/**
	 * Puts the value of the cell just read in the grid, or throws as read-excel-file does: at
	 * (`row`, `column`) of its reference, 0 for a part not given. `hash` is that of its `<v>`
	 * bytes and `digits` their value when they are digits only (else -1).
	 */
	private place(
		b: Uint8Array,
		type: Type,
		style: number,
		column: number,
		row: number,
		hash: number,
		digits: number,
	): void {
		column ||= this.lastColumn + 1;
		row ||= this.rowNumber || this.rowsSeen + 1;
		if (column > MAX_COLUMN || row > MAX_ROW) throw beyondLimits(`column ${column} of row ${row}`);
		if (!this.inRow) throw malformed(row);
		if (row < this.cursorRow || (row === this.cursorRow && column <= this.cursorColumn))
			throw unreadableWorkbook(
				`cell ${column} of row ${row} follows cell ${this.cursorColumn} of row ${this.cursorRow}`,
			);
		this.cursorRow = row;
		this.cursorColumn = column;
		this.lastColumn = column;
		if (!this.rowNumber) {
			if (row <= this.rowsSeen) throw outOfPlaceRow(row, this.rowsSeen);
			this.rowNumber = row;
		}
		const r = this.rowNumber - 1;
		const c = column - 1;
		const vs = this.vStart;
		const empty = vs >= 0 ? this.vEnd === vs : !this.vText;
		if (type === Type.Shared) {
			if (empty) return;
			const strings = this.context.sharedStrings.length;
			if (digits >= 0 && digits < strings) this.grid.shared(r, c, digits);
			else {
				const x = Number(this.valueText(b));
				if (!(x >= 0 && x < strings && Number.isInteger(x)))
					throw invalidCell(row, column, 'VALUE_INVALID');
				this.grid.shared(r, c, x);
			}
		} else if (type === Type.Number) {
			if (empty) return;
			const date = style !== -1 && this.isDateStyle(style, row, column) ? this.dateText : null;
			const ok =
				vs >= 0
					? this.grid.number(r, c, b, vs, this.vEnd, hash, date)
					: this.numberText(r, c, this.vText!, date);
			if (!ok) throw invalidCell(row, column, 'VALUE_INVALID');
		} else this.placeOther(b, type, r, c, row, column, empty);
	}

	private numberText(
		r: number,
		c: number,
		text: string,
		date: ((serial: number) => string) | null,
	): boolean {
		const bytes = encoder.encode(text);
		return this.grid.number(r, c, bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length), date);
	}

	private placeOther(
		b: Uint8Array,
		type: Type,
		r: number,
		c: number,
		row: number,
		column: number,
		empty: boolean,
	): void {
		switch (type) {
			case Type.Formula:
				if (!empty) this.grid.text(r, c, unescapeXlsx(this.valueText(b)));
				return;
			case Type.Inline:
				if (this.inline !== undefined) this.grid.text(r, c, this.inline);
				return;
			case Type.Boolean: {
				if (empty) return;
				const v = this.valueText(b);
				if (v !== '1' && v !== '0') throw invalidCell(row, column, 'VALUE_INVALID');
				this.grid.text(r, c, v === '1' ? 'TRUE' : 'FALSE');
				return;
			}
			case Type.Error:
				return;
			case Type.Date: {
				if (empty) return;
				const v = this.valueText(b);
				if (Number.isNaN(new Date(v).valueOf())) throw invalidCell(row, column, 'VALUE_INVALID');
				this.grid.text(r, c, isoDateText(v.trim()));
				return;
			}
			default:
				throw invalidCell(row, column, 'TYPE_INVALID');
		}
	}

	private isDateStyle(style: number, row: number, column: number): boolean {
		const dates = this.context.dateStyles;
		if (style < 0 || style >= dates.length) throw invalidCell(row, column, 'FORMAT_INVALID');
		return dates[style];
	}

	private valueText(b: Uint8Array): string {
		return this.vStart >= 0 ? utf8Text(b, this.vStart, this.vEnd) : this.vText!;
	}
}

function hasAmpersand(b: Uint8Array, s: number, e: number): boolean {
	for (let i = s; i < e; i++) if (b[i] === AMP) return true;
	return false;
}

/** The type of a one-letter `t`. */
function typeLetter(c: number): Type {
	switch (c) {
		case 115:
			return Type.Shared;
		case 110:
			return Type.Number;
		case 98:
			return Type.Boolean;
		case 101:
			return Type.Error;
		case 100:
			return Type.Date;
	}
	return Type.Invalid;
}

/** The value of a cell type attribute; `t=""` is a number, as no `t` is. */
function cellType(b: Uint8Array, s: number, e: number): Type {
	switch (e - s) {
		case 0:
			return Type.Number;
		case 1:
			switch (b[s]) {
				case 110:
					return Type.Number;
				case 115:
					return Type.Shared;
				case 98:
					return Type.Boolean;
				case 101:
					return Type.Error;
				case 100:
					return Type.Date;
			}
			return Type.Invalid;
		case 3:
			return isName(b, s, e, 'str') ? Type.Formula : Type.Invalid;
		case 9:
			return isName(b, s, e, 'inlineStr') ? Type.Inline : Type.Invalid;
	}
	return Type.Invalid;
}

function styleIndex(b: Uint8Array, s: number, e: number): number {
	const direct = positiveInteger(b, s, e);
	if (direct > 0 || (e - s === 1 && b[s] === 48)) return direct;
	const x = Number(utf8Text(b, s, e));
	return Number.isInteger(x) && x >= 0 ? x : -2;
}

/** The positive integer written `b[s, e)` in digits only, else 0. */
function positiveInteger(b: Uint8Array, s: number, e: number): number {
	if (e <= s || e - s > 15) return 0;
	let x = 0;
	for (let i = s; i < e; i++) {
		const d = b[i] - 48;
		if (d < 0 || d > 9) return 0;
		x = x * 10 + d;
	}
	return x;
}

/** The wall-clock text of an Excel serial date (days since 1899-12-30), to the second. */
export function serialText(serial: number): string {
	// As read-excel-file: floored to the ms, then rounded to the second (10:00 is a binary
	// fraction of a day and can arrive as 09:59:59.999).
	const ms = Math.floor((serial - 25569) * MS_PER_DAY);
	return formatTimestamp(Math.abs(ms) <= 8.64e15 ? Math.round(ms / 1000) * 1000 : NaN);
}

/** The same for a workbook whose dates count from 1904-01-01 (`date1904`). */
function serial1904Text(serial: number): string {
	return serialText(serial + 1462);
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

function tooLong(): Error {
	return unreadableWorkbook(
		`an element of the sheet is longer than ${MAX_ELEMENT_BYTES / 2 ** 20} MB`,
	);
}

function truncated(): Error {
	return unreadableWorkbook('the sheet ends in the middle of its data');
}

function malformed(row: number): Error {
	return unreadableWorkbook(`malformed XML in the sheet near row ${row}`);
}

function badReference(ref: string): Error {
	return unreadableWorkbook(`<c r="${ref}">`);
}

function beyondLimits(what: string): Error {
	return unreadableWorkbook(`${what} lies beyond Excel's last row or column`);
}

function outOfPlaceRow(row: number, previous: number): Error {
	return unreadableWorkbook(`Out-of-place <row/> number ${row} follows <row/> number ${previous}`);
}

function invalidCell(row: number, column: number, error: string): Error {
	return unreadableWorkbook(`<c/> at row ${row}, col ${column}: ${error}`);
}
