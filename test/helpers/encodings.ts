/**
 * Text as bytes in every encoding the reader knows. Node can only encode UTF-8, so the legacy
 * encoders are built as the inverse of TextDecoder, as test/fixtures/dialects/make.ts does.
 */

export type TestEncoding =
	'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16le-bom' | 'utf-16be-bom' | 'gb18030' | 'windows-1252';

export const TEST_ENCODINGS: TestEncoding[] = [
	'utf-8',
	'utf-8-bom',
	'utf-16le',
	'utf-16le-bom',
	'utf-16be-bom',
	'gb18030',
	'windows-1252',
];

/** Bytes of the text in the encoding; throws for a character the encoding cannot hold. */
export function encode(text: string, encoding: TestEncoding): Uint8Array {
	switch (encoding) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
			return new TextEncoder().encode('\ufeff' + text);
		case 'utf-16le':
			return utf16(text, false);
		case 'utf-16le-bom':
			return utf16('\ufeff' + text, false);
		case 'utf-16be-bom':
			return utf16('\ufeff' + text, true);
		case 'gb18030':
			return legacy(text, gb18030Table(), gb18030Four);
		case 'windows-1252':
			return legacy(text, cp1252Table(), () => null);
	}
}

/** Whether every character of the text has bytes in the encoding. */
export function canEncode(text: string, encoding: TestEncoding): boolean {
	try {
		encode(text, encoding);
		return true;
	} catch {
		return false;
	}
}

function utf16(units: string, bigEndian: boolean): Uint8Array {
	const out = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i++) {
		const u = units.charCodeAt(i);
		out[2 * i + (bigEndian ? 0 : 1)] = u >> 8;
		out[2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
	}
	return out;
}

function legacy(
	text: string,
	table: Map<string, number[]>,
	beyond: (code: number) => number[] | null,
): Uint8Array {
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		const bytes = code < 0x80 ? [code] : (table.get(ch) ?? beyond(code));
		if (bytes === null) throw new Error(`cannot encode ${ch} (U+${code.toString(16)})`);
		out.push(...bytes);
	}
	return new Uint8Array(out);
}

let gbTable: Map<string, number[]> | null = null;

/** GB18030's two-byte characters: the inverse of TextDecoder over every two-byte sequence. */
function gb18030Table(): Map<string, number[]> {
	if (gbTable !== null) return gbTable;
	gbTable = new Map();
	const decoder = new TextDecoder('gb18030');
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const ch = decoder.decode(new Uint8Array([lead, trail]));
			if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
		}
	}
	return gbTable;
}

/** GB18030's four-byte sequence of a character beyond the BMP (U+10000 is 90 30 81 30). */
function gb18030Four(code: number): number[] | null {
	if (code < 0x10000) return null;
	let linear = code - 0x10000;
	const b4 = 0x30 + (linear % 10);
	linear = Math.floor(linear / 10);
	const b3 = 0x81 + (linear % 126);
	linear = Math.floor(linear / 126);
	const b2 = 0x30 + (linear % 10);
	const b1 = 0x90 + Math.floor(linear / 10);
	return [b1, b2, b3, b4];
}

/** Characters of Windows-1252 bytes 0x80–0x9F (WHATWG index); 0xA0–0xFF are Latin-1. */
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function cp1252Table(): Map<string, number[]> {
	const map = new Map<string, number[]>();
	for (let b = 0xa0; b <= 0xff; b++) map.set(String.fromCharCode(b), [b]);
	for (let b = 0x80; b < 0xa0; b++) map.set(CP1252_80[b - 0x80], [b]);
	return map;
}
