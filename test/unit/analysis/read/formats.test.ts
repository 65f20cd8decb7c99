import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, runAnalysis, type AnalysisResult } from '../../../../src/analysis/analyze';
import { formatTimestamp } from '../../../../src/analysis/dates';
import { cohortsCsv, customersCsv } from '../../../../src/analysis/export';
import { inspectTable } from '../../../../src/analysis/inspect';
import { decodeFile } from '../../../../src/analysis/read/decode';
import { ColumnEncoder, type DecodedTable } from '../../../../src/analysis/read/decoded';
import { readJson } from '../../../../src/analysis/read/json';
import { PARQUET_PARSERS, parquetText } from '../../../../src/analysis/read/parquet';
import {
	openTable,
	readColumns,
	type RawColumn,
	type TableInput,
} from '../../../../src/analysis/read/table';
import { cellText, isoDateText, readXlsx, tableOfCells } from '../../../../src/analysis/read/xlsx';
import { defaultSettings } from '../../../../src/analysis/settings';
import { fixture } from '../../../helpers/fixtures';
import { utf8 } from '../../../helpers/bytes';

/** The texts of a column, row by row (null when missing). */
const texts = (c: RawColumn | null) =>
	c === null ? null : Array.from(c.codes, (code) => (code < 0 ? null : c.values[code]));

const table = (t: DecodedTable) => ({
	header: t.header,
	skippedRows: t.skippedRows,
	rows: t.columns.rows,
	columns: t.columns.columns.map(texts),
});

async function analyse(name: string, sheet?: string): Promise<AnalysisResult> {
	const s = defaultSettings();
	s.read.sheet = sheet;
	return runAnalysis(await decodeFile(fixture(name), { name, sheet }), name, s);
}

/** Runs `f` with the process in another time zone (Node applies a change of TZ at once). */
async function inZone<T>(zone: string, f: () => Promise<T>): Promise<T> {
	const before = process.env.TZ;
	process.env.TZ = zone;
	try {
		return await f();
	} finally {
		process.env.TZ = before;
	}
}

const zones = ['America/Los_Angeles', 'Asia/Shanghai', 'UTC'];

describe('every format gives the analysis of the CSV', () => {
	it.each([
		['orders.xlsx', 'Orders'],
		['orders.json', undefined],
		['orders.ndjson', undefined],
		['orders.parquet', undefined],
	])('runAnalysis(decodeFile(%s)) gives the results of orders.csv', async (name, sheet) => {
		const base = await analyse('orders.csv');
		const other = await analyse(name, sheet);
		expect(customersCsv(other.customers, other.clusters)).toBe(
			customersCsv(base.customers, base.clusters),
		);
		expect(cohortsCsv(other.cohorts)).toBe(cohortsCsv(base.cohorts));
		const { examples: _a, dateFormat: _b, ...report } = other.data.report;
		const { examples: _c, dateFormat: _d, ...baseReport } = base.data.report;
		expect(report).toEqual(baseReport);
		expect(other.data.mapping).toEqual(base.data.mapping);
	});

	it.each(
		zones.flatMap((zone) => [zone, zone].map((z, i) => [z, ['orders.xlsx', 'orders.parquet'][i]])),
	)('runAnalysis(%s, %s) is the same as orders.csv', async (zone, name) => {
		const base = await analyse('orders.csv');
		const other = await inZone(zone, () => analyse(name));
		expect(customersCsv(other.customers, other.clusters)).toBe(
			customersCsv(base.customers, base.clusters),
		);
		expect(cohortsCsv(other.cohorts)).toBe(cohortsCsv(base.cohorts));
	});
});

describe('xlsx', () => {
	it('readXlsx(shapes.xlsx) skips title rows, names merged and empty headers, writes dates as naive text', async () => {
		const t = await readXlsx(fixture('shapes.xlsx'));
		expect(t.sheet).toBe('Sales');
		expect(t.sheets).toEqual(['Sales', 'Empty']);
		expect(table(t)).toEqual({
			header: ['Customer', 'Price', 'Price', 'Ordered', 'Paid', 'Stamp', '', 'Flag'],
			skippedRows: 3,
			rows: 3,
			columns: [
				['C1', 'C2', 'C3'],
				['10', '3.5', '7'],
				['12.5', '4.2', null],
				// ISO date cells (t="d"): the written wall clock; with Z, the UTC one.
				['2024-01-05 10:00:00', '2024-01-06', '2024-01-07 23:30:00'],
				// Serial dates under a date format, one with a time of day.
				['2024-01-05', '2024-02-29 12:00:00', '1999-12-31'],
				// 10:00 is a binary fraction of a day: rounded to the second, not 09:59:59.
				['2024-01-05 10:00:00', '2024-03-31 23:59:00', null],
				['1', '0.30000000000000004', '1234567.125'],
				['TRUE', 'FALSE', 'TRUE'],
			],
		});
	});

	it('openTable(shapes.xlsx) names a merged header Price_2 and an empty one column_7', async () => {
		const source = openTable(await decodeFile(fixture('shapes.xlsx'), { name: 'shapes.xlsx' }));
		expect(source.format).toBe('xlsx');
		expect(source.names).toEqual([
			'Customer',
			'Price',
			'Price_2',
			'Ordered',
			'Paid',
			'Stamp',
			'column_7',
			'Flag',
		]);
		expect(source.profiles.map((p) => p.type)).toEqual([
			'string',
			'number',
			'number',
			'date',
			'date',
			'date',
			'number',
			'boolean',
		]);
		expect(source.dialect).toEqual({
			delimiter: ',',
			collapse: false,
			quote: '"',
			escape: '"',
			headerRow: 0,
			skippedLines: 3,
		});
		expect(source.decimal).toBe('.');
	});

	it.each(zones)('readXlsx(shapes.xlsx) reads the same dates in %s', async (zone) => {
		const t = await inZone(zone, () => readXlsx(fixture('shapes.xlsx')));
		expect(t.columns.columns.slice(3, 6).map(texts)).toEqual([
			['2024-01-05 10:00:00', '2024-01-06', '2024-01-07 23:30:00'],
			['2024-01-05', '2024-02-29 12:00:00', '1999-12-31'],
			['2024-01-05 10:00:00', '2024-03-31 23:59:00', null],
		]);
	});

	it('decodeFile(orders.xlsx, {sheet}) reads the named sheet, the first by default', async () => {
		const first = (await decodeFile(fixture('orders.xlsx'), { name: 'o.xlsx' })) as DecodedTable;
		expect(first.sheet).toBe('Orders');
		expect(first.skippedRows).toBe(2);
		expect(first.columns.rows).toBe(12);
		for (const sheet of ['Notes', 'notes']) {
			const t = (await decodeFile(fixture('orders.xlsx'), { sheet })) as DecodedTable;
			expect(table(t)).toEqual({
				header: ['Note', 'Author'],
				skippedRows: 0,
				rows: 2,
				columns: [
					['Prices in GBP', 'Q1 only'],
					['Ann', 'Bo'],
				],
			});
		}
	});

	it('decodeFile(xlsx, {sheet: unknown}) is a bad_option listing the sheets in both languages', async () => {
		const e = await decodeFile(fixture('orders.xlsx'), { sheet: 'Sheet9' }).catch((x) => x);
		expect(e).toMatchObject({
			name: 'UserError',
			code: 'bad_option',
			text: {
				en: 'The workbook has no sheet "Sheet9". Its sheets are: "Orders", "Notes".',
				zh: '工作簿中没有名为"Sheet9"的工作表。现有工作表："Orders"、"Notes"。',
			},
		});
	});

	it('decodeFile(xlsx, {sheet: an empty one}) says so and names the others', async () => {
		await expect(decodeFile(fixture('shapes.xlsx'), { sheet: 'Empty' })).rejects.toThrow(
			'[empty_file] The sheet "Empty" is empty: there is nothing to analyse. Pick another sheet: "Sales".',
		);
	});

	it('openTable(.xls bytes) refuses the old binary format in both languages', async () => {
		const xls = new Uint8Array(512);
		xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const input = await decodeFile(xls, { name: 'orders.xls' });
		let error: unknown;
		try {
			openTable(input, { name: 'orders.xls' });
		} catch (e) {
			error = e;
		}
		expect(error).toMatchObject({ name: 'UserError', code: 'unknown_format' });
		const text = (error as { text: { en: string; zh: string } }).text;
		expect(text.en).toMatch(/old binary Excel file \(\.xls\).*save it as \.xlsx.*or CSV/);
		expect(text.zh).toMatch(/旧版二进制 Excel 文件（\.xls）.*另存为 \.xlsx.*或 CSV/);
		// Some systems export text tables named .xls: those are read as what they are.
		expect(openTable(utf8('a,b\n1,2\n'), { name: 'export.xls' }).format).toBe('csv');
	});

	it('decodeFile(a zip that is no workbook) says it is not an .xlsx', async () => {
		const zip = zipSync({ 'notes.txt': strToU8('hello') });
		await expect(decodeFile(zip, { name: 'x.zip' })).rejects.toThrow(
			/\[unknown_format\] This is a ZIP archive but not an Excel workbook/,
		);
	});

	it('openTable(xlsx bytes) without decodeFile() is a bug, not a user error', () => {
		expect(() => openTable(fixture('orders.xlsx'), { name: 'orders.xlsx' })).toThrow(
			/must be decoded first with decodeFile/,
		);
	});

	it('tableOfCells(cells) skips titles and blank rows, fills merges, drops empty margins', () => {
		const t = tableOfCells(
			[
				[null, 'Report', null, null],
				[null, null, null, null],
				[null, 'id', 'region', 'amount'],
				[null, 'a', 'North', '1'],
				[null, 'b', null, '2'],
				[null, null, null, null],
				[null, 'c', 'South', '3'],
			],
			[
				{ top: 0, left: 1, bottom: 0, right: 3 },
				{ top: 3, left: 2, bottom: 4, right: 2 },
			],
		)!;
		expect({ ...t, columns: t.columns.columns.map(texts) }).toEqual({
			header: ['id', 'region', 'amount'],
			skippedRows: 2,
			columns: [
				['a', 'b', 'c'],
				['North', 'North', 'South'],
				['1', '2', '3'],
			],
		});
	});

	it('tableOfCells(cells) without a label row has no header', () => {
		const t = tableOfCells([
			['a', '2024-01-05', '3'],
			['b', '2024-01-06', '4'],
		])!;
		expect(t.header).toBeNull();
		expect(t.columns.rows).toBe(2);
		expect(tableOfCells([[null], []])).toBeNull();
	});

	it('cellText(Date) reads the wall clock of a serial date in any zone', async () => {
		for (const zone of zones) {
			await inZone(zone, async () => {
				expect(cellText(new Date(Date.UTC(2024, 0, 5, 9, 59, 59, 999)))).toBe(
					'2024-01-05 10:00:00',
				);
				expect(cellText(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
			});
		}
		expect(cellText(3.5)).toBe('3.5');
		expect(cellText(false)).toBe('FALSE');
		expect(cellText(null)).toBeNull();
	});

	it.each([
		['2024-01-05T10:00:00', '2024-01-05 10:00:00'],
		['2024-01-05', '2024-01-05'],
		['2024-01-05T10:00:00.4', '2024-01-05 10:00:00'],
		['2024-01-07T23:30:00Z', '2024-01-07 23:30:00'],
		['2024-01-08T08:00:00+08:00', '2024-01-08'],
		['2024-01-07T20:30:00-0500', '2024-01-08 01:30:00'],
		['2024-02-30', '2024-02-30'],
		['soon', 'soon'],
	])('isoDateText(%s) is %s', (iso, text) => {
		expect(isoDateText(iso)).toBe(text);
	});
});

describe('json', () => {
	it('readJson({data: [...]}) takes the union of keys in order; nested values as JSON, null missing', () => {
		const t = readJson(
			utf8(
				JSON.stringify({
					data: [
						{ id: 'a', n: 1.5, ok: true, tags: ['x', 'y'] },
						{ id: 'b', extra: { k: 1 }, n: null, ok: false },
						{ id: '', n: -2e-7 },
					],
				}),
			),
			{ name: 'x.json' },
		);
		expect(table(t)).toEqual({
			header: ['id', 'n', 'ok', 'tags', 'extra'],
			skippedRows: 0,
			rows: 3,
			columns: [
				['a', 'b', null],
				['1.5', null, '-2e-7'],
				['true', 'false', null],
				['["x","y"]', null, null],
				[null, '{"k":1}', null],
			],
		});
		expect(t.format).toBe('json');
		expect(t.encoding).toBe('utf-8');
	});

	it('readJson({orders: [...], meta}) reads the one list; several lists are refused', () => {
		const one = readJson(utf8('{"meta": {"v": 1}, "orders": [{"a": 1}, {"a": 2}]}'));
		expect(one.columns.columns.map(texts)).toEqual([['1', '2']]);
		expect(() => readJson(utf8('{"a": [{"x": 1}], "b": [{"x": 2}]}'))).toThrow(
			'[unreadable_file] This JSON is not a table of records: the top-level object holds several lists (a, b).',
		);
		expect(() => readJson(utf8('[{"x": 1}, 2]'))).toThrow(/item 2 of the list is a number/);
	});

	it('readJson(malformed) names the line and column in both languages', () => {
		let error: unknown;
		try {
			readJson(utf8('[\n  {"a": 1},\n  {"a": 2,}\n]'), { name: 'x.json' });
		} catch (e) {
			error = e;
		}
		expect(error).toMatchObject({
			code: 'unreadable_file',
			text: {
				en: 'The JSON is malformed at line 3, column 11 (near "1}, {"a": 2,} ]"), so the file cannot be read. Fix it there, or export the table again as JSON (a list of records, or one record per line) or CSV.',
				zh: 'JSON 在第 3 行第 11 列（"1}, {"a": 2,} ]"附近）格式有误，无法读取文件。请修正该处，或重新导出为 JSON（记录列表，或每行一条记录）或 CSV。',
			},
		});
		expect(() => readJson(utf8('[{"a": 1}'), { name: 'x.json' })).toThrow(/line 1, column 10/);
	});

	it('readJson(ndjson) reads one record per line, and names a broken line', () => {
		const t = readJson(utf8('{"a": 1}\n\n{"b": "x"}\r\n'), { name: 'x.ndjson' });
		expect(table(t)).toEqual({
			header: ['a', 'b'],
			skippedRows: 0,
			rows: 2,
			columns: [
				['1', null],
				[null, 'x'],
			],
		});
		// A .json file of one record per line is read the same way.
		expect(readJson(utf8('{"a": 1}\n{"a": 2}\n'), { name: 'x.json' }).columns.rows).toBe(2);
		expect(() => readJson(utf8('{"a": 1}\n{"a": 2\n'), { name: 'x.jsonl' })).toThrow(
			/\[unreadable_file\] The JSON is malformed at line 2, column 8/,
		);
		expect(() => readJson(utf8('{"a": 1}\n[1]\n'), { name: 'x.jsonl' })).toThrow(
			/line 2 holds a list/,
		);
	});

	it('readJson(...) refuses empty input and warns about integers too large to be exact', () => {
		expect(() => readJson(utf8('[]'))).toThrow(/\[empty_file\]/);
		expect(() => readJson(utf8(' \n'))).toThrow(/\[empty_file\]/);
		const t = readJson(utf8('\ufeff[{"id": 12345678901234567890}]'));
		expect(t.warnings.map((w) => w.code)).toEqual(['inexact_numbers']);
	});
});

describe('parquet', () => {
	it('parquetText(value) writes numbers, BigInt, decimals, nested values and null as text', () => {
		expect(parquetText(null)).toBeNull();
		expect(parquetText(undefined)).toBeNull();
		expect(parquetText(NaN)).toBeNull();
		expect(parquetText('x')).toBe('x');
		expect(parquetText(3.5)).toBe('3.5');
		expect(parquetText(12345678901234567890n)).toBe('12345678901234567890');
		expect(parquetText(12.340000000000002, 2)).toBe('12.34');
		expect(parquetText(true)).toBe('true');
		expect(parquetText({ a: 1n, b: [1, 2] })).toBe('{"a":"1","b":[1,2]}');
		expect(parquetText(new Uint8Array([1, 255]))).toBe('01ff');
	});

	it('PARQUET_PARSERS write timestamps and dates as naive UTC text, before 1970 too', async () => {
		for (const zone of zones) {
			await inZone(zone, async () => {
				const p = PARQUET_PARSERS;
				expect(p.timestampFromMilliseconds!(1704448800000n)).toBe('2024-01-05 10:00:00');
				expect(p.timestampFromMicroseconds!(1704448800000123n)).toBe('2024-01-05 10:00:00');
				expect(p.timestampFromMicroseconds!(-1n)).toBe('1969-12-31 23:59:59.999');
				expect(p.timestampFromNanoseconds!(1704412800000000000n)).toBe('2024-01-05');
				expect(p.dateFromDays!(19727)).toBe('2024-01-05');
			});
		}
	});

	it('decodeFile(broken parquet) is an unreadable_file error', async () => {
		const bytes = utf8('PAR1 not really PAR1');
		await expect(decodeFile(bytes, { name: 'x.parquet' })).rejects.toThrow(
			/\[unreadable_file\] This Parquet file cannot be read/,
		);
	});
});

describe('decoded tables in the reader', () => {
	it('readColumns(source of a decoded table) returns its columns without reading again', async () => {
		const input = await decodeFile(fixture('orders.xlsx'), { name: 'o.xlsx' });
		const source = openTable(input);
		expect(readColumns(source, null)).toBe((input as DecodedTable).columns);
		const kept = readColumns(source, [true, false, false, false, false, false, false, false]);
		expect(kept.columns.map((c) => c !== null)).toEqual([
			true,
			false,
			false,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(readTable(input, 'o.xlsx', {}).source).not.toHaveProperty('columns');
	});

	it('inspectTable(orders.xlsx) reports the format, the sheets and the title rows skipped', async () => {
		const input: TableInput = await decodeFile(fixture('orders.xlsx'), { name: 'orders.xlsx' });
		const { warningsBilingual: _, ...out } = inspectTable(input, 'orders.xlsx', {});
		expect(out).toMatchObject({
			file: 'orders.xlsx',
			bytes: fixture('orders.xlsx').length,
			format: 'xlsx',
			sheet: 'Orders',
			sheets: ['Orders', 'Notes'],
			encoding: 'utf-8',
			dialect: { delimiter: ',', quote: '"', escape: '"', header_row: 0, skipped_lines: 2 },
			rows: 12,
			date_format: 'yyyy-mm-dd',
			decimal: '.',
		});
		expect(Object.keys(out).slice(0, 6)).toEqual([
			'file',
			'bytes',
			'format',
			'sheet',
			'sheets',
			'encoding',
		]);
	});

	it('ColumnEncoder numbers values by first appearance in row order, whatever the order filled', () => {
		const e = new ColumnEncoder();
		e.set(2, 'b');
		e.set(0, 'a');
		e.set(1, '');
		e.set(3, 'b');
		expect(e.finish(5)).toEqual({ codes: Int32Array.from([0, -1, 1, 1, -1]), values: ['a', 'b'] });
	});

	it('formatTimestamp(ms) writes a date, a time to the second, and milliseconds only when set', () => {
		expect(formatTimestamp(Date.UTC(2024, 1, 29))).toBe('2024-02-29');
		expect(formatTimestamp(Date.UTC(2024, 1, 29, 7, 5, 9))).toBe('2024-02-29 07:05:09');
		expect(formatTimestamp(Date.UTC(1969, 11, 31, 23, 59, 59, 5))).toBe('1969-12-31 23:59:59.005');
	});
});
