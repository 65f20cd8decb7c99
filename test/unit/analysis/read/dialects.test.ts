import { describe, expect, it } from 'vitest';
import { decodeText, skipLines, sniffDialect } from '../../../../src/analysis/read/sniff';
import { tokenize, type Dialect } from '../../../../src/analysis/read/tokenize';
import { fixture } from '../../../helpers/fixtures';

/**
 * One entry of test/fixtures/dialects/expected.json. Its rows were read with Python's csv module
 * under the dialect meant for the file (an implementation independent of ours); the binary files
 * come from make.ts beside them.
 */
interface Expected {
	file: string;
	note: string;
	encoding: string;
	dialect: Dialect;
	/** Records of the table, its header included. */
	rows: number;
	first: string[][];
	last: string[];
}

const manifest = JSON.parse(new TextDecoder().decode(fixture('dialects/expected.json'))) as {
	files: Expected[];
};

/** Every record of the table as openTable reads it: after the preamble, before the footer. */
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

describe('the dialect corpus (test/fixtures/dialects)', () => {
	it.each(manifest.files.map((e) => [e.file, e] as const))(
		'decodeText + sniffDialect(%s) find its encoding, dialect and rows',
		(file, e) => {
			const decoded = decodeText(fixture(`dialects/${file}`));
			const dialect = sniffDialect(decoded.bytes);
			const rows = records(decoded.bytes, dialect);
			expect({
				encoding: decoded.encoding,
				dialect,
				rows: rows.length,
				first: rows.slice(0, 3),
				last: rows.at(-1),
			}).toEqual({
				encoding: e.encoding,
				dialect: e.dialect,
				rows: e.rows,
				first: e.first,
				last: e.last,
			});
		},
	);
});
