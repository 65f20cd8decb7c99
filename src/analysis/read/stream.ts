/**
 * Reading a CSV file chunk by chunk (§7): the text is never held whole, only the columns it
 * becomes, so a file larger than the memory its text would take can still be read. Other formats
 * are read whole.
 */
import type { AnalysisSettings } from '../settings';
import type { OnProgress } from '../types';
import { decodeFile } from './decode';
import {
	detectFormat,
	ENCODING_SAMPLE_BYTES,
	guessEncoding,
	SNIFF_HEAD_BYTES,
	SNIFF_TAIL_BYTES,
	Utf8Converter,
	type Encoding,
	type EncodingGuess,
} from './sniff';
import {
	expectedRows,
	openText,
	readOptions,
	readTableOf,
	readWholeTable,
	toRaw,
	type OpenedText,
	type RawColumns,
	type ReadOptions,
	type ReadTable,
	type TableSource,
} from './table';
import { newTokenState, tokenize } from './tokenize';
import { isLegacyXls, legacyXlsError } from './xls';

const NO_BYTES = new Uint8Array(0);

/** Text held to open the file, at least: the sniffer's sample with room for the sample rows. */
const OPEN_BYTES = 4 * SNIFF_HEAD_BYTES;

/**
 * Bytes of the file read for its footer. Every encoding read gives at least one UTF-8 byte for
 * two of the file's (UTF-16 gives one for ASCII, GB18030 two for its four-byte U+0080): twice
 * what the sniffer reads, and more, is enough.
 */
const TAIL_BYTES = 4 * SNIFF_TAIL_BYTES;

/**
 * The smallest file whose footer is read from a tail slice: one whose tail starts past the
 * sniffer's head in the text, by the same one-byte-for-two bound. A smaller file is opened whole.
 */
const TAIL_FILE_BYTES = TAIL_BYTES + 2 * SNIFF_HEAD_BYTES + 8;

/**
 * readTable() for a file in a Blob, read in chunks of `chunkBytes` bytes (32 MiB by default): a
 * CSV file's text is decoded and split into columns chunk by chunk, so memory holds the columns and
 * a chunk or two, never the whole text. The result is the one readTable() gives for the file's
 * bytes. Its dialect and header are sniffed from the first MiB or so and its footer from the last,
 * as readTable() does. xlsx, Parquet and JSON are read whole, as readTable() reads them.
 * `onProgress` gets the share of the file read, 0–1. An allocation the browser refuses surfaces
 * as the RangeError it is.
 */
export async function readTableStream(
	file: Blob,
	name: string,
	read: AnalysisSettings['read'],
	onProgress?: OnProgress,
	chunkBytes = 1 << 25,
): Promise<ReadTable> {
	if (!(chunkBytes >= 1))
		throw new Error(`readTableStream: chunkBytes must be 1 or more, not ${chunkBytes}`);
	const size = file.size;
	const start = await bytesOf(file, 0, Math.min(size, ENCODING_SAMPLE_BYTES));
	if (isLegacyXls(start)) throw legacyXlsError();
	const options = readOptions(name, read);
	if (detectFormat(start, name) !== 'csv') {
		const whole = start.length === size ? start : await bytesOf(file, 0, size);
		const input = await decodeFile(whole, {
			name,
			encoding: read.encoding,
			sheet: read.sheet,
		});
		return readWholeTable(input, options, onProgress);
	}
	const guess = guessEncoding(start, read.encoding);
	const chunks = new TextChunks(file, guess.encoding, Math.floor(chunkBytes));
	const report = () => onProgress?.(chunks.offset / size, 'read');
	const { opened, pieces } = await openChunks(chunks, guess, options, report);
	const { source, footerBytes } = opened;
	// From here on the text is in chunks only.
	source.bytes = NO_BYTES;
	const headBytes = pieces.reduce((n, p) => n + p.length, 0);
	const textBytes = chunks.done ? headBytes : Math.ceil((headBytes * size) / chunks.offset);
	const rows = new ChunkedRows(source, footerBytes, expectedRows(source, textBytes));
	for (let k = 0; k < pieces.length; k++) {
		rows.push(pieces[k], chunks.done && k === pieces.length - 1);
		pieces[k] = NO_BYTES;
	}
	while (!chunks.done) {
		// A row longer than a chunk (a long quoted text, or a quote never closed) is read again
		// with each chunk: reading as much again as is held keeps that linear.
		const piece = await chunks.next(rows.held);
		rows.push(piece, chunks.done);
		report();
	}
	return readTableOf(source, rows.finish());
}

/**
 * Opens the text of the chunks: reads chunks until their text holds what opening reads (or the
 * file ends), with the file's tail for its footer, and reads more while the head is too short.
 * Returns the chunks read, whose rows are still to be read.
 */
async function openChunks(
	chunks: TextChunks,
	guess: EncodingGuess,
	options: ReadOptions,
	report: () => void,
): Promise<{ opened: OpenedText; pieces: Uint8Array[] }> {
	const size = chunks.file.size;
	const pieces: Uint8Array[] = [];
	let headBytes = 0;
	let want = OPEN_BYTES;
	let tail: Uint8Array | null = null;
	for (;;) {
		while (!chunks.done && headBytes < want) {
			const piece = await chunks.next();
			pieces.push(piece);
			headBytes += piece.length;
			report();
		}
		if (!chunks.done && size < TAIL_FILE_BYTES) {
			want = Infinity;
			continue;
		}
		if (!chunks.done) tail ??= await readTail(chunks.file, guess.encoding);
		const head = join(pieces, headBytes);
		const opened = openText({ head, tail: chunks.done ? null : tail }, guess, options);
		if (opened !== null) return { opened, pieces };
		want = 2 * headBytes;
	}
}

/**
 * Bytes of a chunk that one tokenize() call reads. A call that brings the tokenizer a case its
 * compiled code has not seen (the first continued chunk, say) sends it back to the interpreter
 * until it returns: short calls keep that to a step.
 */
const STEP_BYTES = 1 << 20;

/** The rows of an opened text, split into its columns chunk by chunk. */
class ChunkedRows {
	private state = newTokenState();
	/** The text after the last row read: a row the last chunk cut, or lines that may be the footer. */
	private carry = NO_BYTES;
	/** Bytes of text still to pass before the first data row. */
	private skip: number;
	private keep: boolean[];

	constructor(
		private source: TableSource,
		private footerBytes: number,
		private expectedRows: number,
	) {
		this.skip = source.dataStart;
		this.keep = new Array<boolean>(source.names.length).fill(true);
	}

	/** Bytes held over from the chunks so far. */
	get held(): number {
		return this.carry.length;
	}

	/** Reads the rows the next chunk of text ends; `last` for the end of the text. */
	push(chunk: Uint8Array, last: boolean): void {
		if (this.skip > 0) {
			const k = Math.min(this.skip, chunk.length);
			chunk = chunk.subarray(k);
			this.skip -= k;
		}
		if (chunk.length === 0 && !last) return;
		const bytes = this.carry.length === 0 ? chunk : join([this.carry, chunk]);
		// The footer's length is known from the tail: its bytes are held back until the end.
		const limit = bytes.length - this.footerBytes;
		let start = 0;
		for (let end = Math.min(limit, STEP_BYTES); ;) {
			const final = end >= limit;
			const t = tokenize(bytes, this.source.dialect, {
				into: this.state,
				keep: this.keep,
				expectedRows: this.expectedRows,
				start,
				end,
				more: !(last && final),
			});
			if (final) {
				this.carry = last ? NO_BYTES : bytes.slice(t.end);
				return;
			}
			// A row longer than a step is read to the end of the chunk in one go.
			end = t.end === start ? limit : Math.min(limit, t.end + STEP_BYTES);
			start = t.end;
		}
	}

	/** Every row read, as readColumns() gives them; the reader is spent. */
	finish(): RawColumns {
		const { rows, fieldCounts, columns } = this.state;
		this.state = newTokenState();
		const views = columns.map((c) =>
			c === null ? null : { dict: c.dict, codes: c.codes.subarray(0, rows) },
		);
		columns.length = 0;
		return toRaw(views, fieldCounts.subarray(0, rows), this.source.names.length);
	}
}

/** A file read chunk by chunk, each converted to UTF-8. */
class TextChunks {
	/** Bytes of the file read. */
	offset = 0;
	private converter: Utf8Converter;

	constructor(
		readonly file: Blob,
		encoding: Encoding,
		private chunkBytes: number,
	) {
		this.converter = new Utf8Converter(encoding);
	}

	get done(): boolean {
		return this.offset >= this.file.size;
	}

	/** The text of the next chunk: of `chunkBytes` of the file, or `atLeast` when more. */
	async next(atLeast = 0): Promise<Uint8Array> {
		const end = Math.min(this.file.size, this.offset + Math.max(this.chunkBytes, atLeast));
		const bytes = await bytesOf(this.file, this.offset, end);
		this.offset = end;
		return this.converter.convert(bytes, this.done);
	}
}

/**
 * The text of the file's last TAIL_BYTES, as sniffDialect() takes a tail: from a line feed, which
 * no multi-byte character of UTF-8, GB18030 or Windows-1252 holds, or for UTF-16 from a two-byte
 * boundary (a pair of surrogates cut there reads as one U+FFFD, far from the end).
 */
async function readTail(file: Blob, encoding: Encoding): Promise<Uint8Array> {
	const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
	let from = file.size - TAIL_BYTES;
	if (utf16) from += from & 1;
	let bytes = await bytesOf(file, from, file.size);
	if (!utf16) {
		const lf = bytes.indexOf(10);
		bytes = lf < 0 ? NO_BYTES : bytes.subarray(lf);
	}
	return new Utf8Converter(encoding).convert(bytes, true);
}

async function bytesOf(file: Blob, start: number, end: number): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** The pieces one after the other (the piece itself when there is one). */
function join(pieces: Uint8Array[], length = pieces.reduce((n, p) => n + p.length, 0)) {
	if (pieces.length === 1) return pieces[0];
	const out = new Uint8Array(length);
	let k = 0;
	for (const p of pieces) {
		out.set(p, k);
		k += p.length;
	}
	return out;
}
