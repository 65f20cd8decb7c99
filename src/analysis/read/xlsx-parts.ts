/**
 * What read-excel-file does not report about a workbook, read straight from its zip: the sheet
 * names (without parsing every sheet), merged ranges, and the original text of ISO date cells
 * (`t="d"`), which the library turns into a Date in the machine's time zone.
 */
import { unzipSync } from 'fflate';
import { UserError } from '../../shared/errors';

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

const decoder = new TextDecoder();

function unzip(bytes: Uint8Array, names: Set<string>): Record<string, Uint8Array> {
	try {
		return unzipSync(bytes, { filter: (f) => names.has(f.name) });
	} catch (e) {
		throw unreadableWorkbook(e instanceof Error ? e.message : String(e));
	}
}

/** The sheets of a workbook in order, from xl/workbook.xml and its relationships. */
export function listSheets(bytes: Uint8Array): SheetEntry[] {
	const files = unzip(bytes, new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']));
	const workbook = files['xl/workbook.xml'];
	if (!workbook) {
		throw new UserError('unknown_format', {
			en: 'This is a ZIP archive but not an Excel workbook (.xlsx). Save the table as .xlsx or CSV and try again.',
			zh: '这是一个 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）。请将表格另存为 .xlsx 或 CSV 后重试。',
		});
	}
	const targets = new Map<string, string>();
	const rels = files['xl/_rels/workbook.xml.rels'];
	for (const tag of tags(rels ? decoder.decode(rels) : '', 'Relationship')) {
		const id = attr(tag, 'Id');
		const target = attr(tag, 'Target');
		// Chart sheets and macro sheets are listed among the sheets too, but hold no table.
		const type = attr(tag, 'Type') ?? '/worksheet';
		if (id !== null && target !== null && type.endsWith('/worksheet'))
			targets.set(id, sheetPath(target));
	}
	const sheets: SheetEntry[] = [];
	for (const tag of tags(decoder.decode(workbook), 'sheet')) {
		const name = attr(tag, 'name');
		// The relationship id is `r:id`, whatever prefix the writer bound to the namespace.
		const id = /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];
		const path = id === undefined ? undefined : targets.get(unescapeXml(id));
		if (name !== null && path !== undefined) sheets.push({ name, path });
	}
	if (sheets.length === 0) throw unreadableWorkbook('no sheets in xl/workbook.xml');
	return sheets;
}

/** A relationship target is relative to xl/, or absolute from the root of the zip. */
function sheetPath(target: string): string {
	const t = unescapeXml(target);
	return t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
}

/** The merged ranges of a sheet and the text of its ISO date cells by `row,column` (0-based). */
export function readSheetExtras(
	bytes: Uint8Array,
	path: string,
): { merges: CellRange[]; isoDates: Map<string, string> } {
	const xml = unzip(bytes, new Set([path]))[path];
	const merges: CellRange[] = [];
	const isoDates = new Map<string, string>();
	if (!xml) return { merges, isoDates };
	// mergeCells follows sheetData. This second inflate of the sheet costs about a tenth of
	// read-excel-file's own reading of it.
	const end = lastIndexOf(xml, encode('</sheetData>'));
	for (const tag of tags(decoder.decode(end < 0 ? xml : xml.subarray(end)), 'mergeCell')) {
		const ref = attr(tag, 'ref');
		const range = ref === null ? null : parseRange(ref);
		if (range) merges.push(range);
	}
	// ISO date cells are rare (Excel writes dates as serial numbers): look only when there is one.
	const data = decoder.decode(end < 0 ? xml : xml.subarray(0, end));
	if (data.includes(' t="d"')) {
		for (const m of data.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			if (m[2] === undefined || attr(m[1], 't') !== 'd') continue;
			const at = parseCell(attr(m[1], 'r') ?? '');
			const v = /<v>([^<]*)<\/v>/.exec(m[2])?.[1];
			if (at && v !== undefined) isoDates.set(`${at[0]},${at[1]}`, unescapeXml(v).trim());
		}
	}
	return { merges, isoDates };
}

/** [row, column], 0-based, of a reference like `AB12`; null when it is not one. */
export function parseCell(ref: string): [number, number] | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
	if (!m) return null;
	let col = 0;
	for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
	return [Number(m[2]) - 1, col - 1];
}

function parseRange(ref: string): CellRange | null {
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
	return m ? unescapeXml(m[1]) : null;
}

function unescapeXml(s: string): string {
	return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
		if (e[0] === '#')
			return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
		return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp'];
	});
}

const encode = (s: string) => new TextEncoder().encode(s);

function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
	const first = needle[0];
	for (let i = hay.lastIndexOf(first); i >= 0; i = i > 0 ? hay.lastIndexOf(first, i - 1) : -1) {
		let k = 1;
		while (k < needle.length && hay[i + k] === needle[k]) k++;
		if (k === needle.length) return i;
	}
	return -1;
}

/** The workbook cannot be read: a broken zip or XML. */
export function unreadableWorkbook(detail: string): UserError {
	return new UserError('unreadable_file', {
		en: `This Excel workbook cannot be read (${detail}). Open it in Excel or LibreOffice, save it again as .xlsx (or CSV) and try again.`,
		zh: `无法读取此 Excel 工作簿（${detail}）。请在 Excel 或 LibreOffice 中打开，重新另存为 .xlsx（或 CSV）后重试。`,
	});
}
