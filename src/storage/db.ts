/**
 * Everything the app keeps, in IndexedDB: the original files, their parsed columns (so a reload
 * does not parse again), notebooks and the last result of every cell. The only importer of idb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReadTable } from '../analysis/analyze';
import type { AnalysisSettings } from '../analysis/settings';
import { UserError } from '../shared/errors';
import type { CellType } from '../shared/notebook';
import type { DatasetInfo } from '../shared/analysis-api';

export interface DatasetRecord {
	id: string;
	name: string;
	size: number;
	/** Computed when first needed (a notebook file names its data by it). */
	sha256?: string;
	/** The original file, as the user gave it. */
	blob: Blob;
	addedAt: number;
}

export interface ParsedRecord {
	/** `datasetId|readKey` */
	key: string;
	datasetId: string;
	table: ReadTable;
}

/**
 * How a parsed table is stored: Chromium refuses an IndexedDB value over 127 MiB, so the codes and
 * values of each column go into parts of at most PART_ITEMS items, each a record of its own
 * (`key#column#codes#k`, `key#column#values#k`), and the main record holds the rest.
 */
interface StoredTable {
	key: string;
	datasetId: string;
	/** The table with each column's codes emptied and its values left out. */
	table: ReadTable;
	/** Per column: its number of code parts and value parts, or null for a skipped column. */
	parts: ({ codes: number; values: number; length: number } | null)[];
}

interface StoredPart {
	key: string;
	datasetId: string;
	part: Int32Array | string[];
}

/** 8 Mi codes (32 MiB) or 1 Mi strings per part: far below the limit, few records. */
const PART_ITEMS = 1 << 23;
const VALUE_PART_ITEMS = 1 << 20;

export interface CellRecord {
	id: string;
	type: CellType;
	params: Record<string, unknown>;
	note: string;
	collapsed: boolean;
}

export interface NotebookRecord {
	id: string;
	title: string;
	datasetId: string | null;
	datasetName: string;
	settings: AnalysisSettings;
	cells: CellRecord[];
	info?: DatasetInfo | null;
	createdAt: number;
	updatedAt: number;
}

export interface ResultRecord {
	/** `notebookId|cellId` */
	key: string;
	notebookId: string;
	inputKey: string;
	result: unknown;
}

interface Schema extends DBSchema {
	datasets: { key: string; value: DatasetRecord };
	parsed: { key: string; value: StoredTable | StoredPart; indexes: { datasetId: string } };
	notebooks: { key: string; value: NotebookRecord };
	results: { key: string; value: ResultRecord; indexes: { notebookId: string } };
}

let db: Promise<IDBPDatabase<Schema>> | null = null;

function open(): Promise<IDBPDatabase<Schema>> {
	db ??= openDB<Schema>('clientele', 1, {
		upgrade(d) {
			d.createObjectStore('datasets', { keyPath: 'id' });
			d.createObjectStore('parsed', { keyPath: 'key' }).createIndex('datasetId', 'datasetId');
			d.createObjectStore('notebooks', { keyPath: 'id' });
			d.createObjectStore('results', { keyPath: 'key' }).createIndex('notebookId', 'notebookId');
		},
	});
	return db;
}

/** A full disk becomes a clear message; what was saved before stays. */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (e) {
		const name = (e as { name?: string })?.name;
		if (name === 'QuotaExceededError' || name === 'UnknownError') {
			throw new UserError('storage_full', {
				en: 'The browser has no room left to save this. Everything saved before is kept. Delete a notebook or dataset you no longer need, then try again.',
				zh: '浏览器的存储空间已满，无法保存。之前保存的内容都还在。请删除不再需要的笔记本或数据集后重试。',
			});
		}
		throw e;
	}
}

export const parsedKey = (datasetId: string, readKey: string) => `${datasetId}|${readKey}`;

export async function putDataset(record: DatasetRecord): Promise<void> {
	await guarded(async () => (await open()).put('datasets', record));
}

export async function getDataset(id: string): Promise<DatasetRecord | undefined> {
	return (await open()).get('datasets', id);
}

export async function listDatasets(): Promise<Omit<DatasetRecord, 'blob'>[]> {
	const d = await open();
	const out: Omit<DatasetRecord, 'blob'>[] = [];
	let cursor = await d.transaction('datasets').store.openCursor();
	while (cursor) {
		const { blob: _, ...meta } = cursor.value;
		out.push(meta);
		cursor = await cursor.continue();
	}
	return out;
}

/** Deletes a dataset and its parsed columns. */
/** The SHA-256 of a stored file, computed once and kept with it. */
export async function datasetHash(id: string): Promise<string | null> {
	const r = await getDataset(id);
	if (!r) return null;
	if (r.sha256) return r.sha256;
	const digest = await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer());
	const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(
		'',
	);
	await putDataset({ ...r, sha256 }).catch(() => {});
	return sha256;
}

export async function deleteDataset(id: string): Promise<void> {
	const d = await open();
	const tx = d.transaction(['datasets', 'parsed'], 'readwrite');
	await tx.objectStore('datasets').delete(id);
	const keys = await tx.objectStore('parsed').index('datasetId').getAllKeys(id);
	for (const k of keys) await tx.objectStore('parsed').delete(k);
	await tx.done;
}

export async function getParsed(
	datasetId: string,
	readKey: string,
): Promise<ParsedRecord | undefined> {
	const d = await open();
	const key = parsedKey(datasetId, readKey);
	const main = (await d.get('parsed', key)) as StoredTable | undefined;
	// A record of an older version held the whole table.
	if (!main || !('parts' in main)) return main as ParsedRecord | undefined;
	const tx = d.transaction('parsed');
	const columns = await Promise.all(
		main.parts.map(async (p, c) => {
			if (p === null) return null;
			const codes = new Int32Array(p.length);
			for (let k = 0, at = 0; k < p.codes; k++) {
				const part = (await tx.store.get(`${key}#${c}#codes#${k}`)) as StoredPart | undefined;
				if (!part) return undefined;
				codes.set(part.part as Int32Array, at);
				at += part.part.length;
			}
			const values: string[] = [];
			for (let k = 0; k < p.values; k++) {
				const part = (await tx.store.get(`${key}#${c}#values#${k}`)) as StoredPart | undefined;
				if (!part) return undefined;
				for (const v of part.part as string[]) values.push(v);
			}
			return { codes, values };
		}),
	);
	// A part missing (a write cut short): read the file again rather than use half a table.
	if (columns.some((c) => c === undefined)) return undefined;
	return {
		key,
		datasetId,
		table: {
			...main.table,
			columns: { ...main.table.columns, columns: columns as ReadTable['columns']['columns'] },
		},
	};
}

export async function putParsed(record: ParsedRecord): Promise<void> {
	const { key, datasetId, table } = record;
	const parts: StoredTable['parts'] = table.columns.columns.map((col) =>
		col === null
			? null
			: {
					codes: Math.ceil(col.codes.length / PART_ITEMS),
					values: Math.ceil(col.values.length / VALUE_PART_ITEMS),
					length: col.codes.length,
				},
	);
	const main: StoredTable = {
		key,
		datasetId,
		parts,
		table: {
			...table,
			columns: {
				...table.columns,
				columns: table.columns.columns.map((col) =>
					col === null ? null : { codes: new Int32Array(0), values: [] },
				),
			},
		},
	};
	await guarded(async () => {
		const tx = (await open()).transaction('parsed', 'readwrite');
		// Each part is copied out just before it is stored (a view would clone its whole buffer),
		// so at most one part is held twice. The main record goes last: a table is found only once
		// all its parts are in.
		for (const [c, col] of table.columns.columns.entries()) {
			if (col === null) continue;
			for (let k = 0; k * PART_ITEMS < col.codes.length; k++) {
				const part = col.codes.slice(k * PART_ITEMS, (k + 1) * PART_ITEMS);
				await tx.store.put({ key: `${key}#${c}#codes#${k}`, datasetId, part });
			}
			for (let k = 0; k * VALUE_PART_ITEMS < col.values.length; k++) {
				const part = col.values.slice(k * VALUE_PART_ITEMS, (k + 1) * VALUE_PART_ITEMS);
				await tx.store.put({ key: `${key}#${c}#values#${k}`, datasetId, part });
			}
		}
		await tx.store.put(main);
		await tx.done;
	});
}

export async function listNotebooks(): Promise<NotebookRecord[]> {
	const all = await (await open()).getAll('notebooks');
	return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getNotebook(id: string): Promise<NotebookRecord | undefined> {
	return (await open()).get('notebooks', id);
}

export async function putNotebook(record: NotebookRecord): Promise<void> {
	await guarded(async () => (await open()).put('notebooks', record));
}

/** Deletes a notebook with its results; its dataset too when no other notebook uses it. */
export async function deleteNotebook(id: string): Promise<void> {
	const d = await open();
	const nb = await d.get('notebooks', id);
	const tx = d.transaction(['notebooks', 'results'], 'readwrite');
	await tx.objectStore('notebooks').delete(id);
	const keys = await tx.objectStore('results').index('notebookId').getAllKeys(id);
	for (const k of keys) await tx.objectStore('results').delete(k);
	await tx.done;
	const rest = await d.getAll('notebooks');
	for (const id of [nb?.datasetId, nb?.settings.attributesFile?.datasetId]) {
		if (!id) continue;
		const used = rest.some(
			(n) => n.datasetId === id || n.settings.attributesFile?.datasetId === id,
		);
		if (!used) await deleteDataset(id);
	}
}

export async function getResults(notebookId: string): Promise<ResultRecord[]> {
	return (await open()).getAllFromIndex('results', 'notebookId', notebookId);
}

export async function putResult(record: ResultRecord): Promise<void> {
	await guarded(async () => (await open()).put('results', record));
}

export async function deleteResult(notebookId: string, cellId: string): Promise<void> {
	await (await open()).delete('results', `${notebookId}|${cellId}`);
}

/** Bytes used and available, as the browser reports them. */
export async function storageEstimate(): Promise<{
	usage: number;
	quota: number;
	persisted: boolean;
}> {
	const est = (await navigator.storage?.estimate?.()) ?? {};
	const persisted = (await navigator.storage?.persisted?.()) ?? false;
	return { usage: est.usage ?? 0, quota: est.quota ?? 0, persisted };
}

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
	// Not in the Web Worker library's types: only the page asks.
	const storage = navigator.storage as StorageManager & { persist?: () => Promise<boolean> };
	return (await storage?.persist?.()) ?? false;
}
