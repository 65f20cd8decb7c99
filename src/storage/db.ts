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
	parsed: { key: string; value: ParsedRecord; indexes: { datasetId: string } };
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
	return (await open()).get('parsed', parsedKey(datasetId, readKey));
}

export async function putParsed(record: ParsedRecord): Promise<void> {
	await guarded(async () => (await open()).put('parsed', record));
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
