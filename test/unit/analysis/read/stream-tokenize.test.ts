import { describe, expect, it } from 'vitest';
import { decodeText, Utf8Converter } from '../../../../src/analysis/read/sniff';
import {
	newTokenState,
	tokenize,
	type Dialect,
	type TokenizeOptions,
	type Tokenized,
} from '../../../../src/analysis/read/tokenize';
import { utf8 } from '../../../helpers/bytes';
import { encode, TEST_ENCODINGS } from '../../../helpers/encodings';

const csv: Dialect = {
	delimiter: ',',
	collapse: false,
	quote: '"',
	escape: '"',
	headerRow: null,
	skippedLines: 0,
};

/** What a tokenize() result holds, as plain values. */
function contents(t: Tokenized) {
	return {
		rows: t.rows,
		fieldCounts: [...t.fieldCounts],
		malformed: t.malformed,
		columns: t.columns.map((c) => c && { values: c.dict.values(), codes: [...c.codes] }),
	};
}

/**
 * tokenize() of the bytes cut at the offsets: each chunk read with `into` and `more` (all but the
 * last), starting with what the one before left.
 */
function inChunks(
	bytes: Uint8Array,
	cuts: number[],
	dialect: Dialect,
	options: TokenizeOptions = {},
	footerBytes = 0,
): Tokenized {
	const state = newTokenState();
	let carry = new Uint8Array(0);
	let t: Tokenized | null = null;
	const ends = [...cuts, bytes.length];
	let from = 0;
	for (let k = 0; k < ends.length; k++) {
		const chunk = bytes.subarray(from, ends[k]);
		from = ends[k];
		const buf = new Uint8Array(carry.length + chunk.length);
		buf.set(carry);
		buf.set(chunk, carry.length);
		const last = k === ends.length - 1;
		t = tokenize(buf, dialect, {
			...options,
			into: state,
			more: !last,
			end: buf.length - footerBytes,
		});
		carry = buf.slice(t.end);
	}
	return t!;
}

const CASES: [string, string, Dialect][] = [
	[
		'quoted delimiters, doubled quotes and line breaks',
		'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,2,3\n"",",",""""\n',
		csv,
	],
	[
		'ragged rows, blank lines and CR, CRLF, LF',
		'a,b\r\n\r\n1,2,3,4\r5\n\n\n6,,\r\n,7\r\r\n8,9',
		csv,
	],
	['a quote never closed', 'a,b\n1,"open\n2,3\n', csv],
	['text after a closing quote', 'a,b\n"x"y,2\n"z" ,3\n', csv],
	[
		'space-aligned columns',
		' 00004 0001 19970101  2   29.33\r\n 00021 0002  3\t 63.34  \r\n\r\n  x  "a b" c\n',
		{ ...csv, delimiter: ' ', collapse: true },
	],
	['backslash escapes', '"a \\"b\\"",c\n"d\\\\",e\n"f\\\n",g\\\n', { ...csv, escape: '\\' }],
	['no quote character', 'a,"b\n"c,d"\n1,2\n', { ...csv, quote: null, escape: null }],
	['multi-byte characters', '客户,b\n€,é\n"😀",x\n', csv],
];

describe('tokenize(chunk, dialect, {into, more})', () => {
	it.each(CASES)(
		'tokenize in two chunks cut at every byte reads %s as the whole bytes do',
		(_, text, dialect) => {
			const bytes = utf8(text);
			const whole = contents(tokenize(bytes, dialect));
			for (let cut = 0; cut <= bytes.length; cut++)
				expect(contents(inChunks(bytes, [cut], dialect)), `cut at ${cut}`).toEqual(whole);
		},
	);

	it.each(CASES)(
		'tokenize in chunks of 1, 2 and 3 bytes reads %s as the whole bytes do',
		(_, text, dialect) => {
			const bytes = utf8(text);
			const whole = contents(tokenize(bytes, dialect));
			for (const size of [1, 2, 3]) {
				const cuts = Array.from(
					{ length: Math.ceil(bytes.length / size) - 1 },
					(_, k) => (k + 1) * size,
				);
				expect(contents(inChunks(bytes, cuts, dialect)), `chunks of ${size}`).toEqual(whole);
			}
		},
	);

	it('tokenize(chunk, csv, {more}) leaves the row a chunk cuts and says where it starts', () => {
		const t = tokenize(utf8('a,b\n1,"x\n'), csv, { more: true });
		expect(t.rows).toBe(1);
		expect(t.end).toBe(4);
		expect(t.malformed).toBe(0);
		// A row ended by a lone CR is whole: an LF after it is a blank line.
		expect(tokenize(utf8('a,b\r'), csv, { more: true }).rows).toBe(1);
		expect(tokenize(utf8('a,b'), csv, { more: true }).rows).toBe(0);
	});

	it('tokenize(chunk, csv, {into, keep}) keeps only the kept columns across chunks', () => {
		const bytes = utf8('a,b,c\n1,2,3\n4,5,6\n7,8,9\n');
		const keep = [true, false, true];
		const whole = contents(tokenize(bytes, csv, { keep }));
		for (let cut = 0; cut <= bytes.length; cut++)
			expect(contents(inChunks(bytes, [cut], csv, { keep })), `cut at ${cut}`).toEqual(whole);
	});

	it('tokenize(chunk, csv, {into, maxRows}) stops after maxRows rows counted over every chunk', () => {
		const bytes = utf8('a\n1\n2\n3\n4\n');
		for (let cut = 0; cut <= bytes.length; cut++)
			expect(inChunks(bytes, [cut], csv, { maxRows: 3 }).rows, `cut at ${cut}`).toBe(3);
	});

	it('tokenize(chunk, csv, {into, end}) holding back the footer’s bytes stops before the footer', () => {
		const text = 'a,b\r\n1,"x\r\ny"\r\n2,3\r\nTotal,"5\r\n6"\r\n\r\nprinted\r\n';
		const bytes = utf8(text);
		const dialect = { ...csv, footerLines: 4 };
		const whole = contents(tokenize(bytes, dialect));
		expect(whole.rows).toBe(3);
		const footerBytes = bytes.length - text.indexOf('Total');
		for (let cut = 0; cut <= bytes.length; cut++)
			expect(contents(inChunks(bytes, [cut], csv, {}, footerBytes)), `cut at ${cut}`).toEqual(
				whole,
			);
	});
});

describe('Utf8Converter', () => {
	const text = 'id,客户,note\r\n1,€“”é,😀𝄞\n2,Müller,ok\n';
	it.each(TEST_ENCODINGS)(
		'new Utf8Converter(%s) gives decodeText()’s bytes for the text cut anywhere',
		(encoding) => {
			const t = encoding === 'windows-1252' ? text.replace(/[客户😀𝄞]/gu, 'x') : text;
			const bytes = encode(t, encoding);
			const label = encoding.replace('-bom', '');
			const whole = decodeText(bytes, label).bytes;
			expect(new TextDecoder().decode(whole)).toBe(t);
			for (let cut = 0; cut <= bytes.length; cut++) {
				const c = new Utf8Converter(decodeText(bytes, label).encoding);
				const got = [
					c.convert(bytes.subarray(0, cut), false),
					c.convert(bytes.subarray(cut), true),
				];
				expect(Buffer.concat(got), `cut at ${cut}`).toEqual(Buffer.from(whole));
			}
			const c = new Utf8Converter(decodeText(bytes, label).encoding);
			const bytewise = Array.from(bytes, (b, k) =>
				c.convert(new Uint8Array([b]), k === bytes.length - 1),
			);
			expect(Buffer.concat(bytewise)).toEqual(Buffer.from(whole));
		},
	);
});
