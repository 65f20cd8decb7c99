/** Customer value (§5): Pareto share, the Pareto curve, A/B/C value tiers and textbook CLV. */
import { UserError } from '../shared/errors';

/** Guards ceil() against products such as topShare × N landing a hair above an integer. */
const EPS = 1e-9;
/** Guards cumulative shares against float sums landing a hair above a cut. */
const SHARE_EPS = 1e-12;

/**
 * Share of total revenue (a fraction, may exceed 1 when some customers are net negative) that comes
 * from the top `topShare` (default 0.2) of customers by monetary value. 0 when there are no
 * customers or total revenue is ≤ 0.
 */
export function paretoShare(monetary: ArrayLike<number>, topShare = 0.2): number {
	if (!(topShare > 0 && topShare <= 1)) {
		throw new UserError('bad_option', {
			en: `Top share ${topShare} is not valid: give a fraction above 0 and at most 1, e.g. 0.2 for the top 20 %.`,
			zh: `头部占比 ${topShare} 无效：请输入大于 0 且不超过 1 的比例，例如 0.2 表示前 20%。`,
		});
	}
	const sorted = sortedDescending(monetary);
	const n = sorted.length;
	// Our reading of "top 20 % of customers": the first ceil(0.2 × N) after sorting, so a small base
	// still has a top group (N = 3 → 1); which of tied customers is taken cannot change the sum.
	const top = Math.ceil(topShare * n - EPS);
	let topSum = 0;
	let total = 0;
	for (let i = 0; i < n; i++) {
		total += sorted[i];
		if (i < top) topSum += sorted[i];
	}
	// No positive revenue to share out: report 0 rather than a meaningless or infinite ratio.
	return total > 0 ? topSum / total : 0;
}

/**
 * The Pareto curve for a chart: customers sorted by monetary descending, cumulative customer share
 * (x) against cumulative revenue share (y), from (0, 0) to (1, 1). At most `points` (default 101)
 * points, evenly spaced in customers; all N + 1 when fewer. Revenue shares are 0 when total
 * revenue is ≤ 0; empty input gives [].
 */
export function paretoCurve(
	monetary: ArrayLike<number>,
	points = 101,
): { customerShare: number; revenueShare: number }[] {
	const sorted = sortedDescending(monetary);
	const n = sorted.length;
	if (n === 0) return [];
	const cumulative = new Float64Array(n + 1);
	for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + sorted[i];
	const total = cumulative[n];
	const steps = Math.max(1, Math.min(n, Math.floor(points) - 1));
	const out: { customerShare: number; revenueShare: number }[] = [];
	for (let j = 0; j <= steps; j++) {
		const i = Math.round((j * n) / steps);
		out.push({ customerShare: i / n, revenueShare: total > 0 ? cumulative[i] / total : 0 });
	}
	return out;
}

/**
 * Value tiers A/B/C (0/1/2) at `cuts` (default 80 % / 95 %) of cumulative revenue. Rule: sort by
 * monetary descending, ties by id ascending (code-unit order); a customer is A when the cumulative
 * share including them is ≤ cuts[0], else B when ≤ cuts[1], else C (net-negative customers sort
 * last, where the share only falls back towards 1, so they are C); the first customer is always A
 * so that one dominant customer is not C. When total revenue is ≤ 0 shares mean nothing: the first customer is
 * A and everyone else C. `revenue` sums monetary per tier.
 */
export function valueTiers(
	monetary: ArrayLike<number>,
	ids: string[],
	cuts: number[] = [0.8, 0.95],
): { tier: Uint8Array; counts: [number, number, number]; revenue: [number, number, number] } {
	const n = monetary.length;
	if (ids.length !== n) throw new Error(`${ids.length} ids for ${n} monetary values`);
	const [cutA, cutB] = cuts;
	if (!(cuts.length === 2 && cutA > 0 && cutA < cutB && cutB <= 1)) {
		throw new UserError('bad_option', {
			en: `Value tier cuts ${cuts.join(' / ')} are not valid: give two ascending fractions above 0 and at most 1, e.g. 0.8 / 0.95.`,
			zh: `价值分层分界点 ${cuts.join(' / ')} 无效：请输入两个递增、大于 0 且不超过 1 的比例，例如 0.8 / 0.95。`,
		});
	}
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => monetary[b] - monetary[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b),
	);
	let total = 0;
	for (const i of order) total += monetary[i];
	const tier = new Uint8Array(n);
	const counts: [number, number, number] = [0, 0, 0];
	const revenue: [number, number, number] = [0, 0, 0];
	let cumulative = 0;
	let t = 0;
	order.forEach((i, rank) => {
		cumulative += monetary[i];
		if (rank > 0) {
			const share = total > 0 ? cumulative / total : Infinity;
			// An exact 80 % on paper must stay A despite float sums such as 0.1 + 0.7.
			t = share <= cutA + SHARE_EPS ? 0 : share <= cutB + SHARE_EPS ? 1 : 2;
		}
		tier[i] = t;
		counts[t]++;
		revenue[t] += monetary[i];
	});
	return { tier, counts, revenue };
}

export interface SimpleClvInputs {
	/** Average annual spend per customer, currency units. */
	annualSpend: number;
	/** Expected customer lifetime in years. */
	lifetimeYears: number;
	/** Margin as a fraction 0…1 (1 = 100 %). */
	margin: number;
	/** Customer acquisition cost, currency units. */
	cac: number;
}

/**
 * Textbook CLV = annual spend × lifetime years × margin − CAC (5000, 3, 1, 1000 → 14000). Throws a
 * `bad_option` UserError for non-finite inputs, a negative lifetime or a margin outside 0…1.
 */
export function simpleClv(i: SimpleClvInputs): number {
	const values = [i.annualSpend, i.lifetimeYears, i.margin, i.cac];
	if (!values.every(Number.isFinite) || i.lifetimeYears < 0 || i.margin < 0 || i.margin > 1) {
		throw new UserError('bad_option', {
			en: `CLV inputs ${values.join(' / ')} are not valid: give finite numbers, a lifetime of at least 0 years and a margin between 0 and 1 (e.g. 0.3 for 30 %).`,
			zh: `CLV 输入 ${values.join(' / ')} 无效：请输入有限数值，生命周期不少于 0 年，利润率在 0 到 1 之间（例如 0.3 表示 30%）。`,
		});
	}
	return i.annualSpend * i.lifetimeYears * i.margin - i.cac;
}

function sortedDescending(values: ArrayLike<number>): Float64Array {
	const sorted = Float64Array.from(values).sort();
	return sorted.reverse();
}
