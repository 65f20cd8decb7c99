/**
 * Predictive CLV (§6): per-customer repeat-purchase histories from cleaned transactions, BG/NBD for
 * the number of future purchases, Gamma-Gamma for their value, discounted CLV over a horizon, and
 * the calibration/holdout checks of Fader, Hardie & Lee (2005).
 *
 * Time runs in one unit, a day or a week (7 days). Purchases are grouped by day first: a customer's
 * purchase days are the days with at least one line that is not a net-policy return. With
 * calibration end E (a day, inclusive) and first purchase day f ≤ E:
 *   x   = purchase days in [f, E] − 1,
 *   t_x = (l − f) / unit with l the last purchase day ≤ E,
 *   T   = (E − f) / unit,
 *   m   = mean spend of the x repeat days, a day's spend being the sum of that customer's lines
 *         that day (net of same-day returns),
 * and the holdout count is the purchase days in (E, observation end].
 */
import { UserError } from '../shared/errors';
import type { Transactions } from './clean';
import { formatDay, MS_PER_DAY } from './dates';
import {
	conditionalExpectedPurchases,
	expectedPurchases,
	fitBgNbd,
	probabilityAlive,
	probabilityNoPurchase,
	type BgNbdFit,
	type BgNbdParams,
} from './bgnbd';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import type { OnProgress, Warning } from './types';

export type ClvUnit = 'day' | 'week';

/** Days per time unit. */
export const UNIT_DAYS: Record<ClvUnit, number> = { day: 1, week: 7 };

/**
 * Time units per month of the CLV horizon and discounting: 30 days, or 4.345 weeks — the factors of
 * `customer_lifetime_value` in the Python `lifetimes` package (0.11), so that its numbers can be
 * reproduced. The two disagree by 0.4 % (4.345 weeks = 30.415 days).
 */
export const UNITS_PER_MONTH: Record<ClvUnit, number> = { day: 30, week: 4.345 };

export interface ClvOptions {
	/** Time unit of t_x, T, α and every period (default 'week'). */
	unit: ClvUnit;
	/**
	 * Last day observed, inclusive (a day number); later lines are ignored. null (default) = the
	 * latest line's day. A caller with an analysis date set by the user passes that day.
	 */
	observationEnd: number | null;
	/** Last day of the calibration period, inclusive; null (default) = observationEnd: no holdout. */
	calibrationEnd: number | null;
	/** CLV horizon in months (default 12). */
	horizonMonths: number;
	/** Discount rate per month (default 0.01). */
	monthlyDiscount: number;
	/**
	 * Period of expected_purchases and prob_no_purchase, in units; null (default) = the CLV horizon,
	 * horizonMonths × UNITS_PER_MONTH[unit].
	 */
	predictionPeriod: number | null;
}

export const defaultClvOptions: ClvOptions = {
	unit: 'week',
	observationEnd: null,
	calibrationEnd: null,
	horizonMonths: 12,
	monthlyDiscount: 0.01,
	predictionPeriod: null,
};

/** Per-customer histories, indexed like `transactions.customerIds`. */
export interface ClvSummary {
	unit: ClvUnit;
	calibrationEnd: number;
	observationEnd: number;
	/** (observationEnd − calibrationEnd) in units. */
	holdoutLength: number;
	/** 1 when the customer's first purchase is on or before calibrationEnd: the fitted population. */
	inCalibration: Uint8Array;
	/** Customers with purchases whose first purchase is after calibrationEnd (not fitted). */
	lateCustomers: number;
	/** Repeat purchase days in the calibration period; NaN outside the population. */
	x: Float64Array;
	/** Units from first to last calibration purchase; NaN outside the population. */
	tx: Float64Array;
	/** Units from first purchase to calibrationEnd; NaN outside the population. */
	T: Float64Array;
	/** Mean spend of the repeat calibration days; NaN when x = 0 or outside the population. */
	m: Float64Array;
	/** Purchase days after calibrationEnd up to observationEnd; NaN outside the population. */
	holdout: Float64Array;
	/** Day counts of the population from `start` (its first purchase day) to observationEnd. */
	daily: {
		start: number;
		/** First purchases per day. */
		firsts: Int32Array;
		/** Repeat purchase days per day. */
		repeats: Int32Array;
	};
}

/**
 * Builds the per-customer histories of §6 from cleaned transactions (see the module comment for
 * the definitions). Options: unit (default week), observationEnd and calibrationEnd (days,
 * inclusive; default the latest line's day, and observationEnd). A customer whose first purchase
 * is after calibrationEnd, or who has no purchase by observationEnd, is outside the population.
 */
export function summariseClv(
	transactions: Transactions,
	options: Partial<Pick<ClvOptions, 'unit' | 'observationEnd' | 'calibrationEnd'>> = {},
): ClvSummary {
	const unit = options.unit ?? defaultClvOptions.unit;
	const u = UNIT_DAYS[unit];
	if (u === undefined) throw badOption(`unit "${String(unit)}"`, ['day or week', 'day 或 week']);
	const tx = transactions;
	const rows = tx.rows;
	const n = tx.customerIds.length;
	const day = new Int32Array(rows);
	let lastDay = -Infinity;
	for (let i = 0; i < rows; i++) {
		day[i] = Math.floor(tx.time[i] / MS_PER_DAY);
		if (day[i] > lastDay) lastDay = day[i];
	}
	const observationEnd = options.observationEnd ?? lastDay;
	const calibrationEnd = options.calibrationEnd ?? observationEnd;
	if (!Number.isFinite(observationEnd)) {
		throw new UserError('no_customers', {
			en: 'There are no transactions to build purchase histories from.',
			zh: '没有可用于构建购买记录的交易。',
		});
	}
	if (!(Number.isInteger(calibrationEnd) && calibrationEnd <= observationEnd)) {
		throw new UserError('bad_option', {
			en: `The calibration end ${formatDay(calibrationEnd)} must be a day on or before the end of the data, ${formatDay(observationEnd)}.`,
			zh: `校准期结束日期 ${formatDay(calibrationEnd)} 必须不晚于数据结束日期 ${formatDay(observationEnd)}。`,
		});
	}

	// Lines grouped by customer (counting sort), each customer's then sorted by day.
	const offset = new Int32Array(n + 1);
	for (let i = 0; i < rows; i++) offset[tx.customer[i] + 1]++;
	for (let c = 0; c < n; c++) offset[c + 1] += offset[c];
	const fill = offset.slice(0, n);
	const order = new Int32Array(rows);
	for (let i = 0; i < rows; i++) order[fill[tx.customer[i]]++] = i;

	const inCalibration = new Uint8Array(n);
	const x = new Float64Array(n).fill(NaN);
	const txArr = new Float64Array(n).fill(NaN);
	const T = new Float64Array(n).fill(NaN);
	const m = new Float64Array(n).fill(NaN);
	const holdout = new Float64Array(n).fill(NaN);
	let lateCustomers = 0;
	// Purchase days of the population, for the daily counts.
	const firstDays: number[] = [];
	const repeatDays: number[] = [];
	const lines: number[] = [];
	for (let c = 0; c < n; c++) {
		lines.length = 0;
		for (let k = offset[c]; k < offset[c + 1]; k++) {
			const i = order[k];
			if (day[i] <= observationEnd) lines.push(i);
		}
		lines.sort((i, j) => day[i] - day[j]);
		let first = NaN;
		let last = NaN;
		let repeats = 0;
		let repeatSpend = 0;
		let later = 0;
		const repeatStart = repeatDays.length;
		for (let k = 0; k < lines.length;) {
			const d = day[lines[k]];
			let spend = 0;
			let purchase = false;
			for (; k < lines.length && day[lines[k]] === d; k++) {
				spend += tx.amount[lines[k]];
				if (!tx.isReturn[lines[k]]) purchase = true;
			}
			if (!purchase) continue;
			if (Number.isNaN(first)) {
				first = d;
				if (d > calibrationEnd) break;
				last = d;
				continue;
			}
			repeatDays.push(d);
			if (d <= calibrationEnd) {
				repeats++;
				repeatSpend += spend;
				last = d;
			} else {
				later++;
			}
		}
		if (Number.isNaN(first)) continue;
		if (first > calibrationEnd) {
			lateCustomers++;
			repeatDays.length = repeatStart;
			continue;
		}
		inCalibration[c] = 1;
		firstDays.push(first);
		x[c] = repeats;
		txArr[c] = (last - first) / u;
		T[c] = (calibrationEnd - first) / u;
		m[c] = repeats > 0 ? repeatSpend / repeats : NaN;
		holdout[c] = later;
	}

	let start = observationEnd;
	for (const d of firstDays) if (d < start) start = d;
	const span = observationEnd - start + 1;
	const firsts = new Int32Array(span);
	const repeatsPerDay = new Int32Array(span);
	for (const d of firstDays) firsts[d - start]++;
	for (const d of repeatDays) repeatsPerDay[d - start]++;
	return {
		unit,
		calibrationEnd,
		observationEnd,
		holdoutLength: (observationEnd - calibrationEnd) / u,
		inCalibration,
		lateCustomers,
		x,
		tx: txArr,
		T,
		m,
		holdout,
		daily: { start, firsts, repeats: repeatsPerDay },
	};
}

/** One frequency bucket of the holdout check. */
export interface HoldoutBucket {
	/** Calibration repeat purchases x; the last bucket (7) holds x ≥ 7. */
	x: number;
	/** Label: '0' … '6', '7+'. */
	label: string;
	customers: number;
	/** Mean repeat purchase days in the holdout period. */
	actual: number;
	/** Mean conditional expected purchases over the holdout length. */
	predicted: number;
}

export interface HoldoutValidation {
	/** Holdout length in units. */
	length: number;
	buckets: HoldoutBucket[];
	/** Totals over the population: actual and predicted holdout purchases. */
	actualTotal: number;
	predictedTotal: number;
}

/** The last frequency bucket collects x ≥ HOLDOUT_BUCKETS − 1. */
export const HOLDOUT_BUCKETS = 8;

/**
 * Predicted vs actual holdout purchases per calibration frequency x = 0, 1, …, 6, 7+ (Fader, Hardie
 * & Lee 2005, Figure 4): the mean of the actual holdout purchase days and of the conditional
 * expected purchases over summary.holdoutLength units. Empty buckets have NaN means.
 */
export function validateHoldout(summary: ClvSummary, params: BgNbdParams): HoldoutValidation {
	const customers = new Array<number>(HOLDOUT_BUCKETS).fill(0);
	const actual = new Array<number>(HOLDOUT_BUCKETS).fill(0);
	const predicted = new Array<number>(HOLDOUT_BUCKETS).fill(0);
	const cache = new Map<string, number>();
	for (let c = 0; c < summary.x.length; c++) {
		if (!summary.inCalibration[c]) continue;
		const x = summary.x[c];
		const key = `${x} ${summary.tx[c]} ${summary.T[c]}`;
		let e = cache.get(key);
		if (e === undefined) {
			e = conditionalExpectedPurchases(
				params,
				summary.holdoutLength,
				x,
				summary.tx[c],
				summary.T[c],
			);
			cache.set(key, e);
		}
		const k = Math.min(x, HOLDOUT_BUCKETS - 1);
		customers[k]++;
		actual[k] += summary.holdout[c];
		predicted[k] += e;
	}
	const buckets = customers.map((count, k) => ({
		x: k,
		label: k === HOLDOUT_BUCKETS - 1 ? `${k}+` : String(k),
		customers: count,
		actual: count > 0 ? actual[k] / count : NaN,
		predicted: count > 0 ? predicted[k] / count : NaN,
	}));
	return {
		length: summary.holdoutLength,
		buckets,
		actualTotal: actual.reduce((s, v) => s + v, 0),
		predictedTotal: predicted.reduce((s, v) => s + v, 0),
	};
}

/** Cumulative repeat purchases of the population, actual and expected, one point per unit. */
export interface TrackingSeries {
	/** The last day (inclusive) of each point's period: start + k·unit − 1, the last one clipped. */
	day: Int32Array;
	/** Units from the population's first purchase day to the end of each point's period. */
	t: Float64Array;
	/** Repeat purchase days on or before `day`. */
	actual: Float64Array;
	/** Σ over customers with first purchase s_i ≤ day of E[X((day − s_i)/unit)]. */
	expected: Float64Array;
	/** The calibration end on the axis of `t`: (calibrationEnd − start + 1) / unit. */
	calibrationT: number;
}

/**
 * The tracking plot of Fader, Hardie & Lee (2005, Figure 1): cumulative repeat purchases per unit
 * from the population's first purchase day to observationEnd, actual against the model's
 * Σ_i E[X(t − s_i)] with s_i each customer's first purchase (time measured as in T: a purchase on
 * day d is at (d − s_i)/unit).
 */
export function trackPurchases(summary: ClvSummary, params: BgNbdParams): TrackingSeries {
	const u = UNIT_DAYS[summary.unit];
	const { start, firsts, repeats } = summary.daily;
	const span = firsts.length;
	const points = Math.ceil(span / u);
	// E[X] at every whole number of days, and the first purchases that occur, by day.
	const ex = new Float64Array(span);
	for (let j = 1; j < span; j++) ex[j] = expectedPurchases(params, j / u);
	const firstOffsets: number[] = [];
	for (let j = 0; j < span; j++) if (firsts[j] > 0) firstOffsets.push(j);
	const day = new Int32Array(points);
	const t = new Float64Array(points);
	const actual = new Float64Array(points);
	const expected = new Float64Array(points);
	let cumulative = 0;
	let counted = 0;
	for (let k = 0; k < points; k++) {
		const end = Math.min((k + 1) * u - 1, span - 1);
		for (; counted <= end; counted++) cumulative += repeats[counted];
		let e = 0;
		for (const j of firstOffsets) {
			if (j > end) break;
			e += firsts[j] * ex[end - j];
		}
		day[k] = start + end;
		t[k] = (end + 1) / u;
		actual[k] = cumulative;
		expected[k] = e;
	}
	return { day, t, actual, expected, calibrationT: (summary.calibrationEnd - start + 1) / u };
}

/** CLV options after defaults, with the derived figures. */
export interface ResolvedClvOptions {
	unit: ClvUnit;
	observationEnd: number;
	calibrationEnd: number;
	horizonMonths: number;
	monthlyDiscount: number;
	predictionPeriod: number;
	unitsPerMonth: number;
}

/** Per-customer results, indexed like `transactions.customerIds`; NaN outside the population. */
export interface ClvCustomers {
	inCalibration: Uint8Array;
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	m: Float64Array;
	holdout: Float64Array;
	/** P(alive) at the calibration end; 1 when x = 0. */
	pAlive: Float64Array;
	/** Conditional expected purchases in the next predictionPeriod units. */
	expectedPurchases: Float64Array;
	/** P(no purchase in the next predictionPeriod units): the churn-risk figure. */
	probNoPurchase: Float64Array;
	/** Gamma-Gamma expected value per future purchase (NaN without a spend model). */
	expectedAvgSpend: Float64Array;
	/** Discounted value over the horizon, in currency (NaN without a spend model). */
	clv: Float64Array;
}

export interface ClvResult {
	options: ResolvedClvOptions;
	customers: ClvCustomers;
	/** Customers fitted (the calibration population) and late ones left out. */
	population: number;
	lateCustomers: number;
	bgnbd: BgNbdFit;
	/** null when no customer has a repeat purchase of positive value (see warnings). */
	gammaGamma: GammaGammaFit | null;
	/** null without a holdout period (calibrationEnd = observationEnd). */
	holdout: HoldoutValidation | null;
	tracking: TrackingSeries;
	warnings: Warning[];
}

/**
 * Discounted expected purchases over `months` months (the CLV of a unit spend):
 * Σ_{i=1..months} (E[Y(i·f)] − E[Y((i−1)·f)]) / (1 + monthlyDiscount)^i with f units per month,
 * E[Y] the conditional expected purchases of a history — `lifetimes`' customer_lifetime_value.
 */
export function discountedPurchases(
	params: BgNbdParams,
	history: { x: number; tx: number; T: number },
	months: number,
	monthlyDiscount: number,
	unitsPerMonth: number,
): number {
	let sum = 0;
	let before = 0;
	for (let i = 1; i <= months; i++) {
		const now = conditionalExpectedPurchases(
			params,
			i * unitsPerMonth,
			history.x,
			history.tx,
			history.T,
		);
		sum += (now - before) / Math.pow(1 + monthlyDiscount, i);
		before = now;
	}
	return sum;
}

/**
 * The whole of §6 on cleaned transactions: histories, BG/NBD and Gamma-Gamma fits, per-customer
 * P(alive), expected purchases and P(no purchase) over the prediction period, expected spend and
 * CLV, the holdout check (when calibrationEnd < observationEnd) and the tracking series. Options
 * default to defaultClvOptions. Progress fractions 0…1 with stages 'bgnbd', 'gamma-gamma',
 * 'predict'.
 *
 * The published CDNOW values need every row of the file: clean with
 * `{ cancellations: 'keep', dropDuplicates: false }` (its 0-valued rows are real first purchases
 * and its exact duplicates real same-day purchases).
 */
export function analyzeClv(
	transactions: Transactions,
	options: Partial<ClvOptions> = {},
	onProgress?: OnProgress,
): ClvResult {
	const o = { ...defaultClvOptions, ...options };
	if (!(Number.isInteger(o.horizonMonths) && o.horizonMonths >= 0))
		throw badOption(`horizon ${o.horizonMonths}`, [
			'a whole number of months ≥ 0',
			'不小于 0 的整月数',
		]);
	if (!(o.monthlyDiscount > -1 && Number.isFinite(o.monthlyDiscount)))
		throw badOption(`monthly discount ${o.monthlyDiscount}`, [
			'a rate above −1, e.g. 0.01',
			'大于 −1 的比率，例如 0.01',
		]);
	if (
		o.predictionPeriod !== null &&
		!(o.predictionPeriod >= 0 && Number.isFinite(o.predictionPeriod))
	)
		throw badOption(`prediction period ${o.predictionPeriod}`, [
			'a number of time units ≥ 0',
			'不小于 0 的时间单位数',
		]);
	const summary = summariseClv(transactions, o);
	const unitsPerMonth = UNITS_PER_MONTH[summary.unit];
	const predictionPeriod = o.predictionPeriod ?? o.horizonMonths * unitsPerMonth;
	const warnings: Warning[] = [];

	const bgnbd = fitBgNbd(summary, onProgress && ((f) => onProgress(0.6 * f, 'bgnbd')));
	if (!bgnbd.converged) warnings.push(notConverged('BG/NBD', '购买次数'));
	let gammaGamma: GammaGammaFit | null = null;
	try {
		gammaGamma = fitGammaGamma(
			summary,
			onProgress && ((f) => onProgress(0.6 + 0.1 * f, 'gamma-gamma')),
		);
		warnings.push(...gammaGamma.warnings);
		if (!gammaGamma.converged) warnings.push(notConverged('Gamma-Gamma', '消费金额'));
		if (!(gammaGamma.q > 1)) {
			warnings.push({
				code: 'spend_mean_infinite',
				en: `The spend model's q = ${gammaGamma.q.toFixed(3)} is at most 1, so the average spend of one-time buyers is not defined; their CLV is left blank.`,
				zh: `消费金额模型的 q = ${gammaGamma.q.toFixed(3)} 不大于 1，一次性购买客户的平均消费无定义，其 CLV 留空。`,
			});
		}
	} catch (e) {
		if (!(e instanceof UserError)) throw e;
		warnings.push({ code: 'no_spend_model', en: e.text.en, zh: e.text.zh });
	}

	const n = summary.x.length;
	const pAlive = new Float64Array(n).fill(NaN);
	const expected = new Float64Array(n).fill(NaN);
	const noPurchase = new Float64Array(n).fill(NaN);
	const spend = new Float64Array(n).fill(NaN);
	const clv = new Float64Array(n).fill(NaN);
	// Predictions depend on (x, t_x, T) only: compute them once per distinct history.
	const cache = new Map<string, [number, number, number, number]>();
	for (let c = 0; c < n; c++) {
		if (!summary.inCalibration[c]) continue;
		const x = summary.x[c];
		const tx = summary.tx[c];
		const T = summary.T[c];
		const key = `${x} ${tx} ${T}`;
		let values = cache.get(key);
		if (values === undefined) {
			values = [
				probabilityAlive(bgnbd, x, tx, T),
				conditionalExpectedPurchases(bgnbd, predictionPeriod, x, tx, T),
				probabilityNoPurchase(bgnbd, predictionPeriod, x, tx, T),
				discountedPurchases(bgnbd, { x, tx, T }, o.horizonMonths, o.monthlyDiscount, unitsPerMonth),
			];
			cache.set(key, values);
			if (onProgress && cache.size % 500 === 0) onProgress(0.7 + (0.25 * c) / n, 'predict');
		}
		pAlive[c] = values[0];
		expected[c] = values[1];
		noPurchase[c] = values[2];
		if (gammaGamma !== null) {
			spend[c] = expectedAverageSpend(gammaGamma, x, summary.m[c]);
			clv[c] = spend[c] * values[3];
		}
	}
	const holdout = summary.holdoutLength > 0 ? validateHoldout(summary, bgnbd) : null;
	const tracking = trackPurchases(summary, bgnbd);
	if (summary.lateCustomers > 0) {
		warnings.push({
			code: 'late_customers_left_out',
			en: `${summary.lateCustomers} customers first bought after the calibration end ${formatDay(summary.calibrationEnd)}; the models leave them out and give them no prediction.`,
			zh: `${summary.lateCustomers} 个客户的首次购买晚于校准期结束日期 ${formatDay(summary.calibrationEnd)}；模型未纳入这些客户，也不对其做预测。`,
		});
	}
	onProgress?.(1, 'predict');
	let population = 0;
	for (let c = 0; c < n; c++) population += summary.inCalibration[c];
	return {
		options: {
			unit: summary.unit,
			observationEnd: summary.observationEnd,
			calibrationEnd: summary.calibrationEnd,
			horizonMonths: o.horizonMonths,
			monthlyDiscount: o.monthlyDiscount,
			predictionPeriod,
			unitsPerMonth,
		},
		customers: {
			inCalibration: summary.inCalibration,
			x: summary.x,
			tx: summary.tx,
			T: summary.T,
			m: summary.m,
			holdout: summary.holdout,
			pAlive,
			expectedPurchases: expected,
			probNoPurchase: noPurchase,
			expectedAvgSpend: spend,
			clv,
		},
		population,
		lateCustomers: summary.lateCustomers,
		bgnbd,
		gammaGamma,
		holdout,
		tracking,
		warnings,
	};
}

function notConverged(model: string, zhModel: string): Warning {
	return {
		code: 'fit_not_converged',
		en: `The ${model} fit did not fully converge; its parameters and predictions may be off. More customers or a longer calibration period usually help.`,
		zh: `${zhModel}模型（${model}）的拟合未完全收敛，参数和预测可能不准确。增加客户数量或延长校准期通常会有帮助。`,
	};
}

function badOption(what: string, expected: [string, string]): UserError {
	return new UserError('bad_option', {
		en: `The CLV option ${what} is not valid: give ${expected[0]}.`,
		zh: `CLV 选项 ${what} 无效：请输入${expected[1]}。`,
	});
}
