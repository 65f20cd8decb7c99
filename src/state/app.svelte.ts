/**
 * The root of the UI state: the notebook in view, the saved notebooks, and how the app was opened
 * (`?sample=`, `?data=`, `#nb=`, or the notebook last worked on).
 */
import { SAMPLES, sampleSettings, type SampleName } from './samples';
import type { AnalysisSettings } from '../analysis/settings';
import type { Bilingual } from '../analysis/types';
import { warmUpCharts } from '../charts/warm-up';
import { i18n } from '../i18n/i18n.svelte';
import type { NotebookFile } from '../shared/notebook';
import type { CellRecord, NotebookRecord } from '../storage/db';
import * as db from '../storage/db';
import { createClient, isCancelled, type AnalysisClient } from '../worker-client/client';
import { describeError, newId, Notebook } from './notebook.svelte';
import {
	fromBase64Url,
	fromLinkFragment,
	fromNotebookFile,
	toBase64Url,
	toLinkFragment,
	toNotebookFile,
} from './notebook-file';

const LAST = 'clientele.lastNotebook';

export { SAMPLES, type SampleName } from './samples';

export interface Message {
	kind: 'error' | 'info';
	text: Bilingual;
}

function remember(id: string | null) {
	try {
		if (id === null) localStorage.removeItem(LAST);
		else localStorage.setItem(LAST, id);
	} catch {
		// Storage blocked: the app still works, it just won't reopen this notebook by itself.
	}
}

export class AppState {
	readonly client: AnalysisClient;
	notebook = $state<Notebook | null>(null);
	notebooks = $state.raw<NotebookRecord[]>([]);
	message = $state<Message | null>(null);
	storage = $state<{ usage: number; quota: number; persisted: boolean } | null>(null);
	busy = $state<Bilingual | null>(null);

	constructor(client: AnalysisClient = createClient()) {
		this.client = client;
	}

	/** Opens what the URL asks for, or the notebook last worked on. */
	async init(location: Location): Promise<void> {
		const params = new URLSearchParams(location.search);
		const fragment = location.hash.startsWith('#nb=') ? location.hash.slice(4) : null;
		let preset: ReturnType<typeof fromNotebookFile> | null = null;
		if (fragment) {
			try {
				preset = fromNotebookFile(await fromLinkFragment(fragment));
				if (preset.language) i18n.set(preset.language);
			} catch (e) {
				this.fail(describeError(e));
			}
		}
		const sample = params.get('sample');
		const data = params.get('data');
		if (sample === 'retail' || sample === 'cdnow') await this.openSample(sample, preset);
		else if (data) await this.openUrl(data, preset);
		else if (preset) await this.openPreset(preset);
		else {
			let last: string | null;
			try {
				last = localStorage.getItem(LAST);
			} catch {
				last = null;
			}
			if (last && (await db.getNotebook(last))) await this.openNotebook(last);
		}
		await this.refreshList();
	}

	async refreshList(): Promise<void> {
		this.notebooks = await db.listNotebooks();
		this.storage = await db.storageEstimate();
	}

	fail(text: Bilingual): void {
		this.message = { kind: 'error', text };
	}

	/** A new notebook on a file: the worker reads, stores and parses it, then every cell runs. */
	async openFile(
		file: Blob,
		name: string,
		title?: Bilingual,
		preset?: ReturnType<typeof fromNotebookFile> | null,
	): Promise<void> {
		this.message = null;
		const datasetId = newId('ds');
		const nb = Notebook.blank(title ? i18n.pick(title) : name, datasetId, name, this.client);
		if (preset) {
			nb.settings = preset.settings;
			if (preset.cells.length > 0) nb.setCells(preset.cells);
			if (preset.title && !title) nb.title = preset.title;
		}
		this.show(nb);
		const dataCell = nb.cell('data');
		if (dataCell) dataCell.run = { status: 'running' };
		const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
		idle(() => warmUpCharts());
		try {
			nb.info = await this.client.run(
				(api, progress) =>
					api.importFile(
						{ datasetId, file, name, settings: $state.snapshot(nb.settings) as AnalysisSettings },
						progress,
					),
				(f, stage) => {
					nb.progress = f;
					if (stage) nb.progressStage = stage;
				},
			);
		} catch (e) {
			nb.progress = null;
			if (dataCell)
				dataCell.run = isCancelled(e)
					? { status: 'idle' }
					: { status: 'failed', error: describeError(e) };
			if (isCancelled(e)) return;
			await nb.save().catch(() => {});
			return;
		}
		nb.progress = null;
		if (dataCell) dataCell.run = { status: 'idle' };
		await nb.save().catch((e) => this.fail(describeError(e)));
		await nb.refresh();
		// The file is stored while the first results are computed; a full disk is said here.
		await this.client
			.run((api) => api.flush({ datasetId }))
			.catch((e) => {
				if (!isCancelled(e)) this.fail(describeError(e));
			});
		void this.refreshList();
	}

	async openSample(
		name: SampleName,
		preset?: ReturnType<typeof fromNotebookFile> | null,
	): Promise<void> {
		const s = SAMPLES[name];
		if (!preset && name === 'cdnow')
			preset = {
				title: '',
				language: null,
				settings: sampleSettings(name),
				cells: [],
				dataset: null,
				data: null,
			};
		const res = await fetch(new URL(s.file, document.baseURI));
		if (!res.ok)
			return this.fail({
				en: `The sample ${s.name} is missing (${res.status}).`,
				zh: `示例文件 ${s.name} 缺失（${res.status}）。`,
			});
		await this.openFile(await res.blob(), s.name, preset?.title ? undefined : s.title, preset);
	}

	/** `?data=URL`: the one request the app makes to another host, because the link asks for it. */
	async openUrl(url: string, preset?: ReturnType<typeof fromNotebookFile> | null): Promise<void> {
		this.busy = { en: `Downloading ${url}…`, zh: `正在下载 ${url}……` };
		try {
			const res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const blob = await res.blob();
			const name = decodeURIComponent(
				new URL(url, location.href).pathname.split('/').pop() || 'data.csv',
			);
			this.busy = null;
			await this.openFile(blob, name, undefined, preset);
		} catch (e) {
			this.busy = null;
			const why = (e as Error).message;
			this.fail({
				en: `Could not download ${url}: ${why}. Check the link (the server must allow downloads from other sites), or download the file and drop it here.`,
				zh: `无法下载 ${url}：${why}。请检查链接（服务器须允许跨站下载），或先下载文件再拖放到此处。`,
			});
		}
	}

	/** A notebook from a link or file without data: it waits for its data file. */
	async openPreset(preset: ReturnType<typeof fromNotebookFile>): Promise<void> {
		const nb = Notebook.blank(preset.title, null, preset.dataset?.name ?? '', this.client);
		nb.settings = preset.settings;
		if (preset.cells.length > 0) nb.setCells(preset.cells);
		this.show(nb);
		await nb.save();
	}

	/** Gives a notebook without data (or with the wrong data) a file. */
	async attachFile(file: Blob, name: string): Promise<void> {
		const nb = this.notebook;
		if (!nb) return;
		const preset = {
			title: nb.title,
			language: null,
			settings: $state.snapshot(nb.settings) as AnalysisSettings,
			cells: nb.cells.map((c) => c.record()),
			dataset: null,
			data: null,
		};
		const old = nb.id;
		await this.openFile(file, name, undefined, preset);
		await db.deleteNotebook(old);
		await this.refreshList();
	}

	async openNotebook(id: string): Promise<void> {
		const record = await db.getNotebook(id);
		if (!record) return;
		const nb = new Notebook(record, this.client);
		await nb.restore();
		this.show(nb);
		void nb.refresh();
	}

	private show(nb: Notebook): void {
		this.notebook = nb;
		remember(nb.id);
		const url = new URL(location.href);
		if (url.search || url.hash) history.replaceState(null, '', url.pathname);
	}

	goHome(): void {
		this.notebook = null;
		remember(null);
		void this.refreshList();
	}

	async rename(id: string, title: string): Promise<void> {
		const r = await db.getNotebook(id);
		if (!r) return;
		await db.putNotebook({ ...r, title, updatedAt: Date.now() });
		if (this.notebook?.id === id) this.notebook.title = title;
		await this.refreshList();
	}

	async duplicate(id: string): Promise<void> {
		const r = await db.getNotebook(id);
		if (!r) return;
		const copy: NotebookRecord = {
			...r,
			id: newId('nb'),
			title: i18n.t('landing.copyOf', { title: r.title }),
			cells: r.cells.map((c: CellRecord) => ({ ...c })),
			createdAt: Date.now(),
			updatedAt: Date.now(),
		};
		await db.putNotebook(copy);
		await this.refreshList();
	}

	async remove(id: string): Promise<void> {
		await db.deleteNotebook(id);
		if (this.notebook?.id === id) this.goHome();
		await this.refreshList();
	}

	cancel(): void {
		this.client.cancel();
		if (this.notebook) this.notebook.progress = null;
		this.message = { kind: 'info', text: { en: 'Cancelled.', zh: '已取消。' } };
	}

	async persist(): Promise<void> {
		await db.requestPersistence();
		this.storage = await db.storageEstimate();
	}

	/** The notebook file of the notebook in view. */
	async notebookFile(includeData: boolean): Promise<NotebookFile> {
		const nb = this.notebook!;
		const record = nb.record();
		const dataset = nb.datasetId ? await db.getDataset(nb.datasetId) : undefined;
		const file = toNotebookFile(
			{
				title: record.title,
				settings: record.settings,
				cells: record.cells,
				mapping: { ...(nb.data?.mapping ?? {}), ...record.settings.mapping },
				dataset: dataset
					? {
							name: dataset.name,
							bytes: dataset.size,
							sha256: (await db.datasetHash(dataset.id)) ?? '',
						}
					: null,
			},
			i18n.lang,
		);
		if (includeData && dataset)
			file.data = toBase64Url(new Uint8Array(await dataset.blob.arrayBuffer()));
		return file;
	}

	async shareLink(): Promise<string> {
		const file = await this.notebookFile(false);
		const url = new URL(location.href);
		url.search = '';
		url.hash = await toLinkFragment(file);
		return url.toString();
	}

	async importNotebook(file: Blob): Promise<void> {
		try {
			const json = JSON.parse(await file.text());
			const preset = fromNotebookFile(json);
			if (preset.language) i18n.set(preset.language);
			if (preset.data) {
				const bytes = fromBase64Url(preset.data);
				await this.openFile(
					new Blob([bytes as BlobPart]),
					preset.dataset?.name ?? 'data.csv',
					undefined,
					preset,
				);
				return;
			}
			// The same file already in this browser (same size and hash) is used again.
			for (const d of preset.dataset ? await db.listDatasets() : []) {
				if (d.size !== preset.dataset!.bytes) continue;
				if ((await db.datasetHash(d.id)) !== preset.dataset!.sha256) continue;
				const stored = await db.getDataset(d.id);
				if (stored) {
					await this.openFile(stored.blob, stored.name, undefined, preset);
					return;
				}
			}
			await this.openPreset(preset);
		} catch (e) {
			const why = e instanceof SyntaxError ? e.message : describeError(e).en;
			this.fail({
				en: `This is not a Clientele notebook file (${why}).`,
				zh: `这不是 Clientele 笔记本文件（${why}）。`,
			});
		}
	}
}
