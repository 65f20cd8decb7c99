import { describe, it, expect } from 'vitest';
import {
	rfmCell,
	scoreRfm,
	type ScoreOptions,
	type ScoringMethod,
} from '../../../src/analysis/rfm';

const u8 = (...values: number[]) => Uint8Array.from(values);
const ids = (count: number) =>
	Array.from({ length: count }, (_, i) => `c${String(i).padStart(2, '0')}`);

function customers(recency: number[], frequency: number[], monetary: number[], names?: string[]) {
	return { ids: names ?? ids(recency.length), recency, frequency, monetary };
}

function thrown(fn: () => unknown): Error & { code?: string; text?: { en: string; zh: string } } {
	try {
		fn();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
}

// Ten customers: a heavy tie at the worst frequency (five one-time buyers), ties in recency, and
// distinct monetary values in shuffled order so the index mapping is exercised.
const ten = customers(
	[1, 3, 3, 10, 20, 20, 20, 45, 60, 90],
	[1, 1, 1, 1, 1, 2, 2, 3, 5, 8],
	[50, 10, 100, 30, 70, 20, 90, 40, 80, 60],
);

describe('scoreRfm rank', () => {
	it("scoreRfm(x, {method: 'rank'}) scores 1 + floor(n × strictly-worse / N) and reports the cuts", () => {
		// Recency (lower is better), worse = customers with a larger value, N = 10, n = 5:
		//   1 → 9 → 5;  3 → 7 → 4;  10 → 6 → 4;  20 → 3 → 2;  45 → 2 → 2;  60 → 1 → 1;  90 → 0 → 1.
		// Frequency: 1 → 0 → 1;  2 → 5 → 1 + floor(25/10) = 3;  3 → 7 → 4;  5 → 8 → 5;  8 → 9 → 5.
		// Monetary (distinct): value rank k (0-based) → 1 + floor(5k/10).
		expect(scoreRfm(ten, { method: 'rank', bins: 5 })).toEqual({
			bins: 5,
			r: u8(5, 4, 4, 4, 2, 2, 2, 2, 1, 1),
			f: u8(1, 1, 1, 1, 1, 3, 3, 4, 5, 5),
			m: u8(3, 1, 5, 2, 4, 1, 5, 2, 4, 3),
			cuts: {
				recency: {
					metric: 'recency',
					method: 'rank',
					thresholds: [3, 20, 60],
					ranges: [
						{ score: 1, min: 60, max: 90, count: 2 },
						{ score: 2, min: 20, max: 45, count: 4 },
						{ score: 3, min: null, max: null, count: 0 },
						{ score: 4, min: 3, max: 10, count: 3 },
						{ score: 5, min: 1, max: 1, count: 1 },
					],
				},
				frequency: {
					metric: 'frequency',
					method: 'rank',
					thresholds: [2, 3, 5],
					ranges: [
						{ score: 1, min: 1, max: 1, count: 5 },
						{ score: 2, min: null, max: null, count: 0 },
						{ score: 3, min: 2, max: 2, count: 2 },
						{ score: 4, min: 3, max: 3, count: 1 },
						{ score: 5, min: 5, max: 8, count: 2 },
					],
				},
				monetary: {
					metric: 'monetary',
					method: 'rank',
					thresholds: [30, 50, 70, 90],
					ranges: [
						{ score: 1, min: 10, max: 20, count: 2 },
						{ score: 2, min: 30, max: 40, count: 2 },
						{ score: 3, min: 50, max: 60, count: 2 },
						{ score: 4, min: 70, max: 80, count: 2 },
						{ score: 5, min: 90, max: 100, count: 2 },
					],
				},
			},
			warnings: [
				expect.objectContaining({ code: 'empty_score' }),
				expect.objectContaining({ code: 'empty_score' }),
			],
		});
	});

	it("scoreRfm(x, {method: 'rank'}) defaults to 5 bins", () => {
		expect(scoreRfm(ten, { method: 'rank' }).bins).toBe(5);
	});

	it("scoreRfm(x, {method: 'rank'}) gives tied values the same score", () => {
		const { f, r } = scoreRfm(customers([7, 7, 7, 1], [2, 2, 2, 9], [1, 2, 3, 4]), {
			method: 'rank',
		});
		expect([...f]).toEqual([1, 1, 1, 4]);
		expect([...r]).toEqual([1, 1, 1, 4]);
	});

	it.each([
		[
			'a heavy tie at the worst value',
			[1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
			[1, 1, 1, 1, 1, 1, 1, 1, 5, 5],
		],
		['all customers identical', [4, 4, 4, 4], [1, 1, 1, 1]],
		['a single customer', [12], [1]],
		['a heavy tie at the best value', [1, 2, 9, 9, 9, 9], [1, 1, 2, 2, 2, 2]],
	])("scoreRfm(x, {method: 'rank'}) handles %s", (_, frequency, expected) => {
		const count = frequency.length;
		const zeros = new Array<number>(count).fill(0);
		expect([...scoreRfm(customers(zeros, frequency, zeros), { method: 'rank' }).f]).toEqual(
			expected,
		);
	});

	it("scoreRfm(x, {method: 'rank'}) gives a single customer 111 and warns of the empty scores", () => {
		const result = scoreRfm(customers([3], [1], [20]), { method: 'rank' });
		expect(rfmCell(result.r[0], result.f[0], result.m[0])).toBe('111');
		expect(result.cuts.recency.thresholds).toEqual([]);
		expect(result.warnings.map((w) => w.code)).toEqual([
			'empty_score',
			'empty_score',
			'empty_score',
		]);
	});

	it("scoreRfm(x, {method: 'rank'}) matches the rank_min formula on seeded random values", () => {
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const pools: Record<string, () => number> = {
			'small integers': () => Math.floor(random() * 20),
			'wide integers': () => Math.floor(random() * 1e9) - 5e8,
			'signed fractions with zeros': () =>
				random() < 0.2 ? (random() < 0.5 ? -0 : 0) : random() * 200 - 100,
			'values differing only in the low bits': () => 1 + Math.floor(random() * 8) * 2 ** -40,
			'huge and tiny magnitudes': () => (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20),
		};
		for (const [label, draw] of Object.entries(pools)) {
			const count = 257;
			const values = Array.from({ length: count }, draw);
			for (const n of [2, 5, 9]) {
				const result = scoreRfm(customers(values, values, values), { method: 'rank', bins: n });
				const naive = (better: (a: number, b: number) => boolean) =>
					values.map((v) => {
						const worse = values.filter((w) => better(v, w)).length;
						return 1 + Math.floor((n * worse) / count);
					});
				expect([...result.f], label).toEqual(naive((v, w) => w < v));
				expect([...result.r], label).toEqual(naive((v, w) => w > v));
			}
		}
	});
});

describe('scoreRfm quantile-r', () => {
	it("scoreRfm(x, {method: 'quantile-r'}) reproduces the R rfm 0.3.0 breaks and bins", () => {
		// N = 6, n = 5: p = k × (1/5), index = 1 + 5p = 2, 3, 4, 5 (whole numbers, no interpolation),
		// so the breaks are the 2nd … 5th smallest values plus 1.
		// Recency sorted 2 5 12 40 40 90 → breaks 6 13 41 41; bins [2,6) [6,13) [13,41) [41,41) [41,91)
		//   → 2, 5 in bin 1 (R 5); 12 in bin 2 (R 4); 40 in bin 3 (R 3); bin 4 empty; 90 in bin 5 (R 1).
		// Frequency sorted 1 1 1 2 3 7 → breaks 2 2 3 4: 1 → 1; 2 → 3 (bin [2,2) is empty); 3 → 4; 7 → 5.
		// Monetary sorted 60 80 100 250.5 400 1000 → breaks 81 101 251.5 401.
		const input = customers(
			[5, 40, 12, 40, 90, 2],
			[1, 1, 2, 1, 7, 3],
			[100, 250.5, 80, 400, 1000, 60],
		);
		expect(scoreRfm(input, { method: 'quantile-r', bins: 5 })).toEqual({
			bins: 5,
			r: u8(5, 3, 4, 3, 1, 5),
			f: u8(1, 1, 3, 1, 5, 4),
			m: u8(2, 3, 1, 4, 5, 1),
			cuts: {
				recency: {
					metric: 'recency',
					method: 'quantile-r',
					thresholds: [6, 13, 41, 41],
					ranges: [
						{ score: 1, min: 90, max: 90, count: 1 },
						{ score: 2, min: null, max: null, count: 0 },
						{ score: 3, min: 40, max: 40, count: 2 },
						{ score: 4, min: 12, max: 12, count: 1 },
						{ score: 5, min: 2, max: 5, count: 2 },
					],
				},
				frequency: {
					metric: 'frequency',
					method: 'quantile-r',
					thresholds: [2, 2, 3, 4],
					ranges: [
						{ score: 1, min: 1, max: 1, count: 3 },
						{ score: 2, min: null, max: null, count: 0 },
						{ score: 3, min: 2, max: 2, count: 1 },
						{ score: 4, min: 3, max: 3, count: 1 },
						{ score: 5, min: 7, max: 7, count: 1 },
					],
				},
				monetary: {
					metric: 'monetary',
					method: 'quantile-r',
					thresholds: [81, 101, 251.5, 401],
					ranges: [
						{ score: 1, min: 60, max: 80, count: 2 },
						{ score: 2, min: 100, max: 100, count: 1 },
						{ score: 3, min: 250.5, max: 250.5, count: 1 },
						{ score: 4, min: 400, max: 400, count: 1 },
						{ score: 5, min: 1000, max: 1000, count: 1 },
					],
				},
			},
			warnings: [
				expect.objectContaining({ code: 'empty_score' }),
				expect.objectContaining({ code: 'empty_score' }),
			],
		});
	});

	it("scoreRfm(x, {method: 'quantile-r'}) interpolates between neighbours like R's type 7", () => {
		// N = 4, n = 2: p = 0.5, index = 1 + 3 × 0.5 = 2.5 → h = 0.5 between 10 and 20 → 15, break 16.
		const { f, cuts } = scoreRfm(customers([1, 1, 1, 1], [20, 10, 5, 40], [1, 1, 1, 1]), {
			method: 'quantile-r',
			bins: 2,
		});
		expect(cuts.frequency.thresholds).toEqual([16]);
		expect([...f]).toEqual([2, 1, 1, 2]);
	});

	it("scoreRfm(x, {method: 'quantile-r'}) keeps R's floating-point probabilities (3 × 0.2 ≠ 0.6)", () => {
		// R's seq(0, 1, length.out = 6) gives 3 × 0.2 = 0.6000000000000001, so with N = 11 the 60 %
		// index is 1 + 10p = 7.000000000000001, not 7: h = 8.9e-16 pulls the quantile a hair above
		// x[7] = 2 toward x[8] = 3, the break is 3.000000000000001 and frequency 3 stays in bin 3.
		const frequency = [1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6];
		const ones = frequency.map(() => 1);
		const { f, cuts } = scoreRfm(customers(ones, frequency, ones), { method: 'quantile-r' });
		expect(cuts.frequency.thresholds).toEqual([2, 2, 3.000000000000001, 4]);
		expect([...f]).toEqual([1, 1, 1, 1, 1, 3, 3, 3, 3, 5, 5]);
	});

	it("scoreRfm(x, {method: 'quantile-r'}) puts identical values in the lowest bin (recency 5, F and M 1)", () => {
		const result = scoreRfm(customers([9, 9, 9], [2, 2, 2], [5, 5, 5]), { method: 'quantile-r' });
		expect([...result.r, ...result.f, ...result.m]).toEqual([5, 5, 5, 1, 1, 1, 1, 1, 1]);
		expect(result.cuts.recency.thresholds).toEqual([10, 10, 10, 10]);
	});
});

describe('scoreRfm ntile', () => {
	it("scoreRfm(x, {method: 'ntile'}) makes SQL NTILE groups, ties broken by customer id", () => {
		// N = 7, n = 3 → group sizes 3, 2, 2. Sorted worst first, then by id:
		// F: a1 a2 a3 | c2 b1 | b2 c1 (F = 1 1 1 | 1 2 | 2 5) → F = 1 and F = 2 ties are split.
		// R (descending): a3 b1 b2 | a1 c2 | a2 c1 (R = 60 30 30 | 10 10 | 5 5) → no tie split.
		const input = customers(
			[10, 10, 30, 5, 5, 30, 60],
			[1, 1, 2, 1, 5, 2, 1],
			[7, 6, 5, 4, 3, 2, 1],
			['c2', 'a1', 'b1', 'a2', 'c1', 'b2', 'a3'],
		);
		const result = scoreRfm(input, { method: 'ntile', bins: 3 });
		expect({ r: result.r, f: result.f, m: result.m }).toEqual({
			r: u8(2, 2, 1, 3, 3, 1, 1),
			f: u8(2, 1, 2, 1, 3, 3, 1),
			m: u8(3, 3, 2, 2, 1, 1, 1),
		});
		expect(result.cuts.frequency).toEqual({
			metric: 'frequency',
			method: 'ntile',
			thresholds: [1, 2],
			ranges: [
				{ score: 1, min: 1, max: 1, count: 3 },
				{ score: 2, min: 1, max: 2, count: 2 },
				{ score: 3, min: 2, max: 5, count: 2 },
			],
		});
		expect(result.cuts.recency.thresholds).toEqual([10, 30]);
		expect(result.warnings).toEqual([
			{
				code: 'ntile_ties_split',
				en: expect.stringContaining('Frequency (F)'),
				zh: expect.stringContaining('消费频率（F）'),
			},
		]);
	});

	it("scoreRfm(x, {method: 'ntile'}) orders ids by code unit, not by locale or number", () => {
		// Code-unit order: '10' < '9' < 'B' < 'a'.
		const result = scoreRfm(
			customers([0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0], ['a', 'B', '9', '10']),
			{
				method: 'ntile',
				bins: 2,
			},
		);
		expect([...result.f]).toEqual([2, 2, 1, 1]);
		expect([...result.r]).toEqual([2, 2, 1, 1]);
	});

	it.each([
		[10, 3, [1, 1, 1, 1, 2, 2, 2, 3, 3, 3]],
		[11, 3, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]],
		[7, 5, [1, 1, 2, 2, 3, 4, 5]],
		[2, 5, [1, 2]],
	])(
		"scoreRfm(x, {method: 'ntile'}) gives the first groups the extra rows (N = %i, n = %i)",
		(count, n, expected) => {
			const values = Array.from({ length: count }, (_, i) => i);
			expect([
				...scoreRfm(customers(values, values, values), { method: 'ntile', bins: n }).m,
			]).toEqual(expected);
		},
	);
});

describe('scoreRfm fixed and mean-split', () => {
	const fixed: ScoreOptions['fixed'] = {
		recency: [30, 90, 180, 365],
		frequency: [2, 3, 5, 8],
		monetary: [100, 500, 1000, 5000],
	};

	it("scoreRfm(x, {method: 'fixed'}) bins values into [lower, upper) between the cut points", () => {
		const input = customers([29, 30, 365, 400], [1, 2, 8, 7], [99.99, 100, 5000, 4999.99]);
		const result = scoreRfm(input, { method: 'fixed', bins: 5, fixed });
		expect({ r: result.r, f: result.f, m: result.m }).toEqual({
			r: u8(5, 4, 1, 1),
			f: u8(1, 2, 5, 4),
			m: u8(1, 2, 5, 4),
		});
		expect(result.cuts.monetary.thresholds).toEqual([100, 500, 1000, 5000]);
		expect(result.warnings.map((w) => w.code)).toEqual([
			'empty_score',
			'empty_score',
			'empty_score',
		]);
		expect(result.warnings[0].en).toContain('cut points');
	});

	it.each([
		['a missing metric', { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4] }],
		['too few cut points', { ...fixed, frequency: [2, 3, 5] }],
		['descending cut points', { ...fixed, monetary: [100, 50, 1000, 5000] }],
		['repeated cut points', { ...fixed, recency: [30, 30, 180, 365] }],
		['a non-finite cut point', { ...fixed, recency: [30, 90, 180, Infinity] }],
	])("scoreRfm(x, {method: 'fixed'}) rejects %s", (_, cuts) => {
		const error = thrown(() =>
			scoreRfm(ten, { method: 'fixed', bins: 5, fixed: cuts as ScoreOptions['fixed'] }),
		);
		expect(error).toMatchObject({ name: 'UserError', code: 'bad_option' });
		expect(error.text?.zh).toMatch(/分段阈值/);
	});

	it("scoreRfm(x, {method: 'mean-split'}) scores 2 above the mean (recency: below), always 2 bins", () => {
		// Means: recency 25, frequency 2, monetary 2 (a value equal to the mean is not above it).
		const result = scoreRfm(customers([10, 20, 30, 40], [1, 1, 1, 5], [1, 2, 3, 2]), {
			method: 'mean-split',
			bins: 5,
		});
		expect(result).toEqual({
			bins: 2,
			r: u8(2, 2, 1, 1),
			f: u8(1, 1, 1, 2),
			m: u8(1, 1, 2, 1),
			cuts: {
				recency: {
					metric: 'recency',
					method: 'mean-split',
					thresholds: [25],
					ranges: [
						{ score: 1, min: 30, max: 40, count: 2 },
						{ score: 2, min: 10, max: 20, count: 2 },
					],
				},
				frequency: {
					metric: 'frequency',
					method: 'mean-split',
					thresholds: [2],
					ranges: [
						{ score: 1, min: 1, max: 1, count: 3 },
						{ score: 2, min: 5, max: 5, count: 1 },
					],
				},
				monetary: {
					metric: 'monetary',
					method: 'mean-split',
					thresholds: [2],
					ranges: [
						{ score: 1, min: 1, max: 2, count: 3 },
						{ score: 2, min: 3, max: 3, count: 1 },
					],
				},
			},
			warnings: [],
		});
	});
});

describe('scoreRfm edge cases', () => {
	const methods: ScoringMethod[] = ['rank', 'quantile-r', 'ntile', 'fixed', 'mean-split'];
	const fixed = { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] };

	it.each(methods)("scoreRfm(no customers, {method: '%s'}) returns empty arrays", (method) => {
		const bins = method === 'mean-split' ? 2 : 5;
		const empty = { metric: 'recency', method, thresholds: method === 'fixed' ? [1, 2, 3, 4] : [] };
		const ranges = Array.from({ length: bins }, (_, i) => ({
			score: i + 1,
			min: null,
			max: null,
			count: 0,
		}));
		const result = scoreRfm(customers([], [], []), { method, fixed });
		expect(result).toEqual({
			bins,
			r: u8(),
			f: u8(),
			m: u8(),
			cuts: {
				recency: { ...empty, ranges },
				frequency: { ...empty, metric: 'frequency', ranges },
				monetary: { ...empty, metric: 'monetary', ranges },
			},
			warnings: [],
		});
	});

	it.each([
		['rank', [1, 1, 1, 1], []],
		['quantile-r', [1, 1, 1, 1], []],
		['ntile', [1, 2, 3, 4], ['ntile_ties_split']],
		['mean-split', [1, 1, 1, 1], []],
	] as const)(
		"scoreRfm(identical customers, {method: '%s'}) scores F %j",
		(method, expected, extra) => {
			const result = scoreRfm(customers([5, 5, 5, 5], [3, 3, 3, 3], [8, 8, 8, 8]), {
				method,
				bins: 4,
			});
			expect([...result.f]).toEqual(expected);
			expect(new Set(result.warnings.map((w) => w.code))).toEqual(
				new Set(method === 'ntile' ? extra : ['empty_score']),
			);
		},
	);

	it("scoreRfm(x, {method: 'rank'}) names the metric and the empty scores in both languages", () => {
		const result = scoreRfm(customers([1, 2], [1, 1], [1, 2]), { method: 'rank', bins: 3 });
		expect(result.warnings).toEqual([
			{
				code: 'empty_score',
				en: expect.stringMatching(/^Recency \(R\): no customer has score 3\b/),
				zh: expect.stringMatching(/^最近一次消费（R）：没有客户得到 3 分/),
			},
			{
				code: 'empty_score',
				en: expect.stringMatching(/^Frequency \(F\): no customer has scores 2, 3\b/),
				zh: expect.stringMatching(/^消费频率（F）：没有客户得到 2, 3 分/),
			},
			{
				code: 'empty_score',
				en: expect.stringMatching(/^Monetary \(M\): no customer has score 3\b/),
				zh: expect.stringMatching(/^消费金额（M）：/),
			},
		]);
	});

	it.each([1, 10, 4.5, Number.NaN])('scoreRfm(x, {bins: %d}) rejects bins outside 2…9', (bins) => {
		expect(() => scoreRfm(ten, { method: 'rank', bins })).toThrowError(/^\[bad_option\]/);
	});

	it('scoreRfm(x, {method: unknown}) rejects the method', () => {
		const method = 'median' as ScoringMethod;
		expect(() => scoreRfm(ten, { method })).toThrowError(/^\[bad_option\]/);
	});

	it('scoreRfm(x) rejects non-finite values and mismatched lengths as bugs', () => {
		expect(() =>
			scoreRfm(customers([1, Number.NaN], [1, 1], [1, 1]), { method: 'rank' }),
		).toThrowError('recency of customer 1 is NaN');
		expect(() => scoreRfm({ ...ten, frequency: [1] }, { method: 'rank' })).toThrowError(
			'frequency has 1 values for 10 customers',
		);
	});

	it('rfmCell(r, f, m) joins the three digits', () => {
		expect(rfmCell(5, 4, 5)).toBe('545');
	});
});
