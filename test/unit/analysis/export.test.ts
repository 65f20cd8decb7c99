import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../../src/analysis/export';

describe('formula neutralisation', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+cmd|calc', "'+cmd|calc"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['-12.5', '-12.5'],
		['+7', '+7'],
		['-1e5', '-1e5'],
		['C1', 'C1'],
		['', ''],
		['a=b', 'a=b'],
	])('neutraliseFormula(%j) is %j', (text, expected) => {
		expect(neutraliseFormula(text)).toBe(expected);
	});

	it('csvField(text) neutralises, then quotes; numbers are written as they are', () => {
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvField('-')).toBe("'-");
		expect(csvField(-3.5)).toBe('-3.5');
		expect(csvField(null)).toBe('');
		expect(csvField(Number.NaN)).toBe('');
		expect(csvField('a,b')).toBe('"a,b"');
	});
});
