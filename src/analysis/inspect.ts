import { resolveMapping } from './analyze';
import { missingRole } from './clean';
import { ROLES, type Mapping } from './read/roles';
import {
	openTable,
	readColumns,
	summariseColumn,
	type ColumnSummary,
	type ReadOptions,
	type TableInput,
} from './read/table';
import { detectDateFormat, formatName, isMissing } from './read/values';
import type { OnProgress, Warning } from './types';

/** What `inspect` prints (CLI.md): how the file was read and what each column holds. */
export interface Inspection {
	file: string;
	bytes: number;
	format: string;
	/** The sheet read and all sheets of the workbook (xlsx only). */
	sheet?: string;
	sheets?: string[];
	encoding: string;
	dialect: {
		delimiter: string;
		quote: string | null;
		escape: string | null;
		header_row: number | null;
		skipped_lines: number;
	};
	rows: number;
	columns: ColumnSummary[];
	mapping: Mapping;
	date_format: string | null;
	decimal: '.' | ',';
	warnings: { code: string; message: string }[];
}

/**
 * Describes any readable table, orders or not: dialect, encoding, column types over the whole
 * file, suggested roles (forced ones applied) and the date format. Roles not found are null, with
 * a warning.
 */
export function inspectTable(
	bytes: TableInput,
	file: string,
	options: ReadOptions & { mapping?: Partial<Mapping>; dateFormat?: string },
	onProgress?: OnProgress,
): Inspection & { warningsBilingual: Warning[] } {
	const source = openTable(bytes, options);
	const columns = readColumns(source, null, onProgress);
	const mapping = resolveMapping(source, options.mapping ?? {});
	const warnings: Warning[] = [...source.warnings];
	const summaries = source.names.map((name, i) =>
		summariseColumn(name, columns.columns[i]!, columns.rows, source.decimal),
	);
	let dateFormat: string | null = null;
	if (mapping.date !== null) {
		const col = columns.columns[source.names.indexOf(mapping.date)]!;
		const present = col.values.filter((v) => !isMissing(v));
		const d = options.dateFormat ? null : detectDateFormat(present, 0);
		dateFormat = options.dateFormat ?? (d === null ? null : formatName(d.format));
		if (d?.ambiguous) {
			warnings.push({
				code: 'ambiguous_date_order',
				en: `The dates in "${mapping.date}" could be day/month or month/day: no value proves which. Read as ${dateFormat}; give --date-format if that is wrong.`,
				zh: `"${mapping.date}"列的日期既可理解为 日/月 也可理解为 月/日，数据中没有能判定的值。当前按 ${dateFormat} 读取；如有误请用 --date-format 指定。`,
			});
		}
	}
	for (const role of ['customer_id', 'date'] as const) {
		if (mapping[role] === null) warnings.push(asWarning(missingRole(role, source.names)));
	}
	if (mapping.amount === null && (mapping.quantity === null || mapping.unit_price === null)) {
		warnings.push(asWarning(missingRole('amount', source.names)));
	}
	if (columns.ragged > 0) {
		warnings.push({
			code: 'ragged_rows',
			en: `${columns.ragged} rows have a different number of fields than the header (${source.names.length}); missing fields are read as empty.`,
			zh: `有 ${columns.ragged} 行的字段数与表头（${source.names.length} 列）不同；缺少的字段按空值读取。`,
		});
	}
	const d = source.dialect;
	return {
		file,
		bytes: ArrayBuffer.isView(bytes) ? bytes.length : bytes.byteLength,
		format: source.format,
		...(source.sheets === undefined ? {} : { sheet: source.sheet, sheets: source.sheets }),
		encoding: source.encoding,
		dialect: {
			delimiter: d.delimiter,
			quote: d.quote,
			escape: d.escape,
			header_row: d.headerRow,
			skipped_lines: d.skippedLines,
		},
		rows: columns.rows,
		columns: summaries,
		mapping: Object.fromEntries(ROLES.map((r) => [r, mapping[r]])) as Mapping,
		date_format: dateFormat,
		decimal: source.decimal,
		warnings: warnings.map((w) => ({ code: w.code, message: w.en })),
		warningsBilingual: warnings,
	};
}

function asWarning(e: { text: { en: string; zh: string }; code: string }): Warning {
	return { code: e.code, en: e.text.en, zh: e.text.zh };
}
