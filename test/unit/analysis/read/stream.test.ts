import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadTable } from '../../../../src/analysis/analyze';
import { decodeFile } from '../../../../src/analysis/read/decode';
import { readTableStream } from '../../../../src/analysis/read/stream';
import type { AnalysisSettings } from '../../../../src/analysis/settings';
import { encode, type TestEncoding } from '../../../helpers/encodings';
import { fixture } from '../../../helpers/fixtures';

type Read = AnalysisSettings['read'];
type Outcome = ReadTable | { error: string };

const MiB = 1 << 20;
const CHUNKS = [1, 7, 64, 16 * MiB];

async function settle(read: () => Promise<ReadTable>): Promise<Outcome> {
	try {
		return await read();
	} catch (e) {
		return { error: `${(e as Error).name}: ${(e as Error).message}` };
	}
}

/** What the worker reads today: the file whole, decoded by decodeFile(), then readTable(). */
function readWhole(bytes: Uint8Array, name: string, read: Read = {}): Promise<Outcome> {
	return settle(async () =>
		readTable(
			await decodeFile(bytes, { name, encoding: read.encoding, sheet: read.sheet }),
			name,
			read,
		),
	);
}

/** Sizes of the slices read from the Blobs of readStreamed(), by the last of them. */
let sliceSizes: number[] = [];

function readStreamed(
	bytes: Uint8Array,
	name: string,
	read: Read,
	chunkBytes: number,
	onProgress?: (fraction: number) => void,
): Promise<Outcome> {
	const blob = new Blob([bytes as BlobPart]);
	sliceSizes = [];
	const file = {
		size: blob.size,
		slice: (start: number, end: number) => {
			sliceSizes.push(end - start);
			return blob.slice(start, end);
		},
	} as Blob;
	return settle(() => readTableStream(file, name, read, onProgress, chunkBytes));
}

async function expectSameInChunks(
	bytes: Uint8Array,
	name: string,
	read: Read = {},
	chunks: number[] = CHUNKS,
): Promise<Outcome> {
	const whole = await readWhole(bytes, name, read);
	for (const chunkBytes of chunks)
		expect(await readStreamed(bytes, name, read, chunkBytes), `chunks of ${chunkBytes}`).toEqual(
			whole,
		);
	return whole;
}

function table(outcome: Outcome): ReadTable {
	if ('error' in outcome) throw new Error(outcome.error);
	return outcome;
}

/** The rows of a read table as text. */
function cells(t: ReadTable): string[][] {
	return Array.from({ length: t.columns.rows }, (_, r) =>
		t.columns.columns.map((c) => (c === null || c.codes[r] < 0 ? '' : c.values[c.codes[r]])),
	);
}

const dialectFiles = readdirSync(join(import.meta.dirname, '../../../fixtures/dialects')).filter(
	(f) => f !== 'expected.json' && f !== 'make.ts',
);

describe('readTableStream', () => {
	it.each(dialectFiles)(
		'readTableStream(dialects/%s) in chunks of 1, 7, 64 bytes and 16 MiB gives readTable()’s table',
		async (file) => {
			const t = table(await expectSameInChunks(fixture(`dialects/${file}`), file));
			expect(t.columns.rows).toBeGreaterThan(0);
		},
	);

	it.each([
		'orders.csv',
		'orders-gb18030.csv',
		'orders-semicolon.csv',
		'orders.tsv',
		'orders.json',
		'orders.ndjson',
		'orders.xlsx',
		'shapes.xlsx',
		'orders.parquet',
	])('readTableStream(%s) gives the table readTable() gives', async (file) => {
		const t = table(await expectSameInChunks(fixture(file), file));
		expect(t.columns.rows).toBeGreaterThan(0);
	});

	it.each<[string, Read]>([
		['a forced delimiter', { delimiter: ';' }],
		['a forced tab', { delimiter: 'tab' }],
		['no header', { header: false }],
		['title lines', { skipLines: 2 }],
		['more title lines than the file has', { skipLines: 50 }],
		['no quote character', { quote: 'none' }],
		['a forced encoding', { encoding: 'windows-1252' }],
		['an unknown encoding', { encoding: 'klingon' }],
		['a delimiter of two characters', { delimiter: ';;' }],
	])(
		'readTableStream(file, name, %s) follows the read options as readTable() does',
		async (_, read) => {
			await expectSameInChunks(fixture('dialects/preamble-and-footer.csv'), 'x.csv', read);
			await expectSameInChunks(fixture('orders-gb18030.csv'), 'x.csv', read);
		},
	);

	it.each<[string, Uint8Array, string]>([
		['an empty file', new Uint8Array(0), 'orders.csv'],
		['a file of blank lines', new TextEncoder().encode(' \r\n\t\n\n  '), 'orders.csv'],
		[
			'a legacy .xls file',
			new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1]),
			'orders.xls',
		],
		['a binary file', new Uint8Array([1, 2, 0, 0, 5, 0, 7, 8, 0, 0, 0, 9, 200]), 'orders.csv'],
	])('readTableStream(%s) fails as readTable() fails', async (_, bytes, name) => {
		const whole = await expectSameInChunks(bytes, name, {}, [1, 3, 16 * MiB]);
		expect(whole).toEqual({ error: expect.stringContaining('UserError') });
	});

	it('readTableStream(file) reports the share of the file read, rising to 1', async () => {
		const bytes = fixture('orders.csv');
		const seen: number[] = [];
		await readStreamed(bytes, 'orders.csv', {}, 100, (f) => seen.push(f));
		expect(seen.length).toBe(Math.ceil(bytes.length / 100));
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
	});

	it('readTableStream(file) where ArrayBuffer has transfer() (browsers) gives codes in buffers of their own size', async () => {
		const bytes = fixture('orders.csv');
		const copied = table(await readStreamed(bytes, 'orders.csv', {}, 64));
		const proto = ArrayBuffer.prototype as ArrayBuffer & { transfer?: unknown };
		expect(proto.transfer).toBeUndefined();
		// transfer() as browsers have it: the bytes moved to a buffer of the new length, the old
		// one detached.
		let transfers = 0;
		proto.transfer = function (this: ArrayBuffer, length: number) {
			transfers++;
			const moved = this.slice(0, length);
			structuredClone(this, { transfer: [this] });
			return moved;
		};
		try {
			const moved = table(await readStreamed(bytes, 'orders.csv', {}, 64));
			expect(moved).toEqual(copied);
			expect(transfers).toBeGreaterThan(0);
			for (const c of moved.columns.columns)
				expect(c!.codes.buffer.byteLength).toBe(4 * moved.columns.rows);
		} finally {
			delete proto.transfer;
		}
	});

	it('readTableStream(file, …, chunkBytes) refuses a chunk size below 1 as a bug', async () => {
		for (const chunkBytes of [0, -1, Number.NaN])
			await expect(
				readTableStream(
					new Blob([fixture('orders.csv') as BlobPart]),
					'orders.csv',
					{},
					undefined,
					chunkBytes,
				),
			).rejects.toThrow(/chunkBytes must be 1 or more/);
	});

	it('readTableStream(file) lets an allocation the browser refuses surface as a RangeError', async () => {
		const refusing = {
			size: 10,
			slice: () => ({
				arrayBuffer: () => Promise.reject(new RangeError('Array buffer allocation failed')),
			}),
		} as unknown as Blob;
		await expect(readTableStream(refusing, 'big.csv', {})).rejects.toBeInstanceOf(RangeError);
	});
});

describe('readTableStream at every chunk boundary', () => {
	/** Every chunk size from 1 to the file's length puts a boundary at every byte. */
	const everySize = (bytes: Uint8Array) => Array.from({ length: bytes.length }, (_, k) => k + 1);

	it('readTableStream(file) reads a quoted line break cut by a chunk, CRLF or LF', async () => {
		const text =
			'id,note,amount\r\n1,"two\r\nlines, ""quoted""",3.5\r\n2,"a\nb",4\r\n3,"\r\n",5\r\n4,plain,6\r\n';
		const t = table(await expectSameInChunks(utf8(text), 'x.csv', {}, everySize(utf8(text))));
		expect(cells(t)).toEqual([
			['1', 'two\r\nlines, "quoted"', '3.5'],
			['2', 'a\nb', '4'],
			['3', '\r\n', '5'],
			['4', 'plain', '6'],
		]);
	});

	it('readTableStream(file) reads a CRLF, a lone CR and blank lines cut by a chunk', async () => {
		const text = 'a,b,c\r\n1,2,3\r\r\n\r\n4,5,6\r7,8\n\n9,10,11,12\r\n';
		const t = table(await expectSameInChunks(utf8(text), 'x.csv', {}, everySize(utf8(text))));
		expect(cells(t)).toEqual([
			['1', '2', '3'],
			['4', '5', '6'],
			['7', '8', ''],
			['9', '10', '11'],
		]);
		expect(t.columns.ragged).toBe(2);
	});

	it('readTableStream(file) reads backslash escapes and doubled quotes cut by a chunk', async () => {
		const backslash = "name,note,n\n'O\\'Brien','say \\'hi\\'',1\n'Lee','a\\\\b',2\n'Kim','x',3\n";
		await expectSameInChunks(utf8(backslash), 'x.csv', {}, everySize(utf8(backslash)));
		const doubled = 'name,note,n\n"Ann ""A""","""",1\n"Bo","x""",2\n"Cy","",3\n';
		await expectSameInChunks(utf8(doubled), 'x.csv', {}, everySize(utf8(doubled)));
	});

	it('readTableStream(file) reads space-aligned columns cut by a chunk', async () => {
		const text =
			' 00004 0001 19970101  2   29.33\r\n 00021 0002 19970101  3   63.34\r\n 00033 0003 19970102  1    5.10\r\n';
		await expectSameInChunks(utf8(text), 'x.txt', {}, everySize(utf8(text)));
	});

	it('readTableStream(file) stops before a footer, whatever chunk it starts in', async () => {
		const text =
			'Report\r\n\r\nid,amount\r\n1,2.5\r\n2,3\r\n3,4\r\nTotal,9.5\r\n\r\nprinted 2024-03-01\r\n\r\n';
		const t = table(await expectSameInChunks(utf8(text), 'x.csv', {}, everySize(utf8(text))));
		expect(t.source.dialect).toMatchObject({ skippedLines: 2, footerLines: 3 });
		expect(cells(t)).toEqual([
			['1', '2.5'],
			['2', '3'],
			['3', '4'],
		]);
	});

	it.each<[TestEncoding, Read]>([
		['utf-8', {}],
		['utf-8-bom', {}],
		['utf-16le-bom', {}],
		['utf-16be-bom', {}],
		['utf-16le', { encoding: 'utf-16le' }],
		['gb18030', {}],
	])(
		'readTableStream(%s file) reads a character or byte-order mark cut by a chunk',
		async (encoding, read) => {
			const text =
				'客户编号,城市,金额,备注\n客户1,北京,128.00,😀\n客户2,上海,56.50,𝄞 ok\n客户3,广州,300.00,é€\n';
			const bytes = encode(text, encoding);
			const t = table(await expectSameInChunks(bytes, 'x.csv', read, everySize(bytes)));
			expect(t.source.names).toEqual(['客户编号', '城市', '金额', '备注']);
			expect(cells(t)[1]).toEqual(['客户2', '上海', '56.50', '𝄞 ok']);
		},
	);

	it('readTableStream(windows-1252 file) reads € “ ” é cut by a chunk', async () => {
		const text = 'Kunde,Stadt,Betrag\nMüller,Köln,12 €\n“Groß”,München,3\nRenée,Nîmes,7\n';
		const bytes = encode(text, 'windows-1252');
		const t = table(await expectSameInChunks(bytes, 'x.csv', {}, everySize(bytes)));
		expect(cells(t)[1]).toEqual(['“Groß”', 'München', '3']);
	});

	it('readTableStream(GB18030 file with its byte-order mark, forced) drops the mark cut by a chunk', async () => {
		const bytes = new Uint8Array([
			0x84,
			0x31,
			0x95,
			0x33,
			...encode('姓名,金额\n张三,12\n李四,7\n', 'gb18030'),
		]);
		const t = table(
			await expectSameInChunks(bytes, 'x.csv', { encoding: 'gb18030' }, everySize(bytes)),
		);
		expect(t.source.names).toEqual(['姓名', '金额']);
	});
});

/**
 * Orders as a Chinese or Western export would write them: a title and a blank line, a header,
 * quoted notes with commas, doubled quotes and line breaks, and a total and a note below.
 */
function ordersText(
	rows: number,
	options: { eol: string; chinese: boolean; pad?: number },
): string {
	const { eol, chinese, pad = 0 } = options;
	const lines = [
		chinese ? '订单报表' : 'Orders',
		'',
		chinese ? '订单号,客户,日期,金额,备注' : 'invoice,customer,date,amount,note',
	];
	for (let r = 0; r < rows; r++) {
		const note =
			r % 97 === 0
				? `"first line${eol}second, ""quoted"""`
				: chinese
					? `客户备注${r % 13}`
					: `Müller ${r % 13} €`;
		lines.push(
			`${100000 + Math.floor(r / 3)},C${r % 1000}${'x'.repeat(pad)},2024-0${1 + (r % 9)}-1${r % 10},${(r % 500) / 4},${note}`,
		);
	}
	lines.push(chinese ? '合计,,,12345,' : 'Total,,,12345,', '', 'printed 2024-03-01', '');
	return lines.join(eol);
}

describe('readTableStream of a file larger than its head and tail slices', () => {
	it.each<[TestEncoding, string, boolean]>([
		['utf-8', '\n', false],
		['utf-8-bom', '\r\n', true],
		['utf-16le-bom', '\r\n', false],
		['utf-16be-bom', '\n', true],
		['gb18030', '\r\n', true],
		['windows-1252', '\n', false],
	])(
		'readTableStream(%s, %j line ends, Chinese %s) finds the title, header and footer readTable() finds',
		async (encoding, eol, chinese) => {
			const rows = 45_000;
			const bytes = encode(ordersText(rows, { eol, chinese }), encoding);
			// Past the 1.5 MiB below which a file is opened whole.
			expect(bytes.length).toBeGreaterThan(1.6 * MiB);
			const t = table(await expectSameInChunks(bytes, 'orders.csv', {}, [65_537, 300_007]));
			expect(Math.max(...sliceSizes)).toBeLessThanOrEqual(MiB + 4);
			expect(t.source.dialect).toMatchObject({ delimiter: ',', skippedLines: 2, footerLines: 3 });
			expect(t.columns.rows).toBe(rows);
			expect(cells(t)[97][4]).toBe(`first line${eol}second, "quoted"`);
		},
	);

	it('readTableStream(file whose sample rows outgrow the first MiB) reads more of the head to open it', async () => {
		const bytes = utf8(ordersText(2500, { eol: '\n', chinese: false, pad: 1200 }));
		const t = table(await expectSameInChunks(bytes, 'orders.csv', {}, [65_537]));
		expect(Math.max(...sliceSizes)).toBeLessThanOrEqual(MiB + 4);
		expect(t.columns.rows).toBe(2500);
		expect(t.source.dialect.footerLines).toBe(3);
	});

	it('readTableStream(file with a quote never closed) reads the rest as one field, as readTable() does', async () => {
		const text = ordersText(45_000, { eol: '\n', chinese: false }).replace('C7,', '"C7,');
		await expectSameInChunks(utf8(text), 'orders.csv', {}, [65_537]);
	});
});

function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}
