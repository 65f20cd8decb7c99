/**
 * The notebook file (UI.md) and the `#nb=` link: a notebook's settings, cells and notes, never its
 * data unless asked (the file's "include data").
 */
import type { AnalysisSettings } from '../analysis/settings';
import {
	CELL_TYPES,
	settingsFromNotebook,
	type CellSpec,
	type NotebookFile,
} from '../shared/notebook';
import type { CellRecord } from '../storage/db';

export interface NotebookLike {
	title: string;
	settings: AnalysisSettings;
	cells: CellRecord[];
	mapping: Record<string, string | null>;
	dataset: NotebookFile['dataset'];
}

/** The parameters a cell of this type shows, from the settings and its own display choices. */
function cellParams(
	type: string,
	s: AnalysisSettings,
	own: Record<string, unknown>,
): Record<string, unknown> {
	switch (type) {
		case 'data':
			return { ...s.read };
		case 'overview':
			return { asOf: s.asOf, monetary: s.rfm.monetary, ...own };
		case 'rfm':
			return { asOf: s.asOf, ...s.rfm, ...own };
		case 'cohorts':
			return { ...s.cohorts, ...own };
		case 'clusters':
			return { ...s.clusters, ...own };
		case 'lifecycle':
			return { ...s.lifecycle, ...own };
		case 'clv':
			return { ...s.clv, ...own };
		default:
			return { ...own };
	}
}

export function toNotebookFile(nb: NotebookLike, language: 'en' | 'zh-CN'): NotebookFile {
	return {
		version: 1,
		title: nb.title,
		language,
		cells: nb.cells.map((c) => ({
			id: c.id,
			type: c.type,
			params: cellParams(c.type, nb.settings, c.params),
			note: c.note,
		})),
		mapping: { ...nb.mapping, ...nb.settings.attributes },
		cleaning: nb.settings.cleaning,
		dataset: nb.dataset,
	};
}

/** Settings, cells and language from a notebook file (or a `#nb=` link). */
export function fromNotebookFile(json: unknown): {
	title: string;
	language: 'en' | 'zh-CN' | null;
	settings: AnalysisSettings;
	cells: CellRecord[];
	dataset: NotebookFile['dataset'];
	data: string | null;
} {
	const settings = settingsFromNotebook(json);
	const f = json as Partial<NotebookFile>;
	const display = ['metric', 'breakdown', 'view', 'by', 'playbook'];
	const cells: CellRecord[] = (f.cells ?? [])
		.filter((c: CellSpec) => (CELL_TYPES as readonly string[]).includes(c.type))
		.map((c: CellSpec, i: number) => ({
			id: typeof c.id === 'string' && c.id ? c.id : `${c.type}-${i}`,
			type: c.type,
			params: Object.fromEntries(
				Object.entries(c.params ?? {}).filter(([k]) => display.includes(k)),
			),
			note: typeof c.note === 'string' ? c.note : '',
			collapsed: false,
		}));
	return {
		title: typeof f.title === 'string' ? f.title : 'Notebook',
		language: f.language === 'en' || f.language === 'zh-CN' ? f.language : null,
		settings,
		cells,
		dataset: f.dataset ?? null,
		data: typeof f.data === 'string' ? f.data : null,
	};
}

async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
	const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The `#nb=` fragment of a notebook file without its data: deflated JSON in base64url. */
export async function toLinkFragment(file: NotebookFile): Promise<string> {
	const { data: _, ...settingsOnly } = file;
	const json = new TextEncoder().encode(JSON.stringify(settingsOnly));
	return 'nb=' + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

export async function fromLinkFragment(fragment: string): Promise<unknown> {
	const bytes = await pipe(fromBase64Url(fragment), new DecompressionStream('deflate-raw'));
	return JSON.parse(new TextDecoder().decode(bytes));
}
