import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DecodedTable } from '../../../../src/analysis/read/decoded';
import type { RawColumn } from '../../../../src/analysis/read/table';
import { detectDateFormat, parseNumber } from '../../../../src/analysis/read/values';
import { readXlsx, tableOfCells } from '../../../../src/analysis/read/xlsx';
import { SheetGrid } from '../../../../src/analysis/read/xlsx-grid';
import {
	isDateFormatCode,
	openWorkbook,
	readDateStyles,
	readSharedStrings,
	type CellRange,
} from '../../../../src/analysis/read/xlsx-parts';
import { SheetScanner, readSheetGrid } from '../../../../src/analysis/read/xlsx-sheet';
import { decodeEntities, unescapeXlsx } from '../../../../src/analysis/read/xlsx-xml';
import {
	findEntry,
	readEntry,
	readZipDirectory,
	streamEntry,
	type Inflater,
} from '../../../../src/analysis/read/xlsx-zip';
import { xlsxBytes, type Sheet } from '../../../../scripts/xlsx-writer';
import { fixture } from '../../../helpers/fixtures';
import {
	RANDOM_STYLES,
	randomWorkbook,
	workbookBytes,
	workbookParts,
	type WorkbookXml,
} from '../../../helpers/workbook';

type Cells = (string | null)[][];

const gridCells = (grid: SheetGrid): Cells =>
	Array.from({ length: grid.rows }, (_, r) =>
		Array.from({ length: grid.width }, (_, c) => grid.get(r, c)),
	);

/** The cells of the first sheet, as the reader reads them before finding the table. */
async function cellsOf(w: WorkbookXml | Uint8Array, inflater?: Inflater): Promise<Cells> {
	const book = await openWorkbook(w instanceof Uint8Array ? w : workbookBytes(w), inflater);
	return gridCells((await readSheetGrid(book, book.sheets[0].path)).grid);
}

/** The same, with the sheet's XML pushed in chunks of `size` bytes. */
async function cellsInChunks(w: WorkbookXml, size: number): Promise<Cells> {
	const book = await openWorkbook(workbookBytes(w));
	const scanner = new SheetScanner({
		sharedStrings: await readSharedStrings(book),
		dateStyles: await readDateStyles(book),
		epoch1904: book.epoch1904,
	});
	const xml = await readEntry(book.bytes, findEntry(book.entries, book.sheets[0].path)!);
	for (let i = 0; i < xml.length; i += size) scanner.push(xml.subarray(i, i + size));
	scanner.end();
	return gridCells(scanner.grid);
}

const texts = (c: RawColumn | null) =>
	c === null ? null : Array.from(c.codes, (k) => (k < 0 ? null : c.values[k]));

const table = (t: DecodedTable) => ({
	header: t.header,
	skippedRows: t.skippedRows,
	rows: t.columns.rows,
	columns: t.columns.columns.map(texts),
});

/** Shared strings, as `<si>` inner XML. */
const si = (...ts: string[]) => ts.map((t) => `<t>${t}</t>`);

/** One row of cells of a one-row sheet. */
const row = (cells: string, extra: Partial<WorkbookXml> = {}): WorkbookXml => ({
	sheetData: `<row r="1">${cells}</row>`,
	...RANDOM_STYLES,
	...extra,
});

describe('readSheetGrid: one cell of each kind', () => {
	it.each<[string, WorkbookXml, Cells]>([
		[
			'a shared string',
			row('<c r="A1" t="s"><v>1</v></c>', { sharedStrings: si('a', 'b') }),
			[['b']],
		],
		[
			'the five entities and character references',
			row('<c r="A1" t="s"><v>0</v></c>', {
				sharedStrings: si(
					'Fish &amp; Chips &lt;b&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42;&#X43; &#x1F363;',
				),
			}),
			[[`Fish & Chips <b> "q" 'a' ABC 🍣`]],
		],
		[
			'other references kept as written, nothing expanded',
			row('<c r="A1" t="s"><v>0</v></c>', { sharedStrings: si('a&nbsp;b &#x110000; &lol;') }),
			[['a&nbsp;b &#x110000; &lol;']],
		],
		[
			'rich text runs joined, phonetic runs left out',
			row('<c r="A1" t="s"><v>0</v></c>', {
				sharedStrings: [
					'<r><rPr><b/></rPr><t>東京</t></r><r><t xml:space="preserve"> 都</t></r><rPh sb="0" eb="2"><t>とうきょう</t></rPh><phoneticPr fontId="1"/>',
				],
			}),
			[['東京 都']],
		],
		[
			'_xHHHH_ escapes in strings',
			row('<c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a_x000D_b</t></is></c>', {
				sharedStrings: si('x_x005F_x0041_y _x0041_'),
			}),
			[['x_x0041_y A', 'a\rb']],
		],
		[
			'an inline string, with CDATA',
			row('<c r="A1" t="inlineStr"><is><t><![CDATA[<raw> & ]]>text</t></is></c>'),
			[['<raw> & text']],
		],
		[
			'an empty string as empty',
			row(
				'<c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" t="s"><v>1</v></c>',
				{
					sharedStrings: ['<t/>', '<t> </t>'],
				},
			),
			[[null, null, ' ']],
		],
		[
			'a formula’s cached text; none cached is empty',
			row(
				'<c r="A1" t="str"><f>B1&amp;"x"</f><v>ab&amp;c</v></c><c r="B1" t="str"><f>NOW()</f></c><c r="C1" t="str"><f>""</f><v></v></c>',
			),
			[['ab&c']],
		],
		[
			'booleans',
			row('<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"/>'),
			[['TRUE', 'FALSE']],
		],
		[
			'an error as empty',
			row('<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1"><v>1</v></c>'),
			[[null, '1']],
		],
		[
			'ISO dates as their wall clock, in UTC when zoned',
			row(
				'<c r="A1" t="d"><v>2024-01-05T10:00:00</v></c><c r="B1" t="d"><v>2024-01-06</v></c><c r="C1" t="d"><v>2024-01-07T20:30:00-05:00</v></c><c r="D1" t="d"><v></v></c>',
			),
			[['2024-01-05 10:00:00', '2024-01-06', '2024-01-08 01:30:00']],
		],
		[
			'numbers as JavaScript writes them',
			row(
				[
					'1.50',
					'1e3',
					'-0',
					' 7 ',
					'0.1',
					'0.30000000000000004',
					'123456789012345678',
					'&#49;2',
					'1E-7',
					'.5',
				]
					.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`)
					.join(''),
			),
			[
				[
					'1.5',
					'1000',
					'0',
					'7',
					'0.1',
					'0.30000000000000004',
					'123456789012345680',
					'12',
					'1e-7',
					'0.5',
				],
			],
		],
		[
			'serial dates under date styles, numbers under the others',
			row(
				// RANDOM_STYLES: 1 = 14 (date), 2 = 22 (date-time), 3 = yyyy-mm-dd hh:mm, 4 = 0.00,
				// 5 = [Red]#,##0, 7 = "Day "d, 9 = [h]:mm, 10 = 0%, 12 = 47 (mm:ss.0)
				[1, 2, 3, 4, 5, 7, 9, 10, 12, 0]
					.map(
						(s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>45296.4166666667</v></c>`,
					)
					.join(''),
			),
			[
				[
					'2024-01-05 10:00:00',
					'2024-01-05 10:00:00',
					'2024-01-05 10:00:00',
					'45296.4166666667',
					'45296.4166666667',
					'2024-01-05 10:00:00',
					'2024-01-05 10:00:00',
					'45296.4166666667',
					'2024-01-05 10:00:00',
					'45296.4166666667',
				],
			],
		],
		[
			'serial dates from 1904 when the workbook says so',
			row('<c r="A1" s="1"><v>43834</v></c>', { date1904: true }),
			[['2024-01-05']],
		],
		[
			'gaps between cells and rows, empty cells, empty rows',
			{
				sheetData:
					'<row r="1"><c r="C1"><v>1</v></c></row><row r="2"/><row r="4"><c r="A4"/><c r="B4"><v/></c><c r="D4"><v>2</v></c></row><row r="6"/>',
			},
			[
				[null, null, '1', null],
				[null, null, null, null],
				[null, null, null, null],
				[null, null, null, '2'],
			],
		],
		[
			'rows and cells without a reference, numbered by position',
			{
				sheetData:
					'<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row>',
			},
			[
				['1', '2', null],
				[null, '3', '4'],
			],
		],
		[
			'empty rows after the last value: dropped when numbered, kept when not (as read-excel-file)',
			{ sheetData: '<row><c r="A1"><v>1</v></c></row><row/><row r="3"/>' },
			[['1']],
		],
		[
			'an empty row after the last value, numbered by position alone, is kept',
			{ sheetData: '<row><c r="A1"><v>1</v></c></row><row/>' },
			[['1'], [null]],
		],
		[
			'a namespace prefix, single quotes, spaces, comments and white space',
			{
				sheetData: `<x:row r = '1' spans="1:2">\n  <x:c r='A1' t = "s" ><!-- note -->\n    <x:v>0</x:v>\n  </x:c>\n  <x:c\n r="B1"><x:v><![CDATA[5]]></x:v></x:c></x:row>`,
				sharedStrings: si('a'),
				prefix: 'x',
			},
			[['a', '5']],
		],
	])('%s', async (_, w, cells) => {
		expect(await cellsOf(w)).toEqual(cells);
		expect(await cellsOf(w, 'fflate')).toEqual(cells);
		expect(await cellsInChunks(w, 1)).toEqual(cells);
	});

	it('a DOCTYPE declaring entities expands none of them', async () => {
		const w = row('<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c>');
		const parts = workbookParts(w);
		const lol =
			'<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;">]>';
		parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace(
			'?>\n',
			`?>\n${lol}`,
		);
		const bytes = zipSync(
			Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, new TextEncoder().encode(v)])),
		);
		expect(await cellsOf(bytes)).toEqual([['&lol3;']]);
	});
});

describe('readXlsx: the same results as read-excel-file', () => {
	const recorded = JSON.parse(new TextDecoder().decode(fixture('xlsx-equivalence.json'))) as {
		random: { workbook: WorkbookXml; cells: Cells; merges: CellRange[]; table: unknown }[];
		writer: { sheets: Sheet[]; cells: Cells; merges: CellRange[]; table: unknown }[];
	};
	const cases = [
		...recorded.random.map((c, i) => ({
			name: `random workbook ${i}`,
			bytes: workbookBytes({ ...c.workbook, ...RANDOM_STYLES }),
			...c,
		})),
		...recorded.writer.map((c, i) => ({
			name: `xlsx-writer workbook ${i}`,
			bytes: xlsxBytes(c.sheets),
			...c,
		})),
	];

	it.each(cases)('readSheetGrid($name) reads the cells and merges recorded', async (c) => {
		const book = await openWorkbook(c.bytes);
		const { grid, merges } = await readSheetGrid(book, book.sheets[0].path);
		expect(gridCells(grid)).toEqual(c.cells);
		expect(merges).toEqual(c.merges);
	});

	it.each(cases)('readXlsx($name) makes the table recorded', async (c) => {
		const expected = c.table as { error?: string };
		if (expected.error) await expect(readXlsx(c.bytes)).rejects.toThrow(expected.error);
		else expect(table(await readXlsx(c.bytes))).toEqual(expected);
	});

	it('readXlsx(random workbook) reads alike in any chunking and with either inflater', async () => {
		await fc.assert(
			fc.asyncProperty(fc.nat(100_000), fc.integer({ min: 1, max: 300 }), async (seed, size) => {
				const w = randomWorkbook(seed);
				const cells = await cellsOf(w);
				expect(await cellsInChunks(w, size)).toEqual(cells);
				expect(await cellsOf(w, 'fflate')).toEqual(cells);
			}),
			{ numRuns: 60, seed: 7 },
		);
	});

	it('readXlsx(orders.xlsx, shapes.xlsx) with fflate gives the tables of DecompressionStream', async () => {
		for (const name of ['orders.xlsx', 'shapes.xlsx']) {
			const bytes = fixture(name);
			expect(await cellsOf(bytes, 'fflate')).toEqual(await cellsOf(bytes, 'native'));
		}
	});
});

describe('tableOfCells', () => {
	const cell = fc.oneof(
		{ weight: 3, arbitrary: fc.constant(null) },
		fc.constantFrom('id', 'Name', ' padded ', '12', '3.5', '2024-01-05', 'x', 'y'),
	);
	const grid = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 });
	const range = fc
		.tuple(fc.nat(12), fc.nat(6), fc.nat(3), fc.nat(3))
		.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

	it('tableOfCells(cells, merges) gives what the reader before the grid gave', () => {
		fc.assert(
			fc.property(grid, fc.array(range, { maxLength: 3 }), (cells, merges) => {
				const expected = referenceTable(
					cells.map((r) => [...r]),
					merges,
				);
				const actual = tableOfCells(
					cells.map((r) => [...r]),
					merges,
				);
				expect(actual && { ...actual, columns: actual.columns.columns.map(texts) }).toEqual(
					expected && { ...expected, columns: expected.columns },
				);
			}),
			{ numRuns: 500, seed: 11 },
		);
	});
});

describe('broken and hostile workbooks', () => {
	const unreadable = (detail: string | RegExp) =>
		expect.objectContaining({
			name: 'UserError',
			code: 'unreadable_file',
			text: {
				en: expect.stringMatching(
					new RegExp(
						`^This Excel workbook cannot be read \\(${typeof detail === 'string' ? detail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : detail.source}\\)\\. Open it in Excel or LibreOffice, save it again as \\.xlsx \\(or CSV\\) and try again\\.$`,
					),
				),
				zh: expect.stringMatching(
					/^无法读取此 Excel 工作簿（.*）。请在 Excel 或 LibreOffice 中打开，重新另存为 \.xlsx（或 CSV）后重试。$/,
				),
			},
		});

	it('readXlsx(a truncated workbook) is unreadable, in both languages', async () => {
		const bytes = fixture('orders.xlsx');
		await expect(readXlsx(bytes.subarray(0, bytes.length - 100))).rejects.toEqual(
			unreadable('no zip directory: the file is truncated or not a zip archive'),
		);
		// The directory intact but the sheet's deflate stream cut short.
		const cut = new Uint8Array(bytes);
		const entry = findEntry(readZipDirectory(cut), 'xl/worksheets/sheet1.xml')!;
		cut.fill(0, entry.offset + 60, entry.offset + 60 + entry.compressedSize / 2);
		await expect(readXlsx(cut)).rejects.toMatchObject({ code: 'unreadable_file' });
	});

	it.each<[string, WorkbookXml, string | RegExp]>([
		[
			'a sheet cut short',
			{ sheetData: null, after: '<sheetData><row r="1"><c r="A1"><v>1</v></c>' },
			'the sheet ends in the middle of its data',
		],
		[
			'a shared string that is not there',
			row('<c r="A1" t="s"><v>3</v></c>', { sharedStrings: si('a') }),
			'<c/> at row 1, col 1: VALUE_INVALID',
		],
		[
			'a boolean that is neither 0 nor 1',
			row('<c r="A1" t="b"><v>2</v></c>'),
			'<c/> at row 1, col 1: VALUE_INVALID',
		],
		[
			'a number that is not one',
			row('<c r="B1"><v>1,5</v></c>'),
			'<c/> at row 1, col 2: VALUE_INVALID',
		],
		[
			'an ISO date that is not one',
			row('<c r="A1" t="d"><v>soon</v></c>'),
			'<c/> at row 1, col 1: VALUE_INVALID',
		],
		[
			'an unknown cell type',
			row('<c r="A1" t="x"><v>1</v></c>'),
			'<c/> at row 1, col 1: TYPE_INVALID',
		],
		[
			'a style that is not there',
			row('<c r="A1" s="99"><v>1</v></c>'),
			'<c/> at row 1, col 1: FORMAT_INVALID',
		],
		[
			'cells out of order',
			row('<c r="B1"><v>1</v></c><c r="A1"><v>2</v></c>'),
			'cell 1 of row 1 follows cell 2 of row 1',
		],
		[
			'rows out of order',
			{ sheetData: '<row r="2"/><row r="1"/>' },
			'Out-of-place <row/> number 1 follows <row/> number 2',
		],
		[
			'a cell beyond the last column',
			row('<c r="ZZZ1"><v>1</v></c>'),
			"column 18278 of row 1 lies beyond Excel's last row or column",
		],
		[
			'a row beyond the last row',
			{ sheetData: '<row r="1048577"/>' },
			"row 1048577 lies beyond Excel's last row or column",
		],
		[
			'a malformed attribute',
			row('<c r="A1" t><v>1</v></c>'),
			'malformed XML in the sheet near row 1',
		],
	])('readXlsx(%s) is unreadable and says where', async (_, w, detail) => {
		await expect(readXlsx(workbookBytes(w))).rejects.toEqual(unreadable(detail));
	});

	it('readXlsx(a zip bomb) stops at the limit with a too_large error in both languages', async () => {
		const bytes = new Uint8Array(workbookBytes(row('<c r="A1"><v>1</v></c>')));
		// Declare 3 GiB for the sheet in the central directory: refused before inflating.
		const view = new DataView(bytes.buffer);
		const entries = readZipDirectory(bytes);
		const sheet = entries.get('xl/worksheets/sheet1.xml')!;
		for (let at = bytes.length - 22; at > 0; at--) {
			if (view.getUint32(at, true) !== 0x02014b50) continue;
			if (view.getUint32(at + 42, true) === sheet.offset)
				view.setUint32(at + 24, 3 * 2 ** 30, true);
		}
		await expect(readXlsx(bytes)).rejects.toMatchObject({
			name: 'UserError',
			code: 'too_large',
			text: {
				en: 'This Excel workbook is too large to read: its part xl/worksheets/sheet1.xml unpacks to more than 2,048 MB. Save the sheet as CSV, or split it into smaller workbooks, and try again.',
				zh: '此 Excel 工作簿过大，无法读取：其中的 xl/worksheets/sheet1.xml 解压后超过 2,048 MB。请将工作表另存为 CSV，或拆分为较小的工作簿后重试。',
			},
		});
		// What it declares is not trusted: the inflated bytes are counted as they come.
		const honest = workbookBytes(row('<c r="A1"><v>1</v></c>'));
		const entry = readZipDirectory(honest).get('xl/worksheets/sheet1.xml')!;
		for (const inflater of ['native', 'fflate'] as const) {
			await expect(
				streamEntry(honest, { ...entry, size: 10 }, () => {}, { limit: 100, inflater }),
			).rejects.toMatchObject({ code: 'too_large' });
		}
	});

	it('readEntry(a part longer than the directory says) is unreadable, small or large', async () => {
		// Compressed beyond 32 KB, so that DecompressionStream inflates it.
		const big = Array.from({ length: 6000 }, (_, i) => `<t>${(i * 2654435761).toString(36)}</t>`);
		for (const sharedStrings of [si('abc'), big]) {
			const bytes = workbookBytes(row('<c r="A1" t="s"><v>0</v></c>', { sharedStrings }));
			const entry = readZipDirectory(bytes).get('xl/sharedStrings.xml')!;
			for (const inflater of ['native', 'fflate'] as const) {
				expect((await readEntry(bytes, entry, { inflater })).length).toBe(entry.size);
				await expect(readEntry(bytes, { ...entry, size: 10 }, { inflater })).rejects.toEqual(
					unreadable('xl/sharedStrings.xml is longer than the zip directory says'),
				);
			}
		}
	});

	it('SheetScanner.push(an endless cell) stops at 16 MB held', () => {
		const scanner = new SheetScanner({ sharedStrings: [], dateStyles: [], epoch1904: false });
		const encode = (s: string) => new TextEncoder().encode(s);
		scanner.push(encode('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'));
		const text = new Uint8Array(2 ** 20).fill(97);
		expect(() => {
			for (let i = 0; i < 20; i++) scanner.push(text);
		}).toThrow(unreadable('an element of the sheet is longer than 16 MB'));
	});

	it('SheetGrid(…, maxCells) refuses values spread over more cells, in both languages', () => {
		const grid = new SheetGrid([], 5000);
		grid.text(0, 0, 'a');
		grid.text(1999, 1, 'b');
		expect(() => grid.text(2999, 2, 'c')).toThrow(
			expect.objectContaining({
				code: 'too_large',
				text: {
					en: 'This sheet is too large to read here: its values spread over 3,000 rows and 3 columns, more than 5,000 cells. Delete the rows or columns you do not need, or save the sheet as CSV, and try again.',
					zh: '此工作表过大，无法在此读取：其数据分布在 3,000 行、3 列中，超过 5,000 个单元格。请删除不需要的行或列，或将工作表另存为 CSV 后重试。',
				},
			}),
		);
	});

	it('readXlsx(a workbook with an encrypted or unknown part) is unreadable', async () => {
		const files = unzipSync(workbookBytes(row('<c r="A1"><v>1</v></c>')));
		const bytes = new Uint8Array(zipSync(files, { level: 0 }));
		const view = new DataView(bytes.buffer);
		for (let at = bytes.length - 22; at > 0; at--)
			if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true);
		await expect(readXlsx(bytes)).rejects.toEqual(unreadable(/\S+ is encrypted/));
	});
});

describe('xml and styles', () => {
	it.each([
		['a &amp; b', 'a & b'],
		['&lt;&gt;&quot;&apos;', `<>"'`],
		['&#233;&#xe9;&#x1F600;', 'éé😀'],
		['&copy; &#xFFFFFFF; &amp', '&copy; &#xFFFFFFF; &amp'],
	])('decodeEntities(%s) is %s', (s, out) => {
		expect(decodeEntities(s)).toBe(out);
	});

	it('unescapeXlsx(text) decodes _xHHHH_ left to right', () => {
		expect(unescapeXlsx('_x0041__x005F_x0042_ _x00zz_')).toBe('A_x0042_ _x00zz_');
	});

	it.each([
		['yyyy-mm-dd', true],
		['d/m/yy;@', true],
		['[$-409]mmmm d, yyyy', true],
		['[h]:mm:ss', true],
		['mm:ss.0', true],
		['yyyy"年"m"月"d"日"', true],
		['"Day "d', true],
		['dd\\ hh:mm AM/PM', true],
		['0.00', false],
		['#,##0;[Red]-#,##0', false],
		['0%', false],
		['"Date:" 0', false],
		['General', false],
		['d 0', false],
	])('isDateFormatCode(%s) is %s', (code, date) => {
		expect(isDateFormatCode(code)).toBe(date);
	});
});

/**
 * tableOfCells as it was before the grid, on rows of cells: the reference the grid's version
 * must match.
 */
function referenceTable(cells: Cells, merges: CellRange[]) {
	const filled = cells.map((row) => row.reduce((n, c) => (c === null ? n : n + 1), 0));
	const freq = new Map<number, number>();
	let width = 0;
	let bestCount = 0;
	let seen = 0;
	for (const f of filled) {
		if (f === 0) continue;
		if (++seen > 1000) break;
		const n = (freq.get(f) ?? 0) + 1;
		freq.set(f, n);
		if (n > bestCount || (n === bestCount && f > width)) [width, bestCount] = [f, n];
	}
	if (width === 0) return null;
	let start = 0;
	while (filled[start] * 2 <= width) start++;
	const right = cells.reduce((n, row) => Math.max(n, row.length), 0) - 1;
	for (const m of merges) {
		if (m.top < start) continue;
		const v = cells[m.top]?.[m.left] ?? null;
		for (let r = m.top; r <= m.bottom && r < cells.length; r++)
			for (let c = m.left; c <= Math.min(m.right, right); c++) cells[r][c] = v;
	}
	const hasHeader = cells[start].every(
		(c) => c === null || (Number.isNaN(parseNumber(c, '.')) && detectDateFormat([c]) === null),
	);
	const first = hasHeader ? start + 1 : start;
	const body = cells.slice(first).filter((row) => row.some((c) => c !== null));
	const columns = body.reduce((n, row) => Math.max(n, row.length), cells[start].length);
	const header = hasHeader ? cells[start].map((c) => (c ?? '').trim()) : [];
	const keep: number[] = [];
	for (let c = 0; c < columns; c++)
		if ((header[c] ?? '') !== '' || body.some((row) => (row[c] ?? null) !== null)) keep.push(c);
	return {
		header: hasHeader ? keep.map((c) => header[c] ?? '') : null,
		columns: keep.map((c) => body.map((row) => row[c] ?? null)),
		skippedRows: start,
	};
}
