/**
 * Lessons are data: `static/lessons/index.json` lists them, and each lesson has one JSON file per
 * language. This module reads both (pure, no fetching) and says everything that is wrong with a
 * file in both languages, naming the file, the step and the field, so an instructor can fix it.
 * The format is described in static/lessons/README.md.
 */
import type { Bilingual } from '../analysis/types';
import { CELL_TYPES, type CellType } from '../shared/notebook';
import type { Tolerance } from './answer';
import { FACTS, factOf, isFactId, type FactArgs, type FactRef, type ParamSpec } from './facts';
import { foreignImages, renderLessonMarkdown } from './markdown';

export const LESSON_LANGS = ['en', 'zh-CN'] as const;
export type LessonLang = (typeof LESSON_LANGS)[number];

/** The built-in samples a lesson can open (the `?sample=` names of UI.md). */
export const LESSON_SAMPLES = ['retail', 'cdnow'] as const;
export type LessonSample = (typeof LESSON_SAMPLES)[number];

export type PerLang = Partial<Record<LessonLang, string>>;

export interface LessonEntry {
	id: string;
	sample: LessonSample;
	title: PerLang;
	summary?: PerLang;
	/** The lesson's file per language, beside index.json. */
	files: PerLang;
}

export interface LessonIndex {
	version: 1;
	lessons: LessonEntry[];
}

export interface Answer extends FactRef {
	tolerance?: Tolerance;
}

export interface Question {
	prompt: string;
	answer: Answer;
	hint?: string;
	/** Shown once the answer is right (or shown). */
	explain?: string;
}

export interface Try {
	text: string;
	/** data-testid of the parameter to change, outlined in the cell. */
	control?: string;
	/** A fact that moves when the learner makes the change. */
	expect?: FactRef;
}

export interface Step {
	id: string;
	cell: CellType;
	title: string;
	text: string;
	/** data-testid of the part of the cell to look at, outlined. */
	highlight?: string;
	question?: Question;
	try?: Try;
}

export interface Lesson {
	version: 1;
	id: string;
	language: LessonLang;
	title: string;
	intro?: string;
	steps: Step[];
	outro?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Bilingual[] };

const ID = /^[a-z0-9][a-z0-9-]*$/;
const TEST_ID = /^[a-z0-9][a-z0-9-]*$/;
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Collects problems, each located by file, step and field. */
class Problems {
	readonly list: Bilingual[] = [];
	step: { n: number; id: unknown } | null = null;

	constructor(readonly file: string) {}

	add(path: string, en: string, zh: string): void {
		const id = typeof this.step?.id === 'string' ? ` (${quote(this.step.id)})` : '';
		const idZh = typeof this.step?.id === 'string' ? `（${quote(this.step.id)}）` : '';
		const at = this.step ? `, step ${this.step.n}${id}` : '';
		const atZh = this.step ? `，第 ${this.step.n} 步${idZh}` : '';
		const field = path ? `, ${path}` : '';
		const fieldZh = path ? `，${path}` : '';
		this.list.push({
			en: `${this.file}${at}${field}: ${en}`,
			zh: `${this.file}${atZh}${fieldZh}：${zh}`,
		});
	}

	/** Reports keys that are not in `allowed` (usually typos) and `required` keys that are missing. */
	keys(o: Obj, path: string, allowed: readonly string[], required: readonly string[]): void {
		for (const k of Object.keys(o))
			if (!allowed.includes(k))
				this.add(
					join(path, k),
					`unknown field (expected one of: ${allowed.join(', ')}).`,
					`未知字段（可用字段：${allowed.join('、')}）。`,
				);
		for (const k of required) if (!(k in o)) this.add(join(path, k), 'is missing.', '缺少此字段。');
	}

	/** A required or optional non-empty string. */
	text(o: Obj, key: string, path: string, markdown = false): string | undefined {
		const v = o[key];
		if (v === undefined) return undefined;
		const at = join(path, key);
		if (typeof v !== 'string' || v.trim() === '') {
			this.add(
				at,
				`should be a non-empty text, not ${quote(v)}.`,
				`应为非空文本，而不是 ${quote(v)}。`,
			);
			return undefined;
		}
		if (markdown) {
			for (const src of foreignImages(renderLessonMarkdown(v)))
				this.add(
					at,
					`the image ${src} is on another site; lessons may only show images stored beside them (a relative address such as "lessons/figure.png").`,
					`图片 ${src} 位于其他网站；课程只能显示与课程文件一起存放的图片（相对地址，例如 "lessons/figure.png"）。`,
				);
		}
		return v;
	}

	id(o: Obj, key: string, path: string, pattern: RegExp, what: Bilingual): string | undefined {
		const v = o[key];
		if (v === undefined) return undefined;
		if (typeof v !== 'string' || !pattern.test(v)) {
			this.add(
				join(path, key),
				`${quote(v)} is not a valid ${what.en} (lower-case letters, digits and "-").`,
				`${quote(v)} 不是有效的${what.zh}（只能用小写字母、数字和 "-"）。`,
			);
			return undefined;
		}
		return v;
	}

	/** An object of texts per language, e.g. {"en": "…", "zh-CN": "…"}. */
	perLang(o: Obj, key: string, path: string): PerLang | undefined {
		const v = o[key];
		if (v === undefined) return undefined;
		const at = join(path, key);
		if (!isObj(v)) {
			this.add(
				at,
				'should be an object of texts per language, e.g. {"en": "…", "zh-CN": "…"}.',
				'应为按语言给出文本的对象，例如 {"en": "…", "zh-CN": "…"}。',
			);
			return undefined;
		}
		this.keys(v, at, LESSON_LANGS, []);
		const out: PerLang = {};
		for (const lang of LESSON_LANGS) {
			const s = this.text(v, lang, at);
			if (s !== undefined) out[lang] = s;
		}
		return out;
	}
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

// --- the index ----------------------------------------------------------------------------

/** Reads index.json: the lessons, their samples, titles and files per language. */
export function parseLessonIndex(json: unknown, file = 'index.json'): Parsed<LessonIndex> {
	const p = new Problems(file);
	if (!isObj(json)) {
		p.add(
			'',
			'should be an object {"version": 1, "lessons": [...]}.',
			'应为对象 {"version": 1, "lessons": [...]}。',
		);
		return { ok: false, errors: p.list };
	}
	p.keys(json, '', ['version', 'lessons'], ['version', 'lessons']);
	if (json.version !== undefined && json.version !== 1)
		p.add(
			'version',
			`is ${quote(json.version)}; this app reads version 1.`,
			`为 ${quote(json.version)}；本应用只能读取版本 1。`,
		);
	const lessons: LessonEntry[] = [];
	if (json.lessons !== undefined && !Array.isArray(json.lessons))
		p.add('lessons', 'should be a list.', '应为列表。');
	const seen = new Set<string>();
	for (const [i, raw] of (Array.isArray(json.lessons) ? json.lessons : []).entries()) {
		const at = `lessons[${i}]`;
		if (!isObj(raw)) {
			p.add(at, 'should be an object.', '应为对象。');
			continue;
		}
		p.keys(
			raw,
			at,
			['id', 'sample', 'title', 'summary', 'files'],
			['id', 'sample', 'title', 'files'],
		);
		const id = p.id(raw, 'id', at, ID, { en: 'lesson id', zh: '课程编号' });
		if (id !== undefined) {
			if (seen.has(id))
				p.add(`${at}.id`, `${quote(id)} is listed twice.`, `${quote(id)} 重复出现。`);
			seen.add(id);
		}
		const sample = raw.sample;
		if (sample !== undefined && !(LESSON_SAMPLES as readonly unknown[]).includes(sample))
			p.add(
				`${at}.sample`,
				`${quote(sample)} is not a built-in sample (${LESSON_SAMPLES.join(', ')}).`,
				`${quote(sample)} 不是内置示例数据（${LESSON_SAMPLES.join('、')}）。`,
			);
		const title = p.perLang(raw, 'title', at);
		const summary = p.perLang(raw, 'summary', at);
		const files: PerLang = {};
		if (raw.files !== undefined) {
			if (!isObj(raw.files)) {
				p.add(
					`${at}.files`,
					'should be an object of file names per language, e.g. {"en": "rfm.en.json"}.',
					'应为按语言给出文件名的对象，例如 {"en": "rfm.en.json"}。',
				);
			} else {
				p.keys(raw.files, `${at}.files`, LESSON_LANGS, []);
				for (const lang of LESSON_LANGS) {
					const f = raw.files[lang];
					if (f === undefined) continue;
					if (typeof f !== 'string' || !FILE.test(f))
						p.add(
							`${at}.files.${lang}`,
							`${quote(f)} should be the name of a .json file beside index.json (no folders).`,
							`${quote(f)} 应为与 index.json 同目录的 .json 文件名（不含目录）。`,
						);
					else files[lang] = f;
					if (title && title[lang] === undefined)
						p.add(
							`${at}.title.${lang}`,
							`is missing: the lesson has a ${lang} file.`,
							`缺少此字段：该课程有 ${lang} 文件。`,
						);
				}
				if (Object.keys(raw.files).length === 0)
					p.add(`${at}.files`, 'names no file.', '未列出任何文件。');
			}
		}
		if (id && (LESSON_SAMPLES as readonly unknown[]).includes(sample) && title)
			lessons.push({
				id,
				sample: sample as LessonSample,
				title,
				...(summary ? { summary } : {}),
				files,
			});
	}
	if (Array.isArray(json.lessons) && json.lessons.length === 0)
		p.add('lessons', 'is empty.', '列表为空。');
	return p.list.length
		? { ok: false, errors: p.list }
		: { ok: true, value: { version: 1, lessons } };
}

// --- a lesson -----------------------------------------------------------------------------

/** Reads a fact reference ({"fact", "args"}); `extra` names other allowed keys. */
function readFactRef(
	p: Problems,
	raw: unknown,
	path: string,
	extra: string[] = [],
): FactRef | undefined {
	if (!isObj(raw)) {
		p.add(
			path,
			'should be an object {"fact": "…", "args": {…}}.',
			'应为对象 {"fact": "…", "args": {…}}。',
		);
		return undefined;
	}
	p.keys(raw, path, ['fact', 'args', ...extra], ['fact']);
	const id = raw.fact;
	if (id === undefined) return undefined;
	if (typeof id !== 'string' || !isFactId(id)) {
		p.add(
			`${path}.fact`,
			`${quote(id)} is not a known fact. Known facts: ${Object.keys(FACTS).join(', ')}.`,
			`${quote(id)} 不是已知的结果指标。可用指标：${Object.keys(FACTS).join('、')}。`,
		);
		return undefined;
	}
	const def = factOf(id);
	const argsRaw = raw.args ?? {};
	if (!isObj(argsRaw)) {
		p.add(`${path}.args`, 'should be an object.', '应为对象。');
		return undefined;
	}
	const names = Object.keys(def.params);
	const args: FactArgs = {};
	let ok = true;
	for (const k of Object.keys(argsRaw))
		if (!names.includes(k)) {
			ok = false;
			p.add(
				`${path}.args.${k}`,
				names.length
					? `${id} takes no argument "${k}" (it takes: ${names.join(', ')}).`
					: `${id} takes no arguments.`,
				names.length
					? `${id} 没有参数 "${k}"（可用参数：${names.join('、')}）。`
					: `${id} 不接受参数。`,
			);
		}
	for (const [name, spec] of Object.entries(def.params)) {
		const v = argsRaw[name];
		const at = `${path}.args.${name}`;
		if (v === undefined) {
			ok = false;
			p.add(
				at,
				`is missing: ${id} needs ${spec.about.en}.`,
				`缺少此参数：${id} 需要${spec.about.zh}。`,
			);
			continue;
		}
		if (!argMatches(spec, v)) {
			ok = false;
			p.add(
				at,
				`${quote(v)} is not ${spec.about.en}.`,
				`${quote(v)} 不是有效值，应为${spec.about.zh}。`,
			);
			continue;
		}
		args[name] = v as string | number;
	}
	return ok ? { fact: id, args } : undefined;
}

function argMatches(spec: ParamSpec, v: unknown): boolean {
	switch (spec.type) {
		case 'int':
			return (
				Number.isInteger(v) &&
				(v as number) >= spec.min &&
				(spec.max === undefined || (v as number) <= spec.max)
			);
		case 'enum':
			return typeof v === 'string' && spec.values.includes(v);
		case 'string':
			return typeof v === 'string' && v.trim() !== '';
		case 'cohort':
			return (
				(Number.isInteger(v) && (v as number) >= 0) || (typeof v === 'string' && v.trim() !== '')
			);
	}
}

function readTolerance(p: Problems, v: unknown, path: string): Tolerance | undefined {
	if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return { absolute: v };
	if (isObj(v) && Object.keys(v).length === 1) {
		const [[kind, x]] = Object.entries(v);
		if (kind === 'absolute' && typeof x === 'number' && Number.isFinite(x) && x >= 0)
			return { absolute: x };
		if (kind === 'relative' && typeof x === 'number' && x >= 0 && x < 1) return { relative: x };
	}
	p.add(
		path,
		`${quote(v)} should be a number ≥ 0 in the unit the cell shows (percentage points for shares), {"absolute": 0.5} or {"relative": 0.01}.`,
		`${quote(v)} 应为不小于 0 的数（单位与单元格显示一致，占比以百分点计），或 {"absolute": 0.5}、{"relative": 0.01}。`,
	);
	return undefined;
}

function readQuestion(p: Problems, raw: unknown, path: string): Question | undefined {
	if (!isObj(raw)) {
		p.add(
			path,
			'should be an object {"prompt", "answer", "hint"}.',
			'应为对象 {"prompt", "answer", "hint"}。',
		);
		return undefined;
	}
	p.keys(raw, path, ['prompt', 'answer', 'hint', 'explain'], ['prompt', 'answer']);
	const prompt = p.text(raw, 'prompt', path, true);
	const hint = p.text(raw, 'hint', path, true);
	const explain = p.text(raw, 'explain', path, true);
	if (raw.answer === undefined) return undefined;
	const ref = readFactRef(p, raw.answer, `${path}.answer`, ['tolerance']);
	let tolerance: Tolerance | undefined;
	const tol = isObj(raw.answer) ? raw.answer.tolerance : undefined;
	if (ref && tol !== undefined) {
		if (factOf(ref.fact).answer === 'choice')
			p.add(
				`${path}.answer.tolerance`,
				`${ref.fact} is answered by picking an option: it takes no tolerance.`,
				`${ref.fact} 通过选择选项作答，不需要容差。`,
			);
		else tolerance = readTolerance(p, tol, `${path}.answer.tolerance`);
	}
	if (!ref || prompt === undefined) return undefined;
	return {
		prompt,
		answer: { ...ref, ...(tolerance ? { tolerance } : {}) },
		...(hint !== undefined ? { hint } : {}),
		...(explain !== undefined ? { explain } : {}),
	};
}

function readTry(p: Problems, raw: unknown, path: string): Try | undefined {
	if (!isObj(raw)) {
		p.add(
			path,
			'should be an object {"text", "control", "expect"}.',
			'应为对象 {"text", "control", "expect"}。',
		);
		return undefined;
	}
	p.keys(raw, path, ['text', 'control', 'expect'], ['text']);
	const text = p.text(raw, 'text', path, true);
	const control = p.id(raw, 'control', path, TEST_ID, { en: 'data-testid', zh: 'data-testid' });
	const expect =
		raw.expect === undefined ? undefined : readFactRef(p, raw.expect, `${path}.expect`);
	if (text === undefined) return undefined;
	return { text, ...(control ? { control } : {}), ...(expect ? { expect } : {}) };
}

function readStep(p: Problems, raw: unknown, ids: Set<string>): Step | undefined {
	if (!isObj(raw)) {
		p.add(
			'',
			'should be an object {"id", "cell", "title", "text", …}.',
			'应为对象 {"id", "cell", "title", "text", …}。',
		);
		return undefined;
	}
	p.keys(
		raw,
		'',
		['id', 'cell', 'title', 'text', 'highlight', 'question', 'try'],
		['id', 'cell', 'title', 'text'],
	);
	const id = p.id(raw, 'id', '', ID, { en: 'step id', zh: '步骤编号' });
	if (id !== undefined) {
		if (ids.has(id))
			p.add('id', `${quote(id)} is used by another step.`, `${quote(id)} 已被另一步骤使用。`);
		ids.add(id);
	}
	const cell = raw.cell;
	if (cell !== undefined && !(CELL_TYPES as readonly unknown[]).includes(cell))
		p.add(
			'cell',
			`${quote(cell)} is not a cell type (${CELL_TYPES.join(', ')}).`,
			`${quote(cell)} 不是单元格类型（${CELL_TYPES.join('、')}）。`,
		);
	const title = p.text(raw, 'title', '');
	const text = p.text(raw, 'text', '', true);
	const highlight = p.id(raw, 'highlight', '', TEST_ID, { en: 'data-testid', zh: 'data-testid' });
	const question =
		raw.question === undefined ? undefined : readQuestion(p, raw.question, 'question');
	const tryIt = raw.try === undefined ? undefined : readTry(p, raw.try, 'try');
	if (id === undefined || title === undefined || text === undefined) return undefined;
	if (!(CELL_TYPES as readonly unknown[]).includes(cell)) return undefined;
	return {
		id,
		cell: cell as CellType,
		title,
		text,
		...(highlight ? { highlight } : {}),
		...(question ? { question } : {}),
		...(tryIt ? { try: tryIt } : {}),
	};
}

/** Reads one lesson file; `file` names it in the problems found. */
export function parseLesson(json: unknown, file: string): Parsed<Lesson> {
	const p = new Problems(file);
	if (!isObj(json)) {
		p.add(
			'',
			'should be an object {"version": 1, "id", "language", "title", "steps": [...]}.',
			'应为对象 {"version": 1, "id", "language", "title", "steps": [...]}。',
		);
		return { ok: false, errors: p.list };
	}
	p.keys(
		json,
		'',
		['version', 'id', 'language', 'title', 'intro', 'steps', 'outro'],
		['version', 'id', 'language', 'title', 'steps'],
	);
	if (json.version !== undefined && json.version !== 1)
		p.add(
			'version',
			`is ${quote(json.version)}; this app reads version 1.`,
			`为 ${quote(json.version)}；本应用只能读取版本 1。`,
		);
	const id = p.id(json, 'id', '', ID, { en: 'lesson id', zh: '课程编号' });
	const language = json.language;
	if (language !== undefined && !(LESSON_LANGS as readonly unknown[]).includes(language))
		p.add(
			'language',
			`${quote(language)} should be one of ${LESSON_LANGS.join(', ')}.`,
			`${quote(language)} 应为 ${LESSON_LANGS.join('、')} 之一。`,
		);
	const title = p.text(json, 'title', '');
	const intro = p.text(json, 'intro', '', true);
	const outro = p.text(json, 'outro', '', true);
	const steps: Step[] = [];
	if (json.steps !== undefined) {
		if (!Array.isArray(json.steps) || json.steps.length === 0) {
			p.add('steps', 'should be a list of at least one step.', '应为至少包含一个步骤的列表。');
		} else {
			const ids = new Set<string>();
			for (const [i, raw] of json.steps.entries()) {
				p.step = { n: i + 1, id: isObj(raw) ? raw.id : undefined };
				const step = readStep(p, raw, ids);
				if (step) steps.push(step);
			}
			p.step = null;
		}
	}
	if (p.list.length || id === undefined || title === undefined)
		return { ok: false, errors: p.list };
	return {
		ok: true,
		value: {
			version: 1,
			id,
			language: language as LessonLang,
			title,
			...(intro !== undefined ? { intro } : {}),
			steps,
			...(outro !== undefined ? { outro } : {}),
		},
	};
}

/** Problems with a lesson file that reads well alone but is not the file the index promises. */
export function checkAgainstEntry(
	lesson: Lesson,
	entry: LessonEntry,
	lang: LessonLang,
	file: string,
): Bilingual[] {
	const p = new Problems(file);
	if (lesson.id !== entry.id)
		p.add(
			'id',
			`is ${quote(lesson.id)}, but index.json lists this file for the lesson ${quote(entry.id)}.`,
			`为 ${quote(lesson.id)}，但 index.json 将此文件列为课程 ${quote(entry.id)} 的文件。`,
		);
	if (lesson.language !== lang)
		p.add(
			'language',
			`is ${quote(lesson.language)}, but index.json lists this file as the ${lang} one.`,
			`为 ${quote(lesson.language)}，但 index.json 将此文件列为 ${lang} 版本。`,
		);
	return p.list;
}

/** The parts of a step that must be the same in every language: all but the texts. */
function shape(step: Step) {
	return {
		cell: step.cell,
		highlight: step.highlight ?? null,
		answer: step.question?.answer ?? null,
		control: step.try?.control ?? null,
		expect: step.try?.expect ?? null,
		hasHint: step.question?.hint !== undefined,
	};
}

/**
 * Differences between two language versions of a lesson, other than their texts: the same steps
 * in the same order, on the same cells, asking about the same facts. Reported against `fileB`.
 */
export function compareLessons(a: Lesson, b: Lesson, fileA: string, fileB: string): Bilingual[] {
	const p = new Problems(fileB);
	const idsA = a.steps.map((s) => s.id).join(', ');
	const idsB = b.steps.map((s) => s.id).join(', ');
	if (idsA !== idsB) {
		p.add(
			'steps',
			`has the steps [${idsB}], but ${fileA} has [${idsA}]: both languages need the same steps in the same order.`,
			`的步骤为 [${idsB}]，而 ${fileA} 为 [${idsA}]：两种语言须有相同顺序的相同步骤。`,
		);
		return p.list;
	}
	for (const [i, sb] of b.steps.entries()) {
		const sa = a.steps[i];
		p.step = { n: i + 1, id: sb.id };
		const x = shape(sa);
		const y = shape(sb);
		for (const k of Object.keys(x) as (keyof typeof x)[])
			if (JSON.stringify(x[k]) !== JSON.stringify(y[k]))
				p.add(
					k,
					`is ${JSON.stringify(y[k])} here but ${JSON.stringify(x[k])} in ${fileA}.`,
					`此处为 ${JSON.stringify(y[k])}，而 ${fileA} 中为 ${JSON.stringify(x[k])}。`,
				);
	}
	return p.list;
}
