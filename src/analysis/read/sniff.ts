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
	/**
	 * How sure the choice is, 0–1: 1 for a byte-order mark, a forced encoding, plain ASCII or
	 * valid UTF-8 with more than a couple of non-ASCII characters; lower when the look of the text
	 * decided between readings that are all possible.
	 */
	confidence: number;
	/** The other likely reading when confidence is below 0.9 (offer it to the user), else null. */
	alternative: Encoding | null;
}

/** The encoding of a text and how sure the choice is: a Decoded without its bytes. */
export type EncodingGuess = Omit<Decoded, 'bytes'>;

const ENCODING_SAMPLE = 1 << 20;

/**
 * Bytes at the start of a file that decide its encoding: the sample the guess reads, and the few
 * after it that it peeks at.
 */
export const ENCODING_SAMPLE_BYTES = ENCODING_SAMPLE + 4;

/**
 * The encoding of a text file: a byte-order mark decides; otherwise valid UTF-8 is UTF-8, and other
 * bytes are GB18030 or Windows-1252, whichever makes the non-ASCII bytes read as plausible text
 * (runs of Chinese characters, or accented letters inside Latin words). The result is always
 * UTF-8 bytes, so one reader serves every encoding.
 */
export function decodeText(bytes: Uint8Array, forced?: string): Decoded {
	const guess = guessEncoding(bytes, forced);
	return { ...guess, bytes: new Utf8Converter(guess.encoding).convert(bytes, true) };
}

/**
 * decodeText()'s choice of encoding, from the first ENCODING_SAMPLE_BYTES of a file (or all of
 * it): the forced one when given.
 */
export function guessEncoding(bytes: Uint8Array, forced?: string): EncodingGuess {
	return forced
		? { encoding: normaliseEncoding(forced), confidence: 1, alternative: null }
		: detectEncoding(bytes);
}

const NO_BYTES = new Uint8Array(0);

/**
 * Converts a text to UTF-8 bytes without a byte-order mark, whole or chunk by chunk: characters
 * cut by the end of a chunk are completed by the next, so the chunks give the bytes decodeText()
 * gives for the whole.
 */
export class Utf8Converter {
	private decoder: TextDecoder | null;
	private encoder = new TextEncoder();
	/** Nothing converted yet: a byte-order mark may still come. */
	private atStart = true;
	/** The start of the text while it may be a cut UTF-8 byte-order mark, or a cut surrogate pair. */
	private held: Uint8Array | string | null = null;

	constructor(readonly encoding: Encoding) {
		this.decoder =
			encoding === 'utf-8' || encoding === 'windows-1252' ? null : new TextDecoder(encoding);
	}

	/** UTF-8 bytes of the next chunk; `last` for the last one, which flushes a cut character. */
	convert(bytes: Uint8Array, last: boolean): Uint8Array {
		if (this.encoding === 'windows-1252') return decodeWindows1252(bytes);
		if (this.decoder === null) return this.convertUtf8(bytes, last);
		let text = this.decoder.decode(bytes, { stream: !last });
		if (typeof this.held === 'string') {
			text = this.held + text;
			this.held = null;
		}
		if (this.atStart && text.length > 0) {
			this.atStart = false;
			// A second mark after the one TextDecoder drops, or GB18030's own (84 31 95 33).
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		// The decoder keeps a cut surrogate pair to itself; this is in case one does not.
		const end = text.charCodeAt(text.length - 1);
		if (!last && end >= 0xd800 && end < 0xdc00) {
			this.held = text.slice(-1);
			text = text.slice(0, -1);
		}
		return text.length === 0 ? NO_BYTES : this.encoder.encode(text);
	}

	private convertUtf8(bytes: Uint8Array, last: boolean): Uint8Array {
		if (!this.atStart) return bytes;
		if (this.held instanceof Uint8Array) {
			const joined = new Uint8Array(this.held.length + bytes.length);
			joined.set(this.held);
			joined.set(bytes, this.held.length);
			bytes = joined;
			this.held = null;
		}
		const bom = [0xef, 0xbb, 0xbf];
		if (!last && bytes.length < 3 && bytes.every((b, i) => b === bom[i])) {
			this.held = bytes.slice();
			return NO_BYTES;
		}
		this.atStart = false;
		return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	}
}

/** Characters of Windows-1252 bytes 0x80–0x9F (WHATWG index); the other bytes are Latin-1. */
const CP1252_80 = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 to UTF-8 bytes by table: Node's TextDecoder('windows-1252') reads 0x80–0x9F as
 * Latin-1 control characters since 20.18.3 (nodejs/node#60888), so € “ ” would be lost.
 */
function decodeWindows1252(bytes: Uint8Array): Uint8Array {
	let extra = 0;
	for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) extra += 2;
	const out = new Uint8Array(bytes.length + extra);
	let k = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		const c = b < 0x80 ? b : b < 0xa0 ? CP1252_80[b - 0x80] : b;
		if (c < 0x80) out[k++] = c;
		else if (c < 0x800) {
			out[k++] = 0xc0 | (c >> 6);
			out[k++] = 0x80 | (c & 0x3f);
		} else {
			out[k++] = 0xe0 | (c >> 12);
			out[k++] = 0x80 | ((c >> 6) & 0x3f);
			out[k++] = 0x80 | (c & 0x3f);
		}
	}
	return out.subarray(0, k);
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

const sure = (encoding: Encoding): EncodingGuess => ({
	encoding,
	confidence: 1,
	alternative: null,
});

function detectEncoding(b: Uint8Array): EncodingGuess {
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return sure('utf-8');
	if (b[0] === 0xff && b[1] === 0xfe) return sure('utf-16le');
	if (b[0] === 0xfe && b[1] === 0xff) return sure('utf-16be');
	const n = Math.min(b.length, ENCODING_SAMPLE);
	let nul = 0;
	for (let i = 0; i < Math.min(n, 8192); i++) if (b[i] === 0) nul++;
	if (nul > 0) {
		if (looksUtf16(b)) return sure(b[0] === 0 ? 'utf-16be' : 'utf-16le');
		throw new UserError('binary_file', {
			en: 'This looks like a binary file, not a table of orders. Save it as CSV, Excel (.xlsx), Parquet or JSON and try again.',
			zh: '这看起来是一个二进制文件，而不是订单表格。请另存为 CSV、Excel（.xlsx）、Parquet 或 JSON 后重试。',
		});
	}
	const utf8 = utf8Sequences(b, n);
	if (utf8 !== null) {
		// A few non-ASCII characters away from any Latin letter may as well be a short GB18030
		// text that happens to be valid UTF-8 (位 is CE BB, which UTF-8 reads as λ).
		if (utf8.count > 0 && utf8.count <= 4 && utf8.telling === 0) {
			const s = legacyScores(b, n);
			if (s.gb > 0 && s.gb > s.latin)
				return { encoding: 'utf-8', confidence: 0.7, alternative: 'gb18030' };
		}
		return sure('utf-8');
	}
	const s = legacyScores(b, n);
	const gb = s.gb > s.latin;
	const [win, lose] = gb ? [s.gb, s.latin] : [s.latin, s.gb];
	const confidence = win <= 0 ? 0.3 : Math.max(0, Math.min(1, 1 - Math.max(0, lose) / win));
	return {
		encoding: gb ? 'gb18030' : 'windows-1252',
		confidence,
		alternative: confidence < 0.9 ? (gb ? 'windows-1252' : 'gb18030') : null,
	};
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

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

const isLetter = (c: number | undefined): boolean =>
	c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));

/**
 * The multi-byte sequences of the first n bytes, and how many tell UTF-8 from GB18030: three or
 * four bytes long (CJK in UTF-8), or touching an ASCII letter (é in a word). Null when the bytes
 * are not UTF-8 (a sequence cut by the end of the sample counts as valid).
 */
function utf8Sequences(b: Uint8Array, n: number): { count: number; telling: number } | null {
	let count = 0;
	let telling = 0;
	let i = 0;
	while (i < n) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		const len =
			c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
		if (len === 0) return null;
		if (i + len > n) return i + len > b.length || n < b.length ? { count, telling } : null;
		for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return null;
		count++;
		if (len > 2 || isLetter(b[i - 1]) || isLetter(b[i + len])) telling++;
		i += len;
	}
	return { count, telling };
}

/** Bytes 0x80–0xFF that Windows-1252 reads as letters (À–ÿ but × ÷, Š Œ Ž š œ ž Ÿ, ª µ º). */
function isLatinLetter(c: number): boolean {
	if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7;
	return [0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f, 0xaa, 0xb5, 0xba].includes(c);
}

/**
 * How plausible the non-ASCII bytes are as GB18030 and as Windows-1252, in bytes explained minus
 * bytes that make no sense. Chinese text comes in runs of byte pairs from the GB2312 rows (lead
 * 0xB0–0xF7 for characters, 0xA1–0xA9 for full-width punctuation), while Western text has one
 * or two accented letters inside words of ASCII letters and lone symbols such as £ € ° “ ”.
 */
function legacyScores(b: Uint8Array, n: number): { gb: number; latin: number } {
	let gb = 0;
	let latin = 0;
	let i = 0;
	while (i < n) {
		if (b[i] < 0x80) {
			i++;
			continue;
		}
		let e = i;
		while (e < n && b[e] >= 0x80) e++;
		const len = e - i;
		const before = isLetter(b[i - 1]);
		const after = isLetter(b[e]);
		// Windows-1252: an accented letter inside a word of ASCII letters, or a lone symbol or
		// letter (£, à); two together away from any ASCII letter are unlikely, three never.
		// 0x81 0x8D 0x8F 0x90 0x9D are unassigned.
		for (let k = i; k < e; k++) {
			const c = b[k];
			if (len > 2 || c === 0x81 || c === 0x8d || c === 0x8f || c === 0x90 || c === 0x9d) latin--;
			else if (isLatinLetter(c)) latin += before || after ? 1 : len === 1 ? 0.5 : 0.1;
			else latin += len === 1 ? 1 : before || after ? 0.5 : 0.1;
		}
		// GB18030: pairs (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F); a run's last lead may take an
		// ASCII trail (a rare GBK extension character) or start a four-byte sequence.
		let next = e;
		for (let k = i; k < e; k++) {
			const c = b[k];
			if (c === 0x80 || c === 0xff) gb--;
			else if (k + 1 < e) {
				const t = b[++k];
				const common =
					((c >= 0xb0 && c <= 0xf7) || (c >= 0xa1 && c <= 0xa9)) && t >= 0xa1 && t <= 0xfe;
				// A lone pair inside a Latin word (ação) is more likely two accented letters.
				gb += t === 0xff ? -2 : len === 2 && before && after ? 0.2 : common ? 2 : 0.6;
			} else if (isDigit(b[e]) && b[e + 1] >= 0x81 && b[e + 1] <= 0xfe && isDigit(b[e + 2])) {
				gb += 2;
				next = e + 3;
			} else if (b[e] >= 0x40 && b[e] <= 0x7e) {
				// Rare in Chinese text, and after an ASCII letter a Latin word (Müller, Ångström).
				gb += before ? 0 : 0.1;
			} else gb--;
		}
		i = next;
	}
	return { gb, latin };
}

const SAMPLE_BYTES = 1 << 18;
const SAMPLE_ROWS = 300;
const FOOTER_SEARCH_BYTES = 1 << 18;

/** Bytes at the start of a text that sniffDialect() reads, beside the tail it reads for a footer. */
export const SNIFF_HEAD_BYTES = SAMPLE_BYTES + 1;

/** Bytes at the end of a text that sniffDialect() reads for a footer. */
export const SNIFF_TAIL_BYTES = FOOTER_SEARCH_BYTES;

/** Field delimiters tried, in order of preference between readings that score the same. */
const DELIMITERS = [
	',',
	';',
	'\t',
	'|',
	' ',
	':',
	'^',
	'~',
	'#',
	'/',
	'!',
	'*',
	'&',
	'+',
	'=',
	'\x01',
	'\x1f',
];

interface Candidate extends Pick<Dialect, 'delimiter' | 'collapse' | 'quote' | 'escape'> {
	/** How likely the layout is before reading: less than 1 for the rarer of two that read alike. */
	prior: number;
	/** The share of its rival's score (the candidate before it) that is enough to win. */
	rivalry: number;
}

/** A candidate's reading of the sample: its score and where the table lies in it, in rows. */
interface Reading {
	score: number;
	width: number;
	/** First row of the table (its header when it has one). */
	start: number;
	/** Row after the last table row: rows after it are a footer. */
	end: number;
	/** Per column, the kind most of its values have. */
	kinds: Kind[];
}

/**
 * The dialect under which the first 256 KB read as the most table-like: the most rows sharing one
 * field count (more than one), the most values that look typed (numbers, dates) or plain, each
 * column holding one kind of value, and no stray quotes (the data-consistency measure of
 * CleverCSV, with the table's preamble and footer left out). Also finds the header row, preamble
 * lines above the table and footer lines below it (a total row, a note). `forced` fixes the
 * delimiter, and the rest is sniffed under it.
 *
 * A text too long to hold whole is seen through its two ends, and the dialect is the one the
 * whole text gives: `bytes` is then its first SNIFF_HEAD_BYTES or more, and `tail` its end from a
 * point P past those, at least SNIFF_TAIL_BYTES before the end (P's first few bytes may be a
 * character cut by the slice) — or from the first line feed after such a point P.
 */
export function sniffDialect(
	bytes: Uint8Array,
	forced?: Pick<Dialect, 'delimiter' | 'collapse'>,
	tail?: Uint8Array,
): Dialect {
	let end = Math.min(bytes.length, SAMPLE_BYTES);
	if (end < bytes.length) {
		const lf = bytes.lastIndexOf(10, end);
		if (lf > 0) end = lf + 1;
	}
	const sample = bytes.subarray(0, end);
	const truncated = end < bytes.length;
	let best: { c: Candidate; r: Reading } | null = null;
	for (const c of candidates(sample, forced)) {
		const rival = best !== null && best.c.delimiter === c.delimiter && best.c.quote === c.quote;
		const toBeat = (best?.r.score ?? 0) * (rival ? c.rivalry : 1);
		const r = readAs(sample, truncated, c, toBeat);
		if (best === null || r.score > toBeat * (1 + 1e-9)) best = { c, r };
	}
	// One column, read with a delimiter found only inside quotes or nowhere.
	const one: Candidate = {
		delimiter: forced?.delimiter ?? oneColumnDelimiter(sample),
		collapse: forced?.collapse ?? false,
		quote: '"',
		escape: '"',
		prior: 1,
		rivalry: 1,
	};
	const r1 = readAs(sample, truncated, one, best?.r.score ?? 0, true);
	if (best === null || r1.score > best.r.score * (1 + 1e-9)) best = { c: one, r: r1 };
	const { c, r } = best;
	const dialect: Dialect = {
		delimiter: c.delimiter,
		collapse: c.collapse,
		quote: c.quote,
		escape: c.escape,
		headerRow: null,
		skippedLines: 0,
	};
	let rowStart = skipRows(sample, dialect, r.start);
	// Blank lines between the preamble and the header belong to the preamble.
	while (rowStart > 0 && (sample[rowStart] === 10 || sample[rowStart] === 13)) rowStart++;
	dialect.skippedLines = countLines(sample, 0, rowStart);
	dialect.headerRow = hasHeader(sample.subarray(rowStart), dialect, r.end - r.start) ? 0 : null;
	dialect.footerLines =
		tail === undefined
			? countFooterLines(bytes, dialect, r, rowStart)
			: countFooterLines(tail, dialect, r, -1);
	return dialect;
}

function candidates(
	sample: Uint8Array,
	forced?: Pick<Dialect, 'delimiter' | 'collapse'>,
): Candidate[] {
	const has = (ch: string) => sample.includes(ch.charCodeAt(0));
	// Space-aligned columns show runs of spaces; single spaces where most lines have a tab are
	// prose (`Ann Lee<tab>12`), however regular. The first 64 KB tell.
	const head = sample.subarray(0, 1 << 16);
	const aligned = includesPair(head, 32, 32) || !mostLinesHave(head, 9);
	const delimiters = forced
		? [forced]
		: DELIMITERS.filter((d) => has(d) && (d !== ' ' || aligned)).map((d) => ({
				delimiter: d,
				collapse: d === ' ',
			}));
	// Without a quote character in the sample, quoting with `"` reads the same as none: offer the
	// conventional `"` alone.
	const quotes: (string | null)[] = ['"'];
	if (has("'")) quotes.push("'");
	if (has('"')) quotes.push(null);
	const out: Candidate[] = [];
	for (const d of delimiters) {
		// Space-aligned columns are the rarer layout: a delimiter that reads as well wins.
		const prior = d.collapse ? 0.9 : 1;
		for (const quote of quotes) {
			out.push({ ...d, quote, escape: quote, prior, rivalry: 1 });
			// A backslash before a quote is a sign of backslash escapes: within 5% of doubling
			// (which may read the same: `'a\',b'`), they win.
			if (quote !== null && includesPair(sample, 92, quote.charCodeAt(0)))
				out.push({ ...d, quote, escape: '\\', prior, rivalry: 0.95 });
		}
	}
	return out;
}

function oneColumnDelimiter(sample: Uint8Array): string {
	for (const d of [',', '\t', ';', '|']) {
		if (!sample.includes(d.charCodeAt(0))) return d;
		const c = {
			delimiter: d,
			collapse: false,
			quote: '"',
			escape: '"',
			headerRow: null,
			skippedLines: 0,
		};
		if (tokenize(sample, c, { maxRows: SAMPLE_ROWS }).fieldCounts.every((w) => w <= 1)) return d;
	}
	return ',';
}

function mostLinesHave(b: Uint8Array, x: number): boolean {
	let lines = 0;
	let having = 0;
	let seen = false;
	for (let i = 0; i < b.length; i++) {
		if (b[i] === x) seen = true;
		else if (b[i] === 10) {
			lines++;
			if (seen) having++;
			seen = false;
		}
	}
	return having * 2 > lines;
}

function includesPair(b: Uint8Array, x: number, y: number): boolean {
	for (let i = b.indexOf(x); i >= 0 && i + 1 < b.length; i = b.indexOf(x, i + 1))
		if (b[i + 1] === y) return true;
	return false;
}

/** What a value looks like, for the type score: typed values and plain text are what tables hold. */
const enum Kind {
	Empty,
	Number,
	Date,
	Text,
	/** Holds another common delimiter or has another quote at one end: a wrong split, or text. */
	Mixed,
	/** Wrapped in another quote character: a quoted field read unquoted. */
	Odd,
}

const WEIGHT = [1, 1, 1, 0.8, 0.3, 0];
const DATE =
	/^\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]m)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{4}年\d{1,2}月\d{1,2}日|^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?$/i;

/** Delimiters that a value read under the right dialect seldom holds unquoted. */
const COMMON = ',;|\t';

/** What makes a value odd under a dialect: another common delimiter inside it, another quote at an end. */
interface Oddness {
	inside: string;
	ends: string;
}

const NOT_ODD: Oddness = { inside: '', ends: '' };

const oddness = (c: Pick<Dialect, 'delimiter' | 'quote'>): Oddness => ({
	inside: COMMON.replace(c.delimiter, ''),
	ends: '"\''.replace(c.quote ?? '', ''),
});

function kindOf(v: string, odd: Oddness = NOT_ODD): Kind {
	const s = v.trim();
	// Missing, or a rule of dashes drawn under a header.
	if (isMissing(s) || /^[-=_+:]+$/.test(s)) return Kind.Empty;
	// Numbers and dates have digits: most text is ruled out without the parsers.
	if (/\d/.test(s)) {
		if (!Number.isNaN(parseNumber(s, '.')) || !Number.isNaN(parseNumber(s, ',')))
			return Kind.Number;
		if (DATE.test(s)) return Kind.Date;
	}
	const first = odd.ends.includes(s[0]);
	if (first && s.length > 1 && s[s.length - 1] === s[0]) return Kind.Odd;
	if (first || odd.ends.includes(s[s.length - 1])) return Kind.Mixed;
	for (const d of odd.inside) {
		// `Müller, Hans` is prose; `Hans;3` is a split gone wrong.
		for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + 1))
			if (s[i + 1] !== ' ' || (d !== ',' && d !== ';')) return Kind.Mixed;
	}
	return Kind.Text;
}

/**
 * Scores a candidate on the sample: consistency (share of table rows with the modal field count)
 * × types (weighted kinds, × how uniform each column is) × width ((w−1)/w, 0.1 for one column)
 * × coverage² (share of lines in the table) × quoting² (1 − 2 × malformed fields per row) × the
 * candidate's prior.
 * Types cost the most and are at most 1: they are skipped (score 0) when the rest cannot beat
 * `toBeat`.
 */
function readAs(
	sample: Uint8Array,
	truncated: boolean,
	c: Candidate,
	toBeat: number,
	oneColumn = false,
): Reading {
	const t = tokenize(
		sample,
		{ ...c, headerRow: null, skippedLines: 0 },
		{ maxRows: SAMPLE_ROWS, expectedRows: SAMPLE_ROWS },
	);
	// A last row cut by the end of the sample would look ragged.
	const n = truncated && t.end >= sample.length ? t.rows - 1 : t.rows;
	const w = t.fieldCounts;
	let m = oneColumn ? 1 : 0;
	if (!oneColumn) {
		const counts = new Map<number, number>();
		let top = 0;
		for (let r = 0; r < n; r++) counts.set(w[r], (counts.get(w[r]) ?? 0) + 1);
		for (const [k, v] of counts) if (k >= 2 && (v > top || (v === top && k > m))) [m, top] = [k, v];
	}
	const filled = (r: number) => {
		let k = 0;
		for (let col = 0; col < w[r]; col++) if (t.columns[col]!.codes[r] >= 0) k++;
		return k;
	};
	// The table starts at the first row of the modal width; a title padded with empty fields to
	// that width (`Monthly orders;;`) is not one.
	let start = 0;
	while (start < n && (w[start] !== m || (m > 1 && filled(start) < 2))) start++;
	if (start === n) {
		start = 0;
		while (start < n && w[start] !== m) start++;
	}
	if (m === 0 || start === n) return { score: 0, width: 1, start: 0, end: n, kinds: [] };
	// A header one field short (R's write.csv) or data rows with a trailing delimiter.
	if (start > 0 && m > 2 && w[start - 1] === m - 1 && filled(start - 1) === m - 1) start--;
	let end = n;
	// A footer can only be seen when the sample holds the whole file.
	if (!truncated) while (end > start + 1 && w[end - 1] !== m) end--;
	let consistent = 0;
	for (let r = start; r < end; r++) if (w[r] === m) consistent++;
	const body = end - start;
	// One row is no table, when there are more.
	if (body < 2 && n > 1) return { score: 0, width: m, start, end, kinds: [] };
	// Well-formed data has no malformed quoted field; a wrong quote or escape makes one per use.
	const quoting = Math.max(0, 1 - (2 * t.malformed) / body);
	let pattern = c.prior * (consistent / body) * (m === 1 ? 0.1 : (m - 1) / m) * quoting * quoting;
	const skip = { score: 0, width: m, start, end, kinds: [] };
	if (pattern <= toBeat) return skip;
	// Rows outside the table count by their lines: a quote left open swallows many into one row.
	if (start > 0 || end < n) {
		const dialect = { ...c, headerRow: null, skippedLines: 0 };
		const from = skipRows(sample, dialect, start);
		const lines = lineCount(sample, from, skipRows(sample, dialect, end));
		// Out of the lines of the rows read: the first SAMPLE_ROWS of a longer sample.
		const read = t.end < sample.length ? skipRows(sample, dialect, n) : sample.length;
		pattern *= (lines / lineCount(sample, 0, read)) ** 2;
		if (pattern <= toBeat) return skip;
	}
	// Types: the first row may be a header, so it only counts when mixed or odd.
	const odd = oneColumn ? NOT_ODD : oddness(c);
	let weight = 0;
	let uniform = 0;
	const kinds: Kind[] = [];
	for (let col = 0; col < m; col++) {
		const tc = t.columns[col];
		const byCode = tc ? tc.dict.values().map((v) => kindOf(v, odd)) : [];
		const head = tc && tc.codes[start] >= 0 ? byCode[tc.codes[start]] : Kind.Empty;
		weight += head >= Kind.Mixed ? WEIGHT[head] : 1;
		const tally = [0, 0, 0, 0, 0, 0];
		for (let r = start + 1; r < end; r++) {
			const code = tc && r < tc.codes.length ? tc.codes[r] : -1;
			tally[code < 0 ? Kind.Empty : byCode[code]]++;
		}
		// The kind most values have; mixed and odd values belong to none.
		let top = Kind.Empty;
		let present = tally[Kind.Mixed] + tally[Kind.Odd];
		for (let k = Kind.Number; k <= Kind.Text; k++) {
			present += tally[k];
			if (tally[k] > (top === Kind.Empty ? 0 : tally[top])) top = k;
		}
		kinds.push(top);
		// Smoothed, so that one stray value in a short column is not all the evidence.
		uniform += ((top === Kind.Empty ? 0 : tally[top]) + 1) / (present + 1);
		for (let k = 0; k < tally.length; k++) weight += tally[k] * WEIGHT[k];
	}
	const types = (weight / (body * m)) * (uniform / m);
	return { score: pattern * types, width: m, start, end, kinds };
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

/** Lines begun in bytes[start, end). */
function lineCount(bytes: Uint8Array, start: number, end: number): number {
	return countLines(bytes, start, end) + (end > start && bytes[end - 1] !== 10 ? 1 : 0);
}

/** Line feeds in bytes[start, end). */
function countLines(bytes: Uint8Array, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) if (bytes[i] === 10) n++;
	return n;
}

const MAX_FOOTER_ROWS = 20;
const TOTAL =
	/^(grand\s*)?(sub)?totals?\b|^sum\b|^summe\b|^gesamt|^totaal|^totale\b|^合计|^總計|^总计|^小计|^共计|^合計/i;

/**
 * Lines at the end of the file that are not rows of the table: rows of only empty fields, a row
 * that starts with "Total" (合计, Summe …), a lone field, or a row of another width whose values
 * do not fit the columns. Read from the last 16 KB (256 KB for long rows), so it works on a file of
 * any size. `tableStart` is −1 when `bytes` are the tail of a text whose table starts before them.
 */
function countFooterLines(
	bytes: Uint8Array,
	dialect: Dialect,
	r: Reading,
	tableStart: number,
): number {
	if (r.width < 2) return 0;
	const { t, from } = lastRows(bytes, dialect, tableStart);
	const cell = (row: number, col: number) => {
		const code = col < t.fieldCounts[row] ? t.columns[col]!.codes[row] : -1;
		return code < 0 ? '' : t.columns[col]!.dict.value(code).trim();
	};
	let k = t.rows;
	while (
		k > 0 &&
		t.rows - k < MAX_FOOTER_ROWS &&
		isFooterRow(t.fieldCounts[k - 1], (col) => cell(k - 1, col), r, oddness(dialect))
	)
		k--;
	if (k === t.rows) return 0;
	if (from === tableStart) {
		if (k < (dialect.headerRow === 0 ? 2 : 1)) return 0;
	} else {
		// The rows above the footer must read as the table: a tail that starts inside a quoted
		// field would read as noise.
		if (k < 3) return 0;
		for (let row = k - 3; row < k; row++) if (t.fieldCounts[row] !== r.width) return 0;
	}
	let start = tokenize(bytes, dialect, { start: from, maxRows: k }).end;
	while (start < bytes.length && (bytes[start] === 10 || bytes[start] === 13)) start++;
	let end = bytes.length;
	while (
		end > start &&
		(bytes[end - 1] === 10 ||
			bytes[end - 1] === 13 ||
			bytes[end - 1] === 32 ||
			bytes[end - 1] === 9)
	)
		end--;
	let lines = 1;
	for (let i = start; i < end; i++) {
		if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) lines++;
	}
	return lines;
}

/**
 * The last rows of the file, read from a line start: the last 16 KB, or 256 KB when its rows are
 * too long to give a footer and three rows above it.
 */
function lastRows(
	bytes: Uint8Array,
	dialect: Dialect,
	tableStart: number,
	size = 1 << 14,
): { t: ReturnType<typeof tokenize>; from: number } {
	let from = Math.max(tableStart, bytes.length - size, 0);
	if (from > tableStart) from = bytes.indexOf(10, from) + 1 || bytes.length;
	const t = tokenize(bytes, dialect, { start: from });
	if (t.rows <= MAX_FOOTER_ROWS + 3 && from > tableStart && size < FOOTER_SEARCH_BYTES)
		return lastRows(bytes, dialect, tableStart, FOOTER_SEARCH_BYTES);
	return { t, from };
}

function isFooterRow(
	fields: number,
	cell: (col: number) => string,
	r: Reading,
	odd: Oddness,
): boolean {
	const present: number[] = [];
	for (let col = 0; col < fields; col++) if (!isMissing(cell(col))) present.push(col);
	if (present.length === 0) return true;
	if (TOTAL.test(cell(present[0]))) return true;
	if (fields === 1) return true;
	if (fields === r.width) return false;
	let fit = 0;
	for (const col of present) {
		const want = r.kinds[col] ?? Kind.Text;
		const got = kindOf(cell(col), odd);
		if (got === want || (want === Kind.Text && got < Kind.Mixed)) fit++;
	}
	return fit * 2 <= present.length;
}

/**
 * Whether the first row is a header: none of its cells is a number or a date, and its cells stand
 * out from the values below them: over a column of numbers or dates, or with another shape than
 * every value below (`sku` over `T1`, `T2`; `name` over `Müller`). A cell that recurs below is
 * data. Ties are no header.
 */
function hasHeader(bytes: Uint8Array, dialect: Dialect, rows: number): boolean {
	const t = tokenize(bytes, dialect, { maxRows: Math.min(60, rows) });
	const columns = t.columns.slice(0, t.fieldCounts[0]).map((col) => {
		const values = col!.dict.values().map((v) => v.trim());
		return (r: number) => (col!.codes[r] < 0 ? '' : values[col!.codes[r]]);
	});
	for (const value of columns) {
		const k = kindOf(value(0));
		if (k === Kind.Number || k === Kind.Date) return false;
	}
	if (t.rows === 1) return true;
	let votes = 0;
	for (const value of columns) {
		const h = value(0);
		if (h === '') continue;
		const shapes = new Set<string>();
		let typed = 0;
		let present = 0;
		let recurs = false;
		for (let r = 1; r < t.rows; r++) {
			const v = value(r);
			const k = kindOf(v);
			if (k === Kind.Empty) continue;
			present++;
			if (k === Kind.Number || k === Kind.Date) typed++;
			if (v === h) recurs = true;
			shapes.add(shapeOf(v));
		}
		if (present === 0) continue;
		if (recurs) votes -= 1;
		else if (typed >= 0.7 * present) votes += 1;
		else if (!shapes.has(shapeOf(h))) votes += 0.5;
	}
	return votes > 0;
}

/** A text as runs of character classes: `Müller` → `Aa`, `C-101` → `A-0`, `客户` → `L`. */
function shapeOf(s: string): string {
	return s
		.replace(/\p{L}/gu, (ch) =>
			ch !== ch.toLowerCase() ? 'A' : ch !== ch.toUpperCase() ? 'a' : 'L',
		)
		.replace(/\p{N}/gu, '0')
		.replace(/\s/g, ' ')
		.replace(/(.)\1+/gu, '$1');
}
