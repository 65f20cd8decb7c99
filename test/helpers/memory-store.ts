import type { ReadTable } from '../../src/analysis/analyze';
import type { DatasetStore } from '../../workers/analysis-api';

/** A DatasetStore in memory, for running the worker api in Node. */
export function memoryStore(): DatasetStore & {
	files: Map<string, { name: string; blob: Blob }>;
	parsed: Map<string, ReadTable>;
} {
	const files = new Map<string, { name: string; blob: Blob }>();
	const parsed = new Map<string, ReadTable>();
	return {
		files,
		parsed,
		async getFile(id) {
			return files.get(id);
		},
		async putFile(r) {
			files.set(r.id, r);
		},
		async getParsed(id, rk) {
			return parsed.get(`${id}|${rk}`);
		},
		async putParsed(id, rk, t) {
			parsed.set(`${id}|${rk}`, structuredClone(t));
		},
	};
}
