import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareTable, readTable, type PreparedData } from '../../../src/analysis/analyze';
import {
	conditionalExpectedPurchases,
	expectedPurchases,
	type BgNbdParams,
} from '../../../src/analysis/bgnbd';
import type { CleaningOptions, Transactions } from '../../../src/analysis/clean';
import {
	analyzeClv,
	discountedPurchases,
	summariseClv,
	trackPurchases,
	validateHoldout,
	type ClvResult,
} from '../../../src/analysis/clv';
import { MS_PER_DAY, parseIsoDay } from '../../../src/analysis/dates';
import { defaultSettings } from '../../../src/analysis/settings';

function expectRelative(actual: number, expected: number, tolerance: number) {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const day = (iso: string) => parseIsoDay(iso)!;

/** Transactions from [customer, date, hour, amount, isReturn] lines; customers as first seen. */
function transactions(lines: [string, string, number, number, 0 | 1][]): Transactions {
	const customerIds: string[] = [];
	const code = (id: string) => {
		if (!customerIds.includes(id)) customerIds.push(id);
		return customerIds.indexOf(id);
	};
	return {
		rows: lines.length,
		customer: Int32Array.from(lines, (l) => code(l[0])),
		customerIds,
		invoice: null,
		time: Float64Array.from(lines, (l) => day(l[1]) * MS_PER_DAY + l[2] * 3_600_000),
		amount: Float64Array.from(lines, (l) => l[3]),
		isReturn: Uint8Array.from(lines, (l) => l[4]),
		row: Int32Array.from(lines, (_, i) => i),
	};
}

// By hand, calibration to 2024-01-31, observation to 2024-02-14:
// A buys 10 + 5 on 01-01 (one day), 20 with a 5 return on 01-08 (15), 0 on 01-15, 30 on 02-05
//   (holdout) and 9 on 02-20 (after the end): x = 2, t_x = 14 days, T = 30 days, m = (15 + 0)/2.
// B buys once on 01-29: x = 0, T = 2 days. C first buys on 02-02, after the calibration: late.
// D only returns something: no purchase at all. E buys on 01-10, returns on 01-20 (no purchase
// day), buys on 01-31 (the calibration end) and on 02-14 (the observation end, holdout).
const fixture = transactions([
	['A', '2024-01-08', 12, 20, 0],
	['A', '2024-01-01', 17, 5, 0],
	['B', '2024-01-29', 9, 12, 0],
	['A', '2024-01-01', 9, 10, 0],
	['C', '2024-02-02', 9, 7, 0],
	['A', '2024-01-08', 15, -5, 1],
	['D', '2024-01-05', 9, -3, 1],
	['E', '2024-01-10', 9, 8, 0],
	['A', '2024-01-15', 9, 0, 0],
	['E', '2024-01-20', 9, -2, 1],
	['A', '2024-02-05', 9, 30, 0],
	['E', '2024-01-31', 23, 4, 0],
	['C', '2024-02-10', 9, 7, 0],
	['E', '2024-02-14', 9, 6, 0],
	['A', '2024-02-20', 9, 9, 0],
]);
const ends = { calibrationEnd: day('2024-01-31'), observationEnd: day('2024-02-14') };

/** The per-customer columns of a summary, NaN as null for toEqual. */
function columns(s: object, keys: string[]) {
	const record = s as Record<string, ArrayLike<number>>;
	return Object.fromEntries(
		keys.map((k) => [k, Array.from(record[k], (v) => (Number.isNaN(v) ? null : v))]),
	);
}

describe('summariseClv', () => {
	it('summariseClv(tx, {unit: week, …}) groups lines by day and counts returns as no purchase', () => {
		const s = summariseClv(fixture, { unit: 'week', ...ends });
		expect(columns(s, ['inCalibration', 'x', 'tx', 'T', 'm', 'holdout'])).toEqual({
			inCalibration: [1, 1, 0, 0, 1],
			x: [2, 0, null, null, 1],
			tx: [2, 0, null, null, 3],
			T: [30 / 7, 2 / 7, null, null, 3],
			m: [7.5, null, null, null, 4],
			holdout: [1, 0, null, null, 1],
		});
		expect([s.lateCustomers, s.holdoutLength, s.calibrationEnd, s.observationEnd]).toEqual([
			1,
			2,
			ends.calibrationEnd,
			ends.observationEnd,
		]);
		const start = day('2024-01-01');
		const nonZero = (a: Int32Array) =>
			Object.fromEntries([...a.entries()].filter(([, v]) => v > 0).map(([i, v]) => [i, v]));
		expect(s.daily.start).toBe(start);
		expect(s.daily.firsts.length).toBe(45);
		expect(nonZero(s.daily.firsts)).toEqual({ 0: 1, 9: 1, 28: 1 });
		expect(nonZero(s.daily.repeats)).toEqual({ 7: 1, 14: 1, 30: 1, 35: 1, 44: 1 });
	});

	it('summariseClv(tx, {unit: day}) measures t_x and T in days', () => {
		const s = summariseClv(fixture, { unit: 'day', ...ends });
		expect(columns(s, ['tx', 'T'])).toEqual({
			tx: [14, 0, null, null, 21],
			T: [30, 2, null, null, 21],
		});
		expect(s.holdoutLength).toBe(14);
	});

	it('summariseClv(tx) ends calibration and observation on the latest line’s day', () => {
		const s = summariseClv(fixture);
		expect([s.unit, s.calibrationEnd, s.observationEnd, s.holdoutLength]).toEqual([
			'week',
			day('2024-02-20'),
			day('2024-02-20'),
			0,
		]);
		// C is now in the population; A's 02-05 and 02-20 are calibration purchases.
		expect(columns(s, ['x', 'holdout'])).toEqual({
			x: [4, 0, 1, null, 2],
			holdout: [0, 0, 0, null, 0],
		});
	});

	it('summariseClv rejects a calibration end after the observation end with bad_option', () => {
		expect(() =>
			summariseClv(fixture, {
				calibrationEnd: day('2024-03-01'),
				observationEnd: day('2024-02-14'),
			}),
		).toThrow(/^\[bad_option\]/);
	});
});

describe('validateHoldout and trackPurchases', () => {
	const params: BgNbdParams = { r: 0.5, alpha: 3, a: 0.8, b: 2.5 };
	const s = summariseClv(fixture, { unit: 'week', ...ends });

	it('validateHoldout(summary, params) averages actual and predicted per calibration x', () => {
		const v = validateHoldout(s, params);
		const predict = (x: number, tx: number, T: number) =>
			conditionalExpectedPurchases(params, 2, x, tx, T);
		expect(v.length).toBe(2);
		expect(v.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
		expect(v.buckets.slice(0, 3)).toEqual([
			{ x: 0, label: '0', customers: 1, actual: 0, predicted: predict(0, 0, 2 / 7) },
			{ x: 1, label: '1', customers: 1, actual: 1, predicted: predict(1, 3, 3) },
			{ x: 2, label: '2', customers: 1, actual: 1, predicted: predict(2, 2, 30 / 7) },
		]);
		expect(v.buckets.slice(3).every((b) => b.customers === 0 && Number.isNaN(b.actual))).toBe(true);
		expect(v.actualTotal).toBe(2);
	});

	it('trackPurchases(summary, params) sums E[X(t − s_i)] per week against actual repeats', () => {
		const t = trackPurchases(s, params);
		const start = day('2024-01-01');
		const ex = (days: number) => (days > 0 ? expectedPurchases(params, days / 7) : 0);
		// Weeks end on days 6, 13, …, 41, then the last point is clipped to day 44 (02-14).
		const ends = [6, 13, 20, 27, 34, 41, 44];
		expect(Array.from(t.day)).toEqual(ends.map((e) => start + e));
		expect(Array.from(t.t)).toEqual(ends.map((e) => (e + 1) / 7));
		expect(Array.from(t.actual)).toEqual([0, 1, 2, 2, 3, 4, 5]);
		expect(t.calibrationT).toBe(31 / 7);
		const expected = ends.map((e) =>
			[0, 9, 28].filter((j) => j <= e).reduce((sum, j) => sum + ex(e - j), 0),
		);
		Array.from(t.expected).forEach((v, k) => expectRelative(v, expected[k], 1e-12));
	});
});

describe('discountedPurchases', () => {
	const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
	const history = { x: 2, tx: 30.43, T: 38.86 };

	it('discountedPurchases(…, 12, 0, f) telescopes to the expected purchases over 12 f', () => {
		expectRelative(
			discountedPurchases(params, history, 12, 0, 4.345),
			conditionalExpectedPurchases(params, 12 * 4.345, 2, 30.43, 38.86),
			1e-13,
		);
	});

	it('discountedPurchases(…, 2, 0.05, 30) discounts month i by 1.05^i', () => {
		const e = (t: number) => conditionalExpectedPurchases(params, t, 2, 30.43, 38.86);
		expectRelative(
			discountedPurchases(params, history, 2, 0.05, 30),
			e(30) / 1.05 + (e(60) - e(30)) / 1.05 ** 2,
			1e-14,
		);
	});
});

/** CDNOW read from the raw file with the CLI mapping and the given cleaning switches. */
function cdnow(cleaning: Partial<CleaningOptions> = {}): PreparedData {
	const path = join(import.meta.dirname, '..', '..', '..', 'static', 'samples', 'CDNOW_sample.txt');
	const settings = defaultSettings();
	settings.mapping = { customer_id: 'column_2', date: 'column_3', amount: 'column_5' };
	settings.cleaning = { ...settings.cleaning, ...cleaning };
	return prepareTable(readTable(readFileSync(path), 'CDNOW_sample.txt', settings.read), settings);
}

const calibrationEnd = day('1997-09-30');

describe('analyzeClv on CDNOW (Fader, Hardie & Lee 2005)', () => {
	const data = cdnow({ cancellations: 'keep', dropDuplicates: false });
	const result = analyzeClv(data.transactions, { unit: 'week', calibrationEnd });

	it('analyzeClv(every row, weeks, to 1997-09-30) reproduces the published BG/NBD fit', () => {
		const b = result.bgnbd;
		expect(data.transactions.rows).toBe(6919);
		expect([result.population, b.customers, result.lateCustomers]).toEqual([2357, 2357, 0]);
		expectRelative(b.r, 0.243, 0.005);
		expectRelative(b.alpha, 4.414, 0.005);
		expectRelative(b.a, 0.793, 0.005);
		expectRelative(b.b, 2.426, 0.005);
		expect(Math.abs(b.loglik - -9582.4)).toBeLessThan(0.5);
		expect(b.converged).toBe(true);
		// lifetimes' BetaGeoFitter summary on the same data: se 0.012557, 0.378221, 0.185719, 0.705345.
		expectRelative(b.se.r, 0.012557, 0.01);
		expectRelative(b.se.alpha, 0.378221, 0.01);
		expectRelative(b.se.a, 0.185719, 0.01);
		expectRelative(b.se.b, 0.705345, 0.01);
	});

	it('analyzeClv(every row, …) reproduces the published Gamma-Gamma fit on 946 customers', () => {
		const g = result.gammaGamma!;
		expect(g.n).toBe(946);
		expectRelative(g.p, 6.25, 0.01);
		expectRelative(g.q, 3.74, 0.01);
		expectRelative(g.v, 15.44, 0.01);
		expect(result.warnings).toEqual([]);
	});

	it('analyzeClv(every row, …) meets the README point checks with the fitted parameters', () => {
		const b = result.bgnbd;
		const first = data.transactions.customerIds.indexOf('0001');
		const c = result.customers;
		// Customer 0001 is the README's x = 2, t_x = 30.43, T = 38.86.
		expect([c.x[first], c.tx[first], c.T[first]]).toEqual([2, 213 / 7, 272 / 7]);
		const e39 = conditionalExpectedPurchases(b, 39, c.x[first], c.tx[first], c.T[first]);
		expect(Math.abs(e39 - 1.226)).toBeLessThan(0.001);
		expect(Math.abs(c.pAlive[first] - 0.7266)).toBeLessThan(0.001);
		const readme = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
		[0.1429, 1, 3, 31.8571, 32, 78].forEach((t, i) =>
			expect(Math.abs(expectedPurchases(b, t) - readme[i])).toBeLessThan(0.001),
		);
	});

	// Reference: an independent NumPy/SciPy computation (scipy.special.hyp2f1, lifetimes' formulas)
	// from the raw file, with its own Nelder–Mead estimates.
	it('analyzeClv(every row, …) gives per-customer predictions as lifetimes does', () => {
		const reference = {
			'0001': [
				0.7266203157971878, 1.5621196892770608, 0.39674527420452166, 24.653918344835663,
				36.27397811853276,
			],
			'0002': [
				0.2123910433043817, 0.26070981018534006, 0.8671196639540603, 18.910017467598106,
				4.6409363348383685,
			],
			'0004': [1, 0.2522775502098732, 0.8254529668194446, 35.170371584379396, 8.344480674049864],
			'1000': [
				0.680267704157244, 2.9653510511580605, 0.33713908301837137, 18.130569425835244,
				50.69278556467934,
			],
			'2357': [1, 0.3328333483705887, 0.7887408552306902, 35.170371584379396, 11.017002225548733],
		};
		const c = result.customers;
		for (const [id, values] of Object.entries(reference)) {
			const i = data.transactions.customerIds.indexOf(id);
			const got = [
				c.pAlive[i],
				c.expectedPurchases[i],
				c.probNoPurchase[i],
				c.expectedAvgSpend[i],
				c.clv[i],
			];
			// The Gamma-Gamma likelihood is flat along p·γ: two optimisers agree on spend to ~1e-5.
			got.forEach((v, k) => expectRelative(v, values[k], k < 3 ? 1e-5 : 1e-4));
		}
		expect(result.options).toEqual({
			unit: 'week',
			observationEnd: day('1998-06-30'),
			calibrationEnd,
			horizonMonths: 12,
			monthlyDiscount: 0.01,
			predictionPeriod: 12 * 4.345,
			unitsPerMonth: 4.345,
		});
	});

	it('analyzeClv(every row, …) validates on the 39-week holdout per calibration frequency', () => {
		const h = result.holdout!;
		expect(h.length).toBe(39);
		const reference = [
			[1411, 0.23671155209071582, 0.22508732846142898],
			[439, 0.6970387243735763, 0.523131172302802],
			[214, 1.3925233644859814, 1.0441341391578922],
			[100, 1.56, 1.5202795520982264],
			[62, 2.532258064516129, 2.163865862109437],
			[38, 2.9473684210526314, 2.653845968391128],
			[29, 3.8620689655172415, 3.5040424214247263],
			[64, 6.359375, 6.157190716825231],
		];
		h.buckets.forEach((b, k) => {
			expect([b.customers, b.actual]).toEqual(reference[k].slice(0, 2));
			expectRelative(b.predicted, reference[k][2], 1e-5);
		});
		expect(h.actualTotal).toBe(1882);
		expectRelative(h.predictedTotal, 1653.4087324373975, 1e-5);
	});

	it('analyzeClv(every row, …) tracks cumulative repeat purchases over 78 weeks', () => {
		const t = result.tracking;
		expect(t.day.length).toBe(78);
		expect([t.day[0], t.day[38], t.day[77]]).toEqual([
			day('1997-01-07'),
			day('1997-09-30'),
			day('1998-06-30'),
		]);
		expect([t.actual[38], t.actual[77]]).toEqual([2457, 4339]);
		expect([t.t[38], t.calibrationT]).toEqual([39, 39]);
		expectRelative(t.expected[0], 3.2087878427817724, 1e-5);
		expectRelative(t.expected[38], 2493.9568974006443, 1e-5);
		expectRelative(t.expected[77], 4160.6092718637055, 1e-5);
	});

	it('analyzeClv(…, {unit: day}) rescales α by 7 and the log-likelihood by −Σx · ln 7', () => {
		const days = analyzeClv(data.transactions, { unit: 'day', calibrationEnd });
		const weeks = result.bgnbd;
		let repeats = 0;
		for (const x of result.customers.x) repeats += x;
		expectRelative(days.bgnbd.r, weeks.r, 1e-4);
		expectRelative(days.bgnbd.alpha, 7 * weeks.alpha, 1e-4);
		expectRelative(days.bgnbd.a, weeks.a, 1e-4);
		expectRelative(days.bgnbd.b, weeks.b, 1e-4);
		expectRelative(days.bgnbd.loglik, weeks.loglik - repeats * Math.log(7), 1e-9);
		expect([days.options.predictionPeriod, days.options.unitsPerMonth]).toEqual([360, 30]);
		expect(days.tracking.day.length).toBe(546);
	});
});

describe('analyzeClv and the cleaning of CDNOW', () => {
	it('analyzeClv(default cleaning) loses the 8 customers whose only purchase is worth 0', () => {
		const data = cdnow();
		expect([data.report.dropped.cancelled, data.report.dropped.duplicate]).toEqual([8, 21]);
		const r = analyzeClv(data.transactions, { calibrationEnd });
		expect(r.population).toBe(2349);
		expect(Math.abs(r.bgnbd.loglik - -9578.1966)).toBeLessThan(0.01);
		// The duplicates are same-day purchases: dropping them moves γ off 15.44.
		expect(Math.abs(r.gammaGamma!.v - 15.3499)).toBeLessThan(0.01);
	});

	it('analyzeClv(zero rows kept, duplicates dropped) already has the published BG/NBD fit', () => {
		const r = analyzeClv(cdnow({ cancellations: 'keep' }).transactions, { calibrationEnd });
		expect(r.population).toBe(2357);
		expect(Math.abs(r.bgnbd.loglik - -9582.4)).toBeLessThan(0.5);
	});
});

describe('analyzeClv options and edge cases', () => {
	const data = cdnow({ cancellations: 'keep', dropDuplicates: false });

	it('analyzeClv(tx) without options fits everything to the last day, with no holdout', () => {
		const r = analyzeClv(data.transactions);
		expect([r.options.calibrationEnd, r.options.observationEnd]).toEqual([
			day('1998-06-30'),
			day('1998-06-30'),
		]);
		expect(r.holdout).toBeNull();
		expect(r.options.predictionPeriod).toBe(12 * 4.345);
	});

	it('analyzeClv(tx, {calibrationEnd: 1997-02-15}) leaves later first buyers out, with a warning', () => {
		const r: ClvResult = analyzeClv(data.transactions, { calibrationEnd: day('1997-02-15') });
		expect(r.population + r.lateCustomers).toBe(2357);
		expect(r.lateCustomers).toBeGreaterThan(0);
		expect(r.warnings.map((w) => w.code)).toContain('late_customers_left_out');
		const late = data.transactions.customerIds.findIndex((_, i) => !r.customers.inCalibration[i]);
		expect([r.customers.clv[late], r.customers.pAlive[late]]).toEqual([NaN, NaN]);
	});

	it.each([
		{ options: { horizonMonths: 1.5 } },
		{ options: { monthlyDiscount: -1 } },
		{ options: { predictionPeriod: -3 } },
	])('analyzeClv(tx, $options) fails with bad_option', ({ options }) => {
		expect(() => analyzeClv(data.transactions, options)).toThrow(/^\[bad_option\]/);
	});

	it('analyzeClv without repeat spend > 0 keeps the purchase model and leaves CLV blank', () => {
		// Ten customers, each buying on day 0 for 10 and then for 0 on a few later days.
		const lines: [string, string, number, number, 0 | 1][] = [];
		for (let c = 0; c < 10; c++) {
			lines.push([`c${c}`, '2024-01-01', 9, 10, 0]);
			for (let k = 1; k <= c % 4; k++) lines.push([`c${c}`, `2024-0${k + 1}-1${c % 3}`, 9, 0, 0]);
		}
		const r = analyzeClv(transactions(lines), { observationEnd: day('2024-06-30') });
		expect(r.gammaGamma).toBeNull();
		expect(r.warnings.map((w) => w.code)).toContain('no_spend_model');
		expect(Array.from(r.customers.clv).every(Number.isNaN)).toBe(true);
		expect(Array.from(r.customers.pAlive).every((p) => p > 0 && p <= 1)).toBe(true);
	});
});
