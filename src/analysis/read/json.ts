/**
 * JSON tables (§7): an array of records, `{"data": [...]}` (or an object with a single array
 * property), or one record per line (NDJSON / JSON Lines).
 */
import { UserError } from '../../shared/errors';
import type { Warning } from '../types';
import { ColumnEncoder, type DecodedTable } from './decoded';
import { decodeText, emptyFile } from './sniff';

/**
 * Reads a JSON or NDJSON file into columns named by the union of the records' keys, in order of
 * first appearance. Strings stay as they are, numbers and booleans become their JSON text, nested
 * objects and arrays their JSON; null and absent keys are missing. A `.ndjson`/`.jsonl` name, or a
 * `.json` file whose first line is a whole record, is read line by line.
 */
export function readJson(
	bytes: Uint8Array,
	options: { name?: string; encoding?: string } = {},
): DecodedTable {
	const decoded = decodeText(bytes, options.encoding);
	const text = new TextDecoder().decode(decoded.bytes);
	if (text.trim() === '') throw emptyFile();
	const records = isLines(text, options.name ?? '') ? parseLines(text) : recordsOf(text);
	if (records.length === 0) throw emptyFile();
	const index = new Map<string, number>();
	const encoders: ColumnEncoder[] = [];
	let inexact = 0;
	records.forEach((record, row) => {
		for (const key in record) {
			let i = index.get(key);
			if (i === undefined) {
				i = encoders.length;
				index.set(key, i);
				encoders.push(new ColumnEncoder());
			}
			const v = record[key];
			if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) inexact++;
			encoders[i].set(row, jsonText(v));
		}
	});
	const warnings: Warning[] = [];
	if (inexact > 0) {
		warnings.push({
			code: 'inexact_numbers',
			en: `${inexact} whole numbers in the file are too large to be read exactly (above 9007199254740991), so their last digits may differ. Write such IDs as strings ("…") in the JSON.`,
			zh: `文件中有 ${inexact} 个整数过大（超过 9007199254740991），无法精确读取，末尾几位可能不同。请在 JSON 中把这类编号写成字符串（"…"）。`,
		});
	}
	return {
		format: 'json',
		encoding: decoded.encoding,
		byteLength: bytes.length,
		header: [...index.keys()],
		columns: {
			rows: records.length,
			columns: encoders.map((e) => e.finish(records.length)),
			ragged: 0,
		},
		skippedRows: 0,
		warnings,
	};
}

type JsonRecord = Record<string, unknown>;

/** The text of a JSON value as a cell: null for null. */
export function jsonText(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v);
}

const isRecord = (v: unknown): v is JsonRecord =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function isLines(text: string, name: string): boolean {
	const lower = name.toLowerCase();
	if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return true;
	// Many ".json" exports (BigQuery, MongoDB) hold one record per line.
	const body = text.trim();
	const lf = body.indexOf('\n');
	if (lf < 0 || body[0] !== '{') return false;
	try {
		return isRecord(JSON.parse(body.slice(0, lf)));
	} catch {
		return false;
	}
}

function parseLines(text: string): JsonRecord[] {
	const records: JsonRecord[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (line === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (e) {
			const at = errorPosition(e, line);
			throw malformed(i + 1, at.column, line, at.offset);
		}
		if (!isRecord(value)) {
			const k = kind(value);
			throw notRecords({ en: `line ${i + 1} holds ${k.en}`, zh: `第 ${i + 1} 行是${k.zh}` });
		}
		records.push(value);
	}
	return records;
}

function recordsOf(text: string): JsonRecord[] {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		const at = errorPosition(e, text);
		throw malformed(at.line, at.column, text, at.offset);
	}
	let list: unknown = doc;
	if (isRecord(doc)) {
		const arrays = Object.keys(doc).filter((k) => Array.isArray(doc[k]));
		if (Array.isArray(doc.data)) list = doc.data;
		else if (arrays.length === 1) list = doc[arrays[0]];
		else if (arrays.length === 0)
			throw notRecords({ en: 'the top-level object holds no list', zh: '顶层对象中没有列表' });
		else
			throw notRecords({
				en: `the top-level object holds several lists (${arrays.join(', ')})`,
				zh: `顶层对象中有多个列表（${arrays.join('、')}）`,
			});
	}
	if (!Array.isArray(list)) {
		const k = kind(list);
		throw notRecords({ en: `the file holds ${k.en}`, zh: `文件内容是${k.zh}` });
	}
	const records: JsonRecord[] = [];
	for (let i = 0; i < list.length; i++) {
		const item: unknown = list[i];
		if (item === null) continue;
		if (!isRecord(item)) {
			const k = kind(item);
			throw notRecords({
				en: `item ${i + 1} of the list is ${k.en}`,
				zh: `列表第 ${i + 1} 项是${k.zh}`,
			});
		}
		records.push(item);
	}
	return records;
}

interface Found {
	en: string;
	zh: string;
}

function kind(v: unknown): Found {
	if (v === null) return { en: 'null', zh: 'null' };
	if (Array.isArray(v)) return { en: 'a list', zh: '列表' };
	if (typeof v === 'object') return { en: 'an object', zh: '对象' };
	if (typeof v === 'string') return { en: 'a string', zh: '字符串' };
	if (typeof v === 'number') return { en: 'a number', zh: '数字' };
	return { en: `a ${typeof v}`, zh: typeof v };
}

/**
 * Where JSON.parse stopped, 1-based. Engines word it differently: V8 says `at position N` (newer
 * versions add `(line L column C)`), Firefox `at line L column C`; the end of input has neither.
 */
function errorPosition(e: unknown, text: string): { line: number; column: number; offset: number } {
	const message = e instanceof Error ? e.message : String(e);
	const lc = /line (\d+) column (\d+)/.exec(message);
	const pos = /position (\d+)/.exec(message);
	let offset = pos ? Number(pos[1]) : text.length;
	if (lc && !pos) {
		const lines = text.split('\n');
		const line = Math.min(Number(lc[1]), lines.length);
		offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
	}
	offset = Math.min(offset, text.length);
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - (before.lastIndexOf('\n') + 1) + 1;
	return { line, column, offset };
}

function malformed(line: number, column: number, text: string, offset: number): UserError {
	const near = text
		.slice(Math.max(0, offset - 15), offset + 15)
		.replace(/\s+/g, ' ')
		.trim();
	const where = near === '' ? '' : ` (near "${near}")`;
	return new UserError('unreadable_file', {
		en: `The JSON is malformed at line ${line}, column ${column}${where}, so the file cannot be read. Fix it there, or export the table again as JSON (a list of records, or one record per line) or CSV.`,
		zh: `JSON 在第 ${line} 行第 ${column} 列${near === '' ? '' : `（"${near}"附近）`}格式有误，无法读取文件。请修正该处，或重新导出为 JSON（记录列表，或每行一条记录）或 CSV。`,
	});
}

function notRecords(found: Found): UserError {
	return new UserError('unreadable_file', {
		en: `This JSON is not a table of records: ${found.en}. Export a list of records ([{"customer": …, "date": …}, …]), one record per line, or CSV.`,
		zh: `此 JSON 不是记录表格：${found.zh}。请导出记录列表（[{"customer": …, "date": …}, …]）、每行一条记录的 JSON，或 CSV。`,
	});
}
