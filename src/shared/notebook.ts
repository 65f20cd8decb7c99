/**
 * The notebook file of UI.md (`NAME.clientele.json`): cells with their parameters and notes, the
 * column mapping and cleaning switches. The app writes it; the app and the CLI (`--config`) read it.
 */
import { ROLES, type Role } from '../analysis/read/roles';
import { defaultSettings, type AnalysisSettings } from '../analysis/settings';
import { UserError } from './errors';

export const CELL_TYPES = [
	'data',
	'overview',
	'rfm',
	'cohorts',
	'clusters',
	'lifecycle',
	'personas',
	'clv',
] as const;
export type CellType = (typeof CELL_TYPES)[number];

export interface CellSpec {
	id: string;
	type: CellType;
	params: Record<string, unknown>;
	note: string;
}

export interface NotebookFile {
	version: 1;
	title: string;
	language: 'en' | 'zh-CN';
	cells: CellSpec[];
	/** Column per role (and per attribute name); null = unmapped. */
	mapping: Record<string, string | null>;
	cleaning: AnalysisSettings['cleaning'];
	dataset: { name: string; bytes: number; sha256: string } | null;
	/** The original file, base64, only when the user asked to include it. */
	data?: string;
}

function bad(what: string): UserError {
	return new UserError('bad_option', {
		en: `The notebook file is not valid: ${what}.`,
		zh: `笔记本文件无效：${what}。`,
	});
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copies the keys of `from` that exist in `into` with the same type (numbers, strings, booleans, null). */
function mergeKnown(into: Obj, from: unknown, where: string): void {
	if (from === undefined) return;
	if (!isObj(from)) throw bad(`${where} must be an object`);
	for (const [k, v] of Object.entries(from)) {
		if (!(k in into)) continue;
		const cur = into[k];
		if (
			v === null ||
			cur === null ||
			typeof v === typeof cur ||
			(cur === undefined && v !== undefined)
		) {
			into[k] = v;
		} else {
			throw bad(`${where}.${k} has the wrong type`);
		}
	}
}

/** The analysis settings a notebook file describes, over the defaults. */
export function settingsFromNotebook(json: unknown): AnalysisSettings {
	if (!isObj(json) || json.version !== 1) throw bad('expected {"version": 1, …}');
	const s = defaultSettings();
	if (json.mapping !== undefined) {
		if (!isObj(json.mapping)) throw bad('mapping must be an object');
		for (const [k, v] of Object.entries(json.mapping)) {
			if (v !== null && typeof v !== 'string')
				throw bad(`mapping.${k} must be a column name or null`);
			if ((ROLES as readonly string[]).includes(k)) s.mapping[k as Role] = v;
			else if (v !== null) s.attributes[k] = v;
		}
	}
	mergeKnown(s.cleaning as unknown as Obj, json.cleaning, 'cleaning');
	if (json.cells !== undefined && !Array.isArray(json.cells)) throw bad('cells must be a list');
	for (const cell of (json.cells ?? []) as unknown[]) {
		if (!isObj(cell) || typeof cell.type !== 'string') throw bad('each cell needs a type');
		const p = cell.params === undefined ? {} : cell.params;
		if (!isObj(p)) throw bad(`the params of cell ${String(cell.id)} must be an object`);
		switch (cell.type) {
			case 'data':
				for (const k of ['encoding', 'delimiter', 'sheet', 'dateFormat', 'quote'] as const)
					if (typeof p[k] === 'string') s.read[k] = p[k] as string;
				if (typeof p.header === 'boolean') s.read.header = p.header;
				if (typeof p.skipLines === 'number') s.read.skipLines = p.skipLines;
				break;
			case 'rfm':
				if (typeof p.asOf === 'string' || p.asOf === null) s.asOf = p.asOf as string | null;
				mergeKnown(
					s.rfm as unknown as Obj,
					pick(p, ['scoring', 'bins', 'segments', 'monetary']),
					'rfm',
				);
				if (isObj(p.fixed)) s.rfm.fixed = p.fixed as AnalysisSettings['rfm']['fixed'];
				if (Array.isArray(p.rules)) s.rfm.rules = p.rules as AnalysisSettings['rfm']['rules'];
				break;
			case 'cohorts':
				mergeKnown(s.cohorts as unknown as Obj, pick(p, ['period', 'onOrAfter']), 'cohorts');
				break;
			case 'clusters':
				mergeKnown(
					s.clusters as unknown as Obj,
					pick(p, ['k', 'seed', 'log1p', 'standardize', 'kMin', 'kMax']),
					'clusters',
				);
				if (Array.isArray(p.extra)) {
					s.clusters.extra = p.extra.filter(
						(f): f is { column: string; aggregate: 'mean' | 'sum' } =>
							isObj(f) &&
							typeof f.column === 'string' &&
							(f.aggregate === 'mean' || f.aggregate === 'sum'),
					);
				}
				break;
			case 'lifecycle':
				mergeKnown(s.value as unknown as Obj, pick(p, ['topShare', 'tierA', 'tierB']), 'lifecycle');
				mergeKnown(
					s.lifecycle as unknown as Obj,
					pick(p, ['newDays', 'activeDays', 'dormantDays']),
					'lifecycle',
				);
				break;
			case 'clv':
				mergeKnown(
					s.clv as unknown as Obj,
					pick(p, ['unit', 'calibrationEnd', 'horizonMonths', 'monthlyDiscount']),
					'clv',
				);
				break;
		}
	}
	return s;
}

function pick(o: Obj, keys: string[]): Obj {
	const out: Obj = {};
	for (const k of keys) if (k in o) out[k] = o[k];
	return out;
}
