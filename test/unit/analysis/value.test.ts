import { describe, expect, it } from 'vitest';
import { paretoCurve, paretoShare, simpleClv, valueTiers } from '../../../src/analysis/value';

describe('paretoShare', () => {
	it.each([
		{ monetary: [10, 20, 30, 40, 100], share: 0.5 },
		{ monetary: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], share: 19 / 55 },
		{ monetary: [50, 50, 50, 50, 50, 50], share: 100 / 300 },
		{ monetary: [42], share: 1 },
		{ monetary: [100, -50], share: 2 },
		{ monetary: [0, 0], share: 0 },
		{ monetary: [5, -10], share: 0 },
		{ monetary: [], share: 0 },
	])(
		'paretoShare($monetary) takes the first ceil(0.2 × N) customers: $share',
		({ monetary, share }) => {
			expect(paretoShare(monetary)).toEqual(share);
		},
	);

	it('paretoShare(monetary, 0.5) takes the first ceil(0.5 × N) customers', () => {
		expect(paretoShare([1, 2, 3], 0.5)).toEqual(5 / 6);
	});

	it('paretoShare(monetary, 0) rejects a share outside (0, 1] with bad_option', () => {
		expect(() => paretoShare([1], 0)).toThrow(/^\[bad_option\]/);
	});
});

describe('paretoCurve', () => {
	it('paretoCurve(monetary) runs from (0, 0) to (1, 1) over customers sorted descending', () => {
		expect(paretoCurve([10, 40, 20, 30])).toEqual([
			{ customerShare: 0, revenueShare: 0 },
			{ customerShare: 0.25, revenueShare: 0.4 },
			{ customerShare: 0.5, revenueShare: 0.7 },
			{ customerShare: 0.75, revenueShare: 0.9 },
			{ customerShare: 1, revenueShare: 1 },
		]);
	});

	it('paretoCurve(monetary, 3) downsamples evenly in customers', () => {
		expect(paretoCurve(new Array(10).fill(1), 3)).toEqual([
			{ customerShare: 0, revenueShare: 0 },
			{ customerShare: 0.5, revenueShare: 0.5 },
			{ customerShare: 1, revenueShare: 1 },
		]);
	});

	it('paretoCurve(monetary) is empty without customers and flat without revenue', () => {
		expect([paretoCurve([]), paretoCurve([0])]).toEqual([
			[],
			[
				{ customerShare: 0, revenueShare: 0 },
				{ customerShare: 1, revenueShare: 0 },
			],
		]);
	});
});

describe('valueTiers', () => {
	it('valueTiers(monetary, ids) cuts at 80 % / 95 % cumulative revenue, ties by id', () => {
		expect(valueTiers([50, 100, 500, 50, 300], ['e', 'c', 'a', 'd', 'b'])).toEqual({
			tier: Uint8Array.from([2, 1, 0, 1, 0]),
			counts: [2, 2, 1],
			revenue: [800, 150, 50],
		});
	});

	it('valueTiers(monetary, ids) always puts the first customer in A', () => {
		expect(valueTiers([1, 1000, 1], ['z', 'x', 'y'])).toEqual({
			tier: Uint8Array.from([2, 0, 2]),
			counts: [1, 0, 2],
			revenue: [1000, 0, 2],
		});
	});

	it('valueTiers(monetary, ids) keeps an exact 95 % on paper in B despite float sums', () => {
		expect(valueTiers([0.35, 0.25, 0.2, 0.15, 0.05], ['a', 'b', 'c', 'd', 'e']).tier).toEqual(
			Uint8Array.from([0, 0, 0, 1, 2]),
		);
	});

	it('valueTiers(monetary, ids) puts net-negative customers at the tail in C', () => {
		expect(valueTiers([60, 30, 20, -10], ['a', 'b', 'c', 'd']).tier).toEqual(
			Uint8Array.from([0, 1, 2, 2]),
		);
	});

	it('valueTiers(monetary, ids) of no customers is empty', () => {
		expect(valueTiers([], [])).toEqual({
			tier: new Uint8Array(0),
			counts: [0, 0, 0],
			revenue: [0, 0, 0],
		});
	});

	it('valueTiers(monetary, ids, [0.95, 0.8]) rejects cuts that are not ascending with bad_option', () => {
		expect(() => valueTiers([1], ['a'], [0.95, 0.8])).toThrow(/^\[bad_option\]/);
	});
});

describe('simpleClv', () => {
	it('simpleClv({annualSpend: 5000, lifetimeYears: 3, margin: 1, cac: 1000}) is 14000', () => {
		expect(simpleClv({ annualSpend: 5000, lifetimeYears: 3, margin: 1, cac: 1000 })).toEqual(14000);
	});

	it('simpleClv({margin: 30}) rejects a margin outside 0…1 with bad_option', () => {
		expect(() => simpleClv({ annualSpend: 5000, lifetimeYears: 3, margin: 30, cac: 1000 })).toThrow(
			/^\[bad_option\]/,
		);
	});
});
