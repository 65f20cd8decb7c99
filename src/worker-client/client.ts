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
				this.reset(new Error(`The analysis worker stopped: ${e.message || 'out of memory?'}`));
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
