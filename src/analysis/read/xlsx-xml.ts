/**
 * The little XML the workbook reader needs, on bytes: UTF-8 text of a slice, the five predefined
 * entities and character references (nothing a DTD declares is ever expanded), SpreadsheetML's
 * `_xHHHH_` escapes, and the end of a tag.
 */

const decoder = new TextDecoder();

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
export const BANG = 33; // !
export const QUESTION = 63; // ?
export const COLON = 58; // :
export const EQUALS = 61; // =
export const QUOTE = 34; // "
export const APOSTROPHE = 39; // '
export const AMP = 38; // &

/**
 * Index of the first `byte` in `b[i, end)`, or -1. A loop, not indexOf: the distances are short
 * and a call to the builtin costs more than the search.
 */
export function find(b: Uint8Array, byte: number, i: number, end: number): number {
	while (i < end && b[i] !== byte) i++;
	return i < end ? i : -1;
}

/** The text of the UTF-8 bytes `b[start, end)`. */
export function utf8Text(b: Uint8Array, start: number, end: number): string {
	if (end - start <= 16) {
		let s = '';
		for (let i = start; i < end; i++) {
			const c = b[i];
			if (c >= 0x80) return decoder.decode(b.subarray(start, end));
			s += String.fromCharCode(c);
		}
		return s;
	}
	return decoder.decode(b.subarray(start, end));
}

/** The character data `b[start, end)` with its entities and character references decoded. */
export function xmlText(b: Uint8Array, start: number, end: number): string {
	const s = utf8Text(b, start, end);
	return s.indexOf('&') < 0 ? s : decodeEntities(s);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes `&amp; &lt; &gt; &quot; &apos;` and `&#…;` / `&#x…;`. Any other reference, and one to
 * a code point beyond Unicode, is kept as written: no entity is ever expanded from a DTD.
 */
export function decodeEntities(s: string): string {
	if (s.indexOf('&') < 0) return s;
	return s.replace(
		/&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,8})|(amp|lt|gt|quot|apos));/g,
		(m, hex, dec, name) => {
			if (name) return NAMED[name as string];
			const cp = hex ? parseInt(hex as string, 16) : Number(dec);
			return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
		},
	);
}

/**
 * Decodes SpreadsheetML's `_xHHHH_` escapes of characters XML cannot carry (ECMA-376 §22.9.2.19),
 * left to right: `_x005F_x0041_` is `_x0041_`.
 */
export function unescapeXlsx(s: string): string {
	if (s.indexOf('_x') < 0) return s;
	return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
		String.fromCharCode(parseInt(hex, 16)),
	);
}

/** Index of the `>` closing the tag that starts before `i` (quotes respected), or -1 past `end`. */
export function tagEnd(b: Uint8Array, i: number, end: number): number {
	while (i < end) {
		const c = b[i];
		if (c === GT) return i;
		if (c === QUOTE || c === APOSTROPHE) {
			const close = find(b, c, i + 1, end);
			if (close < 0) return -1;
			i = close + 1;
		} else i++;
	}
	return -1;
}

/** Index just past the first occurrence of `needle` (ASCII) at or after `i`, or -1. */
export function indexAfter(b: Uint8Array, needle: string, i: number, end: number): number {
	const first = needle.charCodeAt(0);
	for (
		let at = find(b, first, i, end);
		at >= 0 && at + needle.length <= end;
		at = find(b, first, at + 1, end)
	) {
		let k = 1;
		while (k < needle.length && b[at + k] === needle.charCodeAt(k)) k++;
		if (k === needle.length) return at + k;
	}
	return -1;
}

/**
 * Where the markup that is not an element (`<!--…-->`, `<![CDATA[…]]>`, `<?…?>`, `<!DOCTYPE…>`)
 * starting at `lt` ends (just past it), or -1 when it runs past `end`.
 */
export function skipMarkup(b: Uint8Array, lt: number, end: number): number {
	if (b[lt + 1] === QUESTION) return indexAfter(b, '?>', lt + 2, end);
	if (lt + 4 > end) return -1;
	if (b[lt + 2] === 45 && b[lt + 3] === 45) return indexAfter(b, '-->', lt + 4, end);
	if (b[lt + 2] === 91) return indexAfter(b, ']]>', lt + 3, end);
	// A DOCTYPE, whose internal subset in brackets may hold `>`: its declarations are ignored.
	const close = tagEnd(b, lt + 2, end);
	if (close < 0) return -1;
	const bracket = find(b, 91, lt + 2, close);
	if (bracket < 0) return close + 1;
	const after = indexAfter(b, ']', bracket, end);
	const gt = after < 0 ? -1 : tagEnd(b, after, end);
	return gt < 0 ? -1 : gt + 1;
}

/** True when `b[start, end)` is the ASCII `name`. */
export function isName(b: Uint8Array, start: number, end: number, name: string): boolean {
	if (end - start !== name.length) return false;
	for (let k = 0; k < name.length; k++) if (b[start + k] !== name.charCodeAt(k)) return false;
	return true;
}

/** True for XML white space. */
export function isSpace(c: number): boolean {
	return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Reads rich text (`<t>`, runs `<r>` of `<t>`, phonetic runs `<rPh>` left out) up to the end tag
 * `</close>` into `out.text`, as read-excel-file joins it; returns the index past that end tag, or
 * -1 when the bytes run out first. Entities are decoded, `_xHHHH_` escapes are not.
 */
export function readRichText(
	b: Uint8Array,
	i: number,
	n: number,
	close: 'is' | 'si',
	out: { text: string },
): number {
	let inT = false;
	let inRun = false;
	let inPhonetic = false;
	// A `<t>` outside a run replaces what came before it; `<t>`s in runs add up.
	let replace = false;
	let text = '';
	for (;;) {
		const lt = find(b, LT, i, n);
		if (lt < 0 || lt + 1 >= n) return -1;
		if (inT && !inPhonetic && lt > i) {
			const s = xmlText(b, i, lt);
			text = replace ? s : text + s;
			replace = false;
		}
		const c = b[lt + 1];
		if (c === BANG || c === QUESTION) {
			const end = skipMarkup(b, lt, n);
			if (end < 0) return -1;
			if (b[lt + 2] === 91 && inT && !inPhonetic) {
				const s = utf8Text(b, lt + 9, end - 3);
				text = replace ? s : text + s;
				replace = false;
			}
			i = end;
			continue;
		}
		const isClose = c === SLASH;
		let j = isClose ? lt + 2 : lt + 1;
		let start = j;
		while (j < n) {
			const d = b[j];
			if (d === SLASH || d === GT || isSpace(d)) break;
			if (d === COLON) start = j + 1;
			j++;
		}
		const end = tagEnd(b, j, n);
		if (end < 0) return -1;
		const length = j - start;
		if (isClose) {
			if (isName(b, start, j, close)) {
				out.text = text;
				return end + 1;
			}
			if (length === 1 && b[start] === 116) {
				inT = false;
				replace = false;
			} else if (length === 1 && b[start] === 114) inRun = false;
			else if (isName(b, start, j, 'rPh')) inPhonetic = false;
		} else if (b[end - 1] !== SLASH) {
			if (length === 1 && b[start] === 116) {
				inT = true;
				if (!inRun) replace = true;
			} else if (length === 1 && b[start] === 114) inRun = true;
			else if (isName(b, start, j, 'rPh')) inPhonetic = true;
		}
		i = end + 1;
	}
}
