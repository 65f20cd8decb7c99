import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareTable, readTable } from '../../../src/analysis/analyze';
import { summariseClv } from '../../../src/analysis/clv';
import { dayFromCivil } from '../../../src/analysis/dates';
import {
	expectedAverageSpend,
	fitGammaGamma,
	gammaGammaLogLikelihood,
	SPEND_FREQUENCY_CORRELATION_LIMIT,
	type GammaGammaParams,
} from '../../../src/analysis/gamma-gamma';
import { defaultSettings } from '../../../src/analysis/settings';

const published: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

function expectRelative(actual: number, expected: number, tolerance: number) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** CDNOW's calibration histories (weeks, to 1997-09-30) from the raw file, every row kept. */
function cdnowSummary() {
	const path = join(import.meta.dirname, '..', '..', '..', 'static', 'samples', 'CDNOW_sample.txt');
	const settings = defaultSettings();
	settings.mapping = { customer_id: 'column_2', date: 'column_3', amount: 'column_5' };
	settings.cleaning = { ...settings.cleaning, cancellations: 'keep', dropDuplicates: false };
	const data = prepareTable(
		readTable(readFileSync(path), 'CDNOW_sample.txt', settings.read),
		settings,
	);
	return summariseClv(data.transactions, {
		unit: 'week',
		calibrationEnd: dayFromCivil(1997, 9, 30),
	});
}

describe('gammaGammaLogLikelihood', () => {
	it('gammaGammaLogLikelihood(published, 2, 22.345) matches mpmath', () => {
		expectRelative(gammaGammaLogLikelihood(published, 2, 22.345), -3.551189164139951, 1e-13);
	});
});

describe('expectedAverageSpend', () => {
	it.each([
		{ x: 0, m: NaN, value: 35.21897810218978 },
		{ x: 2, m: 22.345, value: 24.659612860892388 },
		{ x: 2, m: 0, value: 6.332020997375328 },
		{ x: 2, m: -4, value: 6.332020997375328 },
	])('expectedAverageSpend(published, $x, $m) = $value', ({ x, m, value }) => {
		expectRelative(expectedAverageSpend(published, x, m), value, 1e-14);
	});

	it('expectedAverageSpend is NaN for one-time buyers when q ≤ 1 (infinite mean)', () => {
		expect(expectedAverageSpend({ p: 2, q: 0.9, v: 10 }, 0, NaN)).toBeNaN();
		expect(expectedAverageSpend({ p: 2, q: 0.9, v: 10 }, 1, 5)).toBeCloseTo(
			((10 + 5) * 2) / 1.9,
			12,
		);
	});
});

describe('fitGammaGamma', () => {
	const summary = cdnowSummary();
	const fit = fitGammaGamma(summary);

	it('fitGammaGamma(CDNOW) gives p = 6.25, q = 3.74, γ = 15.44 on 946 customers', () => {
		expect(fit.n).toBe(946);
		expectRelative(fit.p, 6.25, 0.01);
		expectRelative(fit.q, 3.74, 0.01);
		expectRelative(fit.v, 15.44, 0.01);
		expect(fit.converged).toBe(true);
		// lifetimes' GammaGammaFitter summary on the same data: se 1.189687, 0.290166, 4.159994.
		expectRelative(fit.se.p, 1.189687, 0.01);
		expectRelative(fit.se.q, 0.290166, 0.01);
		expectRelative(fit.se.v, 4.159994, 0.01);
		// Fader & Hardie's CDNOW note: a weak correlation of 0.11, below the warning threshold.
		expect(fit.spendFrequencyCorrelation).toBeCloseTo(0.1139, 4);
		expect(fit.warnings).toEqual([]);
	});

	it('fitGammaGamma leaves repeat buyers whose repeat purchases are worth ≤ 0 out, with a warning', () => {
		const x = Float64Array.from([...summary.x, 1, 3, 0]);
		const m = Float64Array.from([...summary.m, 0, -2.5, NaN]);
		const withZeros = fitGammaGamma({ x, m });
		expect([withZeros.n, withZeros.p, withZeros.q, withZeros.v]).toEqual([
			fit.n,
			fit.p,
			fit.q,
			fit.v,
		]);
		expect(withZeros.warnings.map((w) => w.code)).toEqual(['zero_spend_left_out']);
		expect(withZeros.warnings[0].en).toMatch(/^2 of 948 repeat customers/);
	});

	it(`fitGammaGamma warns when |ρ(x, m)| > ${SPEND_FREQUENCY_CORRELATION_LIMIT}`, () => {
		const x: number[] = [];
		const m: number[] = [];
		for (let i = 0; i < 200; i++) {
			x.push(1 + (i % 10));
			m.push(10 + 3 * (i % 10) + ((i * 7) % 5));
		}
		const fit = fitGammaGamma({ x, m });
		expect(fit.spendFrequencyCorrelation).toBeGreaterThan(0.9);
		expect(fit.warnings.map((w) => w.code)).toEqual(['spend_frequency_correlation']);
	});

	it('fitGammaGamma(…).spendFrequencyCorrelation is Pearson’s ρ of the fitted customers', () => {
		const fit = fitGammaGamma({ x: [1, 2, 3, 4, 0], m: [10, 20, 30, 41, NaN] });
		expectRelative(fit.spendFrequencyCorrelation, 0.999717341116509, 1e-12);
	});

	it('fitGammaGamma without a repeat buyer of positive spend fails with too_few_customers', () => {
		expect(() => fitGammaGamma({ x: [0, 2], m: [NaN, 0] })).toThrow(/^\[too_few_customers\]/);
	});
});
