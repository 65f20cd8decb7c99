/**
 * Parquet files (§7) through hyparquet, with hyparquet-compressors for the codecs beyond Snappy
 * (gzip, zstd, brotli, lz4). Every top-level column is read into the shape of decoded.ts.
 */
import {
	parquetMetadata,
	parquetRead,
	parquetSchema,
	type FileMetaData,
	type ParquetParsers,
	type SchemaElement,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { UserError } from '../../shared/errors';
import { formatDay, formatTimestamp } from '../dates';
import { ColumnEncoder, type DecodedTable } from './decoded';
import { emptyFile } from './sniff';

/**
 * How hyparquet turns dates and timestamps into values: naive text. Parquet timestamps are
 * instants (or, when not adjusted to UTC, wall-clock values stored as if UTC): either way their
 * UTC components are the wall clock we show, never shifted by the machine's zone.
 */
export const PARQUET_PARSERS: Partial<ParquetParsers> = {
	timestampFromMilliseconds: (ms: bigint) => formatTimestamp(Number(ms)),
	timestampFromMicroseconds: (us: bigint) => formatTimestamp(Number(floorDiv(us, 1000n))),
	timestampFromNanoseconds: (ns: bigint) => formatTimestamp(Number(floorDiv(ns, 1_000_000n))),
	dateFromDays: (days: number) => formatDay(days),
};

const floorDiv = (a: bigint, b: bigint): bigint => (a % b < 0n ? a / b - 1n : a / b);

/**
 * Reads every top-level column of a Parquet file: dates and timestamps as naive
 * `YYYY-MM-DD[ HH:MM:SS]` text in UTC components, integers (BigInt too) and decimals as their
 * exact text, nested values as JSON, null as missing.
 */
export async function readParquet(bytes: Uint8Array): Promise<DecodedTable> {
	// A copy: an ArrayBuffer is what hyparquet reads, and a view may share a larger one.
	const file = new Uint8Array(bytes).buffer;
	let metadata: FileMetaData;
	try {
		metadata = parquetMetadata(file);
	} catch (e) {
		throw unreadableParquet(e);
	}
	const fields = parquetSchema(metadata).children;
	const rows = Number(metadata.num_rows);
	if (rows === 0) throw emptyFile();
	const index = new Map(fields.map((f, i) => [f.element.name, i]));
	const scales = fields.map((f) => decimalScale(f.element));
	const encoders = fields.map(() => new ColumnEncoder());
	try {
		await parquetRead({
			file,
			metadata,
			compressors,
			parsers: PARQUET_PARSERS,
			onChunk: ({ columnName, columnData, rowStart }) => {
				const i = index.get(columnName);
				if (i === undefined) return;
				for (let k = 0; k < columnData.length; k++)
					encoders[i].set(rowStart + k, parquetText(columnData[k], scales[i]));
			},
		});
	} catch (e) {
		throw unreadableParquet(e);
	}
	return {
		format: 'parquet',
		encoding: 'utf-8',
		byteLength: bytes.length,
		header: fields.map((f) => f.element.name),
		columns: { rows, columns: encoders.map((e) => e.finish(rows)), ragged: 0 },
		skippedRows: 0,
		warnings: [],
	};
}

/** The scale of a DECIMAL column, whose values hyparquet gives as (inexact) floats. */
function decimalScale(e: SchemaElement): number | undefined {
	if (e.logical_type?.type === 'DECIMAL') return e.logical_type.scale ?? e.scale ?? 0;
	return e.converted_type === 'DECIMAL' ? (e.scale ?? 0) : undefined;
}

/**
 * The text of a value hyparquet decoded: null when missing. `scale` writes a decimal with its
 * digits (12.34, not 12.340000000000002).
 */
export function parquetText(v: unknown, scale?: number): string | null {
	if (v === null || v === undefined) return null;
	switch (typeof v) {
		case 'string':
			return v;
		case 'number':
			if (Number.isNaN(v)) return null;
			return scale !== undefined && Number.isFinite(v) && Math.abs(v) < 1e21
				? v.toFixed(scale)
				: String(v);
		case 'bigint':
			return String(v);
		case 'boolean':
			return v ? 'true' : 'false';
	}
	if (v instanceof Date) return formatTimestamp(v.getTime());
	if (v instanceof Uint8Array)
		return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
	return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

function unreadableParquet(e: unknown): UserError {
	const detail = e instanceof Error ? e.message : String(e);
	return new UserError('unreadable_file', {
		en: `This Parquet file cannot be read (${detail}). Write it again (any codec: Snappy, gzip, zstd, Brotli, LZ4), or export the table as CSV.`,
		zh: `无法读取此 Parquet 文件（${detail}）。请重新写出该文件（支持 Snappy、gzip、zstd、Brotli、LZ4 压缩），或将表格导出为 CSV。`,
	});
}
