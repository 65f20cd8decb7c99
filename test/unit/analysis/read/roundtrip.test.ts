import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skipLines, sniffDialect } from '../../../../src/analysis/read/sniff';
import { tokenize, type Dialect } from '../../../../src/analysis/read/tokenize';
import { utf8 } from '../../../helpers/bytes';

type Layout = Pick<Dialect, 'delimiter' | 'collapse' | 'quote' | 'escape'>;

interface Table {
	layout: Layout;
	header: string[] | null;
	rows: string[][];
	eol: string;
}

const DELIMITERS = [',', ';', '\t', '|', ' ', ':', '^', '~'];
const LABELS = [
	'id',
	'name',
	'amount',
	'date',
	'city',
	'note',
	'qty',
	'price',
	'客户编号',
	'Kunde',
];
/** Pieces of cell text: delimiters, quotes, backslashes, line breaks and non-ASCII among letters. */
const PIECES = ['a', 'b', 'Z', 'x y', 'é', '客户', '😀', '-', '.', '7', ',', ';', '\t', '|', ':'];
const TRICKY = ['"', "'", '\\', '\n', '\r\n', ' '];

const layout: fc.Arbitrary<Layout> = fc
	.record({
		delimiter: fc.constantFrom(...DELIMITERS),
		quote: fc.constantFrom<string | null>('"', "'", null),
		backslash: fc.boolean(),
	})
	.map(({ delimiter, quote, backslash }) => ({
		delimiter,
		collapse: delimiter === ' ',
		quote,
		escape: quote === null ? null : backslash ? '\\' : quote,
	}));

/** Text for one cell: anything when the layout can quote it, else no delimiter, quote or break. */
function text(l: Layout, nonEmpty: boolean): fc.Arbitrary<string> {
	// Tabs in most lines of a space-delimited layout make it read as tab-delimited prose.
	const usable = (p: string) => !(l.collapse && p.includes('\t'));
	const unsafe = (s: string) =>
		[l.delimiter, '"', "'", '\\', '\n', '\r'].some((c) => s.includes(c)) ||
		(l.collapse && /[ \t]/.test(s));
	// Without quoting, values made of other delimiters (`,` `|` in a `~` file) read as well under
	// those: such a layout is ambiguous, so its values keep to letters and digits.
	const pieces =
		l.quote === null
			? PIECES.filter((p) => !unsafe(p) && !/[,;|\t:]/.test(p))
			: [...PIECES, ...TRICKY].filter(usable);
	return (
		fc
			.array(fc.constantFrom(...pieces), { minLength: nonEmpty ? 1 : 0, maxLength: 5 })
			.map((p) => p.join(''))
			// Quotes and backslashes stand inside values, as in `O'Brien` or `say "hi" now`: at an
			// end (`"x"` quoted as `'"x"'`), or a backslash before a quote, they read as well under
			// another quote or escape.
			.filter((s) => !/^["'\\]|["'\\]$|\\["']/.test(s))
			.filter((s) => !(l.quote === null && l.collapse && s === ''))
	);
}

/** A column of integers, decimals or ISO dates. */
const typedColumn = fc.constantFrom<(x: number) => string>(
	(x) => String(x),
	(x) => (x / 100).toFixed(2),
	(x) => new Date(Date.UTC(2000, 0, 1) + x * 86400000).toISOString().slice(0, 10),
);

/**
 * A well-formed table: 2–5 columns, 3–10 rows, one column of numbers or of dates that is never
 * empty (so a header of distinct labels stands out, and a first data row is not one), a first
 * row with some text, and text cells that use every character the layout can carry.
 */
const table: fc.Arbitrary<Table> = fc
	.record({
		layout,
		width: fc.integer({ min: 2, max: 5 }),
		height: fc.integer({ min: 3, max: 10 }),
		withHeader: fc.boolean(),
		eol: fc.constantFrom('\n', '\r\n'),
	})
	.chain(({ layout: l, width, height, withHeader, eol }) =>
		fc.record({
			layout: fc.constant(l),
			eol: fc.constant(eol),
			typed: fc.integer({ min: 0, max: width - 1 }),
			format: typedColumn,
			header: withHeader
				? fc.shuffledSubarray(LABELS, { minLength: width, maxLength: width })
				: fc.constant(null),
			rows: fc.tuple(
				...Array.from({ length: height }, (_, r) =>
					fc.array(fc.tuple(fc.nat(9999), text(l, r === 0)), {
						minLength: width,
						maxLength: width,
					}),
				),
			),
		}),
	)
	.map(({ layout: l, eol, typed, format, header, rows }) => ({
		layout: l,
		eol,
		header,
		rows: rows.map((row) => row.map(([x, t], c) => (c === typed ? format(x) : t))),
	}));

/** The table as text in its layout: a field is quoted when it must be, and only then. */
function write({ layout: l, header, rows, eol }: Table): { text: string; quoted: string[] } {
	const quoted: string[] = [];
	const field = (s: string) => {
		const must =
			[l.delimiter, '"', "'", '\\', '\n', '\r'].some((c) => s.includes(c)) ||
			(l.collapse && (s === '' || /[ \t]/.test(s)));
		if (!must) return s;
		const q = l.quote!;
		quoted.push(s);
		const body =
			l.escape === q ? s.replaceAll(q, q + q) : s.replaceAll('\\', '\\\\').replaceAll(q, '\\' + q);
		return q + body + q;
	};
	const lines = [...(header ? [header] : []), ...rows].map((r) => r.map(field).join(l.delimiter));
	return { text: lines.join(eol) + eol, quoted };
}

function records(bytes: Uint8Array, dialect: Dialect): string[][] {
	const t = tokenize(bytes, dialect, { start: skipLines(bytes, dialect.skippedLines) });
	const values = t.columns.map((c) => c?.dict.values() ?? []);
	return Array.from(t.fieldCounts, (width, r) =>
		Array.from({ length: width }, (_, c) => {
			const code = t.columns[c]!.codes[r];
			return code < 0 ? '' : values[c][code];
		}),
	);
}

describe('sniffDialect + tokenize round trip', () => {
	it('sniffDialect(written table) finds its layout and tokenize reads back every cell', () => {
		fc.assert(
			fc.property(table, (t) => {
				const { text, quoted } = write(t);
				// `"a\\"` is `a\` escaped by backslash or `a\\` escaped by doubling: only an escaped
				// quote tells.
				const q = t.layout.quote;
				fc.pre(t.layout.escape !== '\\' || quoted.some((s) => s.includes(q!)));
				const bytes = utf8(text);
				const d = sniffDialect(bytes);
				expect({
					delimiter: d.delimiter,
					collapse: d.collapse,
					headerRow: d.headerRow,
					skippedLines: d.skippedLines,
					footerLines: d.footerLines,
				}).toEqual({
					delimiter: t.layout.delimiter,
					collapse: t.layout.collapse,
					headerRow: t.header ? 0 : null,
					skippedLines: 0,
					footerLines: 0,
				});
				// Quote and escape show only when a field needed them.
				if (quoted.length > 0) expect(d.quote).toBe(t.layout.quote);
				if (quoted.some((s) => s.includes(q!))) expect(d.escape).toBe(t.layout.escape);
				expect(records(bytes, d)).toEqual([...(t.header ? [t.header] : []), ...t.rows]);
			}),
			{ seed: 20240601, numRuns: 300 },
		);
	});
});
