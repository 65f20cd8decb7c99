import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreRfm, type RfmScores } from '../../../src/analysis/rfm';
import {
	analyzeRules,
	assignSegments,
	cellAt,
	cellIndex,
	presetRules,
	type ScoreRule,
} from '../../../src/analysis/segments';
import {
	cn8Classes,
	cn8Segments,
	othersSegment,
	rfm11Cells,
	rfm11Segments,
	rfmRRules,
	rfmRSegments,
} from '../../../src/analysis/segment-tables';

const spec = join(process.cwd(), '../shared/spec');

/** The rows of a spec CSV (no quoting in these files; CRLF line ends). */
function readCsv(name: string): string[][] {
	const text = readFileSync(join(spec, name), 'utf8');
	return text
		.split(/\r?\n/)
		.filter((line) => line !== '')
		.map((line) => line.split(','));
}

/** Scores with the given cells ("545") and nothing else. */
function scoresOf(cells: string[], bins = 5): RfmScores {
	const digit = (k: number) => Uint8Array.from(cells, (c) => Number(c[k]));
	return {
		bins,
		r: digit(0),
		f: digit(1),
		m: digit(2),
		cuts: {} as RfmScores['cuts'],
		warnings: [],
	};
}

const raw = (count: number) => {
	const zeros = new Array<number>(count).fill(0);
	return { recency: zeros, frequency: zeros, monetary: zeros };
};

const rule = (
	en: string,
	r: [number, number],
	f: [number, number],
	m: [number, number],
): ScoreRule => ({
	name: { en, zh: en },
	r,
	f,
	m,
});

describe('segment tables', () => {
	it('rfm11Cells equals segments-rfm11.csv row for row', () => {
		const [header, ...rows] = readCsv('segments-rfm11.csv');
		expect(header).toEqual(['rfm_cell', 'segment', 'segment_zh']);
		expect(rfm11Cells.map((row) => [...row])).toEqual(rows);
	});

	it('rfmRRules equals segments-rfm-r.csv row for row', () => {
		const [header, ...rows] = readCsv('segments-rfm-r.csv');
		expect(header).toEqual([
			'order',
			'segment',
			'segment_zh',
			'r_min',
			'r_max',
			'f_min',
			'f_max',
			'm_min',
			'm_max',
		]);
		expect(
			rfmRRules.map((r) =>
				[r.order, r.segment, r.segmentZh, r.rMin, r.rMax, r.fMin, r.fMax, r.mMin, r.mMax].map(
					String,
				),
			),
		).toEqual(rows);
	});

	it('cn8Classes equals segments-cn8.csv row for row', () => {
		const [header, ...rows] = readCsv('segments-cn8.csv');
		expect(header).toEqual(['segment_zh', 'segment', 'recency', 'frequency', 'monetary']);
		expect(
			cn8Classes.map((c) => [c.segmentZh, c.segment, c.recency, c.frequency, c.monetary]),
		).toEqual(rows);
	});

	it('rfm11Cells covers each of the 125 cells once with the 11 segments', () => {
		const cells = rfm11Cells.map(([cell]) => cell).sort();
		const all = Array.from({ length: 125 }, (_, i) => cellAt(i, 5));
		expect(cells).toEqual(all);
		expect(new Set(rfm11Cells.map(([, id]) => id))).toEqual(
			new Set(rfm11Segments.map((s) => s.id)),
		);
		expect(rfm11Segments.map((s) => s.id)).toEqual([
			'Champions',
			'Loyal',
			'Potential Loyalists',
			'New Customers',
			'Promising',
			'Need Attention',
			'About to Sleep',
			'Cannot Lose Them',
			'At Risk',
			'Hibernating',
			'Lost',
		]);
		for (const [, id, zh] of rfm11Cells) {
			expect(rfm11Segments.find((s) => s.id === id)?.name).toEqual({ en: id, zh });
		}
	});

	it('every segment has a name, description and action in both languages', () => {
		for (const def of [...rfm11Segments, ...rfmRSegments, ...cn8Segments, othersSegment]) {
			for (const text of [def.name, def.description, def.action]) {
				expect(text.en.trim(), def.id).not.toBe('');
				expect(text.zh.trim(), def.id).not.toBe('');
			}
			expect(def.name.en).toBe(def.id);
		}
		expect(othersSegment.name).toEqual({ en: 'Others', zh: '其他客户' });
	});
});

describe('analyzeRules', () => {
	it('analyzeRules(rfm-r rules) leaves exactly the 10 cells R leaves uncovered', () => {
		const grid = analyzeRules(presetRules['rfm-r'].rules);
		expect(grid.uncovered).toEqual([
			'215',
			'241',
			'251',
			'252',
			'341',
			'351',
			'441',
			'451',
			'541',
			'551',
		]);
		expect(grid.unreachable).toEqual([]);
		expect(grid.winner[cellIndex(5, 5, 5, 5)]).toBe(0);
		expect(grid.winner[cellIndex(2, 1, 5, 5)]).toBe(-1);
	});

	it('analyzeRules(rules, 2) reports winners, overlaps, unreachable rules and covers', () => {
		// Cells of the 2 × 2 × 2 grid by index: 111 112 121 122 211 212 221 222.
		const rules = [
			rule('A', [2, 2], [1, 2], [1, 2]),
			rule('B', [2, 2], [2, 2], [2, 2]),
			rule('C', [1, 1], [1, 2], [1, 1]),
			rule('D', [1, 2], [1, 1], [1, 2]),
		];
		expect(analyzeRules(rules, 2)).toEqual({
			bins: 2,
			winner: Int16Array.from([2, 3, 2, -1, 0, 0, 0, 0]),
			uncovered: ['122'],
			overlaps: [
				{ cell: '111', rules: [2, 3] },
				{ cell: '211', rules: [0, 3] },
				{ cell: '212', rules: [0, 3] },
				{ cell: '222', rules: [0, 1] },
			],
			unreachable: [1],
			covers: [[4, 5, 6, 7], [7], [0, 2], [0, 1, 4, 5]],
		});
	});

	it('analyzeRules(rules) marks a rule outside the score range unreachable', () => {
		const grid = analyzeRules([
			rule('All', [1, 5], [1, 5], [1, 5]),
			rule('Beyond', [6, 9], [1, 5], [1, 5]),
		]);
		expect(grid.unreachable).toEqual([1]);
		expect(grid.covers[1]).toEqual([]);
		expect(grid.uncovered).toEqual([]);
	});

	it('analyzeRules(presetRules.rfm-11) reproduces the 125-cell table with disjoint boxes', () => {
		const { rules } = presetRules['rfm-11'];
		const grid = analyzeRules(rules);
		expect(grid.uncovered).toEqual([]);
		expect(grid.overlaps).toEqual([]);
		expect(grid.unreachable).toEqual([]);
		for (const [cell, id, zh] of rfm11Cells) {
			const [r, f, m] = [...cell].map(Number);
			expect(rules[grid.winner[cellIndex(r, f, m, 5)]].name, cell).toEqual({ en: id, zh });
		}
		expect(rules.length).toBeLessThan(125);
	});

	it.each([
		['a range below 1', rule('X', [0, 2], [1, 5], [1, 5])],
		['a minimum above the maximum', rule('X', [1, 5], [4, 3], [1, 5])],
		['a fractional score', rule('X', [1, 5], [1, 5], [1.5, 5])],
		['a range above 9', rule('X', [1, 10], [1, 5], [1, 5])],
		['no name', rule(' ', [1, 5], [1, 5], [1, 5])],
	])('analyzeRules(rules) rejects a rule with %s', (_, bad) => {
		expect(() => analyzeRules([rule('Fine', [1, 1], [1, 1], [1, 1]), bad])).toThrowError(
			/^\[bad_rule\] Rule 2\b/,
		);
	});

	it('analyzeRules(rules, 10) rejects bins outside 2…9', () => {
		expect(() => analyzeRules([], 10)).toThrowError(/^\[bad_option\]/);
	});
});

describe('assignSegments', () => {
	it("assignSegments(scores, input, {scheme: 'rfm-11'}) looks each cell up in the table", () => {
		expect(
			assignSegments(scoresOf(['555', '111', '215', '332', '554']), raw(5), { scheme: 'rfm-11' }),
		).toEqual({
			scheme: 'rfm-11',
			segments: [...rfm11Segments],
			segment: Int32Array.from([0, 10, 7, 9, 0]),
			counts: [2, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1],
			warnings: [],
		});
	});

	it("assignSegments(scores, input, {scheme: 'rfm-11'}) warns and uses Others when scores are not 5 bins", () => {
		const result = assignSegments(scoresOf(['444', '111'], 4), raw(2), { scheme: 'rfm-11' });
		expect(result).toEqual({
			scheme: 'rfm-11',
			segments: [...rfm11Segments, othersSegment],
			segment: Int32Array.from([11, 11]),
			counts: [...new Array(11).fill(0), 2],
			warnings: [
				{ code: 'scheme_needs_5_bins', en: expect.stringContaining('5'), zh: expect.any(String) },
			],
		});
	});

	it("assignSegments(scores, input, {scheme: 'rfm-r'}) takes the first matching rule, else Others", () => {
		// 444 matches Potential Loyalist (rule 2) before Loyal Customers (rule 3); 123 only Lost.
		expect(
			assignSegments(scoresOf(['555', '215', '444', '123']), raw(4), { scheme: 'rfm-r' }),
		).toEqual({
			scheme: 'rfm-r',
			segments: [...rfmRSegments, othersSegment],
			segment: Int32Array.from([0, 10, 1, 9]),
			counts: [1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1],
			warnings: [],
		});
	});

	it("assignSegments(scores, input, {scheme: 'cn-8'}) splits the raw values at their means", () => {
		// Means: recency 30, frequency 3, monetary 55.
		const input = {
			recency: [10, 50, 10, 50],
			frequency: [5, 5, 1, 1],
			monetary: [100, 10, 100, 10],
		};
		expect(
			assignSegments(scoresOf(['111', '111', '111', '111']), input, { scheme: 'cn-8' }),
		).toEqual({
			scheme: 'cn-8',
			segments: [...cn8Segments],
			segment: Int32Array.from([0, 5, 2, 7]),
			counts: [1, 0, 1, 0, 0, 1, 0, 1],
			warnings: [],
		});
	});

	it("assignSegments(scores, input, {scheme: 'cn-8'}) counts a value equal to the mean as distant and low", () => {
		const input = { recency: [10, 20, 30], frequency: [1, 2, 3], monetary: [1, 2, 3] };
		const { segment } = assignSegments(scoresOf(['111', '111', '111']), input, { scheme: 'cn-8' });
		expect([...segment].map((s) => cn8Segments[s].id)).toEqual([
			'Regular to develop',
			'Regular to win back',
			'High-value to retain',
		]);
	});

	it("assignSegments(mean-split scores, input, {scheme: 'custom', rules: presetRules.cn-8}) equals cn-8", () => {
		const input = {
			ids: ['a', 'b', 'c', 'd', 'e', 'f'],
			recency: [3, 80, 15, 40, 200, 7],
			frequency: [9, 1, 2, 6, 1, 3],
			monetary: [900, 20, 400, 60, 15, 120],
		};
		const scores = scoreRfm(input, { method: 'mean-split' });
		const custom = assignSegments(scores, input, {
			scheme: 'custom',
			rules: presetRules['cn-8'].rules,
		});
		const cn8 = assignSegments(scores, input, { scheme: 'cn-8' });
		expect(custom.segments.map((s) => s.id)).toEqual(cn8.segments.map((s) => s.id));
		expect(custom.segment).toEqual(cn8.segment);
	});

	it("assignSegments(scores, input, {scheme: 'custom'}) merges rules of one name and adds Others", () => {
		const rules = [
			rule('Best', [5, 5], [4, 5], [1, 5]),
			rule('Rest', [1, 3], [1, 5], [1, 5]),
			rule('Best', [4, 4], [5, 5], [1, 5]),
		];
		const result = assignSegments(scoresOf(['551', '451', '111', '411']), raw(4), {
			scheme: 'custom',
			rules,
		});
		expect(result).toEqual({
			scheme: 'custom',
			segments: [
				{
					id: 'Best',
					name: { en: 'Best', zh: 'Best' },
					description: { en: '', zh: '' },
					action: { en: '', zh: '' },
				},
				{
					id: 'Rest',
					name: { en: 'Rest', zh: 'Rest' },
					description: { en: '', zh: '' },
					action: { en: '', zh: '' },
				},
				othersSegment,
			],
			segment: Int32Array.from([0, 0, 1, 2]),
			counts: [2, 1, 1],
			warnings: [],
		});
	});

	it("assignSegments(scores, input, {scheme: 'custom'}) reuses the description of a known segment name", () => {
		const rules = [rule('Champions', [1, 5], [1, 5], [1, 5])];
		const { segments } = assignSegments(scoresOf(['123']), raw(1), { scheme: 'custom', rules });
		expect(segments).toEqual([{ ...rfm11Segments[0], name: { en: 'Champions', zh: 'Champions' } }]);
	});

	it("assignSegments(scores, input, {scheme: 'custom'}) without rules is a user error", () => {
		expect(() => assignSegments(scoresOf([]), raw(0), { scheme: 'custom' })).toThrowError(
			/^\[bad_option\]/,
		);
	});

	it.each(['rfm-11', 'rfm-r', 'cn-8'] as const)(
		"assignSegments(no customers, {scheme: '%s'}) returns empty arrays",
		(scheme) => {
			const result = assignSegments(scoresOf([]), raw(0), { scheme });
			expect(result.segment).toEqual(new Int32Array(0));
			expect(result.counts.every((c) => c === 0)).toBe(true);
			expect(result.warnings).toEqual([]);
		},
	);

	it('assignSegments(scores, input) rejects arrays of different lengths as a bug', () => {
		expect(() => assignSegments(scoresOf(['111']), raw(2), { scheme: 'rfm-11' })).toThrowError(
			/do not match/,
		);
	});
});
