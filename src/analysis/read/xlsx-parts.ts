/**
 * The small parts of a workbook, read whole: the sheets in order (xl/workbook.xml and its
 * relationships), whether dates count from 1904, the shared strings, and which cell styles show
 * dates (xl/styles.xml), decided as read-excel-file 9 decides it.
 */
import { UserError } from '../../shared/errors';
import {
	BANG,
	COLON,
	GT,
	LT,
	QUESTION,
	SLASH,
	decodeEntities,
	isName,
	isSpace,
	readRichText,
	skipMarkup,
	tagEnd,
	unescapeXlsx,
	xmlText,
} from './xlsx-xml';
import {
	findEntry,
	readEntry,
	readZipDirectory,
	unreadableWorkbook,
	defaultInflater,
	type Inflater,
	type ZipEntry,
} from './xlsx-zip';

export interface SheetEntry {
	name: string;
	/** Path of its XML inside the zip. */
	path: string;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** A workbook opened: its zip directory and what xl/workbook.xml and its relationships say. */
export interface Workbook {
	bytes: Uint8Array;
	entries: Map<string, ZipEntry>;
	inflater: Inflater;
	sheets: SheetEntry[];
	epoch1904: boolean;
	sharedStringsPath: string;
	stylesPath: string;
}

const decoder = new TextDecoder();

/**
 * Opens a workbook: its sheets in order, from xl/workbook.xml and its relationships. Its parts
 * are inflated with `inflater` (the platform's DecompressionStream where there is one).
 */
export async function openWorkbook(
	bytes: Uint8Array,
	inflater: Inflater = defaultInflater(),
): Promise<Workbook> {
	const entries = readZipDirectory(bytes);
	const part = async (path: string) => {
		const entry = findEntry(entries, path);
		return entry ? decoder.decode(await readEntry(bytes, entry, { inflater })) : null;
	};
	const [workbook, rels] = await Promise.all([
		part('xl/workbook.xml'),
		part('xl/_rels/workbook.xml.rels'),
	]);
	if (workbook === null) {
		throw new UserError('unknown_format', {
			en: 'This is a ZIP archive but not an Excel workbook (.xlsx). Save the table as .xlsx or CSV and try again.',
			zh: '这是一个 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）。请将表格另存为 .xlsx 或 CSV 后重试。',
		});
	}
	const targets = new Map<string, string>();
	let sharedStringsPath = 'xl/sharedStrings.xml';
	let stylesPath = 'xl/styles.xml';
	for (const tag of tags(rels ?? '', 'Relationship')) {
		const id = attr(tag, 'Id');
		const target = attr(tag, 'Target');
		// Chart sheets and macro sheets are listed among the sheets too, but hold no table.
		const type = attr(tag, 'Type') ?? '/worksheet';
		if (target === null) continue;
		if (id !== null && type.endsWith('/worksheet')) targets.set(id, partPath(target));
		else if (type.endsWith('/sharedStrings')) sharedStringsPath = partPath(target);
		else if (type.endsWith('/styles')) stylesPath = partPath(target);
	}
	const sheets: SheetEntry[] = [];
	for (const tag of tags(workbook, 'sheet')) {
		const name = attr(tag, 'name');
		// The relationship id is `r:id`, whatever prefix the writer bound to the namespace.
		const id = /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];
		const path = id === undefined ? undefined : targets.get(decodeEntities(id));
		if (name !== null && path !== undefined) sheets.push({ name, path });
	}
	if (sheets.length === 0) throw unreadableWorkbook('no sheets in xl/workbook.xml');
	const properties = tags(workbook, 'workbookPr').next().value;
	const date1904 = properties === undefined ? null : attr(properties, 'date1904');
	return {
		bytes,
		entries,
		inflater,
		sheets,
		epoch1904: date1904 === '1' || date1904 === 'true',
		sharedStringsPath,
		stylesPath,
	};
}

/** A relationship target is relative to xl/, or absolute from the root of the zip. */
function partPath(target: string): string {
	return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The shared strings of a workbook (none when it has no such part). */
export async function readSharedStrings(book: Workbook): Promise<string[]> {
	const entry = findEntry(book.entries, book.sharedStringsPath);
	if (!entry) return [];
	const b = await readEntry(book.bytes, entry, { inflater: book.inflater });
	const strings: string[] = [];
	const out = { text: '' };
	const n = b.length;
	for (let i = 0; ;) {
		const lt = b.indexOf(LT, i);
		if (lt < 0) return strings;
		const c = b[lt + 1];
		if (c === BANG || c === QUESTION) {
			i = skipMarkup(b, lt, n);
			if (i < 0) break;
			continue;
		}
		let j = c === SLASH ? lt + 2 : lt + 1;
		let start = j;
		while (j < n && b[j] !== SLASH && b[j] !== GT && !isSpace(b[j]))
			if (b[j++] === COLON) start = j;
		const end = tagEnd(b, j, n);
		if (end < 0) break;
		i = end + 1;
		if (c === SLASH || !isName(b, start, j, 'si')) continue;
		if (b[end - 1] === SLASH) {
			strings.push('');
			continue;
		}
		// The usual `<si><t …>text</t></si>` directly; anything else as rich text.
		const t = end + 1;
		if (b[t] === LT && b[t + 1] === 116 && (b[t + 2] === GT || b[t + 2] === 32)) {
			const open = tagEnd(b, t + 2, n);
			let k = open + 1;
			while (k < n && b[k] !== LT) k++;
			if (open > 0 && b[open - 1] !== SLASH && isName(b, k, k + 9, '</t></si>')) {
				strings.push(unescapeXlsx(xmlText(b, open + 1, k)));
				i = k + 9;
				continue;
			}
		}
		i = readRichText(b, end + 1, n, 'si', out);
		if (i < 0) break;
		strings.push(unescapeXlsx(out.text));
	}
	throw unreadableWorkbook(`${entry.name} ends in the middle of a string`);
}

/**
 * For each cell style of the workbook (`<xf>` of `<cellXfs>`), whether its number format shows a
 * date: one of the built-in date formats, or a format code made only of date and time tokens.
 * A style that names no format takes its base style's (`xfId`, when not 0), as read-excel-file has it.
 */
export async function readDateStyles(book: Workbook): Promise<boolean[]> {
	const entry = findEntry(book.entries, book.stylesPath);
	if (!entry) return [];
	const xml = decoder.decode(await readEntry(book.bytes, entry, { inflater: book.inflater }));
	const codes = new Map<number, string | undefined>();
	for (const tag of tags(xml, 'numFmt')) {
		const id = Number(attr(tag, 'numFmtId'));
		codes.set(id, id >= 100 ? (attr(tag, 'formatCode') ?? undefined) : undefined);
	}
	const section = (name: string) =>
		new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>][\\s\\S]*?</(?:[\\w.-]+:)?${name}>`).exec(xml)?.[0] ??
		'';
	// A base style names a format by id only: its code is never looked up.
	const bases = [...tags(section('cellStyleXfs'), 'xf')].map((tag) => {
		const id = attr(tag, 'numFmtId');
		return id ? { id: Number(id), code: undefined } : null;
	});
	return [...tags(section('cellXfs'), 'xf')].map((tag) => {
		const id = attr(tag, 'numFmtId');
		const base = Number(attr(tag, 'xfId'));
		const format = id
			? { id: Number(id), code: codes.get(Number(id)) }
			: base
				? (bases[base] ?? null)
				: null;
		return format !== null && isDateFormat(format.id, format.code);
	});
}

/** Built-in number formats that show dates, in any locale (ECMA-376 §18.8.30 and East Asian ones). */
const DATE_FORMAT_IDS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51,
	52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

const DATE_TOKENS = new Set(
	's ss m mm mmm mmmm mmmmm h hh am pm a p d dd ddd dddd aaa aaaa aaaaa y yy yyyy e ee eeee'.split(
		' ',
	),
);

/** True when number format `id` with format code `code` shows a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
	return DATE_FORMAT_IDS.has(id) || (code !== undefined && code !== '' && isDateFormatCode(code));
}

/**
 * True when a format code shows a date or time: once escapes (`\x`), quoted text, fractions of a
 * second, elapsed-time brackets and prefixes (`[Red]`, `[$-409]`) are set aside, some section is
 * made only of date and time tokens. A stray digit placeholder (`0 # ? %`) makes it a number.
 */
export function isDateFormatCode(code: string): boolean {
	const template = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ');
	return template.split(';').some((section) => {
		const tokens = section
			.replace(/"[^"]*"/g, ' ')
			.replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
			.replace(/\[([smhd]{1,2})\]/g, '$1')
			.replace(/\[[^\]]*\]/g, '')
			.split(/[^a-z0#?%]+/)
			.filter((t) => t !== '');
		return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
	});
}

/** [row, column], 0-based, of a reference like `AB12`; null when it is not one. */
export function parseCell(ref: string): [number, number] | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
	if (!m) return null;
	let col = 0;
	for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
	return [Number(m[2]) - 1, col - 1];
}

/** The range of a reference like `A1:C3` (or one cell); null when it is not one. */
export function parseRange(ref: string): CellRange | null {
	const [a, b = a] = ref.split(':');
	const from = parseCell(a);
	const to = parseCell(b);
	if (!from || !to) return null;
	return {
		top: Math.min(from[0], to[0]),
		left: Math.min(from[1], to[1]),
		bottom: Math.max(from[0], to[0]),
		right: Math.max(from[1], to[1]),
	};
}

/** The attribute strings of every `<name …>` element (any namespace prefix). */
function* tags(xml: string, name: string): Generator<string> {
	const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*)?>`, 'g');
	for (const m of xml.matchAll(re)) yield m[1] ?? '';
}

function attr(tag: string, name: string): string | null {
	const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
	return m ? decodeEntities(m[1]) : null;
}
