import { describe, expect, it } from 'vitest';
import {
	checkAgainstEntry,
	compareLessons,
	parseLesson,
	parseLessonIndex,
	type Lesson,
} from '../../../src/lessons/lesson';

/** A valid lesson file, to break one field at a time. */
function lessonJson(): Record<string, unknown> {
	return {
		version: 1,
		id: 'rfm',
		language: 'en',
		title: 'RFM',
		intro: 'Hello *there*.',
		steps: [
			{
				id: 'customers',
				cell: 'overview',
				title: 'How many?',
				text: 'Look at the **Overview**.',
				question: {
					prompt: 'How many customers?',
					answer: { fact: 'overview.customers' },
					hint: 'The first number.',
				},
			},
			{
				id: 'segments',
				cell: 'rfm',
				highlight: 'rfm-segments',
				title: 'Segments',
				text: 'The table.',
				try: {
					text: 'Change the method.',
					control: 'rfm-scoring',
					expect: { fact: 'rfm.segmentCustomers', args: { segment: 'Loyal' } },
				},
				question: {
					prompt: 'Champions?',
					answer: {
						fact: 'rfm.segmentCustomers',
						args: { segment: 'Champions' },
						tolerance: 2,
					},
				},
			},
		],
	};
}

/** The errors of `json` in English. */
function errorsOf(json: unknown): string[] {
	const r = parseLesson(json, 'rfm.en.json');
	return r.ok ? [] : r.errors.map((e) => e.en);
}

describe('parseLesson', () => {
	it('parseLesson(a valid file) gives the lesson, tolerances as {absolute}', () => {
		const r = parseLesson(lessonJson(), 'rfm.en.json');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.steps.map((s) => s.id)).toEqual(['customers', 'segments']);
		expect(r.value.steps[1]).toMatchObject({
			cell: 'rfm',
			highlight: 'rfm-segments',
			question: {
				answer: {
					fact: 'rfm.segmentCustomers',
					args: { segment: 'Champions' },
					tolerance: { absolute: 2 },
				},
			},
			try: { control: 'rfm-scoring', expect: { fact: 'rfm.segmentCustomers' } },
		});
		expect(r.value.steps[0].question!.answer).toEqual({ fact: 'overview.customers', args: {} });
	});

	type Edit = (j: Record<string, unknown>) => void;
	const step = (j: Record<string, unknown>, i: number) => (j.steps as Record<string, unknown>[])[i];
	const question = (j: Record<string, unknown>, i: number) =>
		step(j, i).question as Record<string, Record<string, unknown>>;

	it.each<[string, Edit, string]>([
		[
			'a misspelt field',
			(j) => (step(j, 0).quesiton = {}),
			'rfm.en.json, step 1 ("customers"), quesiton: unknown field',
		],
		[
			'no steps',
			(j) => (j.steps = []),
			'rfm.en.json, steps: should be a list of at least one step.',
		],
		['version 2', (j) => (j.version = 2), 'rfm.en.json, version: is 2; this app reads version 1.'],
		[
			'an unknown language',
			(j) => (j.language = 'fr'),
			'language: "fr" should be one of en, zh-CN.',
		],
		['a bad lesson id', (j) => (j.id = 'RFM lesson'), 'id: "RFM lesson" is not a valid lesson id'],
		['a missing title', (j) => delete step(j, 0).title, 'step 1 ("customers"), title: is missing.'],
		[
			'an empty text',
			(j) => (step(j, 1).text = '  '),
			'step 2 ("segments"), text: should be a non-empty text',
		],
		['an unknown cell', (j) => (step(j, 0).cell = 'pivot'), 'cell: "pivot" is not a cell type'],
		[
			'a step id used twice',
			(j) => (step(j, 1).id = 'customers'),
			'step 2 ("customers"), id: "customers" is used by another step.',
		],
		[
			'an unknown fact',
			(j) => (question(j, 0).answer.fact = 'rfm.segmentCount'),
			'question.answer.fact: "rfm.segmentCount" is not a known fact. Known facts: overview.customers',
		],
		[
			'a missing argument',
			(j) => (question(j, 1).answer.args = {}),
			'question.answer.args.segment: is missing: rfm.segmentCustomers needs segment id',
		],
		[
			'an argument of the wrong kind',
			(j) => (question(j, 1).answer.args = { segment: 3 }),
			'question.answer.args.segment: 3 is not segment id',
		],
		[
			'an argument the fact does not take',
			(j) => (question(j, 0).answer.args = { segment: 'x' }),
			'question.answer.args.segment: overview.customers takes no arguments.',
		],
		[
			'a score out of range',
			(j) =>
				(question(j, 1).answer = {
					fact: 'rfm.scoreCustomers',
					args: { metric: 'recency', score: 0 },
				}),
			'question.answer.args.score: 0 is not a score',
		],
		[
			'a metric not in the list',
			(j) =>
				(question(j, 1).answer = {
					fact: 'rfm.scoreCustomers',
					args: { metric: 'revenue', score: 1 },
				}),
			'question.answer.args.metric: "revenue" is not recency, frequency or monetary.',
		],
		[
			'a negative tolerance',
			(j) => (question(j, 1).answer.tolerance = -1),
			'question.answer.tolerance: -1 should be a number ≥ 0',
		],
		[
			'a tolerance on a choice',
			(j) => (question(j, 1).answer = { fact: 'rfm.largestSegment', tolerance: 1 }),
			'question.answer.tolerance: rfm.largestSegment is answered by picking an option',
		],
		[
			'a question without a prompt',
			(j) => delete question(j, 0).prompt,
			'step 1 ("customers"), question.prompt: is missing.',
		],
		[
			'a bad control',
			(j) => ((step(j, 1).try as Record<string, unknown>).control = 'Scoring Method'),
			'try.control: "Scoring Method" is not a valid data-testid',
		],
		[
			'an image from another site',
			(j) => (step(j, 0).text = 'See ![chart](https://example.com/x.png)'),
			'text: the image https://example.com/x.png is on another site',
		],
		[
			'a protocol-relative image',
			(j) => (step(j, 0).text = '![x](//example.com/x.png)'),
			'the image //example.com/x.png is on another site',
		],
	])('parseLesson with %s names the file, step and field', (_, edit, message) => {
		const j = lessonJson();
		edit(j);
		expect(errorsOf(j).join('\n')).toContain(message);
	});

	it('parseLesson reports every problem at once, in both languages', () => {
		const j = lessonJson();
		j.version = 3;
		step(j, 0).cell = 'pivot';
		question(j, 1).answer.fact = 'nope';
		const r = parseLesson(j, 'rfm.zh-CN.json');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toHaveLength(3);
		expect(r.errors[1].zh).toMatch(
			/^rfm\.zh-CN\.json，第 1 步（"customers"），cell："pivot" 不是单元格类型（data、overview、rfm、.*）。$/,
		);
		expect(r.errors[2].zh).toContain(
			'第 2 步（"segments"），question.answer.fact："nope" 不是已知的结果指标',
		);
	});

	it('parseLesson allows images stored beside the lesson, and ignores HTML (micromark escapes it)', () => {
		const j = lessonJson();
		step(j, 0).text = '![chart](lessons/chart.png) <img src="https://example.com/x.png">';
		expect(errorsOf(j)).toEqual([]);
	});

	it.each([null, [], 'lesson', 3])('parseLesson(%j) says what a lesson file looks like', (json) => {
		expect(errorsOf(json)[0]).toMatch(/^rfm\.en\.json: should be an object/);
	});
});

describe('parseLessonIndex', () => {
	const entry = () => ({
		id: 'rfm',
		sample: 'retail',
		title: { en: 'RFM', 'zh-CN': 'RFM 模型' },
		files: { en: 'rfm.en.json', 'zh-CN': 'rfm.zh-CN.json' },
	});
	const errors = (json: unknown) => {
		const r = parseLessonIndex(json);
		return r.ok ? [] : r.errors.map((e) => e.en);
	};

	it('parseLessonIndex(a valid index) lists the lessons', () => {
		const r = parseLessonIndex({ version: 1, lessons: [entry()] });
		expect(r).toEqual({ ok: true, value: { version: 1, lessons: [entry()] } });
	});

	it.each<[string, (e: Record<string, unknown>) => void, string]>([
		[
			'an unknown sample',
			(e) => (e.sample = 'mall'),
			'index.json, lessons[0].sample: "mall" is not a built-in sample (retail, cdnow).',
		],
		[
			'a file in a folder',
			(e) => (e.files = { en: '../secret.json' }),
			'lessons[0].files.en: "../secret.json" should be the name of a .json file',
		],
		[
			'a file from another site',
			(e) => (e.files = { en: 'https://example.com/x.json' }),
			'should be the name of a .json file beside index.json',
		],
		[
			'a file without its title',
			(e) => (e.title = { en: 'RFM' }),
			'lessons[0].title.zh-CN: is missing: the lesson has a zh-CN file.',
		],
		['no files', (e) => (e.files = {}), 'lessons[0].files: names no file.'],
		[
			'an unknown language',
			(e) => (e.title = { en: 'RFM', 'zh-CN': 'RFM', fr: 'RFM' }),
			'lessons[0].title.fr: unknown field',
		],
	])('parseLessonIndex with %s says what is wrong', (_, edit, message) => {
		const e = entry();
		edit(e);
		expect(errors({ version: 1, lessons: [e] }).join('\n')).toContain(message);
	});

	it('parseLessonIndex finds a lesson listed twice, and an empty list', () => {
		expect(errors({ version: 1, lessons: [entry(), entry()] })).toContain(
			'index.json, lessons[1].id: "rfm" is listed twice.',
		);
		expect(errors({ version: 1, lessons: [] })).toContain('index.json, lessons: is empty.');
	});
});

describe('checkAgainstEntry and compareLessons', () => {
	const parsed = (edit: (j: Record<string, unknown>) => void = () => {}): Lesson => {
		const j = lessonJson();
		edit(j);
		const r = parseLesson(j, 'x.json');
		if (!r.ok) throw new Error(r.errors[0].en);
		return r.value;
	};
	const entry = {
		id: 'rfm',
		sample: 'retail' as const,
		title: { en: 'RFM' },
		files: { en: 'rfm.en.json' },
	};

	it('checkAgainstEntry finds a file whose id or language is not the one index.json lists', () => {
		expect(checkAgainstEntry(parsed(), entry, 'en', 'rfm.en.json')).toEqual([]);
		const wrong = parsed((j) => ((j.id = 'cohorts'), (j.language = 'zh-CN')));
		expect(checkAgainstEntry(wrong, entry, 'en', 'rfm.en.json').map((e) => e.en)).toEqual([
			'rfm.en.json, id: is "cohorts", but index.json lists this file for the lesson "rfm".',
			'rfm.en.json, language: is "zh-CN", but index.json lists this file as the en one.',
		]);
	});

	it('compareLessons accepts versions that differ only in their texts', () => {
		const zh = parsed((j) => {
			j.language = 'zh-CN';
			j.title = 'RFM 模型';
			(j.steps as Record<string, unknown>[])[0].text = '看概览。';
		});
		expect(compareLessons(parsed(), zh, 'rfm.en.json', 'rfm.zh-CN.json')).toEqual([]);
	});

	it('compareLessons finds other steps, cells, facts, arguments and controls', () => {
		const reordered = parsed((j) => (j.steps as unknown[]).reverse());
		expect(compareLessons(parsed(), reordered, 'a.json', 'b.json')[0].en).toBe(
			'b.json, steps: has the steps [segments, customers], but a.json has [customers, segments]: both languages need the same steps in the same order.',
		);
		const changed = parsed((j) => {
			const s = (j.steps as Record<string, Record<string, Record<string, unknown>>>[])[1];
			s.question.answer.args = { segment: 'Loyal' };
			(s.try as Record<string, unknown>).control = 'rfm-bins';
		});
		expect(compareLessons(parsed(), changed, 'a.json', 'b.json').map((e) => e.en)).toEqual([
			'b.json, step 2 ("segments"), answer: is {"fact":"rfm.segmentCustomers","args":{"segment":"Loyal"},"tolerance":{"absolute":2}} here but {"fact":"rfm.segmentCustomers","args":{"segment":"Champions"},"tolerance":{"absolute":2}} in a.json.',
			'b.json, step 2 ("segments"), control: is "rfm-bins" here but "rfm-scoring" in a.json.',
		]);
	});
});
