/**
 * Segment schemes (§2.2) and the rule engine behind rfm-r and the custom editor. Rules are ordered,
 * inclusive score ranges; the first rule that matches a cell wins. Everything is evaluated once on
 * the n × n × n grid of score cells and then looked up per customer.
 */
import { UserError } from '../shared/errors';
import { MAX_BINS, MIN_BINS, meanOf, rfmCell, type RfmScores } from './rfm';
import {
	cn8Classes,
	cn8Segments,
	othersSegment,
	rfm11Cells,
	rfm11Segments,
	rfmRRules,
	rfmRSegments,
} from './segment-tables';
import type { Bilingual, Warning } from './types';

export type SchemeId = 'rfm-11' | 'rfm-r' | 'cn-8' | 'custom';
export type PresetId = Exclude<SchemeId, 'custom'>;
export const SCHEMES: readonly SchemeId[] = ['rfm-11', 'rfm-r', 'cn-8', 'custom'];

/** A segment rule: inclusive score ranges [min, max] for R, F and M. */
export interface ScoreRule {
	name: Bilingual;
	r: [number, number];
	f: [number, number];
	m: [number, number];
}

export interface SegmentDef {
	/** The English name, exactly as in the specification's tables. */
	id: string;
	name: Bilingual;
	/** One sentence: who they are. */
	description: Bilingual;
	/** One line: what to do. */
	action: Bilingual;
}

export interface Segmentation {
	scheme: SchemeId;
	/** In display order, 'Others' last when the scheme can leave customers uncovered. */
	segments: SegmentDef[];
	/** Index into `segments` per customer. */
	segment: Int32Array;
	/** Customers per segment, parallel to `segments`. */
	counts: number[];
	warnings: Warning[];
}

export interface RuleGridAnalysis {
	bins: number;
	/** Per cell (r−1)·n² + (f−1)·n + (m−1): the index of the first matching rule, or −1. */
	winner: Int16Array;
	/** Cells no rule matches, e.g. "215", ascending. */
	uncovered: string[];
	/** Cells matched by more than one rule, with every matching rule in order. */
	overlaps: { cell: string; rules: number[] }[];
	/** Rules that win no cell (shadowed by earlier rules or outside 1…n). */
	unreachable: number[];
	/** Per rule: the cell indices (as in `winner`) it matches, ascending. */
	covers: number[][];
}

/** A rule list to start a custom scheme from, with the number of scores it is written for. */
export interface RulePreset {
	bins: number;
	rules: readonly ScoreRule[];
}

/** The grid index of a score cell: (r−1)·n² + (f−1)·n + (m−1). */
export function cellIndex(r: number, f: number, m: number, bins: number): number {
	return ((r - 1) * bins + (f - 1)) * bins + (m - 1);
}

/** The cell string ("545") of a grid index. */
export function cellAt(index: number, bins: number): string {
	const m = (index % bins) + 1;
	const f = (Math.floor(index / bins) % bins) + 1;
	const r = Math.floor(index / (bins * bins)) + 1;
	return rfmCell(r, f, m);
}

/**
 * Assigns every customer to one segment of a scheme (§2.2). `scores` come from scoreRfm; `input`
 * holds the raw metrics (recency in days, frequency in orders, monetary in currency), used only by
 * cn-8, which splits each metric at its own mean whatever the scoring method. rfm-11 and rfm-r are
 * written for 5 scores and warn otherwise; 'custom' evaluates `options.rules` on the score grid.
 */
export function assignSegments(
	scores: RfmScores,
	input: {
		recency: ArrayLike<number>;
		frequency: ArrayLike<number>;
		monetary: ArrayLike<number>;
	},
	options: { scheme: SchemeId; rules?: readonly ScoreRule[] },
): Segmentation {
	const count = scores.r.length;
	const { recency, frequency, monetary } = input;
	const lengths = [
		scores.f.length,
		scores.m.length,
		recency.length,
		frequency.length,
		monetary.length,
	];
	if (lengths.some((l) => l !== count)) {
		throw new Error(`assignSegments: arrays of lengths ${[count, ...lengths]} do not match`);
	}
	const { scheme } = options;
	switch (scheme) {
		case 'rfm-11':
			return segmentByRfm11(scores);
		case 'rfm-r':
			return segmentByRules(
				scheme,
				scores,
				presetRules['rfm-r'].rules,
				[...rfmRSegments],
				needs5Bins(scheme, scores.bins),
			);
		case 'cn-8':
			return segmentByMeans(input);
		case 'custom': {
			if (!options.rules) {
				throw new UserError('bad_option', {
					en: 'The custom segment scheme needs a list of rules: add at least one rule or start from a preset.',
					zh: '自定义细分方案需要规则列表：请至少添加一条规则，或从预设方案开始。',
				});
			}
			checkRules(options.rules);
			const segments: SegmentDef[] = [];
			for (const rule of options.rules) {
				if (!segments.some((s) => s.id === rule.name.en)) segments.push(segmentOfRule(rule));
			}
			return segmentByRules(scheme, scores, options.rules, segments, []);
		}
		default:
			throw new UserError('bad_option', {
				en: `Unknown segment scheme "${scheme as string}": use rfm-11, rfm-r, cn-8 or custom.`,
				zh: `无法识别的细分方案“${scheme as string}”：请使用 rfm-11、rfm-r、cn-8 或 custom。`,
			});
	}
}

/**
 * Evaluates ordered rules on the bins × bins × bins score grid (bins 2…9, default 5): the winning
 * rule per cell, uncovered cells, cells several rules match, rules that never win, and each rule's
 * cells. Throws a UserError (bad_rule) for a rule without a name or with a range outside 1…9.
 */
export function analyzeRules(rules: readonly ScoreRule[], bins = 5): RuleGridAnalysis {
	if (!(Number.isInteger(bins) && bins >= MIN_BINS && bins <= MAX_BINS)) {
		throw new UserError('bad_option', {
			en: `${bins} score bins is not valid: choose a whole number from ${MIN_BINS} to ${MAX_BINS} (5 is usual).`,
			zh: `评分档数 ${bins} 无效：请选择 ${MIN_BINS} 到 ${MAX_BINS} 之间的整数（通常为 5）。`,
		});
	}
	checkRules(rules);
	const winner = new Int16Array(bins ** 3).fill(-1);
	const uncovered: string[] = [];
	const overlaps: { cell: string; rules: number[] }[] = [];
	const covers: number[][] = rules.map(() => []);
	const wins = new Uint8Array(rules.length);
	const inRange = (s: number, [lo, hi]: [number, number]) => s >= lo && s <= hi;
	for (let r = 1; r <= bins; r++) {
		for (let f = 1; f <= bins; f++) {
			for (let m = 1; m <= bins; m++) {
				const cell = cellIndex(r, f, m, bins);
				const matching: number[] = [];
				rules.forEach((rule, i) => {
					if (inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) {
						matching.push(i);
						covers[i].push(cell);
					}
				});
				if (matching.length === 0) {
					uncovered.push(rfmCell(r, f, m));
					continue;
				}
				winner[cell] = matching[0];
				wins[matching[0]] = 1;
				if (matching.length > 1) overlaps.push({ cell: rfmCell(r, f, m), rules: matching });
			}
		}
	}
	const unreachable = rules.map((_, i) => i).filter((i) => !wins[i]);
	return { bins, winner, uncovered, overlaps, unreachable, covers };
}

function checkRules(rules: readonly ScoreRule[]): void {
	rules.forEach((rule, i) => {
		const label = `${i + 1}`;
		if (typeof rule.name?.en !== 'string' || rule.name.en.trim() === '') {
			throw new UserError('bad_rule', {
				en: `Rule ${label} has no English name: give every rule a segment name.`,
				zh: `第 ${label} 条规则缺少英文名称：请为每条规则填写客户群名称。`,
			});
		}
		for (const key of ['r', 'f', 'm'] as const) {
			const [lo, hi] = rule[key] ?? [];
			const ok = Number.isInteger(lo) && Number.isInteger(hi) && 1 <= lo && lo <= hi && hi <= 9;
			if (!ok) {
				const letter = key.toUpperCase();
				throw new UserError('bad_rule', {
					en: `Rule ${label} (“${rule.name.en}”): the ${letter} range ${lo}–${hi} is not valid: give whole scores from 1 to 9 with the minimum not above the maximum.`,
					zh: `第 ${label} 条规则（“${rule.name.zh || rule.name.en}”）：${letter} 的范围 ${lo}–${hi} 无效：请输入 1 到 9 的整数评分，且下限不大于上限。`,
				});
			}
		}
	});
}

function checkScore(s: number, bins: number, i: number): void {
	if (!(s >= 1 && s <= bins)) {
		throw new Error(`assignSegments: customer ${i} has score ${s} outside 1…${bins}`);
	}
}

/** Looks every customer's cell up in a per-cell table of segment indices. */
function lookUpCells(
	scheme: SchemeId,
	scores: RfmScores,
	cellSegment: Int32Array,
	segments: SegmentDef[],
	warnings: Warning[],
): Segmentation {
	const { r, f, m, bins } = scores;
	const segment = new Int32Array(r.length);
	const counts = segments.map(() => 0);
	for (let i = 0; i < r.length; i++) {
		checkScore(r[i], bins, i);
		checkScore(f[i], bins, i);
		checkScore(m[i], bins, i);
		const s = cellSegment[cellIndex(r[i], f[i], m[i], bins)];
		segment[i] = s;
		counts[s]++;
	}
	return { scheme, segments, segment, counts, warnings };
}

function segmentByRfm11(scores: RfmScores): Segmentation {
	const segments = [...rfm11Segments];
	const warnings = needs5Bins('rfm-11', scores.bins);
	const cellSegment = new Int32Array(scores.bins ** 3);
	if (warnings.length > 0) {
		cellSegment.fill(segments.length);
		segments.push(othersSegment);
	} else {
		for (const [cell, id] of rfm11Cells) {
			const [r, f, m] = [...cell].map(Number);
			cellSegment[cellIndex(r, f, m, 5)] = segments.findIndex((s) => s.id === id);
		}
	}
	return lookUpCells('rfm-11', scores, cellSegment, segments, warnings);
}

/** Rule i goes to the segment whose id is its English name; uncovered cells go to 'Others'. */
function segmentByRules(
	scheme: SchemeId,
	scores: RfmScores,
	rules: readonly ScoreRule[],
	segments: SegmentDef[],
	warnings: Warning[],
): Segmentation {
	const grid = analyzeRules(rules, scores.bins);
	const ruleSegment = rules.map((rule) => segments.findIndex((s) => s.id === rule.name.en));
	let others = segments.findIndex((s) => s.id === othersSegment.id);
	if (grid.uncovered.length > 0 && others < 0) others = segments.push(othersSegment) - 1;
	const cellSegment = Int32Array.from(grid.winner, (w) => (w < 0 ? others : ruleSegment[w]));
	return lookUpCells(scheme, scores, cellSegment, segments, warnings);
}

/** cn-8: recent = recency below its mean, high = frequency or monetary above its mean. */
function segmentByMeans(input: {
	recency: ArrayLike<number>;
	frequency: ArrayLike<number>;
	monetary: ArrayLike<number>;
}): Segmentation {
	const { recency, frequency, monetary } = input;
	const segments = [...cn8Segments];
	const byKey = new Int32Array(8);
	cn8Classes.forEach((row, i) => {
		byKey[cn8Key(row.recency === 'recent', row.frequency === 'high', row.monetary === 'high')] = i;
	});
	const meanR = meanOf(recency);
	const meanF = meanOf(frequency);
	const meanM = meanOf(monetary);
	const segment = new Int32Array(recency.length);
	const counts = segments.map(() => 0);
	for (let i = 0; i < recency.length; i++) {
		const s = byKey[cn8Key(recency[i] < meanR, frequency[i] > meanF, monetary[i] > meanM)];
		segment[i] = s;
		counts[s]++;
	}
	return { scheme: 'cn-8', segments, segment, counts, warnings: [] };
}

function cn8Key(recent: boolean, highF: boolean, highM: boolean): number {
	return (recent ? 4 : 0) + (highF ? 2 : 0) + (highM ? 1 : 0);
}

function needs5Bins(scheme: 'rfm-11' | 'rfm-r', bins: number): Warning[] {
	if (bins === 5) return [];
	return [
		{
			code: 'scheme_needs_5_bins',
			...(scheme === 'rfm-11'
				? {
						en: `The rfm-11 segment map is defined for 5 scores, but the scores have ${bins}: every customer is in Others. Score with 5 bins to use it.`,
						zh: `rfm-11 细分表按 5 档评分定义，但当前评分为 ${bins} 档：所有客户都归入“其他客户”。请改用 5 档评分。`,
					}
				: {
						en: `The rfm-r rules are written for 5 scores, but the scores have ${bins}: the rules were applied as written, so the segments may not mean what their names say. Score with 5 bins to compare with R.`,
						zh: `rfm-r 规则按 5 档评分编写，但当前评分为 ${bins} 档：规则按原样应用，客户群名称可能与实际含义不符。如需与 R 结果对比，请改用 5 档评分。`,
					}),
		},
	];
}

/** A custom rule's segment: known names reuse the specification's description and action. */
function segmentOfRule(rule: ScoreRule): SegmentDef {
	const known = [...rfm11Segments, ...rfmRSegments, ...cn8Segments, othersSegment].find(
		(s) => s.id === rule.name.en,
	);
	const blank = { en: '', zh: '' };
	return {
		id: rule.name.en,
		name: { en: rule.name.en, zh: rule.name.zh || rule.name.en },
		description: known?.description ?? blank,
		action: known?.action ?? blank,
	};
}

/**
 * rfm-11 as rules: its cell table (listed from 555 down) split greedily into boxes that grow
 * toward score 1, one segment after another in display order; 43 boxes instead of 125 cells. The
 * boxes are disjoint, so rule order does not change the result.
 */
function rfm11Boxes(): ScoreRule[] {
	const segmentOf = new Map(rfm11Cells.map(([cell, id]) => [cell, id]));
	const taken = new Set<string>();
	const cellsOf = (box: ScoreRule) => {
		const cells: string[] = [];
		for (let r = box.r[0]; r <= box.r[1]; r++)
			for (let f = box.f[0]; f <= box.f[1]; f++)
				for (let m = box.m[0]; m <= box.m[1]; m++) cells.push(rfmCell(r, f, m));
		return cells;
	};
	const fits = (box: ScoreRule, id: string) =>
		cellsOf(box).every((cell) => !taken.has(cell) && segmentOf.get(cell) === id);
	const rules: ScoreRule[] = [];
	for (const { id, name } of rfm11Segments) {
		for (const [cell, cellId] of rfm11Cells) {
			if (cellId !== id || taken.has(cell)) continue;
			const [r, f, m] = [...cell].map(Number);
			const box: ScoreRule = { name, r: [r, r], f: [f, f], m: [m, m] };
			for (const axis of ['m', 'f', 'r'] as const) {
				while (box[axis][0] > 1) {
					box[axis][0]--;
					if (!fits(box, id)) {
						box[axis][0]++;
						break;
					}
				}
			}
			for (const c of cellsOf(box)) taken.add(c);
			rules.push(box);
		}
	}
	return rules;
}

/**
 * Rule lists to start a custom scheme from. rfm-11 and rfm-r are written for 5 scores; cn-8 for the
 * 2 scores of mean-split scoring (2 = recent / high), which reproduces the cn-8 scheme exactly.
 */
export const presetRules: Record<PresetId, RulePreset> = {
	'rfm-11': { bins: 5, rules: rfm11Boxes() },
	'rfm-r': {
		bins: 5,
		rules: rfmRRules.map((row) => ({
			name: { en: row.segment, zh: row.segmentZh },
			r: [row.rMin, row.rMax],
			f: [row.fMin, row.fMax],
			m: [row.mMin, row.mMax],
		})),
	},
	'cn-8': {
		bins: 2,
		rules: cn8Classes.map((row) => {
			const level = (good: boolean): [number, number] => (good ? [2, 2] : [1, 1]);
			return {
				name: { en: row.segment, zh: row.segmentZh },
				r: level(row.recency === 'recent'),
				f: level(row.frequency === 'high'),
				m: level(row.monetary === 'high'),
			};
		}),
	},
};
