import { describe, expect, it } from 'vitest';
import { openTable } from '../../../../src/analysis/read/table';
import { decodeText, sniffDialect } from '../../../../src/analysis/read/sniff';
import { suggestRoles, type ColumnProfile } from '../../../../src/analysis/read/roles';
import { tokenize } from '../../../../src/analysis/read/tokenize';
import { utf8 } from '../../../helpers/bytes';
import { fixture } from '../../../helpers/fixtures';

/** Windows-1252 bytes of Latin-1 text. */
const cp1252 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('sniffDialect', () => {
	it('sniffDialect(a title line over 5,000 rows) still finds the columns below the title', () => {
		const rows = Array.from(
			{ length: 5000 },
			(_, k) => `C${k % 700},2024-01-${String((k % 28) + 1).padStart(2, '0')},${(k % 97) + 0.5}`,
		);
		const d = sniffDialect(utf8(['Orders export Q1', 'customer,date,amount', ...rows].join('\n')));
		expect([d.delimiter, d.skippedLines, d.headerRow]).toEqual([',', 1, 0]);
	});

	it.each([
		['comma', 'id,name,amount\n1,"Smith, J",3.5\n2,Lee,4\n3,Wu,5.25\n', ',', '"', 0, 0],
		[
			'semicolon',
			'id;amount;date\n1;3,5;01.02.2024\n2;4,0;02.02.2024\n3;1,25;03.02.2024\n',
			';',
			'"',
			0,
			0,
		],
		['tab', 'id\tamount\n1\t3.5\n2\t4\n3\t7\n', '\t', '"', 0, 0],
		['pipe', 'a|b|c\n1|2|3\n4|5|6\n7|8|9\n', '|', '"', 0, 0],
		['no header', '1,2024-01-01,3.5\n2,2024-01-02,4\n3,2024-01-03,5\n', ',', '"', null, 0],
		['single quotes', "id,name\n1,'a, b'\n2,'c, d'\n3,'e, f'\n", ',', "'", 0, 0],
		[
			'a title above',
			'Orders export\nid,amount,date\n1,3.5,2024-01-01\n2,4,2024-01-02\n3,5,2024-01-03\n',
			',',
			'"',
			0,
			1,
		],
		[
			'a title and a blank line above',
			'Report: orders, 2024\n\nid;amount\n1;3,5\n2;4,0\n3;5,5\n4;6,5\n',
			';',
			'"',
			0,
			2,
		],
	] as const)('sniffDialect(%s)', (_, text, delimiter, quote, headerRow, skipped) => {
		const d = sniffDialect(utf8(text));
		expect([d.delimiter, d.quote, d.headerRow, d.skippedLines]).toEqual([
			delimiter,
			quote,
			headerRow,
			skipped,
		]);
	});

	it('sniffDialect(bytes, forced) keeps the delimiter and sniffs the rest under it', () => {
		const d = sniffDialect(utf8('Export 2024\nid;note\n1;a,b\n2;c,d\n3;e,f\n'), {
			delimiter: ',',
			collapse: false,
		});
		expect([d.delimiter, d.skippedLines, d.headerRow]).toEqual([',', 2, null]);
	});

	it('sniffDialect(a file larger than its sample) finds the total row at the end', () => {
		const rows = Array.from({ length: 12000 }, (_, i) => `C${i % 97},2024-01-05,${i}.50`);
		const bytes = utf8(['customer,date,amount', ...rows, 'Total,,72006000.00', ''].join('\n'));
		const d = sniffDialect(bytes);
		expect(d).toMatchObject({ delimiter: ',', headerRow: 0, skippedLines: 0, footerLines: 1 });
		const t = tokenize(bytes, d);
		const last = t.columns[0]!.codes[t.rows - 1];
		expect([t.rows, t.columns[0]!.dict.values()[last]]).toEqual([12001, 'C68']);
	});

	it('sniffDialect(space-aligned) collapses runs of spaces', () => {
		const d = sniffDialect(
			utf8(' 00004 0001 19970101  2   29.33\r\n 00021 0002 19970101  3   63.34\r\n'),
		);
		expect(d).toMatchObject({ delimiter: ' ', collapse: true, headerRow: null });
	});
});

describe('decodeText', () => {
	it('decodeText(bytes) strips a UTF-8 BOM and reads UTF-16 and GB18030', () => {
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).bytes).toEqual(
			new Uint8Array([0x61]),
		);
		const le = decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]));
		expect([le.encoding, new TextDecoder().decode(le.bytes)]).toEqual(['utf-16le', 'a,b']);
		const gb = decodeText(fixture('orders-gb18030.csv'));
		expect(gb.encoding).toBe('gb18030');
		expect(new TextDecoder().decode(gb.bytes).split('\r\n')[1]).toBe(
			'订单号,商品编码,商品名称,数量,下单日期,单价,客户编号,国家',
		);
	});

	it('decodeText(Windows-1252) reads 0x80–0x9F by the WHATWG table, not as Latin-1', () => {
		// Node's TextDecoder reads them as C1 controls since 20.18.3 (nodejs/node#60888).
		const d = decodeText(new Uint8Array([0x80, 0x93, 0x61, 0x94, 0x96, 0x85, 0xe9]), 'cp1252');
		expect(new TextDecoder().decode(d.bytes)).toBe('€“a”–…é');
	});

	it('decodeText(Latin text in Windows-1252) is not taken for GB18030', () => {
		// ü and ö before an ASCII letter also pair up as GBK characters: 'Mü' 'll' 'er'.
		const d = decodeText(cp1252('name,city\nMüller,Zürich\nGroß,Köln\nNuñez,Málaga\n'));
		expect([d.encoding, d.confidence, d.alternative]).toEqual(['windows-1252', 1, null]);
		expect(new TextDecoder().decode(d.bytes)).toContain('Müller,Zürich');
	});

	it('decodeText(a lone GB18030 character that is also valid UTF-8) offers GB18030', () => {
		// 位 is CE BB in GB18030, which UTF-8 reads as λ.
		const d = decodeText(new Uint8Array([...utf8('id,unit\n1,'), 0xce, 0xbb, 10]));
		expect([d.encoding, d.confidence, d.alternative]).toEqual(['utf-8', 0.7, 'gb18030']);
		expect(decodeText(utf8('id,unit\n1,位\n'))).toMatchObject({ confidence: 1, alternative: null });
	});

	it('decodeText(binary) refuses it with a clear error', () => {
		expect(() =>
			decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 0, 0, 0, 3])),
		).toThrow(/\[binary_file\]/);
	});
});

describe('roles', () => {
	const col = (
		name: string,
		type: ColumnProfile['type'],
		extra: Partial<ColumnProfile> = {},
	): ColumnProfile => ({
		name,
		type,
		distinct: 10,
		present: 100,
		fractional: false,
		numericShare: type === 'number' ? 1 : 0,
		...extra,
	});

	it('suggestRoles(Online Retail II headers) maps every role', () => {
		const m = suggestRoles(
			[
				col('Invoice', 'string'),
				col('StockCode', 'string'),
				col('Description', 'string'),
				col('Quantity', 'number'),
				col('InvoiceDate', 'date'),
				col('Price', 'number', { fractional: true }),
				col('Customer ID', 'number'),
				col('Country', 'string'),
			],
			true,
		);
		expect(m).toEqual({
			customer_id: 'Customer ID',
			date: 'InvoiceDate',
			invoice_id: 'Invoice',
			amount: null,
			quantity: 'Quantity',
			unit_price: 'Price',
		});
	});

	it('suggestRoles(Chinese headers) maps 客户编号, 订单号, 下单日期, 金额', () => {
		const m = suggestRoles(
			[
				col('订单号', 'string'),
				col('客户编号', 'string'),
				col('下单日期', 'date'),
				col('订单金额（元）', 'number'),
			],
			true,
		);
		expect(m).toEqual({
			customer_id: '客户编号',
			date: '下单日期',
			invoice_id: '订单号',
			amount: '订单金额（元）',
			quantity: null,
			unit_price: null,
		});
	});

	it('openTable(no header) suggests roles from the values', () => {
		const t = openTable(utf8('7,2024-01-01,3.50\n8,2024-01-02,4.25\n7,2024-01-05,1.10\n'));
		expect(t.suggested).toMatchObject({
			customer_id: 'column_1',
			date: 'column_2',
			amount: 'column_3',
		});
	});

	it('openTable(empty file) says so', () => {
		expect(() => openTable(utf8('\n\n'))).toThrow(/\[empty_file\]/);
		expect(() => openTable(new Uint8Array())).toThrow(/\[empty_file\]/);
	});
});
