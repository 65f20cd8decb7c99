/**
 * Lesson mode's state: the lesson index, the lesson files loaded per language, the lesson in
 * progress and each lesson's progress (step, answers, changes tried). Progress is kept in
 * localStorage with the id of the notebook the lesson runs on, so a reload carries on where the
 * learner was; the notebook itself (with the parameters the learner changed) is the app's.
 */
import { untrack } from 'svelte';
import type { Bilingual } from '../analysis/types';
import { i18n } from '../i18n/i18n.svelte';
import type { AppState } from '../state/app.svelte';
import {
	LESSON_LANGS,
	type Lesson,
	type LessonEntry,
	type LessonIndex,
	type LessonLang,
	type Parsed,
} from './lesson';
import { loadLesson, loadLessonIndex } from './load';

const STORAGE_KEY = 'clientele.lessons';

export interface StepProgress {
	/** Wrong answers so far. */
	wrong: number;
	answer: 'right' | 'shown' | null;
	/** The try's fact when the step was first shown: a number or a choice's value. */
	before?: number | string | null;
	/** The learner made the change and the fact moved. */
	tried: boolean;
}

export interface LessonProgress {
	/** The notebook the lesson runs on (null until its sample is open). */
	notebookId: string | null;
	/** The step in view; null = the first. */
	stepId: string | null;
	finished: boolean;
	/** Steps of the lesson, once loaded (for "step 3 of 7" in lists). */
	total: number;
	steps: Record<string, StepProgress>;
	updatedAt: number;
}

interface Stored {
	version: 1;
	active: string | null;
	lessons: Record<string, LessonProgress>;
}

function readStored(): Stored {
	try {
		const raw = localStorage.getItem(STORAGE_KEY);
		const v = raw ? (JSON.parse(raw) as Stored) : null;
		if (v && v.version === 1 && typeof v.lessons === 'object' && v.lessons !== null) return v;
	} catch {
		// Storage blocked or a damaged entry: start afresh.
	}
	return { version: 1, active: null, lessons: {} };
}

export type LoadedLesson =
	| { status: 'loading' }
	| { status: 'failed'; errors: Bilingual[] }
	/** `fallback`: the lesson has no file in the UI's language, so another language is shown. */
	| { status: 'ready'; lesson: Lesson; lang: LessonLang; fallback: boolean };

const key = (id: string, lang: LessonLang) => `${id}|${lang}`;

export class LessonSession {
	index = $state.raw<LessonIndex | null>(null);
	indexErrors = $state.raw<Bilingual[]>([]);
	activeId = $state<string | null>(null);
	progress = $state<Record<string, LessonProgress>>({});
	private files = $state.raw<Record<string, Parsed<Lesson> | 'loading'>>({});
	/** Set while a lesson's sample is opening: the notebook in view before it. */
	private awaiting: { previous: string | null } | null = null;
	/** Lesson files asked for, by `id|lang` (not state: only a guard against fetching twice). */
	private requested = new Set<string>();

	constructor(private readonly base: () => string = () => document.baseURI) {
		const stored = readStored();
		this.activeId = stored.active;
		this.progress = stored.lessons;
	}

	async loadIndex(): Promise<void> {
		const r = await loadLessonIndex(this.base());
		this.index = r.ok ? r.value : null;
		this.indexErrors = r.ok ? [] : r.errors;
	}

	entry(id: string): LessonEntry | undefined {
		return this.index?.lessons.find((l) => l.id === id);
	}

	/** The language a lesson is shown in: the UI's, else the first it has. */
	langOf(entry: LessonEntry): LessonLang {
		const ui = i18n.lang as LessonLang;
		return entry.files[ui] ? ui : (LESSON_LANGS.find((l) => entry.files[l]) ?? ui);
	}

	/**
	 * Fetches a lesson's files, once: the language it is shown in first, then the others, so that
	 * switching the language later shows the lesson at once.
	 */
	ensureLoaded(id: string): void {
		const entry = this.entry(id);
		if (!entry) return;
		const first = this.langOf(entry);
		for (const lang of [first, ...LESSON_LANGS.filter((l) => l !== first)]) {
			const k = key(id, lang);
			if (!entry.files[lang] || this.requested.has(k)) continue;
			this.requested.add(k);
			this.files = { ...untrack(() => this.files), [k]: 'loading' };
			void loadLesson(entry, lang, this.base()).then((r) => {
				this.files = { ...this.files, [k]: r };
				if (r.ok) this.update(id, (p) => (p.total = r.value.steps.length), false);
			});
		}
	}

	/** The lesson as loaded in the language it is shown in (call ensureLoaded first). */
	loaded(id: string): LoadedLesson {
		const entry = this.entry(id);
		if (!this.index) return { status: 'loading' };
		if (!entry)
			return {
				status: 'failed',
				errors: [
					{
						en: `index.json lists no lesson "${id}".`,
						zh: `index.json 中没有课程"${id}"。`,
					},
				],
			};
		const lang = this.langOf(entry);
		const f = this.files[key(id, lang)];
		if (!f || f === 'loading') return { status: 'loading' };
		if (!f.ok) return { status: 'failed', errors: f.errors };
		return { status: 'ready', lesson: f.value, lang, fallback: lang !== i18n.lang };
	}

	/** Whether the lesson in progress runs on this notebook (then its panel is shown). */
	isOpenOn(notebookId: string): boolean {
		const id = this.activeId;
		return id !== null && this.progress[id]?.notebookId === notebookId;
	}

	/**
	 * Starts a lesson afresh on a new notebook of its sample; with `keep`, keeps the answers given
	 * so far (to carry on when the lesson's notebook was deleted).
	 */
	async start(id: string, app: AppState, keep = false): Promise<void> {
		const entry = this.entry(id);
		if (!entry) return;
		const old = this.progress[id];
		this.progress[id] = {
			notebookId: null,
			stepId: keep && old ? old.stepId : null,
			finished: keep && old ? old.finished : false,
			total: old?.total ?? 0,
			steps: keep && old ? old.steps : {},
			updatedAt: Date.now(),
		};
		this.activeId = id;
		this.awaiting = { previous: app.notebook?.id ?? null };
		this.save();
		try {
			await app.openSample(entry.sample);
		} finally {
			this.awaiting = null;
			// The sample could not be opened (the app says why): no lesson without its notebook.
			if (this.progress[id]?.notebookId === null) this.exit();
		}
	}

	/** Carries on with a lesson: on its notebook when it still exists, else on a new one. */
	async resume(id: string, app: AppState): Promise<void> {
		const p = this.progress[id];
		const notebookId = p?.notebookId;
		if (!p || !notebookId || !app.notebooks.some((n) => n.id === notebookId))
			return this.start(id, app, true);
		this.activeId = id;
		this.save();
		if (app.notebook?.id !== notebookId) await app.openNotebook(notebookId);
	}

	/** Called with the notebook in view: a lesson whose sample is opening takes it. */
	attach(notebookId: string): void {
		const id = this.activeId;
		if (!this.awaiting || id === null || notebookId === this.awaiting.previous) return;
		this.awaiting = null;
		this.update(id, (p) => (p.notebookId = notebookId));
	}

	/** Leaves lesson mode; the progress stays, to carry on later. */
	exit(): void {
		this.activeId = null;
		this.save();
	}

	goTo(id: string, stepId: string): void {
		this.update(id, (p) => {
			p.stepId = stepId;
			p.finished = false;
		});
	}

	finish(id: string): void {
		this.update(id, (p) => (p.finished = true));
	}

	step(id: string, stepId: string): StepProgress {
		return this.progress[id]?.steps[stepId] ?? { wrong: 0, answer: null, tried: false };
	}

	answered(id: string, stepId: string, right: boolean): void {
		this.updateStep(id, stepId, (s) => {
			if (right) s.answer = s.answer ?? 'right';
			else s.wrong++;
		});
	}

	showAnswer(id: string, stepId: string): void {
		this.updateStep(id, stepId, (s) => (s.answer = s.answer ?? 'shown'));
	}

	/** Remembers the try's fact before the learner changes anything. */
	baseline(id: string, stepId: string, value: number | string | null): void {
		this.updateStep(id, stepId, (s) => (s.before = value));
	}

	tried(id: string, stepId: string): void {
		this.updateStep(id, stepId, (s) => (s.tried = true));
	}

	private updateStep(id: string, stepId: string, change: (s: StepProgress) => void): void {
		this.update(id, (p) => {
			const s = (p.steps[stepId] ??= { wrong: 0, answer: null, tried: false });
			change(s);
		});
	}

	/** Changes a lesson's progress and saves it; effects that call this do not depend on it. */
	private update(id: string, change: (p: LessonProgress) => void, touch = true): void {
		untrack(() => {
			const p = this.progress[id];
			if (!p) return;
			change(p);
			if (touch) p.updatedAt = Date.now();
			this.save();
		});
	}

	private save(): void {
		const stored: Stored = {
			version: 1,
			active: this.activeId,
			lessons: $state.snapshot(this.progress),
		};
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
		} catch {
			// Storage blocked: the lesson works, it just won't survive a reload.
		}
	}
}
