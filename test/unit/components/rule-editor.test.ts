import { describe, expect, it } from 'vitest';
import { cellIndex, presetRules, type ScoreRule } from '../../../src/analysis/segments';
import {
	draftOf,
	PALETTE,
	presetOf,
	reportRules,
	scaleRange,
	scaleRules,
	toScoreRule,
	type DraftRule,
} from '../../../src/components/cells/RuleEditor.svelte';

const drafts = (rules: readonly ScoreRule[], bins = 5): DraftRule[] =>
	rules.map((r, i) => draftOf(r, i, bins));

const draft = (
	en: string,
	r: [number, number],
	f: [number, number],
	m: [number, number],
	key = 0,
): DraftRule => ({ key, en, zh: '', r, f, m });

const at = (cell: string, bins = 5) => cellIndex(+cell[0], +cell[1], +cell[2], bins);

/** Every cell of a grid as [r, f, m]. */
function cells(bins: number): [number, number, number][] {
	const out: [number, number, number][] = [];
	for (let r = 1; r <= bins; r++)
		for (let f = 1; f <= bins; f++) for (let m = 1; m <= bins; m++) out.push([r, f, m]);
	return out;
}

describe('reportRules', () => {
	it('reportRules(rfm-11 preset, 5) covers every cell once with no unreachable rule', () => {
		const report = reportRules(drafts(presetRules['rfm-11'].rules), 5);
		expect(report.uncovered).toBe(0);
		expect(report.overlaps.size).toBe(0);
		expect(report.unreachable).toEqual([]);
		expect(report.invalid).toEqual([]);
		expect(report.rules.reduce((sum, r) => sum + r.wins, 0)).toBe(125);
	});

	it('reportRules(rules, 5) reports the cells a shifted range uncovers and the overlaps it makes', () => {
		const rules = drafts(presetRules['rfm-11'].rules);
		// Rule 1 is Champions R 5, F 4–5, M 4–5; moving its M range down to 3–4 leaves 555 and 545
		// uncovered and makes it overlap rule 9 (553) and rule 4 (543), which it wins, being first.
		rules[0].m = [3, 4];
		const report = reportRules(rules, 5);
		expect(report.uncovered).toBe(2);
		expect(report.winner[at('555')]).toBe(-1);
		expect(report.winner[at('545')]).toBe(-1);
		expect([...report.overlaps]).toEqual([
			[at('543'), [0, 3]],
			[at('553'), [0, 8]],
		]);
		expect(report.winner[at('553')]).toBe(0);
		expect(report.rules[0]).toMatchObject({ covers: [at('543'), at('544'), at('553'), at('554')] });
		expect(report.rules[0].wins).toBe(4);
		expect(report.rules[3]).toMatchObject({ wins: 0, unreachable: { kind: 'shadowed', by: [0] } });
		expect(report.unreachable).toEqual([3]);
	});

	it('reportRules(rules with a duplicate) says which earlier rule shadows the copy', () => {
		const a = draft('A', [1, 2], [1, 5], [1, 5], 0);
		const report = reportRules([a, { ...a, key: 1 }, draft('B', [1, 5], [1, 5], [1, 5], 2)], 5);
		expect(report.rules.map((r) => [r.wins, r.covers.length, r.unreachable])).toEqual([
			[50, 50, null],
			[0, 50, { kind: 'shadowed', by: [0] }],
			[75, 125, null],
		]);
		expect(report.overlaps.size).toBe(50);
	});

	it('reportRules(rules, 3) says a rule whose range lies above the scores matches no cell', () => {
		const report = reportRules(
			[draft('High', [4, 5], [1, 3], [5, 5]), draft('Rest', [1, 3], [1, 3], [1, 3], 1)],
			3,
		);
		expect(report.rules[0].unreachable).toEqual({
			kind: 'outside',
			axes: [
				{ axis: 'r', lo: 4, hi: 5 },
				{ axis: 'm', lo: 5, hi: 5 },
			],
		});
		expect(report.uncovered).toBe(0);
	});

	it('reportRules(rules with problems) keeps them off the grid, indices still into the draft', () => {
		const report = reportRules(
			[
				draft(' ', [1, 5], [1, 5], [1, 5], 0),
				draft('Bad', [1, 5], [4, 2], [1, 5], 1),
				draft('Good', [1, 5], [1, 5], [1, 4], 2),
			],
			5,
		);
		expect(report.invalid).toEqual([0, 1]);
		expect(report.rules[0].problems).toEqual([{ kind: 'name' }]);
		expect(report.rules[1].problems).toEqual([{ kind: 'range', axis: 'f', lo: 4, hi: 2 }]);
		expect(report.rules[0].unreachable).toBeNull();
		expect(report.winner[at('111')]).toBe(2);
		expect(report.uncovered).toBe(25);
		expect(report.unreachable).toEqual([]);
	});
});

describe('rule drafts', () => {
	it('toScoreRule(draft) trims the names and uses the English one for an empty Chinese name', () => {
		expect(toScoreRule({ ...draft('  Champions ', [4, 5], [4, 5], [4, 5]), zh: ' ' })).toEqual({
			name: { en: 'Champions', zh: 'Champions' },
			r: [4, 5],
			f: [4, 5],
			m: [4, 5],
		});
	});

	it('draftOf(stored, key, bins) keeps a good rule and repairs a hand-edited one', () => {
		const { name, r, f, m } = presetRules['rfm-r'].rules[0];
		expect(draftOf(presetRules['rfm-r'].rules[0], 7, 5)).toEqual({ key: 7, ...name, r, f, m });
		expect(name).toEqual({ en: 'Champions', zh: '冠军客户' });
		expect(draftOf({ name: { en: 3 }, r: [0, 12], f: 'x' }, 1, 4)).toEqual({
			key: 1,
			en: '',
			zh: '',
			r: [1, 4],
			f: [1, 4],
			m: [1, 4],
		});
		expect(draftOf(null, 2, 3).r).toEqual([1, 3]);
	});

	it('presetOf(scheme) starts custom from rfm-11 and a preset scheme from itself', () => {
		expect(['rfm-11', 'rfm-r', 'cn-8', 'custom'].map(presetOf)).toEqual([
			'rfm-11',
			'rfm-r',
			'cn-8',
			'rfm-11',
		]);
	});
});

describe('scaling rules to another number of scores', () => {
	it('scaleRange(range, n, n) changes nothing', () => {
		for (const n of [2, 5, 9])
			for (let lo = 1; lo <= n; lo++)
				for (let hi = lo; hi <= n; hi++) expect(scaleRange([lo, hi], n, n)).toEqual([lo, hi]);
	});

	it('scaleRange(range, from, to) takes the scores whose middle lies in the range', () => {
		expect(scaleRange([2, 2], 2, 5)).toEqual([3, 5]);
		expect(scaleRange([1, 1], 2, 5)).toEqual([1, 2]);
		expect(scaleRange([4, 5], 5, 3)).toEqual([3, 3]);
		expect(scaleRange([1, 1], 5, 2)).toBeNull();
		expect(scaleRange([1, 3], 5, 9)).toEqual([1, 5]);
	});

	it.each([
		['cn-8', 2, 5],
		['cn-8', 2, 9],
		['rfm-11', 5, 3],
		['rfm-11', 5, 7],
		['rfm-r', 5, 4],
	] as const)(
		'scaleRules(%s, %i, %i) gives every cell the rule of the cell it samples',
		(preset, from, to) => {
			const rules = drafts(presetRules[preset].rules, from);
			const before = reportRules(rules, from);
			const scaled = scaleRules(rules, from, to);
			const after = reportRules(scaled.rules, to);
			const source = (t: number) => Math.min(from, Math.floor(((t - 0.5) * from) / to) + 1);
			const keyOf = (i: number) => (i < 0 ? -1 : scaled.rules[i].key);
			for (const [r, f, m] of cells(to)) {
				const w = before.winner[cellIndex(source(r), source(f), source(m), from)];
				expect(keyOf(after.winner[cellIndex(r, f, m, to)])).toBe(w < 0 ? -1 : rules[w].key);
			}
			expect(scaled.rules.length + scaled.dropped.length).toBe(rules.length);
		},
	);

	it('scaleRules(cn-8, 2, 5) keeps all 8 classes, disjoint and covering the grid', () => {
		const { rules, dropped } = scaleRules(drafts(presetRules['cn-8'].rules, 2), 2, 5);
		expect(dropped).toEqual([]);
		const report = reportRules(rules, 5);
		expect([report.uncovered, report.overlaps.size, report.unreachable]).toEqual([0, 0, []]);
	});

	it('scaleRules(rfm-11, 5, 2) drops the rules with no score left and says which', () => {
		const rules = drafts(presetRules['rfm-11'].rules);
		const { rules: kept, dropped } = scaleRules(rules, 5, 2);
		expect(dropped.length).toBeGreaterThan(0);
		expect(kept.map((r) => r.key)).toEqual(
			rules.filter((_, i) => !dropped.includes(i)).map((r) => r.key),
		);
		expect(reportRules(kept, 2).uncovered).toBe(0);
	});
});

describe('segment colours', () => {
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => {
			const c =
				parseInt(hex.length === 4 ? hex[(i + 1) / 2].repeat(2) : hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};

	it('PALETTE has distinct fills, each with text of at least 4.5:1 contrast', () => {
		expect(new Set(PALETTE.map((p) => p.fill)).size).toBe(PALETTE.length);
		for (const { fill, ink } of PALETTE) {
			const [a, b] = [luminance(fill), luminance(ink)].sort((x, y) => y - x);
			expect((a + 0.05) / (b + 0.05), `${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
		}
	});
});
