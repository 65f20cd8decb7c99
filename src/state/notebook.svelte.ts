/**
 * A notebook: its dataset, settings, cells and each cell's run. Runs start when a cell's input key
 * changes; results are saved with their key so a reload shows them without recomputing.
 */
import type { AnalysisSettings } from '../analysis/settings';
import { defaultSettings } from '../analysis/settings';
import type { Bilingual } from '../analysis/types';
import type {
	AnalysisApi,
	Breakdown,
	CustomerPage,
	CustomerSort,
	DatasetInfo,
	DataResult,
	Progress,
} from '../shared/analysis-api';
import { isUserError } from '../shared/errors';
import { CELL_TYPES, type CellType } from '../shared/notebook';
import type { CellRecord, NotebookRecord } from '../storage/db';
import * as db from '../storage/db';
import { isCancelled, type AnalysisClient } from '../worker-client/client';
import { cellKey } from './keys';
import type { Remote } from 'comlink';

export type RunState =
	| { status: 'idle' }
	| { status: 'running' }
	| { status: 'ready'; result: unknown }
	| { status: 'failed'; error: Bilingual & { code: string } };

const WAIT_DATA = {
	en: 'This cell needs the Data cell to succeed first: fix the problem shown there.',
	zh: '此单元格需要"数据"单元格先成功运行：请先解决其中显示的问题。',
};

export const DEFAULT_CELLS: CellType[] = [
	'data',
	'overview',
	'rfm',
	'cohorts',
	'clusters',
	'lifecycle',
	'clv',
	'personas',
];

let counter = 0;
export function newId(prefix: string): string {
	counter++;
	return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export class Cell {
	readonly id: string;
	readonly type: CellType;
	params = $state<Record<string, unknown>>({});
	note = $state('');
	collapsed = $state(false);
	run = $state.raw<RunState>({ status: 'idle' });
	/** The key of the inputs the current result (or run) belongs to. */
	ranKey = '';

	constructor(record: CellRecord) {
		this.id = record.id;
		this.type = record.type;
		this.params = record.params;
		this.note = record.note;
		this.collapsed = record.collapsed;
	}

	record(): CellRecord {
		return {
			id: this.id,
			type: this.type,
			params: $state.snapshot(this.params),
			note: this.note,
			collapsed: this.collapsed,
		};
	}
}

/** Turns any thrown value into a message in both languages. */
export function describeError(e: unknown): Bilingual & { code: string } {
	if (isUserError(e)) {
		const m = /^\[([a-z_]+)\]\s*(.*)$/s.exec(e.message);
		const text = (e as { text?: Bilingual }).text;
		return {
			code: m?.[1] ?? 'input',
			en: text?.en ?? m?.[2] ?? e.message,
			zh: text?.zh ?? m?.[2] ?? e.message,
		};
	}
	const msg = (e as Error)?.message ?? String(e);
	return {
		code: 'internal',
		en: `Something went wrong: ${msg}. The rest of the notebook still works; try again or reload.`,
		zh: `出现错误：${msg}。笔记本的其他部分仍可使用；请重试或刷新页面。`,
	};
}

export class Notebook {
	readonly id: string;
	title = $state('');
	datasetId = $state<string | null>(null);
	datasetName = $state('');
	settings = $state<AnalysisSettings>(defaultSettings());
	cells = $state<Cell[]>([]);
	/** What the file looked like when it was imported (for the Data cell while it has no result). */
	info = $state.raw<DatasetInfo | null>(null);
	createdAt: number;
	/** Fraction done of the longest job in flight, or null. */
	progress = $state<number | null>(null);
	progressStage = $state('');
	private saveTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		record: NotebookRecord,
		private readonly client: AnalysisClient,
	) {
		this.id = record.id;
		this.title = record.title;
		this.datasetId = record.datasetId;
		this.datasetName = record.datasetName;
		this.settings = { ...defaultSettings(), ...record.settings };
		this.cells = record.cells.map((c) => new Cell(c));
		this.info = record.info ?? null;
		this.createdAt = record.createdAt;
	}

	static blank(
		title: string,
		datasetId: string | null,
		datasetName: string,
		client: AnalysisClient,
	): Notebook {
		const now = Date.now();
		return new Notebook(
			{
				id: newId('nb'),
				title,
				datasetId,
				datasetName,
				settings: defaultSettings(),
				cells: DEFAULT_CELLS.map((type) => ({
					id: newId(type),
					type,
					params: {},
					note: '',
					collapsed: false,
				})),
				createdAt: now,
				updatedAt: now,
			},
			client,
		);
	}

	record(): NotebookRecord {
		return {
			id: this.id,
			title: this.title,
			datasetId: this.datasetId,
			datasetName: this.datasetName,
			settings: $state.snapshot(this.settings) as AnalysisSettings,
			cells: this.cells.map((c) => c.record()),
			info: this.info,
			createdAt: this.createdAt,
			updatedAt: Date.now(),
		};
	}

	/** After a settings change: save, and rerun what depends on it. */
	changed(): void {
		this.scheduleSave();
		void this.refresh();
	}

	/** Saves soon (changes come in bursts while typing). */
	scheduleSave(): void {
		if (this.saveTimer !== null) clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => void this.save(), 300);
	}

	async save(): Promise<void> {
		if (this.saveTimer !== null) clearTimeout(this.saveTimer);
		this.saveTimer = null;
		await db.putNotebook(this.record());
	}

	/** Reads a customer-attributes file into the worker and joins it on the customer id. */
	async attachAttributes(file: Blob, name: string): Promise<void> {
		const datasetId = newId('attr');
		const settings = $state.snapshot(this.settings) as AnalysisSettings;
		await this.client.run((api) => api.importFile({ datasetId, file, name, settings }));
		await this.client.run((api) => api.flush({ datasetId }));
		this.settings.attributesFile = { datasetId, name, idColumn: null };
		this.changed();
	}

	detachAttributes(): void {
		const old = this.settings.attributesFile;
		this.settings.attributesFile = null;
		for (const c of this.cells) {
			const b = c.params.breakdown as { kind?: string } | null | undefined;
			if (b?.kind === 'attribute') c.params.breakdown = null;
		}
		if (old) void db.deleteDataset(old.datasetId);
		this.changed();
	}

	/** One of the files of CLI.md for the current settings, as text. */
	exportFile(
		file: 'customers.csv' | 'cohorts.csv' | 'clusters.csv' | 'summary.json',
		clv = false,
	): Promise<string> {
		const settings = $state.snapshot(this.settings) as AnalysisSettings;
		return this.client.run((api) =>
			api.exportFile({ datasetId: this.datasetId!, settings, file, clv }),
		);
	}

	/** One segment's or cluster's customers as CSV, with the recommended action. */
	exportGroup(group: string, action: string): Promise<string> {
		const settings = $state.snapshot(this.settings) as AnalysisSettings;
		return this.client.run((api) =>
			api.exportGroup({ datasetId: this.datasetId!, settings, group, action }),
		);
	}

	/** A page of the customer table, filtered and sorted in the worker. */
	customers(query: {
		filter: Breakdown | null;
		search: string;
		sort: CustomerSort;
		descending: boolean;
		offset: number;
		limit: number;
	}): Promise<CustomerPage> {
		const settings = $state.snapshot(this.settings) as AnalysisSettings;
		return this.client.run((api) =>
			api.customers({ datasetId: this.datasetId!, settings, ...query }),
		);
	}

	/** Replaces the cells (from a notebook file or link). */
	setCells(records: CellRecord[]): void {
		this.cells = records.map((c) => new Cell(c));
	}

	cell(type: CellType): Cell | undefined {
		return this.cells.find((c) => c.type === type);
	}

	keyOf(cell: Cell): string {
		return cellKey(
			cell.type,
			this.datasetId ?? '',
			$state.snapshot(this.settings) as AnalysisSettings,
			$state.snapshot(cell.params),
		);
	}

	/** Restores saved results whose inputs are still the same. */
	async restore(): Promise<void> {
		const saved = await db.getResults(this.id);
		for (const r of saved) {
			const cell = this.cells.find((c) => `${this.id}|${c.id}` === r.key);
			if (cell && r.inputKey === this.keyOf(cell)) {
				cell.ranKey = r.inputKey;
				cell.run = { status: 'ready', result: r.result };
			}
		}
	}

	private dataRun: Promise<void> = Promise.resolve();

	/**
	 * Runs every cell whose inputs changed since its last run: the Data cell first, since its
	 * errors explain why the others cannot run; the slow clusters last.
	 */
	async refresh(): Promise<void> {
		if (this.datasetId === null) return;
		const dataCell = this.cell('data');
		if (dataCell) {
			const key = this.keyOf(dataCell);
			if (key !== dataCell.ranKey || dataCell.run.status === 'idle')
				this.dataRun = this.runCell(dataCell, key);
			await this.dataRun;
			// Cancelled: the other cells wait until the user runs them again.
			if (dataCell.run.status === 'idle') return;
			if (dataCell.run.status === 'failed') {
				for (const c of this.cells) {
					if (c === dataCell) continue;
					c.ranKey = '';
					c.run = { status: 'failed', error: { code: 'needs_data', ...WAIT_DATA } };
				}
				return;
			}
		}
		const rank = (c: Cell) => (c.type === 'clusters' ? 1 : 0);
		for (const cell of [...this.cells].sort((a, b) => rank(a) - rank(b))) {
			if (cell === dataCell) continue;
			const key = this.keyOf(cell);
			if (key === cell.ranKey && cell.run.status !== 'idle') continue;
			void this.runCell(cell, key);
		}
	}

	private running = new Map<string, number>();

	private async runCell(cell: Cell, key: string): Promise<void> {
		cell.ranKey = key;
		cell.run = { status: 'running' };
		const job = {
			datasetId: this.datasetId!,
			settings: $state.snapshot(this.settings) as AnalysisSettings,
		};
		const params = $state.snapshot(cell.params);
		const onProgress: Progress = (f, stage) => {
			this.running.set(cell.id, f);
			this.progress = Math.min(...this.running.values());
			if (stage) this.progressStage = stage;
		};
		this.running.set(cell.id, 0);
		this.progress = 0;
		try {
			const result = await this.client.run(
				(api, progress) => call(api, cell.type, job, params, progress),
				onProgress,
			);
			if (cell.ranKey !== key) return;
			cell.run = { status: 'ready', result };
			await db
				.putResult({ key: `${this.id}|${cell.id}`, notebookId: this.id, inputKey: key, result })
				.catch(() => {});
		} catch (e) {
			if (cell.ranKey !== key) return;
			if (isCancelled(e)) {
				cell.ranKey = '';
				cell.run = { status: 'idle' };
			} else {
				cell.run = { status: 'failed', error: describeError(e) };
			}
		} finally {
			this.running.delete(cell.id);
			this.progress = this.running.size === 0 ? null : Math.min(...this.running.values());
		}
	}

	/** Reruns one cell even if its inputs did not change (e.g. after a failure). */
	retry(cell: Cell): void {
		cell.ranKey = '';
		void this.refresh();
	}

	addCell(type: CellType): void {
		this.cells.push(new Cell({ id: newId(type), type, params: {}, note: '', collapsed: false }));
		this.scheduleSave();
		void this.refresh();
	}

	removeCell(cell: Cell): void {
		this.cells = this.cells.filter((c) => c !== cell);
		void db.deleteResult(this.id, cell.id);
		this.scheduleSave();
	}

	move(cell: Cell, by: -1 | 1): void {
		const i = this.cells.indexOf(cell);
		const j = i + by;
		if (j < 0 || j >= this.cells.length) return;
		const next = [...this.cells];
		[next[i], next[j]] = [next[j], next[i]];
		this.cells = next;
		this.scheduleSave();
	}

	/** Cell types not in the notebook, which can be added back. */
	get missing(): CellType[] {
		return CELL_TYPES.filter((t) => !this.cells.some((c) => c.type === t));
	}

	get data(): DataResult | null {
		const c = this.cell('data');
		return c?.run.status === 'ready' ? (c.run.result as DataResult) : null;
	}
}

function call(
	api: Remote<AnalysisApi>,
	type: CellType,
	job: { datasetId: string; settings: AnalysisSettings },
	params: Record<string, unknown>,
	progress?: Progress,
): Promise<unknown> {
	switch (type) {
		case 'data':
			return api.prepareData(job, progress);
		case 'overview':
			return api.overview(job, progress);
		case 'rfm':
			return api.rfm(job, progress);
		case 'cohorts':
			return api.cohorts({ ...job, breakdown: (params.breakdown as never) ?? null }, progress);
		case 'clusters':
			return api.clusters(job, progress);
		case 'lifecycle':
			return api.lifecycle(job, progress);
		case 'personas':
			return api.personas(
				{ ...job, by: params.by === 'cluster' ? 'cluster' : 'segment' },
				progress,
			);
		case 'clv':
			return api.clv(job, progress);
	}
}
