/**
 * Personas (issue #6): what the customers of each segment or cluster are like, in numbers a
 * marketer can act on — size, revenue, median R/F/M, average order value, lifecycle mix, and the
 * leading products, categories, countries, cities or channels when the data has such columns.
 */
import type { CustomerAnalysis, PreparedData } from './analyze';
import type { CustomerAttributes } from './attributes';
import { MS_PER_DAY } from './dates';
import { STAGES, type Stage } from './lifecycle';
import type { Bilingual } from './types';

/** The kinds of descriptive column a persona lists, recognised by their header. */
export type DescriptorKind = 'product' | 'category' | 'country' | 'city' | 'region' | 'channel';

const DESCRIPTOR_NAMES: [DescriptorKind, RegExp][] = [
	['category', /^(product[ _]?)?(category|categories|type|group|class)$|品类|类别|类目|分类/i],
	[
		'product',
		/^(product|product[ _]?name|item|item[ _]?name|description|sku|title)$|商品|产品|品名/i,
	],
	['country', /^(country|nation)$|国家/i],
	['city', /^city$|城市/i],
	['region', /^(region|province|state)$|省份|地区|区域/i],
	['channel', /^(channel|source|platform)$|渠道|平台/i],
];

/** The descriptive columns of a table: those whose header names a kind above, in table order. */
export function descriptorColumns(names: string[]): { column: string; kind: DescriptorKind }[] {
	const out: { column: string; kind: DescriptorKind }[] = [];
	for (const column of names) {
		const hit = DESCRIPTOR_NAMES.find(([, re]) => re.test(column.trim()));
		if (hit) out.push({ column, kind: hit[0] });
	}
	return out;
}

export interface TopValues {
	column: string;
	/** A kind of descriptive column, or `attribute` for a column of the attributes file. */
	kind: DescriptorKind | 'attribute';
	/** What the share is of: the group's revenue (order lines) or its customers (attributes). */
	measure: 'revenue' | 'customers';
	/** At most three values, largest share first (ties by value). */
	values: { value: string; share: number }[];
}

export interface Persona {
	/** Index of the group (segment index or cluster − 1). */
	group: number;
	customers: number;
	customerShare: number;
	revenue: number;
	revenueShare: number;
	orders: number;
	/** Revenue ÷ orders; null without orders. */
	averageOrderValue: number | null;
	/** Medians of recency (days), frequency (orders) and monetary value; null for an empty group. */
	median: { recency: number; frequency: number; monetary: number } | null;
	/** Customers per lifecycle stage. */
	lifecycle: Record<Stage, number>;
	top: TopValues[];
}

const TOP = 3;

function median(values: number[]): number {
	values.sort((a, b) => a - b);
	const n = values.length;
	return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

function topShares(
	weights: Map<string, number>,
	total: number,
): { value: string; share: number }[] {
	return [...weights]
		.filter(([, w]) => w > 0)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.slice(0, TOP)
		.map(([value, w]) => ({ value, share: total > 0 ? w / total : 0 }));
}

/**
 * One persona per group. `group[i]` is customer i's group (0 … groups − 1, or −1 for none).
 * Revenue is the sum of order values up to the analysis date (returns subtract under the net
 * policy); a descriptive column's shares are of the group's line revenue up to the same date.
 */
export function describeGroups(
	data: PreparedData,
	customers: CustomerAnalysis,
	group: Int32Array,
	groups: number,
	attributes: CustomerAttributes | null = null,
): Persona[] {
	const m = customers.metrics;
	const n = m.ids.length;
	const revenue = new Float64Array(groups);
	const orders = new Float64Array(groups);
	const o = customers.orders;
	for (let k = 0; k < o.customer.length; k++) {
		const g = group[o.customer[k]];
		if (g < 0) continue;
		revenue[g] += o.amount[k];
		if (o.purchase[k]) orders[g]++;
	}
	let totalRevenue = 0;
	for (const r of revenue) totalRevenue += r;

	const members: number[][] = Array.from({ length: groups }, () => []);
	for (let i = 0; i < n; i++) if (group[i] >= 0) members[group[i]].push(i);

	// Line revenue per group and value of each descriptive column.
	const descriptors = descriptorColumns(data.source.names);
	const lineShares = descriptors.map(() =>
		Array.from({ length: groups }, () => new Map<string, number>()),
	);
	const lineTotals = new Float64Array(groups);
	if (descriptors.length > 0) {
		const index = new Map(m.ids.map((id, k) => [id, k]));
		const tx = data.transactions;
		const byCode = tx.customerIds.map((id) => index.get(id) ?? -1);
		const cols = descriptors.map((d) => data.columns.columns[data.source.names.indexOf(d.column)]);
		const end = (m.asOf + 1) * MS_PER_DAY;
		for (let r = 0; r < tx.rows; r++) {
			const c = byCode[tx.customer[r]];
			if (c < 0 || tx.time[r] >= end) continue;
			const g = group[c];
			if (g < 0) continue;
			const amount = tx.amount[r];
			lineTotals[g] += amount;
			for (let d = 0; d < cols.length; d++) {
				const col = cols[d];
				const code = col === null ? -1 : col.codes[tx.row[r]];
				if (code < 0) continue;
				const value = col!.values[code].trim();
				if (value === '') continue;
				const map = lineShares[d][g];
				map.set(value, (map.get(value) ?? 0) + amount);
			}
		}
	}

	return members.map((list, g) => {
		const lifecycle = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
		for (const i of list) lifecycle[STAGES[customers.stage[i]]]++;
		const top: TopValues[] = descriptors.map((d, k) => ({
			column: d.column,
			kind: d.kind,
			measure: 'revenue' as const,
			values: topShares(lineShares[k][g], lineTotals[g]),
		}));
		if (attributes !== null) {
			attributes.columns.forEach((column, c) => {
				const counts = new Map<string, number>();
				for (const i of list) {
					const v = attributes.values[c][i];
					if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
				}
				top.push({
					column,
					kind: 'attribute',
					measure: 'customers',
					values: topShares(counts, list.length),
				});
			});
		}
		return {
			group: g,
			customers: list.length,
			customerShare: n > 0 ? list.length / n : 0,
			revenue: revenue[g],
			revenueShare: totalRevenue !== 0 ? revenue[g] / totalRevenue : 0,
			orders: orders[g],
			averageOrderValue: orders[g] > 0 ? revenue[g] / orders[g] : null,
			median:
				list.length === 0
					? null
					: {
							recency: median(list.map((i) => m.recency[i])),
							frequency: median(list.map((i) => m.frequency[i])),
							monetary: median(list.map((i) => m.monetary[i])),
						},
			lifecycle,
			top: top.filter((t) => t.values.length > 0),
		};
	});
}

/** A playbook: the recommended action per group key (a segment id, or `cluster:N`). */
export type Playbook = Record<string, Bilingual>;
