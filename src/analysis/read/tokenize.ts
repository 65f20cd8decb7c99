import { ByteDictionary, grow } from './dictionary';

/** How a delimited text file is laid out. */
export interface Dialect {
	/** The field delimiter, one character (`\t` for tab). */
	delimiter: string;
	/** Runs of spaces and tabs count as one delimiter, and leading ones are ignored (space-aligned files). */
	collapse: boolean;
	/** The quote character, or null when fields are never quoted. */
	quote: string | null;
	/** The escape character inside quotes: the quote itself (doubling), `\`, or null. */
	escape: string | null;
	/** 0 when the line after the preamble is a header row, null when the file has none. */
	headerRow: number | null;
	/** Preamble lines (titles, notes) before the table. */
	skippedLines: number;
	/**
	 * Lines after the table that are not rows of it (a total row, a note), counted up to the last
	 * non-blank line; absent means 0. tokenize() stops before them when it reads to the end.
	 */
	footerLines?: number;
}

export interface TokenColumn {
	dict: ByteDictionary;
	/** Dictionary code per row; −1 for an empty or absent field. */
	codes: Int32Array;
}

export interface Tokenized {
	rows: number;
	/** Fields found on each row. */
	fieldCounts: Int32Array;
	/** Per column; null for a column that was skipped. */
	columns: (TokenColumn | null)[];
	/** Byte offset where reading stopped. */
	end: number;
	/** Quoted fields with text after the closing quote, or never closed: a sign of a wrong dialect. */
	malformed: number;
}

/**
 * Rows read so far from a text read in chunks: pass the same state to the tokenize() of every
 * chunk and it continues the rows, columns and dictionaries in place. Start from newTokenState().
 */
export interface TokenState {
	rows: number;
	/** Fields per row, at capacity: entries from `rows` on are not rows yet. */
	fieldCounts: Int32Array;
	/** Per column, with its codes at capacity; null for a column that was skipped. */
	columns: (TokenColumn | null)[];
	malformed: number;
}

/** An empty state for tokenize()'s `into`: no rows yet. */
export function newTokenState(): TokenState {
	return { rows: 0, fieldCounts: new Int32Array(0), columns: [], malformed: 0 };
}

export interface TokenizeOptions {
	/** Which columns to keep; null keeps all, growing as rows widen. */
	keep?: boolean[] | null;
	/** Stop when this many rows are read (counting those of `into`). */
	maxRows?: number;
	/** Expected rows, to size the arrays. */
	expectedRows?: number;
	start?: number;
	/** Where to stop; by default the end of the bytes less the dialect's footer lines. */
	end?: number;
	/** Called every ~4 MB with the byte offset reached. */
	onBytes?: (offset: number) => void;
	/**
	 * Rows of the earlier chunks to continue; the result then counts them too. The bytes must
	 * start where the earlier chunk's result `end` left off.
	 */
	into?: TokenState;
	/**
	 * More text follows `end` (a chunk of a stream): a last row not ended by a line break within
	 * the bytes is not read, and the result's `end` is where it starts, to be read again with the
	 * next chunk.
	 */
	more?: boolean;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Splits delimited bytes into dictionary-encoded columns in one pass. Quoted fields may hold
 * delimiters, quotes (escaped) and line breaks; CRLF, LF and lone CR all end a row; blank lines
 * are skipped. A text read in chunks gives the same rows as read whole when each chunk is passed
 * with `into` and `more` (all but the last) and starts with the bytes the previous one left.
 */
export function tokenize(
	bytes: Uint8Array,
	dialect: Dialect,
	options: TokenizeOptions = {},
): Tokenized {
	// Callers pass options and dialects of many shapes (the sniffer's, the reader's): the loop reads
	// them from one shape, so that its compiled code is not thrown away when a call brings another
	// — each chunk of a file would then start in the interpreter.
	return scan(bytes, {
		delim: dialect.delimiter.charCodeAt(0),
		collapse: dialect.collapse,
		quote: dialect.quote === null ? -1 : dialect.quote.charCodeAt(0),
		escape: dialect.escape === null ? -1 : dialect.escape.charCodeAt(0),
		keep: options.keep ?? null,
		maxRows: Math.min(options.maxRows ?? NO_MAX_ROWS, NO_MAX_ROWS),
		expectedRows: options.expectedRows ?? 1024,
		start: options.start ?? 0,
		end: options.end ?? footerStart(bytes, dialect.footerLines ?? 0),
		onBytes: options.onBytes ?? null,
		state: options.into ?? null,
		more: options.more === true,
	});
}

/** No limit on rows: the largest small integer, so that maxRows is always one kind of number. */
const NO_MAX_ROWS = 0x3fffffff;

/** What tokenize() reads of its dialect and options. */
interface Scan {
	delim: number;
	collapse: boolean;
	/** −1 for none, as for escape. */
	quote: number;
	escape: number;
	keep: boolean[] | null;
	maxRows: number;
	expectedRows: number;
	start: number;
	end: number;
	onBytes: ((offset: number) => void) | null;
	state: TokenState | null;
	more: boolean;
}

function scan(bytes: Uint8Array, options: Scan): Tokenized {
	const { delim, collapse, quote, escape, keep, maxRows, onBytes, state, more } = options;
	const n = options.end;
	let capacity: number;
	let fieldCounts: Int32Array;
	let columns: (TokenColumn | null)[];
	let row: number;
	let malformed: number;
	if (state !== null && state.fieldCounts.length > 0) {
		capacity = state.fieldCounts.length;
		fieldCounts = state.fieldCounts;
		columns = state.columns;
		row = state.rows;
		malformed = state.malformed;
	} else {
		capacity = Math.max(16, Math.min(options.expectedRows, maxRows));
		fieldCounts = new Int32Array(capacity);
		columns = [];
		row = 0;
		malformed = 0;
	}
	const codes: Int32Array[] = columns.map((c) =>
		c === null ? (null as unknown as Int32Array) : c.codes,
	);
	const dicts: ByteDictionary[] = columns.map((c) =>
		c === null ? (null as unknown as ByteDictionary) : c.dict,
	);
	const addColumn = (c: number) => {
		while (columns.length <= c) {
			const j = columns.length;
			if (keep === null ? true : keep[j]) {
				const col = { dict: new ByteDictionary(), codes: new Int32Array(capacity).fill(-1) };
				columns.push(col);
				codes.push(col.codes);
				dicts.push(col.dict);
			} else {
				columns.push(null);
				codes.push(null as unknown as Int32Array);
				dicts.push(null as unknown as ByteDictionary);
			}
		}
	};
	if (keep !== null) addColumn(keep.length - 1);
	let width = columns.length;
	// The last unquoted field seen per column: where it starts, its length and its code.
	let prevStart = new Int32Array(Math.max(width, 64));
	let prevLen = new Int32Array(Math.max(width, 64)).fill(-1);
	let prevCode = new Int32Array(Math.max(width, 64));
	let scratch = new Uint8Array(256);
	// Where the row that ran into the end of a chunk starts: the next chunk reads it again.
	let cut = -1;
	let i = options.start;
	let nextReport = i + (1 << 22);

	while (i < n && row < maxRows) {
		if (collapse) while (i < n && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
		if (i >= n) break;
		let b = bytes[i];
		if (b === LF) {
			i++;
			continue;
		}
		if (b === CR) {
			i++;
			if (i < n && bytes[i] === LF) i++;
			continue;
		}
		if (row === capacity) {
			capacity *= 2;
			fieldCounts = grow(fieldCounts, capacity);
			for (let c = 0; c < width; c++) {
				if (codes[c] !== null) {
					const next = new Int32Array(capacity).fill(-1);
					next.set(codes[c]);
					codes[c] = next;
					columns[c]!.codes = next;
				}
			}
		}
		const rowStart = i;
		const malformedBefore = malformed;
		let col = 0;
		for (;;) {
			let fs: number;
			let fe: number;
			let escaped = false;
			let h = 0;
			const kept = col < width && codes[col] !== null;
			if (bytes[i] === quote) {
				i++;
				fs = i;
				while (i < n) {
					b = bytes[i];
					if (b === escape && escape !== quote && i + 1 < n) {
						escaped = true;
						i += 2;
						continue;
					}
					if (b === quote) {
						if (escape === quote && i + 1 < n && bytes[i + 1] === quote) {
							escaped = true;
							i += 2;
							continue;
						}
						break;
					}
					i++;
				}
				fe = i;
				if (i < n) i++;
				else malformed++;
				// Text after a closing quote (`"a"b,`) is ignored up to the delimiter.
				const closed = i;
				while (i < n) {
					b = bytes[i];
					if (b === delim || b === LF || b === CR || (collapse && b === TAB)) break;
					i++;
				}
				if (i > closed) malformed++;
			} else if (kept && !collapse) {
				// The hot path. Exports repeat a value down a column (an invoice's lines share its
				// number, date, customer): a field equal to the one above takes its code unhashed.
				fs = i;
				while (i < n) {
					b = bytes[i];
					if (b === delim || b === LF || b === CR) break;
					i++;
				}
				fe = i;
				if (i >= n && more) {
					cut = rowStart;
					break;
				}
				const len = fe - fs;
				let same = len > 0 && len === prevLen[col];
				if (same) {
					const p = prevStart[col] - fs;
					for (let j = fs; j < fe; j++) {
						if (bytes[j] !== bytes[j + p]) {
							same = false;
							break;
						}
					}
				}
				if (same) codes[col][row] = prevCode[col];
				else if (len > 0) {
					const c = dicts[col].code(bytes, fs, fe);
					codes[col][row] = c;
					prevStart[col] = fs;
					prevLen[col] = len;
					prevCode[col] = c;
				}
				h = 1;
			} else {
				fs = i;
				if (collapse) {
					while (i < n) {
						b = bytes[i];
						if (b === SPACE || b === TAB || b === LF || b === CR) break;
						i++;
					}
				} else {
					while (i < n) {
						b = bytes[i];
						if (b === delim || b === LF || b === CR) break;
						i++;
					}
				}
				fe = i;
			}
			// A field that runs into the end of a chunk may go on in the next: the row is read
			// again from its start. Fields before it, ended within the chunk, are entered in the
			// dictionaries as the next read of the row would enter them.
			if (i >= n && more) {
				cut = rowStart;
				break;
			}
			if (col >= width && keep === null) {
				addColumn(col);
				width = columns.length;
				if (width > prevLen.length) {
					prevStart = grow(prevStart, width * 2);
					prevCode = grow(prevCode, width * 2);
					const next = new Int32Array(width * 2).fill(-1);
					next.set(prevLen);
					prevLen = next;
				}
				for (let c = 0; c < width; c++) {
					if (codes[c] !== null && codes[c].length < capacity) {
						const next = new Int32Array(capacity).fill(-1);
						next.set(codes[c]);
						codes[c] = next;
						columns[c]!.codes = next;
					}
				}
			}
			if (h !== 0) {
				// Done on the hot path above.
			} else if (col < width && codes[col] !== null && fe > fs) {
				prevLen[col] = -1;
				if (escaped) {
					if (scratch.length < fe - fs) scratch = new Uint8Array((fe - fs) * 2);
					let k = 0;
					for (let j = fs; j < fe; j++) {
						const x = bytes[j];
						if ((x === escape && escape !== quote) || (x === quote && bytes[j + 1] === quote)) j++;
						scratch[k++] = bytes[j];
					}
					codes[col][row] = dicts[col].code(scratch, 0, k);
				} else {
					codes[col][row] = dicts[col].code(bytes, fs, fe);
				}
			}
			col++;
			if (i >= n) break;
			b = bytes[i];
			if (b === delim || (collapse && b === TAB)) {
				i++;
				if (collapse) {
					while (i < n && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
					if (i >= n) {
						if (more) cut = rowStart;
						break;
					}
					b = bytes[i];
					if (b === LF || b === CR) {
						i++;
						if (b === CR && i < n && bytes[i] === LF) i++;
						break;
					}
				}
				continue;
			}
			i++;
			if (b === CR && i < n && bytes[i] === LF) i++;
			break;
		}
		if (cut >= 0) {
			for (let c = 0; c < width; c++) if (codes[c] !== null) codes[c][row] = -1;
			malformed = malformedBefore;
			break;
		}
		fieldCounts[row] = col;
		row++;
		if (onBytes !== null && i >= nextReport) {
			onBytes(i);
			nextReport = i + (1 << 22);
		}
	}
	if (state !== null) {
		state.rows = row;
		state.fieldCounts = fieldCounts;
		state.columns = columns;
		state.malformed = malformed;
	}
	return {
		rows: row,
		fieldCounts: fieldCounts.subarray(0, row),
		columns: columns.map((c) =>
			c === null ? null : { dict: c.dict, codes: c.codes.subarray(0, row) },
		),
		end: cut >= 0 ? cut : i,
		malformed,
	};
}

/**
 * Byte offset where the last `lines` lines before `end` start, trailing blank lines aside: where a
 * footer of that many lines begins (`end` itself when `lines` is 0).
 */
export function footerStart(bytes: Uint8Array, lines: number, end = bytes.length): number {
	if (lines <= 0) return end;
	let i = end;
	while (
		i > 0 &&
		(bytes[i - 1] === LF || bytes[i - 1] === CR || bytes[i - 1] === SPACE || bytes[i - 1] === TAB)
	)
		i--;
	for (let k = 0; k < lines && i > 0; k++) {
		// Step back over the line ending before line k's content, then to that line's start.
		if (k > 0) {
			if (bytes[i - 1] === LF) i--;
			if (i > 0 && bytes[i - 1] === CR) i--;
		}
		while (i > 0 && bytes[i - 1] !== LF && bytes[i - 1] !== CR) i--;
	}
	return i;
}
