import { UserError } from '../shared/errors';
import type { Transactions } from './clean';
import { MS_PER_DAY } from './dates';
import type { CustomerMetrics, Orders } from './types';

/** What counts as one purchase (§1): the invoice (rows without one are single orders), or the day. */
export type OrderUnit = 'invoice' | 'day';

/**
 * Groups cleaned lines into orders: one per (customer, invoice) — each row when no invoice column
 * is mapped — or one per (customer, day). A net-policy return never merges with a purchase. The
 * order's day is its earliest line's day and its amount the sum of its lines.
 */
export function buildOrders(tx: Transactions, unit: OrderUnit): Orders {
	const n = tx.rows;
	const day = new Int32Array(n);
	let minDay = Infinity;
	for (let i = 0; i < n; i++) {
		const d = Math.floor(tx.time[i] / MS_PER_DAY);
		day[i] = d;
		if (d < minDay) minDay = d;
	}
	const byInvoice = unit === 'invoice' && tx.invoice !== null;
	if (unit === 'invoice' && !byInvoice) {
		const purchase = new Uint8Array(n);
		for (let i = 0; i < n; i++) purchase[i] = tx.isReturn[i] ? 0 : 1;
		return { customer: tx.customer.slice(), day, amount: tx.amount.slice(), purchase };
	}
	// Key per line; lines sharing a key form one order.
	const keys = new Float64Array(n);
	const part = new Float64Array(n);
	let parts = 1;
	for (let i = 0; i < n; i++) {
		part[i] = byInvoice ? tx.invoice![i] + 1 : day[i] - minDay;
		if (part[i] >= parts) parts = part[i] + 1;
	}
	for (let i = 0; i < n; i++) keys[i] = (tx.customer[i] * parts + part[i]) * 2 + tx.isReturn[i];
	const orderOf = groupKeys(keys);
	const count = orderOf.groups;
	const customer = new Int32Array(count);
	const oday = new Int32Array(count).fill(2147483647);
	const amount = new Float64Array(count);
	const purchase = new Uint8Array(count);
	const carry = new Float64Array(count);
	for (let i = 0; i < n; i++) {
		const o = orderOf.group[i];
		customer[o] = tx.customer[i];
		if (day[i] < oday[o]) oday[o] = day[i];
		addCompensated(amount, carry, o, tx.amount[i]);
		purchase[o] = tx.isReturn[i] ? 0 : 1;
	}
	for (let o = 0; o < count; o++) amount[o] += carry[o];
	return { customer, day: oday, amount, purchase };
}

/** Dense group numbers (in order of first appearance) for numeric keys. */
function groupKeys(keys: Float64Array): { group: Int32Array; groups: number } {
	const n = keys.length;
	let size = 16;
	while (size < n * 2) size <<= 1;
	const mask = size - 1;
	const slots = new Int32Array(size).fill(-1);
	const slotKey = new Float64Array(size);
	const group = new Int32Array(n);
	let groups = 0;
	const f = new Float64Array(1);
	const words = new Int32Array(f.buffer);
	for (let i = 0; i < n; i++) {
		const k = keys[i];
		f[0] = k;
		let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
		h ^= h >>> 13;
		let slot = h & mask;
		for (;;) {
			const g = slots[slot];
			if (g < 0) {
				slots[slot] = groups;
				slotKey[slot] = k;
				group[i] = groups++;
				break;
			}
			if (slotKey[slot] === k) {
				group[i] = g;
				break;
			}
			slot = (slot + 1) & mask;
		}
	}
	return { group, groups };
}

export interface MetricsOptions {
	/** Analysis date as a day number; default the day after the latest order. */
	asOf?: number;
	/** Monetary as the sum of amounts (default) or the average order value. */
	monetary?: 'sum' | 'mean';
}

/**
 * Per-customer recency, frequency and monetary value of §2 as of `asOf`. Orders after `asOf` are
 * ignored; customers without a purchase by then are left out. Customers come sorted by id
 * (numerically when both ids are numbers), and the returned orders use the same indices.
 */
export function computeMetrics(
	orders: Orders,
	customerIds: string[],
	options: MetricsOptions = {},
): { metrics: CustomerMetrics; orders: Orders } {
	const n = orders.day.length;
	let maxDay = -Infinity;
	for (let i = 0; i < n; i++) if (orders.day[i] > maxDay) maxDay = orders.day[i];
	const asOf = options.asOf ?? maxDay + 1;
	const m = customerIds.length;
	const first = new Int32Array(m).fill(2147483647);
	const last = new Int32Array(m).fill(-2147483648);
	const freq = new Int32Array(m);
	const sum = new Float64Array(m);
	const carry = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		const d = orders.day[i];
		if (d > asOf) continue;
		const c = orders.customer[i];
		addCompensated(sum, carry, c, orders.amount[i]);
		if (!orders.purchase[i]) continue;
		freq[c]++;
		if (d < first[c]) first[c] = d;
		if (d > last[c]) last[c] = d;
	}
	for (let c = 0; c < m; c++) sum[c] += carry[c];
	const present: number[] = [];
	for (let c = 0; c < m; c++) if (freq[c] > 0) present.push(c);
	if (present.length === 0) {
		throw new UserError('no_customers', {
			en: `No customer has a purchase on or before the analysis date. Choose a later analysis date.`,
			zh: `在分析日期当天或之前没有任何客户有购买记录。请选择更晚的分析日期。`,
		});
	}
	present.sort((a, b) => compareIds(customerIds[a], customerIds[b]));
	const index = new Int32Array(m).fill(-1);
	present.forEach((c, i) => (index[c] = i));
	const N = present.length;
	const metrics: CustomerMetrics = {
		ids: present.map((c) => customerIds[c]),
		asOf,
		recency: new Int32Array(N),
		frequency: new Int32Array(N),
		monetary: new Float64Array(N),
		firstDay: new Int32Array(N),
		lastDay: new Int32Array(N),
		tenure: new Int32Array(N),
	};
	present.forEach((c, i) => {
		metrics.recency[i] = asOf - last[c];
		metrics.frequency[i] = freq[c];
		metrics.monetary[i] = options.monetary === 'mean' ? sum[c] / freq[c] : sum[c];
		metrics.firstDay[i] = first[c];
		metrics.lastDay[i] = last[c];
		metrics.tenure[i] = asOf - first[c];
	});
	let kept = 0;
	for (let i = 0; i < n; i++) if (orders.day[i] <= asOf && index[orders.customer[i]] >= 0) kept++;
	const out: Orders = {
		customer: new Int32Array(kept),
		day: new Int32Array(kept),
		amount: new Float64Array(kept),
		purchase: new Uint8Array(kept),
	};
	let w = 0;
	for (let i = 0; i < n; i++) {
		const c = index[orders.customer[i]];
		if (orders.day[i] > asOf || c < 0) continue;
		out.customer[w] = c;
		out.day[w] = orders.day[i];
		out.amount[w] = orders.amount[i];
		out.purchase[w] = orders.purchase[i];
		w++;
	}
	return { metrics, orders: out };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Customer id order: numeric ids by value, otherwise by code units; numbers before text. */
export function compareIds(a: string, b: string): number {
	const na = NUMERIC.test(a);
	const nb = NUMERIC.test(b);
	if (na && nb) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
	if (na !== nb) return na ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Neumaier's compensated `sum[i] += x`, the lost low-order part kept in `carry[i]`: sums of prices
 * like 29.33 + 29.73 then round like the exact decimal sum (100.5, not 100.50000000000001).
 */
export function addCompensated(sum: Float64Array, carry: Float64Array, i: number, x: number): void {
	const s = sum[i];
	const t = s + x;
	carry[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
	sum[i] = t;
}
