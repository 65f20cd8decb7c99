/**
 * The lessons in static/lessons: every lesson listed exists in both languages with the same
 * steps, points at parts of the cells that exist, and asks about facts that the sample's results
 * really have, before and after the change each step asks the learner to try.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisSettings } from '../../../src/analysis/settings';
import { sampleSettings } from '../../../src/state/samples';
import { formatMoney, type Lang } from '../../../src/i18n/format';
import { defaultTolerance, judgeAnswer } from '../../../src/lessons/answer';
import {
	FACTS,
	factOf,
	readFact,
	type CellResults,
	type FactRef,
	type Unit,
} from '../../../src/lessons/facts';
import {
	checkAgainstEntry,
	compareLessons,
	LESSON_LANGS,
	parseLesson,
	parseLessonIndex,
	type Lesson,
	type LessonSample,
} from '../../../src/lessons/lesson';
import { renderLessonMarkdown } from '../../../src/lessons/markdown';
import { createAnalysisApi } from '../../../workers/analysis-api';
import { memoryStore } from '../../helpers/memory-store';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'static', 'lessons');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

const index = parseLessonIndex(readJson('index.json'));
if (!index.ok) throw new Error(index.errors.map((e) => e.en).join('\n'));
const entries = index.value.lessons;

function lessonOf(file: string): Lesson {
	const r = parseLesson(readJson(file), file);
	if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('\n'));
	return r.value;
}

/** Every text of a lesson, for checks on how it renders. */
function texts(lesson: Lesson): string[] {
	return [
		lesson.intro ?? '',
		lesson.outro ?? '',
		...lesson.steps.flatMap((s) => [
			s.text,
			s.question?.prompt ?? '',
			s.question?.hint ?? '',
			s.question?.explain ?? '',
			s.try?.text ?? '',
		]),
	].filter(Boolean);
}

/** The data-testids of the components, as patterns (`rfm-cuts-{m}` matches rfm-cuts-recency). */
function testIdPatterns(): RegExp[] {
	const files = readdirSync(join(root, 'src', 'components'), { recursive: true, encoding: 'utf8' });
	const patterns: RegExp[] = [];
	for (const f of files.filter((x) => x.endsWith('.svelte'))) {
		const source = readFileSync(join(root, 'src', 'components', f), 'utf8');
		for (const m of source.matchAll(/data-testid="([^"]+)"/g)) {
			const parts = m[1].split(/\{[^}]*\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
			patterns.push(new RegExp(`^${parts.join('[a-z0-9-]+')}$`));
		}
	}
	return patterns;
}

describe('the lessons in static/lessons', () => {
	it('index.json lists lessons, each with a file in both languages that exists and reads', () => {
		expect(entries.map((e) => e.id)).toEqual(
			expect.arrayContaining(['rfm', 'cohorts', 'clusters', 'clv']),
		);
		for (const entry of entries)
			for (const lang of LESSON_LANGS) {
				const file = entry.files[lang];
				expect(file, `${entry.id} has a ${lang} file`).toBeDefined();
				const lesson = lessonOf(file!);
				expect(checkAgainstEntry(lesson, entry, lang, file!)).toEqual([]);
				expect(entry.title[lang]).toBeTruthy();
			}
	});

	it.each(entries.map((e) => [e.id, e] as const))(
		'%s has the same steps, cells, facts and controls in English and Chinese',
		(_, entry) => {
			const en = lessonOf(entry.files.en!);
			const zh = lessonOf(entry.files['zh-CN']!);
			expect(compareLessons(en, zh, entry.files.en!, entry.files['zh-CN']!)).toEqual([]);
			for (const text of texts(zh)) expect(text).toMatch(/[\u4e00-\u9fff]/);
		},
	);

	it.each(entries.map((e) => [e.id, e] as const))(
		'%s renders every text without stray Markdown marks (emphasis next to CJK punctuation)',
		(_, entry) => {
			for (const lang of LESSON_LANGS)
				for (const text of texts(lessonOf(entry.files[lang]!)))
					expect(renderLessonMarkdown(text), text).not.toMatch(/\*|<img/);
		},
	);

	it('the parts of the cells the lessons outline exist in the components', () => {
		const patterns = testIdPatterns();
		for (const entry of entries)
			for (const step of lessonOf(entry.files.en!).steps)
				for (const id of [step.highlight, step.try?.control].filter((x) => x !== undefined))
					expect(
						patterns.some((p) => p.test(id!)),
						`${entry.id}/${step.id}: data-testid ${id}`,
					).toBe(true);
	});

	it('README.md documents every fact', () => {
		const readme = readFileSync(join(dir, 'README.md'), 'utf8');
		for (const id of Object.keys(FACTS)) expect(readme).toContain(`\`${id}\``);
	});
});

// --- the lessons played on their samples --------------------------------------------------

const SAMPLE_FILES: Record<LessonSample, string> = {
	retail: 'static/samples/retail.csv',
	cdnow: 'static/samples/CDNOW_sample.txt',
};

/**
 * The change a learner makes at each built-in step with a try, as settings. A lesson added later
 * without an entry here is still checked up to its first try.
 */
const CHANGES: Record<string, (s: AnalysisSettings) => void> = {
	'rfm/scoring': (s) => (s.rfm.scoring = 'ntile'),
	'rfm/bins': (s) => (s.rfm.bins = 3),
	'cohorts/ltv': () => {},
	'cohorts/period': (s) => (s.cohorts.period = 'quarter'),
	'cohorts/on-or-after': (s) => (s.cohorts.onOrAfter = true),
	'clusters/change-k': (s) => (s.clusters.k = 4),
	'clv/horizon': (s) => (s.clv.horizonMonths = 24),
};

async function resultsOf(sample: LessonSample) {
	const api = createAnalysisApi(memoryStore());
	const file = SAMPLE_FILES[sample];
	const settings = sampleSettings(sample);
	await api.importFile({
		datasetId: 'd',
		file: new Blob([readFileSync(join(root, file))]),
		name: file.split('/').pop()!,
		settings,
	});
	return async (s: AnalysisSettings): Promise<CellResults> => {
		const job = { datasetId: 'd', settings: s };
		return {
			overview: await api.overview(job),
			rfm: await api.rfm(job),
			cohorts: await api.cohorts({ ...job, breakdown: null }),
			clusters: await api.clusters(job),
			lifecycle: await api.lifecycle(job),
			clv: await api.clv(job),
		};
	};
}

const readOn = (results: CellResults, ref: FactRef) =>
	readFact(ref, (cell) =>
		cell in results ? { status: 'ready', result: results[cell as keyof CellResults] } : undefined,
	);

/**
 * A number as a cell shows it, for a learner to copy: with the fact's decimals, money as
 * formatMoney writes it (in 万 in Chinese) without the currency sign.
 */
function shown(value: number, unit: Unit, digits: number, lang: Lang): string {
	if (unit === 'money') return formatMoney(value, lang, 'none');
	if (unit === 'share')
		return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(
			value,
		);
	return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

describe.each(entries.map((e) => [e.id, e] as const))('the %s lesson on its sample', (_, entry) => {
	it('every question has an answer, right when copied from the cell in either language, and every try moves its fact', async () => {
		const lesson = lessonOf(entry.files.en!);
		const compute = await resultsOf(entry.sample);
		const settings = sampleSettings(entry.sample);
		let results = await compute(settings);
		for (const step of lesson.steps) {
			const where = `${entry.id}/${step.id}`;
			if (step.try) {
				const change = CHANGES[where];
				if (!change) break;
				const before = step.try.expect && readOn(results, step.try.expect);
				change(settings);
				results = await compute(settings);
				if (step.try.expect) {
					const after = readOn(results, step.try.expect);
					expect(before?.status, where).toBe('ready');
					expect(after.status, where).toBe('ready');
					expect(after, `${where}: the try moves its fact`).not.toEqual(before);
				}
			}
			if (!step.question) continue;
			const { answer } = step.question;
			const state = readOn(results, answer);
			expect(state.status, where).toBe('ready');
			// The answer, copied from the cell in either language, is right.
			const def = factOf(answer.fact);
			if (state.status !== 'ready' || state.reading.kind !== 'number') continue;
			for (const lang of ['en', 'zh-CN'] as const) {
				const typed = shown(state.reading.value, def.unit, def.digits, lang);
				const tolerance = answer.tolerance ?? defaultTolerance(def.digits);
				expect(judgeAnswer(state.reading, def.unit, typed, tolerance), `${where}: ${typed}`).toBe(
					'right',
				);
			}
		}
	});
});

describe('the clv lesson’s sample', () => {
	it('opens as published, so the check panel the lesson points at agrees (FHL 2005)', async () => {
		const { clv } = await (await resultsOf('cdnow'))(sampleSettings('cdnow'));
		expect(clv.options.unit).toBe('week');
		expect(clv.holdout?.length).toBe(39);
		const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
		for (const [k, v] of Object.entries(published))
			expect(clv.bgnbd[k as keyof typeof published] / v, k).toBeCloseTo(1, 2);
		expect(clv.gammaGamma?.v).toBeCloseTo(15.44, 1);
	});
});
