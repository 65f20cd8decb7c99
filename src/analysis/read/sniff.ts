import { UserError } from '../../shared/errors';
import { tokenize, type Dialect } from './tokenize';
import { isMissing, parseNumber } from './values';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

/** The container format from the first bytes (and the file name as a hint). */
export function detectFormat(bytes: Uint8Array, name = ''): FileFormat {
	if (bytes.length === 0) throw emptyFile();
	const b = bytes;
	if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
	if (b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet';
	const lower = name.toLowerCase();
	if (lower.endsWith('.json') || lower.endsWith('.ndjson') || lower.endsWith('.jsonl'))
		return 'json';
	return 'csv';
}

export function emptyFile(): UserError {
	return new UserError('empty_file', {
		en: 'The file is empty: there is nothing to analyse. Export the orders again and check the file has rows.',
		zh: '文件是空的，没有可分析的内容。请重新导出订单数据，并确认文件中有数据行。',
	});
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export interface Decoded {
	encoding: Encoding;
	/** UTF-8 bytes of the text, without a byte-order mark. */
	bytes: Uint8Array;
}

/**
 * The encoding of a text file: a byte-order mark decides; otherwise valid UTF-8 is UTF-8, and other
 * bytes are GB18030 when they pair up as Chinese double-byte characters, else Windows-1252. The
 * result is always UTF-8 bytes, so one reader serves every encoding.
 */
export function decodeText(bytes: Uint8Array, forced?: string): Decoded {
	const encoding = forced ? normaliseEncoding(forced) : detectEncoding(bytes);
	let start = 0;
	if (encoding === 'utf-8') {
		if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
		return { encoding, bytes: bytes.subarray(start) };
	}
	const text = new TextDecoder(encoding).decode(bytes);
	return {
		encoding,
		bytes: new TextEncoder().encode(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
	};
}

function normaliseEncoding(name: string): Encoding {
	const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (n === 'utf8') return 'utf-8';
	if (n === 'utf16le' || n === 'utf16') return 'utf-16le';
	if (n === 'utf16be') return 'utf-16be';
	if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030';
	if (n === 'windows1252' || n === 'cp1252' || n === 'latin1' || n === 'iso88591')
		return 'windows-1252';
	throw new UserError('bad_option', {
		en: `Unknown encoding "${name}". Use utf-8, utf-16le, utf-16be, gb18030 (gbk) or windows-1252.`,
		zh: `未知的编码"${name}"。可用：utf-8、utf-16le、utf-16be、gb18030（gbk）或 windows-1252。`,
	});
}

function detectEncoding(b: Uint8Array): Encoding {
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
	if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
	if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
	const n = Math.min(b.length, 1 << 20);
	let nul = 0;
	for (let i = 0; i < Math.min(n, 8192); i++) if (b[i] === 0) nul++;
	if (nul > 0) {
		if (looksUtf16(b)) return b[0] === 0 ? 'utf-16be' : 'utf-16le';
		throw new UserError('binary_file', {
			en: 'This looks like a binary file, not a table of orders. Save it as CSV, Excel (.xlsx), Parquet or JSON and try again.',
			zh: '这看起来是一个二进制文件，而不是订单表格。请另存为 CSV、Excel（.xlsx）、Parquet 或 JSON 后重试。',
		});
	}
	if (isUtf8(b, n)) return 'utf-8';
	return gbkShare(b, n) > 0.6 ? 'gb18030' : 'windows-1252';
}

function looksUtf16(b: Uint8Array): boolean {
	let even = 0;
	let odd = 0;
	const n = Math.min(b.length, 4096);
	for (let i = 0; i < n; i++) {
		if (b[i] !== 0) continue;
		if (i % 2 === 0) even++;
		else odd++;
	}
	return Math.max(even, odd) > n / 4 && Math.min(even, odd) < n / 50;
}

function isUtf8(b: Uint8Array, n: number): boolean {
	let i = 0;
	while (i < n) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		const len = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
		if (len === 0 || c >= 0xf5) return false;
		if (i + len > n) return i + len > b.length || n < b.length;
		for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
		i += len;
	}
	return true;
}

/** Share of high bytes that form valid GBK double-byte pairs. */
function gbkShare(b: Uint8Array, n: number): number {
	let high = 0;
	let pairs = 0;
	for (let i = 0; i < n; i++) {
		const c = b[i];
		if (c < 0x80) continue;
		high++;
		const t = b[i + 1];
		if (c >= 0x81 && c <= 0xfe && t >= 0x40 && t <= 0xfe && t !== 0x7f) {
			pairs++;
			high++;
			i++;
		}
	}
	return high === 0 ? 0 : (2 * pairs) / high;
}

const SAMPLE_BYTES = 1 << 18;
const SAMPLE_ROWS = 300;

interface Candidate {
	delimiter: string;
	collapse: boolean;
	quote: string | null;
	escape: string | null;
}

const DELIMITERS = [',', ';', '\t', '|', ':', '^', '~'];

/**
 * The dialect under which the first rows are most table-like: the most rows sharing one field
 * count (more than one field), with the most cells that look like typed values.
 */
export function sniffDialect(bytes: Uint8Array): Dialect {
	let end = Math.min(bytes.length, SAMPLE_BYTES);
	if (end < bytes.length) {
		const lf = bytes.lastIndexOf(10, end);
		if (lf > 0) end = lf + 1;
	}
	const sample = bytes.subarray(0, end);
	// Without a quote character in the sample, quoting with `"` reads the same as none: offer the
	// conventional `"` alone.
	const quotes: (string | null)[] = ['"'];
	if (sample.includes(39)) quotes.push("'");
	if (sample.includes(34)) quotes.push(null);
	const candidates: Candidate[] = [];
	for (const d of [...DELIMITERS, ' ']) {
		if (!sample.includes(d.charCodeAt(0))) continue;
		for (const q of quotes)
			candidates.push({ delimiter: d, collapse: d === ' ', quote: q, escape: q });
	}
	let best: { c: Candidate; score: number; skipped: number } | null = null;
	for (const c of candidates) {
		const r = scoreCandidate(sample, { ...c, headerRow: null, skippedLines: 0 });
		if (best === null || r.score > best.score + 1e-9) best = { c, ...r };
	}
	const c = best?.c ?? { delimiter: ',', collapse: false, quote: '"', escape: '"' };
	const skipped = best?.skipped ?? 0;
	const dialect: Dialect = { ...c, headerRow: null, skippedLines: 0 };
	let rowStart = skipped > 0 ? skipRows(sample, dialect, skipped) : 0;
	// Blank lines between the preamble and the header belong to the preamble.
	while (rowStart > 0 && (sample[rowStart] === 10 || sample[rowStart] === 13)) rowStart++;
	dialect.skippedLines = countLines(sample, rowStart);
	dialect.headerRow = hasHeader(sample.subarray(rowStart), dialect) ? 0 : null;
	return dialect;
}

function scoreCandidate(sample: Uint8Array, dialect: Dialect): { score: number; skipped: number } {
	const t = tokenize(sample, dialect, { maxRows: SAMPLE_ROWS, expectedRows: SAMPLE_ROWS });
	if (t.rows === 0) return { score: 0, skipped: 0 };
	// A partial last row of the sample would look ragged.
	const rows = t.end >= sample.length && sample.length >= SAMPLE_BYTES ? t.rows - 1 : t.rows;
	const freq = new Map<number, number>();
	for (let r = 0; r < rows; r++) freq.set(t.fieldCounts[r], (freq.get(t.fieldCounts[r]) ?? 0) + 1);
	let mode = 1;
	let modeCount = 0;
	for (const [k, v] of freq)
		if (v > modeCount || (v === modeCount && k > mode)) [mode, modeCount] = [k, v];
	if (mode < 2) return { score: 0, skipped: 0 };
	// Preamble: rows before the first run of the modal width.
	let skipped = 0;
	while (skipped < rows && t.fieldCounts[skipped] !== mode) skipped++;
	const body = rows - skipped;
	const consistency = modeCount / Math.max(1, body);
	let typed = 0;
	let cells = 0;
	for (let c = 0; c < mode && c < t.columns.length; c++) {
		const col = t.columns[c]!;
		const values = col.dict.values();
		for (let r = skipped + 1; r < rows; r++) {
			const code = col.codes[r];
			cells++;
			if (code < 0) {
				typed += 0.5;
				continue;
			}
			const v = values[code];
			if (looksTyped(v)) typed++;
			else if (!/["';,|\t]/.test(v)) typed += 0.7;
		}
	}
	const typeScore = cells === 0 ? 0.5 : typed / cells;
	const widthBonus = 1 - 1 / (mode + 1);
	return { score: consistency * typeScore * widthBonus * (body / rows), skipped };
}

function looksTyped(v: string): boolean {
	if (isMissing(v)) return true;
	if (!Number.isNaN(parseNumber(v, '.')) || !Number.isNaN(parseNumber(v, ','))) return true;
	return /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(v.trim());
}

/** Byte offset after the first `rows` records. */
export function skipRows(bytes: Uint8Array, dialect: Dialect, rows: number): number {
	return rows === 0 ? 0 : tokenize(bytes, dialect, { maxRows: rows }).end;
}

/** Byte offset after the first `lines` physical lines. */
export function skipLines(bytes: Uint8Array, lines: number): number {
	let i = 0;
	for (let k = 0; k < lines; k++) {
		const lf = bytes.indexOf(10, i);
		if (lf < 0) return bytes.length;
		i = lf + 1;
	}
	return i;
}

function countLines(bytes: Uint8Array, end: number): number {
	let n = 0;
	for (let i = 0; i < end; i++) if (bytes[i] === 10) n++;
	return n;
}

/**
 * Whether the first row is a header: no cell of it is a number or a date, and in some column the
 * values below are typed (or all its cells are distinct labels over string columns).
 */
function hasHeader(bytes: Uint8Array, dialect: Dialect): boolean {
	const t = tokenize(bytes, dialect, { maxRows: 60 });
	if (t.rows < 2) return t.rows === 1 && firstRowLabels(t);
	if (!firstRowLabels(t)) return false;
	let votes = 0;
	for (const col of t.columns) {
		if (col === null) continue;
		const values = col.dict.values();
		const head = col.codes[0] < 0 ? '' : values[col.codes[0]];
		let typed = 0;
		let n = 0;
		let lengthSum = 0;
		for (let r = 1; r < t.rows; r++) {
			if (col.codes[r] < 0) continue;
			const v = values[col.codes[r]];
			n++;
			lengthSum += v.length;
			if (looksTyped(v) && !isMissing(v)) typed++;
		}
		if (n === 0) continue;
		if (typed / n > 0.9) votes += 1;
		else if (!repeats(col.codes, t.rows) && Math.abs(head.length - lengthSum / n) > 2) votes += 0.5;
		else votes -= 0.5;
	}
	return votes > 0;
}

function firstRowLabels(t: ReturnType<typeof tokenize>): boolean {
	for (const col of t.columns) {
		if (col === null || col.codes[0] < 0) continue;
		const v = col.dict.values()[col.codes[0]];
		if (looksTyped(v) && !isMissing(v)) return false;
	}
	return true;
}

function repeats(codes: Int32Array, rows: number): boolean {
	for (let r = 1; r < rows; r++) if (codes[r] === codes[0]) return true;
	return false;
}
