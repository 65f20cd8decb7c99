import { describe, expect, it } from 'vitest';
import {
	bgnbdLogLikelihood,
	conditionalExpectedPurchases,
	expectedPurchases,
	fitBgNbd,
	probabilityAlive,
	probabilityNoPurchase,
	probabilityOfPurchases,
	type BgNbdParams,
} from '../../../src/analysis/bgnbd';

/** The published CDNOW estimates (Fader, Hardie & Lee 2005), weeks. */
const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The same estimates unrounded (scipy Nelder–Mead on the raw file, independent of this code). */
const unrounded: BgNbdParams = {
	r: 0.24259452581798016,
	alpha: 4.413602128462959,
	a: 0.7929219259396952,
	b: 2.425906451540189,
};
/** The published estimates with α in days, for histories in days. */
const daily: BgNbdParams = { ...published, alpha: 7 * published.alpha };

function expectRelative(actual: number, expected: number, tolerance: number) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('BG/NBD point checks (shared/data/README.md)', () => {
	it('conditionalExpectedPurchases(published, 39, 2, 30.43, 38.86) = 1.226', () => {
		const e = conditionalExpectedPurchases(published, 39, 2, 30.43, 38.86);
		expect(Math.abs(e - 1.226)).toBeLessThan(0.001);
		// mpmath at 30 digits, with the hypergeometric function in its original form.
		expectRelative(e, 1.2260281747671444, 1e-12);
	});

	it('probabilityAlive(published, 2, 30.43, 38.86) = 0.7266, and exactly 1 for x = 0', () => {
		const p = probabilityAlive(published, 2, 30.43, 38.86);
		expect(Math.abs(p - 0.7266)).toBeLessThan(0.001);
		expectRelative(p, 0.726578570080673, 1e-13);
		expect(probabilityAlive(published, 0, 0, 38.86)).toBe(1);
		expect(probabilityAlive(published, 0, 0, 0)).toBe(1);
	});

	// README values belong to the unrounded estimates: with the rounded ones E[X(78)] is 1.8605.
	it.each([
		{ t: 0.1429, value: 0.0078 },
		{ t: 1, value: 0.0532 },
		{ t: 3, value: 0.1506 },
		{ t: 31.8571, value: 1.0405 },
		{ t: 32, value: 1.0437 },
		{ t: 78, value: 1.8576 },
	])('expectedPurchases(unrounded, $t) = $value', ({ t, value }) => {
		expect(Math.abs(expectedPurchases(unrounded, t) - value)).toBeLessThan(0.001);
	});

	it('probabilityOfPurchases(published, 39, 0) = 0.5737864 and (…, 2, 10) = 1.07869e-07', () => {
		expect(Math.abs(probabilityOfPurchases(published, 39, 0) - 0.5737864)).toBeLessThan(1e-7);
		expectRelative(probabilityOfPurchases(published, 2, 10), 1.07869e-7, 1e-5);
	});
});

describe('BG/NBD predictions', () => {
	it('probabilityOfPurchases(p, t, n) sums to 1 over n, with mean expectedPurchases(p, t)', () => {
		for (const t of [2, 39, 100]) {
			let total = 0;
			let mean = 0;
			for (let n = 0; n < 800; n++) {
				const pn = probabilityOfPurchases(published, t, n);
				total += pn;
				mean += n * pn;
			}
			expect(Math.abs(total - 1)).toBeLessThan(1e-12);
			expectRelative(mean, expectedPurchases(published, t), 1e-10);
		}
	});

	it('probabilityNoPurchase(p, t, x, t_x, T) = 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^(r+x)', () => {
		// mpmath at 30 digits.
		expectRelative(
			probabilityNoPurchase(published, 39, 2, 30.43, 38.86),
			0.4453728620829956,
			1e-13,
		);
		expectRelative(probabilityNoPurchase(published, 39, 0, 0, 38.86), 0.8554494592166816, 1e-13);
		// A customer just acquired: the chance of no purchase in t is P(X(t) = 0).
		expectRelative(
			probabilityNoPurchase(published, 39, 0, 0, 0),
			probabilityOfPurchases(published, 39, 0),
			1e-14,
		);
	});

	it('conditionalExpectedPurchases is 0 over t = 0 and, for x = 0 and T = 0, expectedPurchases', () => {
		expect(conditionalExpectedPurchases(published, 0, 3, 10, 20)).toBe(0);
		expectRelative(
			conditionalExpectedPurchases(published, 26, 0, 0, 0),
			expectedPurchases(published, 26),
			1e-14,
		);
	});

	// mpmath at 40 digits of the textbook formulas; α in days, histories of x in the hundreds and T
	// in the thousands of days, where ₂F₁(r + x, b + x; a + b + x − 1; z) itself overflows a double.
	it.each([
		{ x: 300, tx: 2900, T: 3000, loglik: -996.5390513362147, expected: 0.5454876195016259 },
		{ x: 800, tx: 2999, T: 3000, loglik: -1873.4649052057864, expected: 91.96580171867144 },
		{
			x: 500,
			tx: 1000,
			T: 3000,
			loglik: -875.3481282300562,
			expected: 1.8598748957942655e-230,
		},
	])(
		'bgnbdLogLikelihood and conditionalExpectedPurchases(…, 365, $x, $tx, $T) stay finite and exact',
		({ x, tx, T, loglik, expected }) => {
			expectRelative(bgnbdLogLikelihood(daily, x, tx, T), loglik, 1e-12);
			expectRelative(conditionalExpectedPurchases(daily, 365, x, tx, T), expected, 1e-10);
		},
	);

	it('bgnbdLogLikelihood(published, 2, 30.43, 38.86) and (daily, 0, 0, 4000) match mpmath', () => {
		expectRelative(bgnbdLogLikelihood(published, 2, 30.43, 38.86), -9.45860630706627, 1e-13);
		expectRelative(bgnbdLogLikelihood(daily, 0, 0, 4000), -1.1836658794889996, 1e-13);
		expectRelative(
			conditionalExpectedPurchases(daily, 3650, 0, 0, 4000),
			0.19593128116469472,
			1e-12,
		);
	});

	it.each([
		{ a: 1, value: 0.41439337481557625 },
		{ a: 1 + 1e-4, value: 0.4143854513283362 },
		{ a: 1 + 2e-3, value: 0.414235036463726 },
	])('expectedPurchases({a: $a}, 10) is continuous through a = 1: $value', ({ a, value }) => {
		expectRelative(expectedPurchases({ ...published, a }, 10), value, 1e-10);
	});
});

// Seeded simulation of the BG/NBD story in continuous time (weeks).
function mulberry32(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function simulate(p: BgNbdParams, n: number, seed: number) {
	const rand = mulberry32(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
	// Marsaglia & Tsang, with the boost for shapes below 1.
	const gamma = (shape: number): number => {
		if (shape < 1) return gamma(shape + 1) * Math.pow(rand(), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let z: number;
			let v: number;
			do {
				z = normal();
				v = 1 + c * z;
			} while (v <= 0);
			v = v * v * v;
			if (Math.log(rand()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
		}
	};
	const x = new Float64Array(n);
	const tx = new Float64Array(n);
	const T = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const lambda = gamma(p.r) / p.alpha;
		const g = gamma(p.a);
		const dropout = g / (g + gamma(p.b));
		T[i] = 13 + 39 * rand();
		for (let t = 0; ;) {
			t += -Math.log(1 - rand()) / lambda;
			if (t > T[i]) break;
			x[i]++;
			tx[i] = t;
			if (rand() < dropout) break;
		}
	}
	return { x, tx, T };
}

describe('fitBgNbd', () => {
	const truth: BgNbdParams = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
	const data = simulate(truth, 6000, 7);
	const fit = fitBgNbd(data);

	it('fitBgNbd(simulated 6000 customers) recovers the parameters within 3 standard errors', () => {
		expect(fit.converged).toBe(true);
		expect(fit.customers).toBe(6000);
		for (const k of ['r', 'alpha', 'a', 'b'] as const) {
			expect(fit.se[k]).toBeGreaterThan(0);
			expect(Math.abs(fit[k] - truth[k])).toBeLessThan(3 * fit.se[k]);
		}
	});

	it('fitBgNbd(data).loglik is the sum of bgnbdLogLikelihood over customers, and a maximum', () => {
		let sum = 0;
		for (let i = 0; i < data.x.length; i++)
			sum += bgnbdLogLikelihood(fit, data.x[i], data.tx[i], data.T[i]);
		expectRelative(fit.loglik, sum, 1e-12);
		for (const k of ['r', 'alpha', 'a', 'b'] as const) {
			for (const f of [0.99, 1.01]) {
				const moved = { ...fit, [k]: fit[k] * f };
				let other = 0;
				for (let i = 0; i < data.x.length; i++)
					other += bgnbdLogLikelihood(moved, data.x[i], data.tx[i], data.T[i]);
				expect(other).toBeLessThan(fit.loglik);
			}
		}
	});

	it('fitBgNbd groups identical histories, skips NaN customers and reports progress up to 1', () => {
		const fractions: number[] = [];
		const small = fitBgNbd(
			{
				x: [0, 0, 1, 1, 2, NaN, 0, 3],
				tx: [0, 0, 5, 5, 7, NaN, 0, 10],
				T: [10, 10, 12, 12, 12, NaN, 3, 11],
			},
			(f) => fractions.push(f),
		);
		expect([small.customers, small.histories]).toEqual([7, 5]);
		expect(fractions.at(-1)).toBe(1);
		expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
	});

	it('fitBgNbd without any repeat purchase fails with too_few_customers', () => {
		expect(() => fitBgNbd({ x: [0, 0], tx: [0, 0], T: [5, 9] })).toThrow(/^\[too_few_customers\]/);
	});

	it('fitBgNbd rejects an impossible history (t_x > T) as a bug', () => {
		expect(() => fitBgNbd({ x: [1], tx: [6], T: [5] })).toThrow(/invalid history/);
	});
});
