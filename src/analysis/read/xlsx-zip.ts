/**
 * The zip container of a workbook: its central directory, the small parts inflated whole, and
 * the sheet inflated as a stream of chunks, so that its XML is never held whole. Inflating is the
 * platform's DecompressionStream where there is one, else fflate.
 */
import { Inflate, inflateSync } from 'fflate';
import { UserError } from '../../shared/errors';

/** One file of the archive, as its central directory describes it. */
export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflated. */
	method: number;
	/** Offset of its local header. */
	offset: number;
	compressedSize: number;
	/** The uncompressed size the archive declares: checked against limits, never trusted. */
	size: number;
}

/** Largest part inflated whole (shared strings, styles, the workbook): 512 MiB. */
export const MAX_PART_BYTES = 512 * 2 ** 20;
/** Largest sheet XML streamed: 2 GiB, twice what a million rows of twenty columns take. */
export const MAX_SHEET_BYTES = 2 * 2 ** 30;

/** Parts compressed to at most this many bytes are inflated by fflate whatever the inflater. */
const SMALL_PART_BYTES = 32 * 1024;

const decoder = new TextDecoder();

/** The entries of a zip archive by name; a broken archive is an unreadable workbook. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
	// The end record sits in the last 22 bytes plus a comment of at most 65,535.
	let end = bytes.length - 22;
	const stop = Math.max(0, end - 65_535);
	while (end >= stop && u32(end) !== 0x06054b50) end--;
	if (end < stop)
		throw unreadableWorkbook('no zip directory: the file is truncated or not a zip archive');
	let count = u16(end + 10);
	let at = u32(end + 16);
	if (end >= 20 && u32(end - 20) === 0x07064b50) {
		const zip64 = u64(end - 12);
		if (zip64 + 56 <= bytes.length && u32(zip64) === 0x06064b50) {
			count = u64(zip64 + 32);
			at = u64(zip64 + 48);
		}
	}
	const entries = new Map<string, ZipEntry>();
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || u32(at) !== 0x02014b50)
			throw unreadableWorkbook('a broken zip directory');
		const flags = u16(at + 8);
		const nameLength = u16(at + 28);
		const extraLength = u16(at + 30);
		if (at + 46 + nameLength + extraLength > bytes.length)
			throw unreadableWorkbook('a broken zip directory');
		const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		const entry: ZipEntry = {
			name,
			method: u16(at + 10),
			compressedSize: u32(at + 20),
			size: u32(at + 24),
			offset: u32(at + 42),
		};
		// ZIP64: the fields set to 0xFFFFFFFF follow in the extra field 0x0001, in this order.
		for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
			const id = u16(x);
			const length = u16(x + 2);
			if (id === 0x0001) {
				let y = x + 4;
				for (const key of ['size', 'compressedSize', 'offset'] as const) {
					if (entry[key] !== 0xffffffff || y + 8 > x + 4 + length) continue;
					entry[key] = u64(y);
					y += 8;
				}
			}
			x += 4 + length;
		}
		if (flags & 1) throw unreadableWorkbook(`${name} is encrypted`);
		entries.set(name, entry);
		at += 46 + nameLength + extraLength + u16(at + 32);
	}
	return entries;
}

/**
 * The entry at `path`; some writers differ in case or use backslashes, so those match too when
 * nothing matches exactly.
 */
export function findEntry(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
	const exact = entries.get(path);
	if (exact) return exact;
	const folded = path.toLowerCase();
	for (const [name, entry] of entries)
		if (name.replace(/\\/g, '/').toLowerCase() === folded) return entry;
	return undefined;
}

/** The compressed bytes of an entry, after its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.offset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
		throw unreadableWorkbook(`the zip entry of ${entry.name} is broken`);
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const end = start + entry.compressedSize;
	if (end > bytes.length) throw unreadableWorkbook(`${entry.name} is truncated`);
	if (entry.method !== 0 && entry.method !== 8)
		throw unreadableWorkbook(`${entry.name} uses compression method ${entry.method}`);
	return bytes.subarray(start, end);
}

/**
 * How entries are inflated: `native` is the platform's DecompressionStream (zlib, in browsers and
 * Node alike), `fflate` the pure-JS fallback.
 */
export type Inflater = 'native' | 'fflate';

let platformInflater: Inflater | undefined;

/** `native` when the platform's DecompressionStream reads raw deflate, else `fflate`. */
export function defaultInflater(): Inflater {
	if (platformInflater === undefined) {
		try {
			new DecompressionStream('deflate-raw');
			platformInflater = 'native';
		} catch {
			platformInflater = 'fflate';
		}
	}
	return platformInflater;
}

/**
 * A part inflated whole into a buffer of its declared size, which must be at most `limit` (512
 * MiB by default): the output never outgrows it.
 */
export async function readEntry(
	bytes: Uint8Array,
	entry: ZipEntry,
	{
		limit = MAX_PART_BYTES,
		inflater = defaultInflater(),
	}: { limit?: number; inflater?: Inflater } = {},
): Promise<Uint8Array> {
	if (entry.size > limit) throw tooLarge(entry.name, limit);
	const data = entryData(bytes, entry);
	if (entry.method === 0) return data;
	const longer = () => unreadableWorkbook(`${entry.name} is longer than the zip directory says`);
	// Small parts (the workbook, its relationships, styles) inflate in JS faster than a stream
	// is set up. One byte more than declared: output that fills it is longer than declared.
	if (inflater === 'fflate' || data.length <= SMALL_PART_BYTES) {
		const out = failing(entry, () => inflateSync(data, { out: new Uint8Array(entry.size + 1) }));
		if (out.length > entry.size) throw longer();
		return out;
	}
	const out = new Uint8Array(entry.size);
	let at = 0;
	await inflateNative(data, entry, (chunk) => {
		if (at + chunk.length > out.length) throw longer();
		out.set(chunk, at);
		at += chunk.length;
	});
	return out.subarray(0, at);
}

/**
 * Inflates an entry chunk by chunk into `onChunk`, at most `limit` bytes in all (2 GiB by default,
 * counted as they come, whatever the archive declares), so that a sheet's XML is never held whole.
 */
export async function streamEntry(
	bytes: Uint8Array,
	entry: ZipEntry,
	onChunk: (chunk: Uint8Array) => void,
	{
		limit = MAX_SHEET_BYTES,
		inflater = defaultInflater(),
	}: { limit?: number; inflater?: Inflater } = {},
): Promise<void> {
	if (entry.size > limit) throw tooLarge(entry.name, limit);
	const data = entryData(bytes, entry);
	let total = 0;
	const take = (chunk: Uint8Array) => {
		total += chunk.length;
		if (total > limit) throw tooLarge(entry.name, limit);
		onChunk(chunk);
	};
	const step = 1 << 16;
	if (entry.method === 0) {
		for (let i = 0; i < data.length; i += step) take(data.subarray(i, i + step));
	} else if (inflater === 'native') {
		await inflateNative(data, entry, take);
	} else {
		const inflate = new Inflate((chunk) => take(chunk));
		let i = 0;
		do {
			const last = i + step >= data.length;
			failing(entry, () => inflate.push(data.subarray(i, i + step), last));
			i += step;
		} while (i < data.length);
	}
}

async function inflateNative(
	data: Uint8Array,
	entry: ZipEntry,
	onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
	const stream = new Blob([data as BlobPart])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'));
	const reader = stream.getReader();
	try {
		for (;;) {
			const next = await reader.read().catch((e: unknown) => {
				throw unreadableWorkbook(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
			});
			if (next.done) return;
			onChunk(next.value);
		}
	} finally {
		reader.cancel().catch(() => {});
	}
}

/** `f()`, with fflate's errors (a broken deflate stream) as an unreadable workbook. */
function failing<T>(entry: ZipEntry, f: () => T): T {
	try {
		return f();
	} catch (e) {
		if (e instanceof UserError) throw e;
		throw unreadableWorkbook(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
	}
}

/** The workbook cannot be read: a broken zip or XML. */
export function unreadableWorkbook(detail: string): UserError {
	return new UserError('unreadable_file', {
		en: `This Excel workbook cannot be read (${detail}). Open it in Excel or LibreOffice, save it again as .xlsx (or CSV) and try again.`,
		zh: `无法读取此 Excel 工作簿（${detail}）。请在 Excel 或 LibreOffice 中打开，重新另存为 .xlsx（或 CSV）后重试。`,
	});
}

const mib = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;

/** A part that unpacks to more than a real workbook would: a zip bomb, or a sheet too big for us. */
function tooLarge(name: string, limit: number): UserError {
	return new UserError('too_large', {
		en: `This Excel workbook is too large to read: its part ${name} unpacks to more than ${mib(limit)}. Save the sheet as CSV, or split it into smaller workbooks, and try again.`,
		zh: `此 Excel 工作簿过大，无法读取：其中的 ${name} 解压后超过 ${mib(limit)}。请将工作表另存为 CSV，或拆分为较小的工作簿后重试。`,
	});
}
