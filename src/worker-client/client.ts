/**
 * Creates the analysis worker lazily and talks to it through Comlink. Cancelling terminates the
 * worker: every job in flight ends silently, and the next call starts a fresh worker, which
 * rehydrates its datasets from IndexedDB. A crashed worker is replaced the same way.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { AnalysisApi, Progress } from '../shared/analysis-api';
import { installErrorTransfer } from './transfer';

installErrorTransfer();

/** The error a cancelled job rejects with; callers ignore it. */
export class Cancelled extends Error {
	override readonly name = 'Cancelled';
	constructor() {
		super('cancelled');
	}
}

export const isCancelled = (e: unknown) => (e as { name?: string })?.name === 'Cancelled';

export interface Job<T> {
	promise: Promise<T>;
}

/** The analysis worker died (most often: out of memory on a very large file). */
function workerStopped(detail: string): Error {
	const text = {
		en: `The analysis stopped${detail ? ` (${detail})` : ''}, most likely because the file is too large for this browser tab. Try a smaller file or fewer columns; the notebook carries on.`,
		zh: `分析已中止${detail ? `（${detail}）` : ''}，很可能是文件对此浏览器标签页来说太大。请尝试更小的文件或更少的列；笔记本的其他部分仍可使用。`,
	};
	return Object.assign(new Error(`[worker_stopped] ${text.en}`), { name: 'UserError', text });
}

export class AnalysisClient {
	private worker: Worker | null = null;
	private remote: Remote<AnalysisApi> | null = null;
	private pending = new Set<(e: unknown) => void>();

	constructor(private readonly create: () => Worker) {}

	private api(): Remote<AnalysisApi> {
		if (this.remote === null) {
			const worker = this.create();
			worker.addEventListener('error', (e) => {
				e.preventDefault();
				this.reset(workerStopped(e.message));
			});
			this.worker = worker;
			this.remote = wrap<AnalysisApi>(worker);
		}
		return this.remote;
	}

	/** Runs one call on the worker; `progress` is proxied across. */
	run<T>(
		call: (api: Remote<AnalysisApi>, progress?: Progress) => Promise<T>,
		onProgress?: Progress,
	): Promise<T> {
		const api = this.api();
		return new Promise<T>((resolve, reject) => {
			let done = false;
			const fail = (e: unknown) => {
				if (done) return;
				done = true;
				this.pending.delete(fail);
				reject(e);
			};
			this.pending.add(fail);
			// A progress message can still be on its way after the job ended or was cancelled.
			const report: Progress | undefined =
				onProgress && ((f, stage) => done || onProgress(f, stage));
			call(api, report ? proxy(report) : undefined).then((v) => {
				if (done) return;
				done = true;
				this.pending.delete(fail);
				resolve(v);
			}, fail);
		});
	}

	get busy(): boolean {
		return this.pending.size > 0;
	}

	/** Stops every job in flight. */
	cancel(): void {
		this.reset(new Cancelled());
	}

	private reset(reason: unknown): void {
		this.worker?.terminate();
		this.worker = null;
		this.remote = null;
		const fails = [...this.pending];
		this.pending.clear();
		for (const f of fails) f(reason);
	}
}

export function createClient(): AnalysisClient {
	return new AnalysisClient(
		() =>
			new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
	);
}
