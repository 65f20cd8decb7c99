/**
 * A minimal .xlsx writer (SpreadsheetML zipped with fflate): shared strings, a styles part, date
 * cells and merged cells, as Excel writes them. For test fixtures and the benchmark.
 */
import { strToU8, zipSync } from 'fflate';

/** A cell: text, number, boolean, a serial date under a date or date-time format, or ISO text. */
export type Cell =
	| string
	| number
	| boolean
	| null
	| { serial: number; style: 'date' | 'datetime' }
	| { iso: string };

export interface Sheet {
	name: string;
	/** Rows from row 1; a row may be empty. */
	rows: Cell[][];
	merges?: string[];
}

const STYLE = { date: 1, datetime: 2 } as const;

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(c: number): string {
	let s = '';
	for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** The bytes of a workbook with these sheets. */
export function xlsxBytes(sheets: Sheet[]): Uint8Array {
	const strings: string[] = [];
	const stringIndex = new Map<string, number>();
	const shared = (s: string) => {
		if (!stringIndex.has(s)) {
			stringIndex.set(s, strings.length);
			strings.push(s);
		}
		return stringIndex.get(s)!;
	};
	const sheetXml = (sheet: Sheet) => {
		const rows = sheet.rows.map((row, r) => {
			const cells = row.map((cell, c) => {
				const ref = `${colName(c)}${r + 1}`;
				if (cell === null) return '';
				if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
				if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
				if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
				if ('iso' in cell) return `<c r="${ref}" s="1" t="d"><v>${cell.iso}</v></c>`;
				return `<c r="${ref}" s="${STYLE[cell.style]}"><v>${cell.serial}</v></c>`;
			});
			return `<row r="${r + 1}">${cells.join('')}</row>`;
		});
		const merges = sheet.merges?.length
			? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
			: '';
		return (
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
			`<sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`
		);
	};
	const sheetFiles = sheets.map((s) => sheetXml(s));
	const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
	const files: Record<string, string> = {
		'[Content_Types].xml':
			xml +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
				)
				.join('') +
			'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
			'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
			'</Types>',
		'_rels/.rels':
			xml +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
			'</Relationships>',
		'xl/workbook.xml':
			xml +
			'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
			sheets
				.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
				.join('') +
			'</sheets></workbook>',
		'xl/_rels/workbook.xml.rels':
			xml +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
				)
				.join('') +
			`<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			'</Relationships>',
		'xl/styles.xml':
			xml +
			'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
			'<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm"/></numFmts>' +
			'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
			'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
			'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
			'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
			'<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
			'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
			'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
			'</styleSheet>',
	};
	sheetFiles.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = x));
	// Written last: the sheets above filled the shared strings.
	files['xl/sharedStrings.xml'] =
		xml +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
		strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') +
		'</sst>';
	const zip = zipSync(
		Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])),
		// A fixed time: the bytes do not change from one run to the next.
		{ mtime: new Date(Date.UTC(2024, 0, 1)) },
	);
	return zip;
}
