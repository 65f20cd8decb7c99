/**
 * Fetches the lesson index and lesson files from the app's own site, with addresses relative to
 * the page (the app runs under any base path), and reads them with lesson.ts.
 */
import type { Bilingual } from '../analysis/types';
import {
	checkAgainstEntry,
	parseLesson,
	parseLessonIndex,
	type Lesson,
	type LessonEntry,
	type LessonIndex,
	type LessonLang,
	type Parsed,
} from './lesson';

export const LESSONS_DIR = 'lessons/';

async function fetchJson(file: string, base: string): Promise<Parsed<unknown>> {
	const url = new URL(LESSONS_DIR + file, base);
	let res: Response;
	try {
		res = await fetch(url, { credentials: 'same-origin' });
	} catch (e) {
		const why = (e as Error).message;
		return fail(`${file}: could not be read (${why}).`, `${file}：无法读取（${why}）。`);
	}
	if (!res.ok)
		return fail(
			`${file}: could not be read (HTTP ${res.status}); is it in the lessons folder?`,
			`${file}：无法读取（HTTP ${res.status}）；它是否在 lessons 文件夹中？`,
		);
	const text = await res.text();
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (e) {
		const why = (e as Error).message;
		return fail(`${file}: is not valid JSON (${why}).`, `${file}：不是有效的 JSON（${why}）。`);
	}
}

const fail = (en: string, zh: string): { ok: false; errors: Bilingual[] } => ({
	ok: false,
	errors: [{ en, zh }],
});

/** The lesson index, relative to `base` (the page's address). */
export async function loadLessonIndex(base: string): Promise<Parsed<LessonIndex>> {
	const json = await fetchJson('index.json', base);
	return json.ok ? parseLessonIndex(json.value, 'index.json') : json;
}

/** One language version of a lesson, checked against what the index says of it. */
export async function loadLesson(
	entry: LessonEntry,
	lang: LessonLang,
	base: string,
): Promise<Parsed<Lesson>> {
	const file = entry.files[lang];
	if (!file)
		return fail(
			`index.json: the lesson "${entry.id}" has no ${lang} file.`,
			`index.json：课程"${entry.id}"没有 ${lang} 文件。`,
		);
	const json = await fetchJson(file, base);
	if (!json.ok) return json;
	const lesson = parseLesson(json.value, file);
	if (!lesson.ok) return lesson;
	const errors = checkAgainstEntry(lesson.value, entry, lang, file);
	return errors.length ? { ok: false, errors } : lesson;
}
