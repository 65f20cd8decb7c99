/**
 * Cohort matrices (§3): customers grouped by the period of their first purchase, followed over
 * period offsets. Typed arrays and two passes over the orders, so a million orders stay cheap.
 */
import type { Orders } from './types';
import { checkPeriod, periodLabel, periodOf, type Period } from './period';

export interface CohortOptions {
	/** Default `'month'`. */
	period?: Period;
	/** Count a customer at offset k when they buy at offset k or later. Default false. */
	onOrAfter?: boolean;
	/** Nonzero for the customer indices to keep (a segment, cluster or attribute value). */
	customers?: Uint8Array;
}

export interface CohortMatrix {
	period: Period;
	onOrAfter: boolean;
	/** Cohort labels, ascending; only periods in which some (kept) customer first bought. */
	labels: string[];
	/** Period index of each cohort. */
	cohortIndex: number[];
	/** customers[c][0]. */
	size: number[];
	/** Rows are cohorts, columns offsets 0…maxOffset; not-observable cells are null, never 0. */
	customers: (number | null)[][];
	retention: (number | null)[][];
	revenue: (number | null)[][];
	revenuePerCustomer: (number | null)[][];
	cumulativeRevenue: (number | null)[][];
	/** The LTV curve: cumulative revenue per cohort customer. */
	cumulativeRevenuePerCustomer: (number | null)[][];
	/** Period index containing asOf − 1 day: the last observable period. */
	lastObservable: number;
	/** True when asOf − 1 is not the last day of its period (the last column is partial). */
	partialLast: boolean;
	/** Last offset of the oldest cohort; −1 when there are no cohorts. */
	maxOffset: number;
}

/** A day table beyond this many days (≈ 2,700 years) is not worth its memory. */
const MAX_TABLE_DAYS = 1 << 20;
const EXCLUDED = 0x7fffffff;

/**
 * The cohort matrix of `orders` as of `asOf` (a day number). Only purchases (purchase = 1) define a
 * customer's cohort and activity; every order's amount counts as revenue, so net-policy returns
 * subtract from their period. Orders after `asOf`, before the customer's first purchase or in a
 * period after the one containing asOf − 1 are ignored.
 */
export function buildCohorts(
	orders: Orders,
	customerCount: number,
	asOf: number,
	options: CohortOptions = {},
): CohortMatrix {
	const period = options.period ?? 'month';
	checkPeriod(period);
	const onOrAfter = options.onOrAfter ?? false;
	const mask = options.customers;
	if (mask && mask.length !== customerCount) {
		throw new Error(`customer mask has ${mask.length} entries for ${customerCount} customers`);
	}
	const { customer, day, amount, purchase } = orders;
	const n = customer.length;
	const lastObservable = periodOf(asOf - 1, period);
	const partialLast = periodOf(asOf, period) === lastObservable;

	let minDay = EXCLUDED;
	let maxDay = -EXCLUDED;
	for (let i = 0; i < n; i++) {
		const d = day[i];
		if (d > asOf) continue;
		if (d < minDay) minDay = d;
		if (d > maxDay) maxDay = d;
	}
	const periodOfDay = dayToPeriod(minDay, maxDay, period);

	// Pass 1: each order's period (EXCLUDED when it cannot count) and each customer's first and
	// last purchase period.
	const orderPeriod = new Int32Array(n);
	const first = new Int32Array(customerCount).fill(EXCLUDED);
	const last = new Int32Array(customerCount).fill(-EXCLUDED);
	for (let i = 0; i < n; i++) {
		const c = customer[i];
		if (c < 0 || c >= customerCount) throw new Error(`order ${i} has customer index ${c}`);
		const d = day[i];
		if (d > asOf || (mask && mask[c] === 0)) {
			orderPeriod[i] = EXCLUDED;
			continue;
		}
		const p = periodOfDay(d);
		// Our reading: an order on asOf itself when asOf starts a period lies in an unobservable
		// column, so it is dropped (and a customer first seen there has no observable cohort).
		if (p > lastObservable) {
			orderPeriod[i] = EXCLUDED;
			continue;
		}
		orderPeriod[i] = p;
		if (purchase[i] === 1) {
			if (p < first[c]) first[c] = p;
			if (p > last[c]) last[c] = p;
		}
	}

	let firstCohort = EXCLUDED;
	for (let c = 0; c < customerCount; c++) if (first[c] < firstCohort) firstCohort = first[c];
	if (firstCohort === EXCLUDED) return emptyMatrix(period, onOrAfter, lastObservable, partialLast);

	const span = lastObservable - firstCohort + 1;
	const rowOfPeriod = new Int32Array(span).fill(-1);
	const HAS_COHORT = -2;
	for (let c = 0; c < customerCount; c++) {
		if (first[c] !== EXCLUDED) rowOfPeriod[first[c] - firstCohort] = HAS_COHORT;
	}
	const cohortIndex: number[] = [];
	for (let k = 0; k < span; k++) {
		if (rowOfPeriod[k] === HAS_COHORT) {
			rowOfPeriod[k] = cohortIndex.length;
			cohortIndex.push(firstCohort + k);
		}
	}
	const rows = cohortIndex.length;
	const cols = span;
	const count = new Int32Array(rows * cols);
	const money = new Float64Array(rows * cols);

	// Pass 2: revenue in input order (so sums do not depend on sorting), and distinct customers per
	// cell by remembering the last offset each customer was counted at. That is exact only while
	// each customer's orders come in period order; otherwise recount over a period-sorted order.
	const lastSeen = new Int32Array(customerCount).fill(-1);
	let sorted = true;
	for (let i = 0; i < n; i++) {
		const p = orderPeriod[i];
		if (p === EXCLUDED) continue;
		const c = customer[i];
		const f = first[c];
		if (p < f) continue;
		const cell = rowOfPeriod[f - firstCohort] * cols + (p - f);
		money[cell] += amount[i];
		if (purchase[i] === 1 && !onOrAfter && sorted) {
			const k = p - f;
			if (k > lastSeen[c]) {
				lastSeen[c] = k;
				count[cell]++;
			} else if (k < lastSeen[c]) sorted = false;
		}
	}

	if (onOrAfter) {
		// Counted at every offset up to the last purchase: a histogram of last offsets, summed
		// from the right.
		for (let c = 0; c < customerCount; c++) {
			const f = first[c];
			if (f !== EXCLUDED) count[rowOfPeriod[f - firstCohort] * cols + (last[c] - f)]++;
		}
		for (let r = 0; r < rows; r++) {
			for (let k = cols - 2; k >= 0; k--) count[r * cols + k] += count[r * cols + k + 1];
		}
	} else if (!sorted) {
		count.fill(0);
		lastSeen.fill(-1);
		for (const i of ordersByPeriod(orderPeriod, firstCohort, span)) {
			if (purchase[i] !== 1) continue;
			const c = customer[i];
			const k = orderPeriod[i] - first[c];
			if (k < 0 || k <= lastSeen[c]) continue;
			lastSeen[c] = k;
			count[rowOfPeriod[first[c] - firstCohort] * cols + k]++;
		}
	}

	const m: CohortMatrix = {
		period,
		onOrAfter,
		labels: cohortIndex.map((p) => periodLabel(p, period)),
		cohortIndex,
		size: [],
		customers: [],
		retention: [],
		revenue: [],
		revenuePerCustomer: [],
		cumulativeRevenue: [],
		cumulativeRevenuePerCustomer: [],
		lastObservable,
		partialLast,
		maxOffset: cols - 1,
	};
	for (let r = 0; r < rows; r++) {
		const size = count[r * cols];
		const observable = lastObservable - cohortIndex[r] + 1;
		const nulls = () => new Array<number | null>(cols).fill(null);
		const [customers, retention, revenue, perCustomer, cumulative, cumulativePer] = [
			nulls(),
			nulls(),
			nulls(),
			nulls(),
			nulls(),
			nulls(),
		];
		let sum = 0;
		for (let k = 0; k < observable; k++) {
			const v = money[r * cols + k];
			sum += v;
			customers[k] = count[r * cols + k];
			retention[k] = count[r * cols + k] / size;
			revenue[k] = v;
			perCustomer[k] = v / size;
			cumulative[k] = sum;
			// Cumulative revenue divided by size, not a running sum of the per-customer ratios:
			// one rounding instead of k.
			cumulativePer[k] = sum / size;
		}
		m.size.push(size);
		m.customers.push(customers);
		m.retention.push(retention);
		m.revenue.push(revenue);
		m.revenuePerCustomer.push(perCustomer);
		m.cumulativeRevenue.push(cumulative);
		m.cumulativeRevenuePerCustomer.push(cumulativePer);
	}
	return m;
}

export interface CohortRow {
	cohort: string;
	period_offset: number;
	cohort_size: number;
	customers: number;
	retention: number;
	revenue: number;
	revenue_per_customer: number;
}

/**
 * The rows of cohorts.csv (CLI.md): one per observable cell, including cells with 0 customers;
 * not-observable cells are absent. Ordered by cohort, then offset.
 */
export function cohortRows(matrix: CohortMatrix): CohortRow[] {
	const out: CohortRow[] = [];
	matrix.labels.forEach((label, r) => {
		for (let k = 0; k <= matrix.maxOffset; k++) {
			const customers = matrix.customers[r][k];
			if (customers === null) continue;
			out.push({
				cohort: label,
				period_offset: k,
				cohort_size: matrix.size[r],
				customers,
				retention: matrix.retention[r][k] as number,
				revenue: matrix.revenue[r][k] as number,
				revenue_per_customer: matrix.revenuePerCustomer[r][k] as number,
			});
		}
	});
	return out;
}

/** periodOf as a lookup over [minDay, maxDay] when that range is small enough to tabulate. */
function dayToPeriod(minDay: number, maxDay: number, period: Period): (day: number) => number {
	const days = maxDay - minDay + 1;
	if (days <= 0 || days > MAX_TABLE_DAYS) return (d) => periodOf(d, period);
	const table = new Int32Array(days);
	for (let d = 0; d < days; d++) table[d] = periodOf(minDay + d, period);
	return (d) => table[d - minDay];
}

/** Indices of the counted orders, stably sorted by period (a counting sort). */
function ordersByPeriod(orderPeriod: Int32Array, firstPeriod: number, span: number): Int32Array {
	const start = new Int32Array(span + 1);
	let kept = 0;
	for (let i = 0; i < orderPeriod.length; i++) {
		const p = orderPeriod[i];
		if (p === EXCLUDED || p < firstPeriod) continue;
		start[p - firstPeriod + 1]++;
		kept++;
	}
	for (let k = 0; k < span; k++) start[k + 1] += start[k];
	const out = new Int32Array(kept);
	for (let i = 0; i < orderPeriod.length; i++) {
		const p = orderPeriod[i];
		if (p === EXCLUDED || p < firstPeriod) continue;
		out[start[p - firstPeriod]++] = i;
	}
	return out;
}

function emptyMatrix(
	period: Period,
	onOrAfter: boolean,
	lastObservable: number,
	partialLast: boolean,
): CohortMatrix {
	return {
		period,
		onOrAfter,
		labels: [],
		cohortIndex: [],
		size: [],
		customers: [],
		retention: [],
		revenue: [],
		revenuePerCustomer: [],
		cumulativeRevenue: [],
		cumulativeRevenuePerCustomer: [],
		lastObservable,
		partialLast,
		maxOffset: -1,
	};
}
