/**
 * The asynchronous first step of reading: xlsx (inflated by the platform's DecompressionStream)
 * and Parquet (whose library only offers Promise-based APIs) are decoded here; every other step of
 * reading stays synchronous.
 */
import { detectFormat } from './sniff';
import type { ReadOptions, TableInput } from './table';
import { isLegacyXls } from './xls';

/**
 * Decodes an xlsx workbook (one sheet: `options.sheet`, else the first) or a Parquet file into a
 * DecodedTable; CSV and JSON bytes come back as they are, for openTable() to read. Pass the
 * result to openTable() or readTable().
 */
export async function decodeFile(
	bytes: Uint8Array,
	options: ReadOptions = {},
): Promise<TableInput> {
	if (isLegacyXls(bytes)) return bytes;
	const format = detectFormat(bytes, options.name);
	// Loaded on demand: the readers and their codecs are most of the worker's code, and most
	// files are CSV.
	if (format === 'xlsx') return (await import('./xlsx')).readXlsx(bytes, { sheet: options.sheet });
	if (format === 'parquet') return (await import('./parquet')).readParquet(bytes);
	return bytes;
}
