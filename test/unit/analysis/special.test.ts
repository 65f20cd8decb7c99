import { describe, expect, it } from 'vitest';
import { gammaSign, hyp2f1, lnBeta, lnGamma } from '../../../src/analysis/special';

/** |actual − expected| ≤ tolerance × max(1, |expected|). */
function expectClose(actual: number, expected: number, tolerance: number) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
		tolerance * Math.max(1, Math.abs(expected)),
	);
}

/** |actual − expected| ≤ tolerance × |expected|. */
function expectRelative(actual: number, expected: number, tolerance: number) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('lnGamma', () => {
	// Reference values: mpmath.log(abs(mpmath.gamma(x))) at 40 digits.
	it.each([
		{ x: 0.001, value: 6.907178885383853 },
		{ x: 0.243, value: 1.3180435846996699 },
		{ x: 0.5, value: 0.5723649429247001 },
		{ x: 1, value: 0 },
		{ x: 2, value: 0 },
		{ x: 3.7, value: 1.428072326665388 },
		{ x: 10.2, value: 13.25426674423555 },
		{ x: 100.5, value: 361.4355404677776 },
		{ x: 171.5, value: 709.1431630309282 },
		{ x: 10000, value: 82099.71749644238 },
		{ x: -0.5, value: 1.2655121234846454 },
		{ x: -2.3, value: 0.36956666345500805 },
	])('lnGamma($x) = $value', ({ x, value }) => {
		expectClose(lnGamma(x), value, 1e-14);
	});

	it('lnGamma(n + 1) = ln n! for n = 0 … 20', () => {
		let factorial = 1;
		for (let n = 0; n <= 20; n++) {
			if (n > 0) factorial *= n;
			expectClose(lnGamma(n + 1), Math.log(factorial), 1e-14);
		}
	});

	it('lnGamma(x) is +Infinity at the poles 0, −1, −2', () => {
		expect([lnGamma(0), lnGamma(-1), lnGamma(-2)]).toEqual([Infinity, Infinity, Infinity]);
	});
});

describe('gammaSign', () => {
	it.each([
		{ x: 2.5, sign: 1 },
		{ x: -0.5, sign: -1 },
		{ x: -1.5, sign: 1 },
		{ x: -2.5, sign: -1 },
		{ x: 0, sign: 0 },
		{ x: -3, sign: 0 },
	])('gammaSign($x) = $sign', ({ x, sign }) => {
		expect(gammaSign(x)).toBe(sign);
	});
});

describe('lnBeta', () => {
	it.each([
		{ a: 2, b: 3, value: Math.log(1 / 12) },
		{ a: 0.5, b: 0.5, value: Math.log(Math.PI) },
		{ a: 1, b: 7, value: Math.log(1 / 7) },
	])('lnBeta($a, $b) = $value', ({ a, b, value }) => {
		expectClose(lnBeta(a, b), value, 1e-14);
	});
});

describe('hyp2f1', () => {
	it.each([{ z: 0.5 }, { z: 0.95 }, { z: 0.999999 }, { z: -5 }, { z: -1e6 }])(
		'hyp2f1(1, 1, 2, $z) = −ln(1 − z)/z',
		({ z }) => {
			expectRelative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-12);
		},
	);

	it.each([
		{ a: 0.3, b: 2.5, z: 0.4 },
		{ a: 1.7, b: 0.8, z: 0.97 },
		{ a: -2.2, b: 5, z: -3 },
	])('hyp2f1($a, $b, $b, $z) = (1 − z)^(−a)', ({ a, b, z }) => {
		expectRelative(hyp2f1(a, b, b, z), Math.pow(1 - z, -a), 1e-13);
	});

	it.each([{ s: 0.3 }, { s: 0.9 }, { s: 0.9999 }])(
		'hyp2f1(½, ½, 3/2, s²) = arcsin(s)/s at s = $s',
		({ s }) => {
			expectRelative(hyp2f1(0.5, 0.5, 1.5, s * s), Math.asin(s) / s, 1e-13);
		},
	);

	// Reference values: mpmath.hyp2f1 at 40 digits. They cover the series (direct and Euler forms),
	// the Pfaff transformation for z < 0, the connection formula near z = 1, a terminating series, a
	// negative c, c − a − b within 1e-7 of an integer, and BG/NBD-sized parameters.
	it.each([
		{ a: 1.5, b: 2.5, c: 0.5, z: 0.97, value: 1043507.153201987 },
		{ a: 300.24, b: 302.4, c: 601.2, z: 0.3, value: 2.2816874937432746e22 },
		{ a: 2.2, b: -0.207, c: 602.2, z: 0.95, value: 0.9992801428997171 },
		{ a: 0.7, b: 1.7, c: 2.4, z: 0.95, value: 3.1931131365752266 },
		{ a: 0.3, b: -0.4, c: 2.2, z: 0.95, value: 0.9390890478754562 },
		{ a: 2, b: 3, c: 4, z: -50, value: 0.0010348017813939382 },
		{ a: 0.2, b: 0.3, c: -0.5, z: 0.4, value: 0.8989248899738648 },
		{ a: -3, b: 2, c: 1.5, z: 0.99, value: -0.029781028571428572 },
		{ a: 1.97, b: -0.207, c: 2.22, z: 0.999, value: 0.5008850713801818 },
		{ a: 0.5, b: 0.5, c: 2.0000001, z: 0.99, value: 1.2591402197302008 },
		{ a: 1, b: 1, c: 3, z: 0.999999, value: 1.9999743689256213 },
	])('hyp2f1($a, $b, $c, $z) = $value', ({ a, b, c, z, value }) => {
		expectRelative(hyp2f1(a, b, c, z), value, 1e-12);
	});

	it('hyp2f1(a, b, c, 1) is Gauss’s Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) when c − a − b > 0', () => {
		expectRelative(hyp2f1(1.5, 0.27, 2.22, 1), 1.765323443089891, 1e-13);
	});

	it('hyp2f1 is 1 at z = 0 or with a zero numerator parameter', () => {
		expect([hyp2f1(2, 3, 4, 0), hyp2f1(0, 3, 4, 0.9), hyp2f1(2, 0, 4, -7)]).toEqual([1, 1, 1]);
	});

	it('hyp2f1 rejects a pole c = 0, −1, … and z > 1 or a divergent z = 1', () => {
		expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/pole/);
		expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(/outside/);
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/diverges/);
	});
});
