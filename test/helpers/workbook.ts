/**
 * Workbooks written from their XML pieces, for the xlsx reader's tests: the sheet's `<sheetData>`
 * as written, shared strings as the inner XML of each `<si>`, number formats and cell styles.
 * `randomWorkbook(seed)` writes one with every kind of cell the reader must read alike.
 */
import { strToU8, zipSync } from 'fflate';
import { mulberry32 } from '../../scripts/retail-generator';

export interface WorkbookXml {
	/** The inner XML of `<sheetData>`; null leaves the element out. */
	sheetData: string | null;
	/** The inner XML of each `<si>`. */
	sharedStrings?: string[];
	/** Custom number formats: [id, format code as written in the attribute]. */
	numFmts?: [number, string][];
	/** The `numFmtId` of each cell style (`s`); none leaves styles.xml out. */
	cellXfs?: number[];
	merges?: string[];
	date1904?: boolean;
	/** XML after `</sheetData>` and before `<mergeCells>`. */
	after?: string;
	/** A namespace prefix on the sheet's elements (`x` writes `<x:row>`). */
	prefix?: string;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The zipped parts of a one-sheet workbook (sheet "Data"). */
export function workbookParts(w: WorkbookXml): Record<string, string> {
	const x = w.prefix ? `${w.prefix}:` : '';
	const merges = w.merges?.length
		? `<${x}mergeCells count="${w.merges.length}">${w.merges.map((m) => `<${x}mergeCell ref="${m}"/>`).join('')}</${x}mergeCells>`
		: '';
	const sheetData = w.sheetData === null ? '' : `<${x}sheetData>${w.sheetData}</${x}sheetData>`;
	const root = w.prefix
		? `<${x}worksheet xmlns:${w.prefix}="${MAIN}" xmlns:r="${REL}"><${x}dimension ref="A1"/>${sheetData}${w.after ?? ''}${merges}</${x}worksheet>`
		: `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/>${sheetData}${w.after ?? ''}${merges}</worksheet>`;
	const parts: Record<string, string> = {
		'[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
		'_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${w.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		'xl/worksheets/sheet1.xml': XML + root,
	};
	if (w.sharedStrings)
		parts['xl/sharedStrings.xml'] =
			`${XML}<sst xmlns="${MAIN}" count="${w.sharedStrings.length}" uniqueCount="${w.sharedStrings.length}">${w.sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`;
	if (w.cellXfs) {
		const formats = w.numFmts ?? [];
		parts['xl/styles.xml'] =
			`${XML}<styleSheet xmlns="${MAIN}"><numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join('')}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${w.cellXfs.length}">${w.cellXfs.map((id) => `<xf numFmtId="${id}" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
	}
	return parts;
}

export function workbookBytes(w: WorkbookXml): Uint8Array {
	const parts = workbookParts(w);
	return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), {
		mtime: new Date(Date.UTC(2024, 0, 1)),
	});
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 0-based index. */
export function columnName(c: number): string {
	let s = '';
	for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

const WORDS = [
	'plain',
	'Fish & Chips',
	'<tag>',
	'"quoted"',
	"it's",
	'北京市',
	'東京 🍣',
	' padded ',
	'tab\there',
	'line\nbreak',
	'_x0041_ escaped',
	'x_x005F_x0041_y',
	'2024-01-05',
	'12.5',
	'TRUE',
	'',
	' ',
];

/** Number texts as writers put them in `<v>`. */
const NUMBERS = [
	'0',
	'1',
	'-3',
	'12.5',
	'0.1',
	'1.50',
	'1e3',
	'2.5E-3',
	'123456789012',
	'-0',
	'0.30000000000000004',
	' 7 ',
	'45000.5',
];

/** Custom number formats: some show dates, some do not. */
const FORMATS: [number, string][] = [
	[164, 'yyyy\\-mm\\-dd hh:mm'],
	[165, '0.00'],
	[166, '[Red]#,##0'],
	[167, 'd/m/yy;@'],
	[168, '&quot;Day &quot;d'],
	[169, 'mm:ss.0'],
	[170, '[h]:mm'],
	[171, '0%'],
];

/** The styles of every random workbook: built-in and custom formats, dates and not. */
export const RANDOM_STYLES = {
	numFmts: FORMATS,
	cellXfs: [0, 14, 22, 164, 165, 166, 167, 168, 169, 170, 171, 2, 47],
};

/**
 * A random one-sheet workbook (seeded): shared and inline strings (with entities, CJK, runs,
 * phonetic runs, `_xHHHH_` escapes, spaces), numbers written in several ways, booleans, errors,
 * formulas with cached text, ISO dates, serial dates under built-in and custom date styles,
 * empty cells, gaps in rows and columns, empty rows, merges, sometimes the 1904 epoch.
 */
export function randomWorkbook(seed: number): WorkbookXml {
	const rand = mulberry32(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
	const strings: string[] = [];
	const shared = (inner: string) => {
		const i = strings.indexOf(inner);
		if (i >= 0) return i;
		strings.push(inner);
		return strings.length - 1;
	};
	const text = (s: string) => `<t xml:space="preserve">${escape(s)}</t>`;
	const rich = () => {
		const r = rand();
		if (r < 0.6) return text(pick(WORDS));
		if (r < 0.85) return `<r><rPr><b/></rPr>${text(pick(WORDS))}</r><r>${text(pick(WORDS))}</r>`;
		return `${text(pick(WORDS))}<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/>`;
	};
	const columns = 1 + Math.floor(rand() * 7);
	const rowCount = 1 + Math.floor(rand() * 12);
	const rows: string[] = [];
	let r = 0;
	for (let k = 0; k < rowCount; k++) {
		r += rand() < 0.15 ? 2 + Math.floor(rand() * 3) : 1;
		if (rand() < 0.08) {
			rows.push(`<row r="${r}"/>`);
			continue;
		}
		const cells: string[] = [];
		for (let c = 0; c < columns; c++) {
			if (rand() < 0.15) continue;
			const ref = `${columnName(c)}${r}`;
			const kind = rand();
			const s = rand() < 0.5 ? ` s="${Math.floor(rand() * RANDOM_STYLES.cellXfs.length)}"` : '';
			if (kind < 0.3) cells.push(`<c r="${ref}"${s} t="s"><v>${shared(rich())}</v></c>`);
			else if (kind < 0.55) cells.push(`<c r="${ref}"${s}><v>${pick(NUMBERS)}</v></c>`);
			else if (kind < 0.62) cells.push(`<c r="${ref}"${s} t="inlineStr"><is>${rich()}</is></c>`);
			else if (kind < 0.67) cells.push(`<c r="${ref}"${s} t="b"><v>${pick(['0', '1'])}</v></c>`);
			else if (kind < 0.7) cells.push(`<c r="${ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`);
			else if (kind < 0.75)
				cells.push(`<c r="${ref}"${s} t="str"><f>A1&amp;B1</f><v>${escape(pick(WORDS))}</v></c>`);
			else if (kind < 0.8)
				cells.push(
					`<c r="${ref}" s="1" t="d"><v>${pick(['2024-01-05T10:00:00', '2024-01-06', '2024-01-07T23:30:00Z', '2024-02-29T12:00:00.250'])}</v></c>`,
				);
			else if (kind < 0.92)
				cells.push(
					`<c r="${ref}" s="${pick([1, 2, 3, 6, 7, 8, 9, 11, 12])}"><v>${pick(['45296', '45296.4166666667', '1', '60', '61', '0.5', '36525.999988426'])}</v></c>`,
				);
			else if (kind < 0.96) cells.push(`<c r="${ref}"${s}/>`);
			else cells.push(`<c r="${ref}"${s} t="s"><v>${shared('<t/>')}</v></c>`);
		}
		rows.push(`<row r="${r}">${cells.join('')}</row>`);
	}
	const merges =
		rand() < 0.3 && r > 1
			? [`A${1 + Math.floor(rand() * r)}:${columnName(Math.floor(rand() * columns))}${r}`]
			: [];
	const odd = rand() < 0.5;
	const prefix = odd && rand() < 0.3 ? 'x' : undefined;
	let sheetData = rows.join('');
	if (odd) sheetData = oddities(sheetData, rand, prefix);
	return {
		sheetData,
		prefix,
		sharedStrings: strings,
		...RANDOM_STYLES,
		merges,
		date1904: rand() < 0.15,
	};
}

/**
 * The same cells written as other writers (or hand edits) write them: namespace prefixes, single
 * quotes, attributes in another order or added, white space and comments
 * between elements, rows without `r`, character references in values.
 */
function oddities(xml: string, rand: () => number, prefix?: string): string {
	// ISO date cells are left out: read-excel-file read them in the machine's time zone, and the
	// reader before this one found their text only as Excel writes them.
	xml = xml.replace(/<c [^>]*t="d"[^>]*>.*?<\/c>/g, '');
	if (prefix) {
		xml = xml.replace(/<(\/?)(row|c|v|is|t|r|rPh|f|rPr|b|phoneticPr)([ >/])/g, `<$1${prefix}:$2$3`);
	}
	if (rand() < 0.5)
		xml = xml.replace(/ (r|s|t)="([^"]*)"/g, (m, a, v) => (rand() < 0.5 ? ` ${a}='${v}'` : m));
	if (rand() < 0.5)
		xml = xml.replace(/<c r="([^"]*)"( s="\d+")?( t="\w+")?/g, '<c$3$2 r="$1" cm="1"');
	if (rand() < 0.5) xml = xml.replace(/></g, (m) => (rand() < 0.3 ? '>\n  <' : m));
	if (rand() < 0.3) xml = xml.replace(/<\/c>/g, (m) => (rand() < 0.3 ? `${m}<!-- note -->` : m));
	if (rand() < 0.3) xml = xml.replace(/<row r="\d+"/g, (m) => (rand() < 0.5 ? '<row' : m));
	if (rand() < 0.3) xml = xml.replace(/<v>1/g, '<v>&#49;');
	return xml;
}
