import { describe, expect, it } from 'vitest';
import { footerStart, tokenize, type Dialect } from '../../../../src/analysis/read/tokenize';
import { utf8 } from '../../../helpers/bytes';

const csv: Dialect = {
	delimiter: ',',
	collapse: false,
	quote: '"',
	escape: '"',
	headerRow: null,
	skippedLines: 0,
};

function rows(text: string, dialect: Dialect = csv): string[][] {
	const t = tokenize(utf8(text), dialect);
	const out: string[][] = [];
	for (let r = 0; r < t.rows; r++) {
		const row: string[] = [];
		for (let c = 0; c < t.fieldCounts[r]; c++) {
			const col = t.columns[c]!;
			row.push(col.codes[r] < 0 ? '' : col.dict.values()[col.codes[r]]);
		}
		out.push(row);
	}
	return out;
}

describe('tokenize', () => {
	it('tokenize(bytes, csv) splits plain fields and rows', () => {
		expect(rows('a,b,c\n1,2,3\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3'],
		]);
	});

	it('tokenize(bytes, csv) keeps delimiters, doubled quotes and line breaks inside quotes', () => {
		expect(rows('"x, y","say ""hi""","two\nlines"\r\n1,2,3')).toEqual([
			['x, y', 'say "hi"', 'two\nlines'],
			['1', '2', '3'],
		]);
	});

	it('tokenize(bytes, csv) treats CRLF, LF and lone CR as row ends and skips blank lines', () => {
		expect(rows('a,b\r\n\r\nc,d\re,f\n\n')).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'f'],
		]);
	});

	it('tokenize(bytes, csv) reads empty fields, a trailing delimiter and a last row without newline', () => {
		expect(rows(',x,\n1,,2')).toEqual([
			['', 'x', ''],
			['1', '', '2'],
		]);
	});

	it('tokenize(bytes, space-collapsed) reads space-aligned columns', () => {
		const dialect = { ...csv, delimiter: ' ', collapse: true };
		expect(
			rows(' 00004 0001 19970101  2   29.33\r\n 00021 0002 19970101  3   63.34\r\n', dialect),
		).toEqual([
			['00004', '0001', '19970101', '2', '29.33'],
			['00021', '0002', '19970101', '3', '63.34'],
		]);
	});

	it('tokenize(bytes, backslash escape) unescapes quotes', () => {
		const dialect = { ...csv, escape: '\\' };
		expect(rows('"a \\"b\\"",c\n', dialect)).toEqual([['a "b"', 'c']]);
	});

	it('tokenize(bytes, {footerLines}) stops before the footer, trailing blank lines aside', () => {
		const text = 'a,b\r\n1,2\r\nTotal,2\r\n\r\nprinted 2024-03-01\r\n\r\n';
		expect(rows(text, { ...csv, footerLines: 3 })).toEqual([
			['a', 'b'],
			['1', '2'],
		]);
		expect(footerStart(utf8(text), 1)).toBe(text.indexOf('printed'));
		expect(footerStart(utf8(text), 0)).toBe(text.length);
	});

	it('tokenize(bytes, csv) counts quoted fields with text after the close, or never closed', () => {
		expect(tokenize(utf8('"a"b,"c"\n"d","e'), csv).malformed).toBe(2);
		expect(tokenize(utf8('"a ""b""",c\n'), csv).malformed).toBe(0);
	});

	it('tokenize(bytes, {keep}) skips columns it is not asked for', () => {
		const t = tokenize(utf8('a,b,c\n1,2,3\n'), csv, { keep: [true, false, true] });
		expect(t.columns[1]).toBeNull();
		expect(t.columns[2]!.dict.values()).toEqual(['c', '3']);
	});

	it('tokenize(bytes, csv) gives repeated values one code', () => {
		const t = tokenize(utf8('x\ny\nx\n客户\n客户\n'), csv);
		expect(Array.from(t.columns[0]!.codes)).toEqual([0, 1, 0, 2, 2]);
		expect(t.columns[0]!.dict.values()).toEqual(['x', 'y', '客户']);
	});

	it('tokenize(bytes, csv) grows past its first guess of the row count', () => {
		const text = Array.from({ length: 5000 }, (_, i) => `${i % 7},${i}`).join('\n');
		const t = tokenize(utf8(text), csv, { expectedRows: 10 });
		expect(t.rows).toBe(5000);
		expect(t.columns[1]!.dict.values()[t.columns[1]!.codes[4999]]).toBe('4999');
	});
});
