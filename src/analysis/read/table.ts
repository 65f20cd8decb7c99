import { UserError } from '../../shared/errors';
import type { AnalysisSettings } from '../settings';
import type { OnProgress, Warning } from '../types';
import type { DecodedTable } from './decoded';
import { readJson } from './json';
import { suggestRoles, type ColumnProfile, type Mapping } from './roles';
import {
	decodeText,
	detectFormat,
	skipLines,
	sniffDialect,
	type Encoding,
	type EncodingGuess,
	type FileFormat,
} from './sniff';
import { footerStart, tokenize, type Dialect, type TokenColumn } from './tokenize';
import {
	detectDecimal,
	detectDateFormat,
	inferType,
	isMissing,
	parseNumber,
	type ColumnType,
} from './values';
import { isLegacyXls, legacyXlsError } from './xls';

export interface ReadOptions {
	/** The file name, a hint for the format. */
	name?: string;
	encoding?: string;
	/** Force the delimiter (`tab` or `\t` for a tab, `space` for space-aligned columns). */
	delimiter?: string;
	/** The sheet of a workbook to read (decodeFile); the first by default. */
	sheet?: string;
	/** Force whether the first table line is a header. */
	header?: boolean;
	/** Force the number of title lines above the table. */
	skipLines?: number;
	/** Force the quote character (`"`, `'`), or `none`. */
	quote?: string;
}

/** What openTable reads: the bytes of a CSV or JSON file, or a table decodeFile() decoded. */
export type TableInput = Uint8Array | DecodedTable;

/** A file opened for reading: its layout, header and a sample of rows, before the full pass. */
export interface TableSource {
	format: FileFormat;
	encoding: Encoding;
	dialect: Dialect;
	/** UTF-8 bytes of the text. */
	bytes: Uint8Array;
	/** Byte offset of the first data row. */
	dataStart: number;
	/** Byte offset after the sample rows. */
	sampleEnd: number;
	/** Column names: the header's, or column_1, column_2, … */
	names: string[];
	/** The first rows, every column. */
	sample: RawColumns;
	decimal: '.' | ',';
	profiles: ColumnProfile[];
	suggested: Mapping;
	warnings: Warning[];
	/** Every row, already read by a reader other than the CSV one: readColumns returns them. */
	columns?: RawColumns;
	/** The sheet read (xlsx only). */
	sheet?: string;
	/** Every sheet of the workbook, to offer the others (xlsx only). */
	sheets?: string[];
}

/** What later stages need of an opened file, without its bytes: storable and cheap to send. */
export type TableMeta = Omit<
	TableSource,
	'bytes' | 'sample' | 'dataStart' | 'sampleEnd' | 'columns'
>;

/** The meta part of a source. */
export function tableMeta(source: TableSource): TableMeta {
	const { bytes: _b, sample: _s, dataStart: _d, sampleEnd: _e, columns: _c, ...meta } = source;
	return meta;
}

/** Dictionary-encoded columns of raw text: a value per row is `values[codes[row]]`, or missing. */
export interface RawColumns {
	rows: number;
	/** Per column; null when the column was skipped. */
	columns: (RawColumn | null)[];
	/** Rows whose field count differs from the header's. */
	ragged: number;
}

export interface RawColumn {
	codes: Int32Array;
	/** Distinct values in order of first appearance; code −1 means empty. */
	values: string[];
}

const SAMPLE_ROWS = 2000;

/**
 * Opens a file: format, encoding, dialect, header, a typed sample and suggested column roles. CSV
 * and JSON are read from their bytes; xlsx and Parquet must come decoded by decodeFile().
 */
export function openTable(input: TableInput, options: ReadOptions = {}): TableSource {
	if (!ArrayBuffer.isView(input)) return openDecoded(input);
	if (isLegacyXls(input)) throw legacyXlsError();
	const format = detectFormat(input, options.name);
	if (format === 'json') return openDecoded(readJson(input, options));
	if (format !== 'csv') {
		throw new Error(
			`openTable: a ${format} file must be decoded first with decodeFile() (its reader is asynchronous)`,
		);
	}
	const decoded = decodeText(input, options.encoding);
	return openText({ head: decoded.bytes, tail: null }, decoded, options)!.source;
}

/**
 * The UTF-8 text of a CSV file: whole, or, when it is read in chunks, its two ends. The tail is as
 * sniffDialect() takes it: from a point P past the first SNIFF_HEAD_BYTES and at least
 * SNIFF_TAIL_BYTES before the end (its first bytes may be a cut character), or from the first line
 * feed after such a point.
 */
export interface TextEnds {
	/** The text from its start: all of it when `tail` is null. */
	head: Uint8Array;
	tail: Uint8Array | null;
}

/** A text opened by openText(). */
export interface OpenedText {
	/** Its `bytes` are the head the text was opened from. */
	source: TableSource;
	/** Bytes at the end of the text that are its footer lines (and blank lines after them). */
	footerBytes: number;
}

/**
 * openTable() on a CSV text already decoded to UTF-8 by the guess given. When the text comes as
 * its two ends, the result is what the whole text gives, or null when the head is too short to
 * hold what opening reads (the dialect sample, the preamble, the header and the sample rows):
 * open again with a longer head.
 */
export function openText(
	text: TextEnds,
	guess: EncodingGuess,
	options: ReadOptions = {},
): OpenedText | null {
	const { head: bytes, tail } = text;
	const whole = tail === null;
	if (!bytes.some((b) => b !== 32 && b !== 10 && b !== 13 && b !== 9)) {
		if (!whole) return null;
		throw new UserError('empty_file', {
			en: 'The file has no rows: there is nothing to analyse. Export the orders again and check the file has rows.',
			zh: '文件中没有数据行，没有可分析的内容。请重新导出订单数据，并确认文件中有数据行。',
		});
	}
	const dialect = sniffDialect(
		bytes,
		options.delimiter === undefined ? undefined : forcedDelimiter(options.delimiter),
		tail ?? undefined,
	);
	// The user's word wins over the sniffer's: every choice it made can be overridden.
	if (options.header !== undefined) dialect.headerRow = options.header ? 0 : null;
	if (options.skipLines !== undefined && options.skipLines >= 0)
		dialect.skippedLines = options.skipLines;
	if (options.quote !== undefined) {
		const q = options.quote === 'none' ? null : options.quote;
		dialect.quote = q;
		dialect.escape = q;
	}
	const ends = tail ?? bytes;
	const footerBytes = ends.length - footerStart(ends, dialect.footerLines ?? 0);
	// Rows ended before the footer's place in the head are rows of the whole text too.
	const within = { end: bytes.length - footerBytes, more: !whole };
	let start = skipLines(bytes, dialect.skippedLines);
	let names: string[];
	const warnings: Warning[] = [];
	if (guess.alternative !== null && options.encoding === undefined) {
		warnings.push({
			code: 'uncertain_encoding',
			en: `The text was read as ${guess.encoding}, but it could also be ${guess.alternative}. If names look garbled, choose ${guess.alternative} as the encoding (--encoding ${guess.alternative}).`,
			zh: `文本按 ${guess.encoding} 读取，但也可能是 ${guess.alternative}。如果名称显示为乱码，请将编码改为 ${guess.alternative}（--encoding ${guess.alternative}）。`,
		});
	}
	if (dialect.headerRow !== null) {
		const head = tokenize(bytes, dialect, { start, maxRows: 1, ...within });
		if (!whole && head.rows < 1) return null;
		names = head.columns.map((c) =>
			c === null || c.codes[0] < 0 ? '' : c.dict.values()[c.codes[0]].trim(),
		);
		start = head.end;
	} else {
		names = [];
	}
	const sampleTokens = tokenize(bytes, dialect, {
		start,
		maxRows: SAMPLE_ROWS,
		expectedRows: SAMPLE_ROWS,
		...within,
	});
	if (!whole && sampleTokens.rows < SAMPLE_ROWS) return null;
	const width = Math.max(names.length, modalWidth(sampleTokens.fieldCounts));
	names = uniqueNames(names, width);
	const sample = toRaw(sampleTokens.columns, sampleTokens.fieldCounts, width);
	const decimal = detectDecimal(sample.columns.flatMap((c) => (c === null ? [] : c.values)));
	const profiles = names.map((name, i) => profile(name, sample.columns[i], sample.rows, decimal));
	const source: TableSource = {
		format: 'csv',
		encoding: guess.encoding,
		dialect,
		bytes,
		dataStart: start,
		sampleEnd: sampleTokens.end,
		names,
		sample,
		decimal,
		profiles,
		suggested: suggestRoles(profiles, dialect.headerRow !== null),
		warnings,
	};
	return { source, footerBytes };
}

/**
 * A decoded table opened like a CSV file: the same names, sample, profiles and roles. Its dialect
 * is the neutral CSV one, with the title rows skipped as its preamble; numbers come as numbers,
 * so the decimal mark is '.'.
 */
function openDecoded(t: DecodedTable): TableSource {
	const width = Math.max(t.columns.columns.length, t.header?.length ?? 0);
	const names = uniqueNames(t.header ?? [], width);
	const sample = firstRows(t.columns, SAMPLE_ROWS);
	const decimal = '.';
	const profiles = names.map((name, i) => profile(name, sample.columns[i], sample.rows, decimal));
	return {
		format: t.format,
		encoding: t.encoding,
		dialect: {
			delimiter: ',',
			collapse: false,
			quote: '"',
			escape: '"',
			headerRow: t.header === null ? null : 0,
			skippedLines: t.skippedRows,
		},
		bytes: new Uint8Array(0),
		dataStart: 0,
		sampleEnd: 0,
		names,
		sample,
		decimal,
		profiles,
		suggested: suggestRoles(profiles, t.header !== null),
		warnings: t.warnings,
		columns: t.columns,
		...(t.sheets === undefined ? {} : { sheet: t.sheet, sheets: t.sheets }),
	};
}

/** The first n rows of columns; their values stay a prefix of the full dictionaries. */
function firstRows(raw: RawColumns, n: number): RawColumns {
	if (raw.rows <= n) return raw;
	const columns = raw.columns.map((c) => {
		if (c === null) return null;
		const codes = c.codes.slice(0, n);
		let max = -1;
		for (const code of codes) if (code > max) max = code;
		return { codes, values: c.values.slice(0, max + 1) };
	});
	return { rows: n, columns, ragged: 0 };
}

function forcedDelimiter(d: string): Pick<Dialect, 'delimiter' | 'collapse'> {
	const lower = d.toLowerCase();
	if (lower === 'tab' || d === '\\t' || d === '\t') return { delimiter: '\t', collapse: false };
	if (lower === 'space' || d === ' ') return { delimiter: ' ', collapse: true };
	if ([...d].length !== 1) {
		throw new UserError('bad_option', {
			en: `The delimiter must be one character (or "tab"), not "${d}".`,
			zh: `分隔符必须是单个字符（或 "tab"），而不是"${d}"。`,
		});
	}
	return { delimiter: d, collapse: false };
}

function modalWidth(counts: Int32Array): number {
	const freq = new Map<number, number>();
	let best = 0;
	let bestCount = 0;
	for (const c of counts) {
		const f = (freq.get(c) ?? 0) + 1;
		freq.set(c, f);
		if (f > bestCount || (f === bestCount && c > best)) [best, bestCount] = [c, f];
	}
	return best;
}

function uniqueNames(header: string[], width: number): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < width; i++) {
		let name = header[i] ? header[i] : `column_${i + 1}`;
		if (seen.has(name)) {
			let k = 2;
			while (seen.has(`${name}_${k}`)) k++;
			name = `${name}_${k}`;
		}
		seen.add(name);
		out.push(name);
	}
	return out;
}

/**
 * Tokenized columns as RawColumns of `width` columns (an absent one all missing). Takes the
 * columns over: each is let go once fitted, so that a file's worth of codes is not held twice, and
 * their buffers may be detached.
 */
export function toRaw(
	columns: (TokenColumn | null)[],
	fieldCounts: Int32Array,
	width: number,
): RawColumns {
	let ragged = 0;
	for (const c of fieldCounts) if (c !== width) ragged++;
	const out: (RawColumn | null)[] = [];
	for (let i = 0; i < width; i++) {
		const c = columns[i];
		if (i < columns.length) columns[i] = null;
		out.push(
			c === null
				? null
				: c === undefined
					? { codes: new Int32Array(fieldCounts.length).fill(-1), values: [] }
					: { codes: fitted(c.codes), values: c.dict.values() },
		);
	}
	return { rows: fieldCounts.length, columns: out, ragged };
}

/**
 * Codes in a buffer of their own size: a view of a larger buffer would be stored and posted whole.
 * The larger buffer is given up: transfer() frees it at once, where a copy leaves it to the garbage
 * collector and a file's worth of codes may be held twice (Node 20 has no transfer()).
 */
function fitted(codes: Int32Array): Int32Array {
	const buffer = codes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
	if (codes.byteLength === buffer.byteLength) return codes;
	if (codes.byteOffset === 0 && typeof buffer.transfer === 'function')
		return new Int32Array(buffer.transfer(codes.byteLength));
	return codes.slice();
}

function profile(
	name: string,
	col: RawColumn | null,
	rows: number,
	decimal: '.' | ',',
): ColumnProfile {
	if (col === null)
		return { name, type: 'string', distinct: 0, present: 0, fractional: false, numericShare: 0 };
	const seen = new Uint8Array(col.values.length);
	let present = 0;
	let numeric = 0;
	let fractional = false;
	const missing = col.values.map(isMissing);
	const numbers = col.values.map((v) => parseNumber(v, decimal));
	for (let r = 0; r < rows; r++) {
		const code = col.codes[r];
		if (code < 0 || missing[code]) continue;
		present++;
		seen[code] = 1;
		const x = numbers[code];
		if (!Number.isNaN(x)) {
			numeric++;
			if (!Number.isInteger(x)) fractional = true;
		}
	}
	const distinctValues = col.values.filter((_, i) => seen[i] === 1);
	return {
		name,
		type: inferType(distinctValues, decimal),
		distinct: distinctValues.length,
		present,
		fractional,
		numericShare: present === 0 ? 0 : numeric / present,
	};
}

/**
 * Reads every data row of the columns to keep (all when `keep` is null) in one pass over the bytes.
 * Columns not kept are never decoded.
 */
export function readColumns(
	source: TableSource,
	keep: boolean[] | null,
	onProgress?: OnProgress,
): RawColumns {
	if (source.columns) {
		onProgress?.(1, 'read');
		const all = source.columns;
		return keep === null
			? all
			: { ...all, columns: all.columns.map((c, i) => (keep[i] ? c : null)) };
	}
	const width = source.names.length;
	const keepAll = keep ?? new Array<boolean>(width).fill(true);
	const total = source.bytes.length;
	const t = tokenize(source.bytes, source.dialect, {
		start: source.dataStart,
		keep: keepAll,
		expectedRows: expectedRows(source, total),
		onBytes: onProgress && ((offset) => onProgress(offset / total, 'read')),
	});
	return toRaw(t.columns, t.fieldCounts, width);
}

/** Rows a text of `textBytes` bytes likely holds, from the sample's bytes per row, 5% over. */
export function expectedRows(source: TableSource, textBytes: number): number {
	const sampleRate = source.sample.rows / Math.max(1, source.sampleEnd - source.dataStart);
	return Math.ceil(Math.max(0, textBytes - source.dataStart) * sampleRate * 1.05) + 16;
}

/** A file read into columns: every column, since all take part in the exact-duplicate rule (§1.4). */
export interface ReadTable {
	source: TableMeta;
	columns: RawColumns;
	/** The first rows as text. */
	preview: string[][];
}

/** The reader's options from the settings' read options, for a file of this name. */
export function readOptions(name: string, read: AnalysisSettings['read']): ReadOptions {
	return {
		name,
		encoding: read.encoding,
		delimiter: read.delimiter,
		header: read.header,
		skipLines: read.skipLines,
		quote: read.quote,
	};
}

/**
 * Reads every row of a file held whole (CSV or JSON bytes, or a table decoded by decodeFile()):
 * openTable(), readColumns() and readTableOf().
 */
export function readWholeTable(
	input: TableInput,
	options: ReadOptions,
	onProgress?: OnProgress,
): ReadTable {
	const source = openTable(input, options);
	return readTableOf(source, readColumns(source, null, onProgress));
}

/**
 * The ReadTable of an opened file and all its rows: the column types revised by the rows past the
 * sample, and the first 20 rows as text.
 */
export function readTableOf(source: TableSource, columns: RawColumns): ReadTable {
	// Types were guessed from the first rows; a later value (a "C…" invoice) can disprove them.
	source.profiles = source.profiles.map((p, i) => {
		const col = columns.columns[i];
		if (col === null || (p.type !== 'number' && p.type !== 'boolean')) return p;
		const seen = source.sample.columns[i]?.values.length ?? 0;
		for (let k = seen; k < col.values.length; k++) {
			const v = col.values[k];
			if (!isMissing(v) && Number.isNaN(parseNumber(v, source.decimal)))
				return { ...p, type: 'string' };
		}
		return p;
	});
	const preview: string[][] = [];
	for (let r = 0; r < Math.min(20, columns.rows); r++) {
		preview.push(
			columns.columns.map((c) => (c === null || c.codes[r] < 0 ? '' : c.values[c.codes[r]])),
		);
	}
	return { source: tableMeta(source), columns, preview };
}

export interface ColumnSummary {
	name: string;
	type: ColumnType;
	missing: number;
	examples: string[];
}

/** Type, missing count and first examples of a fully read column. */
export function summariseColumn(
	name: string,
	col: RawColumn,
	rows: number,
	decimal: '.' | ',',
): ColumnSummary {
	const missing = col.values.map(isMissing);
	let nMissing = 0;
	const counts = new Int32Array(col.values.length);
	for (let r = 0; r < rows; r++) {
		const code = col.codes[r];
		if (code < 0 || missing[code]) nMissing++;
		else counts[code]++;
	}
	const present = col.values.filter((_, i) => counts[i] > 0);
	return {
		name,
		type: inferType(present, decimal),
		missing: nMissing,
		examples: present.slice(0, 2).map((v) => v.trim()),
	};
}

export { detectDateFormat };
