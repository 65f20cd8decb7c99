import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadTable } from '../../../../src/analysis/analyze';
import { readTableStream } from '../../../../src/analysis/read/stream';
import { canEncode, encode, TEST_ENCODINGS, type TestEncoding } from '../../../helpers/encodings';

type Outcome = ReadTable | { error: string };

async function settle(read: () => ReadTable | Promise<ReadTable>): Promise<Outcome> {
	try {
		return await read();
	} catch (e) {
		return { error: `${(e as Error).name}: ${(e as Error).message}` };
	}
}

interface Layout {
	delimiter: string;
	quote: string | null;
	backslash: boolean;
	eol: string;
}

const layout: fc.Arbitrary<Layout> = fc.record({
	delimiter: fc.constantFrom(',', ';', '\t', '|', ' '),
	quote: fc.constantFrom<string | null>('"', "'", null),
	backslash: fc.boolean(),
	eol: fc.constantFrom('\n', '\r\n', '\r'),
});

/** Pieces of cell text: delimiters, quotes, line breaks and characters of one to four bytes. */
const PIECES = [
	'a',
	'Zq',
	'x y',
	'7',
	'3.25',
	'2024-01-05',
	'é',
	'€',
	'客户',
	'😀',
	',',
	';',
	'\t',
];
const TRICKY = ['"', "'", '\\', '\n', '\r\n', ' ', ''];

const cell = fc
	.array(fc.constantFrom(...PIECES, ...TRICKY), { maxLength: 4 })
	.map((p) => p.join(''));

/**
 * A table as an export might write it: a few title lines, a header or not, rows of varying width
 * (ragged) with blank lines between some, and a few footer lines, in one layout and line end.
 */
const tableText: fc.Arbitrary<string> = fc
	.record({
		layout,
		width: fc.integer({ min: 1, max: 5 }),
		titles: fc.array(fc.constantFrom('Orders 2024', 'Exported by Shop', ''), { maxLength: 2 }),
		header: fc.boolean(),
		rows: fc.array(
			fc.record({
				cells: fc.array(cell, { minLength: 1, maxLength: 6 }),
				blankAfter: fc.boolean(),
				typed: fc.nat(9999),
			}),
			{ maxLength: 25 },
		),
		footer: fc.array(fc.constantFrom('Total', '合计', '', 'printed 2024-03-01'), { maxLength: 3 }),
	})
	.map(({ layout: l, width, titles, header, rows, footer }) => {
		const field = (s: string) => {
			const q = l.quote;
			const must = [l.delimiter, '"', "'", '\\', '\n', '\r'].some((c) => s.includes(c));
			if (!must || q === null) return s;
			const body = l.backslash
				? s.replaceAll('\\', '\\\\').replaceAll(q, '\\' + q)
				: s.replaceAll(q, q + q);
			return q + body + q;
		};
		const lines: string[] = [...titles];
		if (header) lines.push(Array.from({ length: width }, (_, c) => `col${c}`).join(l.delimiter));
		for (const r of rows) {
			// Mostly the table's width, with a typed first column, so that it reads as a table.
			const cells = r.typed % 4 === 0 ? r.cells : r.cells.slice(0, width);
			while (r.typed % 4 !== 0 && cells.length < width) cells.push(String(r.typed));
			cells[0] = String(r.typed);
			lines.push(cells.map(field).join(l.delimiter));
			if (r.blankAfter) lines.push('');
		}
		lines.push(...footer);
		return lines.join(l.eol) + (footer.length % 2 === 0 ? l.eol : '');
	});

/** Anything at all, from the characters that matter to a reader. */
const anyText = fc
	.array(
		fc.constantFrom(
			'a',
			'1',
			',',
			';',
			'\t',
			' ',
			'"',
			"'",
			'\\',
			'\r',
			'\n',
			'é',
			'客',
			'😀',
			'\ufeff',
		),
		{
			maxLength: 200,
		},
	)
	.map((p) => p.join(''));

/** The text in an encoding that can hold it, and a chunk size from 1 byte to past its end. */
function file(text: fc.Arbitrary<string>) {
	return fc
		.record({ text, encoding: fc.constantFrom<TestEncoding>(...TEST_ENCODINGS) })
		.map(({ text: t, encoding }) =>
			canEncode(t, encoding) ? { text: t, encoding } : { text: t, encoding: 'utf-8' as const },
		)
		.chain(({ text: t, encoding }) => {
			const bytes = encode(t, encoding);
			return fc.record({
				bytes: fc.constant(bytes),
				encoding: fc.constant(encoding),
				chunkBytes: fc.oneof(
					fc.integer({ min: 1, max: bytes.length + 1 }),
					fc.constantFrom(1, 2, 3, 4, 5),
				),
			});
		});
}

async function expectSame(bytes: Uint8Array, chunkBytes: number): Promise<void> {
	const whole = await settle(() => readTable(bytes, 'data.csv', {}));
	const streamed = await settle(() =>
		readTableStream(new Blob([bytes as BlobPart]), 'data.csv', {}, undefined, chunkBytes),
	);
	expect(streamed).toEqual(whole);
}

describe('readTableStream, property', () => {
	it('readTableStream(any table, any encoding, any chunk size) gives readTable()’s table', async () => {
		await fc.assert(
			fc.asyncProperty(file(tableText), ({ bytes, chunkBytes }) => expectSame(bytes, chunkBytes)),
			{ seed: 20250301, numRuns: 300 },
		);
	});

	it('readTableStream(any text, any encoding, any chunk size) reads or fails as readTable() does', async () => {
		await fc.assert(
			fc.asyncProperty(file(anyText), ({ bytes, chunkBytes }) => expectSame(bytes, chunkBytes)),
			{ seed: 20250302, numRuns: 300 },
		);
	});
});
