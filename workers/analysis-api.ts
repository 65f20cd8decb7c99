/**
 * The analysis worker's API object: the pure analysis modules behind the AnalysisApi contract,
 * with an in-memory cache of the last results by their inputs. Storage is injected so that tests
 * run it in Node; the worker entry passes IndexedDB.
 */
import {
	analyzeClusters,
	analyzeCohorts,
	analyzeCustomers,
	prepareTable,
	type ClusterAnalysis,
	type CustomerAnalysis,
	type PreparedData,
	type ReadTable,
} from '../src/analysis/analyze';
import {
	attributeIdColumn,
	joinAttributes,
	summariseAttributes,
	type CustomerAttributes,
} from '../src/analysis/attributes';
import { formatDay } from '../src/analysis/dates';
import { readTableStream } from '../src/analysis/read/stream';
import {
	clustersCsv,
	clvSummary,
	cohortsCsv,
	customersCsv,
	groupCsv,
	summary,
} from '../src/analysis/export';
import { describeGroups } from '../src/analysis/personas';
import { probabilityAlive } from '../src/analysis/bgnbd';
import { UNIT_DAYS } from '../src/analysis/clv';
import { analyzeCustomerClv, type CustomerClv } from '../src/analysis/predict';
import { STAGES, type Stage } from '../src/analysis/lifecycle';
import { periodLabel, periodOf, periodStartDay } from '../src/analysis/period';
import type { Metric } from '../src/analysis/rfm';
import { defaultSettings, type AnalysisSettings } from '../src/analysis/settings';

import { paretoCurve, paretoShare, valueTiers } from '../src/analysis/value';
import type {
	AnalysisApi,
	AttributesResult,
	Breakdown,
	ClustersResult,
	ClvCellResult,
	ClvRow,
	CustomerPage,
	CustomerRow,
	DatasetInfo,
	DataResult,
	Histogram,
	Job,
	LifecycleResult,
	OverviewResult,
	PersonaGroup,
	PersonasResult,
	Progress,
	RfmResult,
	SegmentSummary,
} from '../src/shared/analysis-api';
import { UserError } from '../src/shared/errors';

/** Where the worker finds files and keeps parsed columns. */
export interface DatasetStore {
	getFile(datasetId: string): Promise<{ name: string; blob: Blob } | undefined>;
	/** Keeps the original file; a Blob, so the browser stores it without copying it into memory. */
	putFile(record: { id: string; name: string; blob: Blob }): Promise<void>;
	getParsed(datasetId: string, readKey: string): Promise<ReadTable | undefined>;
	putParsed(datasetId: string, readKey: string, table: ReadTable): Promise<void>;
}

function tooLarge(bytes: number): UserError {
	const mb = Math.round(bytes / 1e6);
	return new UserError('too_large', {
		en: `This file (${mb} MB) is larger than this browser tab can hold while analysing it. Keep only the columns needed (customer, date, invoice, amount), or split the file by year, and try again.`,
		zh: `此文件（${mb} MB）超出了浏览器标签页分析时能容纳的大小。请只保留需要的列（客户、日期、订单号、金额），或按年份拆分文件后重试。`,
	});
}

/** A small cache: the last few values by key. */
class Memo<T> {
	private map = new Map<string, T>();
	constructor(private size: number) {}
	get(key: string, make: () => T): T {
		let v = this.map.get(key);
		if (v === undefined) {
			v = make();
			this.map.set(key, v);
			if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
		} else {
			this.map.delete(key);
			this.map.set(key, v);
		}
		return v;
	}
	clear(prefix: string) {
		for (const k of [...this.map.keys()]) if (k.startsWith(prefix)) this.map.delete(k);
	}
}

const key = (...parts: unknown[]) => JSON.stringify(parts);
export const readKey = (s: AnalysisSettings) =>
	key(
		s.read.encoding ?? null,
		s.read.delimiter ?? null,
		s.read.sheet ?? null,
		s.read.header ?? null,
		s.read.skipLines ?? null,
		s.read.quote ?? null,
	);
const dataKey = (j: Job) =>
	key(
		j.datasetId,
		readKey(j.settings),
		j.settings.read.dateFormat ?? null,
		j.settings.mapping,
		j.settings.attributes,
		j.settings.cleaning,
	);
const customersKey = (j: Job) =>
	key(dataKey(j), j.settings.asOf, j.settings.rfm, j.settings.lifecycle);
const clustersKey = (j: Job) =>
	key(dataKey(j), j.settings.asOf, j.settings.rfm.monetary, j.settings.clusters);

export function createAnalysisApi(store: DatasetStore): AnalysisApi {
	const tables = new Memo<Promise<ReadTable>>(2);
	const prepared = new Memo<PreparedData>(2);
	const clvs = new Memo<CustomerClv>(2);
	const customers = new Memo<CustomerAnalysis>(3);
	const clusters = new Memo<ClusterAnalysis>(3);
	const sorted = new Memo<Int32Array>(4);
	const joined = new Memo<CustomerAttributes>(2);

	/** Files being imported, until they are stored. */
	const incoming = new Map<string, { name: string; blob: Blob }>();
	/**
	 * Writes of a new dataset, started by flush() once the first results are out: serialising the
	 * columns for IndexedDB takes the worker's time, which the first results need more.
	 */
	const writes = new Map<string, (() => Promise<unknown>)[]>();
	const track = (datasetId: string, write: () => Promise<unknown>) => {
		const list = writes.get(datasetId) ?? [];
		list.push(write);
		writes.set(datasetId, list);
	};

	function table(
		datasetId: string,
		settings: AnalysisSettings,
		progress?: Progress,
	): Promise<ReadTable> {
		const rk = readKey(settings);
		return tables.get(key(datasetId, rk), async () => {
			const stored = incoming.has(datasetId) ? undefined : await store.getParsed(datasetId, rk);
			if (stored) return stored;
			const file = incoming.get(datasetId) ?? (await store.getFile(datasetId));
			if (!file) {
				throw new UserError('unreadable_file', {
					en: 'The data of this notebook is no longer in the browser. Open the file again.',
					zh: '此笔记本的数据已不在浏览器中。请重新打开文件。',
				});
			}
			let t: ReadTable;
			try {
				// Read in chunks: the columns are all that is kept, never the whole text.
				t = await readTableStream(file.blob, file.name, settings.read, progress);
			} catch (e) {
				// An allocation the browser refuses: say so instead of failing with "invalid array length".
				if (e instanceof RangeError) throw tooLarge(file.blob.size);
				throw e;
			}
			if (incoming.has(datasetId)) track(datasetId, () => store.putParsed(datasetId, rk, t));
			// A cache: if it cannot be stored, the file is read again next time.
			else store.putParsed(datasetId, rk, t).catch(() => {});
			return t;
		});
	}

	async function data(job: Job, progress?: Progress): Promise<PreparedData> {
		const t = await table(
			job.datasetId,
			job.settings,
			progress && ((f) => progress(f * 0.8, 'read')),
		);
		return prepared.get(dataKey(job), () => prepareTable(t, job.settings));
	}

	async function analysis(job: Job, progress?: Progress): Promise<CustomerAnalysis> {
		const d = await data(job, progress);
		return customers.get(customersKey(job), () => analyzeCustomers(d, job.settings));
	}

	async function clusterAnalysis(job: Job, progress?: Progress): Promise<ClusterAnalysis> {
		const d = await data(job, progress);
		const c = await analysis(job, progress);
		return clusters.get(clustersKey(job), () => analyzeClusters(c, job.settings, progress, d));
	}

	/** Predictive CLV of the customers; zero-value lines count as purchases there. */
	async function customerClv(job: Job, progress?: Progress): Promise<CustomerClv> {
		const c = await analysis(job, progress);
		const d = await data(job, progress);
		return clvs.get(key(customersKey(job), job.settings.clv), () =>
			analyzeCustomerClv(d, c, job.settings, progress && ((f, s) => progress(0.1 + 0.9 * f, s))),
		);
	}

	/** The attributes file joined to the customers of the analysis, or null without one. */
	async function attributes(job: Job): Promise<CustomerAttributes | null> {
		const file = job.settings.attributesFile;
		if (!file) return null;
		const c = await analysis(job);
		const t = await table(file.datasetId, defaultSettings());
		const idColumn = attributeIdColumn(t, file.idColumn);
		return joined.get(key(customersKey(job), file), () =>
			joinAttributes(t, c.metrics.ids, idColumn),
		);
	}

	async function mask(job: Job, b: Breakdown | null): Promise<Uint8Array | undefined> {
		if (b === null) return undefined;
		const c = await analysis(job);
		const n = c.metrics.ids.length;
		const out = new Uint8Array(n);
		if (b.kind === 'segment') {
			const idx = c.segmentation.segments.findIndex((s) => s.id === b.value);
			for (let i = 0; i < n; i++) out[i] = c.segmentation.segment[i] === idx ? 1 : 0;
		} else if (b.kind === 'stage') {
			const idx = STAGES.indexOf(b.value);
			for (let i = 0; i < n; i++) out[i] = c.stage[i] === idx ? 1 : 0;
		} else if (b.kind === 'attribute') {
			const a = await attributes(job);
			const values = a?.values[a.columns.indexOf(b.column)];
			for (let i = 0; i < n; i++) out[i] = values?.[i] === b.value ? 1 : 0;
		} else {
			const labels = (await clusterAnalysis(job)).result?.labels;
			for (let i = 0; i < n; i++) out[i] = labels?.[i] === b.value ? 1 : 0;
		}
		return out;
	}

	return {
		async importFile({ datasetId, file, name, settings }, progress) {
			incoming.set(datasetId, { name, blob: file });
			// Storing is not on the way to the first results: flush() does it once they are out.
			track(datasetId, () => store.putFile({ id: datasetId, name, blob: file }));
			const t = await table(datasetId, settings, progress);
			return info(datasetId, name, file.size, t);
		},

		async flush({ datasetId }) {
			const list = writes.get(datasetId) ?? [];
			writes.delete(datasetId);
			for (const write of list) await write();
			incoming.delete(datasetId);
		},

		async prepareData(job, progress) {
			const d = await data(job, progress);
			const file = incoming.get(job.datasetId) ?? (await store.getFile(job.datasetId));
			const t = await table(job.datasetId, job.settings);
			let first = Infinity;
			let last = -Infinity;
			for (const day of d.orders.day) {
				if (day < first) first = day;
				if (day > last) last = day;
			}
			const customerSet = new Uint8Array(d.transactions.customerIds.length);
			for (let i = 0; i < d.orders.customer.length; i++)
				if (d.orders.purchase[i]) customerSet[d.orders.customer[i]] = 1;
			let count = 0;
			for (const x of customerSet) count += x;
			progress?.(1, 'clean');
			let attributesResult: AttributesResult | null = null;
			const a = await attributes(job);
			if (a !== null) {
				const at = await table(job.settings.attributesFile!.datasetId, defaultSettings());
				attributesResult = {
					name: job.settings.attributesFile!.name,
					idColumn: a.idColumn,
					names: at.source.names,
					customers: (await analysis(job)).metrics.ids.length,
					matched: a.matched,
					unmatched: a.unmatched,
					unmatchedExamples: a.unmatchedExamples,
					columns: summariseAttributes(a),
				};
			}
			return {
				info: info(job.datasetId, file?.name ?? '', file?.blob.size ?? 0, t),
				attributes: attributesResult,
				mapping: d.mapping,
				report: d.report,
				customers: count,
				firstDay: first,
				lastDay: last,
			} satisfies DataResult;
		},

		async overview(job, progress) {
			const c = await analysis(job, progress);
			return overview(c);
		},

		async rfm(job, progress) {
			const c = await analysis(job, progress);
			return rfm(c);
		},

		async cohorts(job, progress) {
			const c = await analysis(job, progress);
			const m = await mask(job, job.breakdown);
			return { matrix: analyzeCohorts(c, job.settings, m), breakdown: job.breakdown };
		},

		async clusters(job, progress) {
			const c = await analysis(job, progress);
			const cl = await clusterAnalysis(job, progress);
			return clusterResult(c, cl);
		},

		async lifecycle(job, progress) {
			const c = await analysis(job, progress);
			return lifecycle(c, job.settings.value ?? { topShare: 0.2, tierA: 0.8, tierB: 0.95 });
		},

		async customers(job) {
			const c = await analysis(job);
			// The cluster column is always filled, as in customers.csv.
			const labels = (await clusterAnalysis(job)).result?.labels ?? null;
			const order = sorted.get(
				key(customersKey(job), clustersKey(job), job.sort, job.descending),
				() => sortCustomers(c, job.sort, job.descending, labels),
			);
			const m = job.filter === null ? null : await mask(job, job.filter);
			const search = job.search.trim().toLowerCase();
			const ids = c.metrics.ids;
			const matches: number[] = [];
			for (const i of order) {
				if (m && !m[i]) continue;
				if (search && !ids[i].toLowerCase().includes(search)) continue;
				matches.push(i);
			}
			const rows = matches
				.slice(job.offset, job.offset + job.limit)
				.map((i) => customerRow(c, i, labels));
			return { total: matches.length, offset: job.offset, rows } satisfies CustomerPage;
		},

		async clv(job, progress) {
			const c = await analysis(job, progress);
			return clvResult(c, await customerClv(job, progress));
		},

		async personas(job, progress) {
			const d = await data(job, progress);
			const c = await analysis(job, progress);
			const a = await attributes(job);
			const seg = c.segmentation;
			if (job.by === 'segment') {
				const personas = describeGroups(d, c, seg.segment, seg.segments.length, a);
				const groups: PersonaGroup[] = seg.segments.map((def, g) => ({
					key: `segment:${def.id}`,
					name: def.name,
					description: def.description,
					action: def.action,
					persona: personas[g],
				}));
				return {
					by: 'segment',
					groups: groups.filter((g) => g.persona.customers > 0),
				} satisfies PersonasResult;
			}
			const r = (await clusterAnalysis(job, progress)).result;
			if (r === null || r.k === 0) return { by: 'cluster', groups: [] };
			const group = r.labels.map((l) => l - 1);
			const personas = describeGroups(d, c, group, r.k, a);
			return {
				by: 'cluster',
				groups: r.profiles.map((p, g) => {
					// A cluster's default action: that of the segment most of its customers are in.
					const counts = new Int32Array(seg.segments.length);
					for (let i = 0; i < group.length; i++) if (group[i] === g) counts[seg.segment[i]]++;
					const top = seg.segments[counts.indexOf(Math.max(...counts))];
					const share = p.size > 0 ? Math.max(...counts) / p.size : 0;
					const pct = Math.round(share * 100);
					return {
						key: `cluster:${p.cluster}`,
						name: p.name,
						description: null,
						action: {
							en: `${pct} % are ${top.name.en}: ${top.action.en}`,
							zh: `${pct}% 属于${top.name.zh}：${top.action.zh}`,
						},
						persona: personas[g],
					};
				}),
			} satisfies PersonasResult;
		},

		async exportGroup(job) {
			const c = await analysis(job);
			const labels = (await clusterAnalysis(job)).result?.labels ?? null;
			const [kind, value] = [
				job.group.slice(0, job.group.indexOf(':')),
				job.group.slice(job.group.indexOf(':') + 1),
			];
			if (kind !== 'segment' && kind !== 'cluster')
				throw new Error(`exportGroup: unknown group "${job.group}"`);
			const m = await mask(
				job,
				kind === 'segment' ? { kind, value } : { kind, value: Number(value) },
			);
			return groupCsv(c, labels, m!, job.action);
		},

		async exportFile(job) {
			const c = await analysis(job);
			switch (job.file) {
				case 'customers.csv':
					return customersCsv(
						c,
						await clusterAnalysis(job),
						job.clv ? await customerClv(job) : null,
					);
				case 'cohorts.csv':
					return cohortsCsv(analyzeCohorts(c, job.settings));
				case 'clusters.csv':
					return clustersCsv(await clusterAnalysis(job));
				case 'summary.json': {
					const d = await data(job);
					const file = incoming.get(job.datasetId) ?? (await store.getFile(job.datasetId));
					const result = {
						data: d,
						customers: c,
						cohorts: analyzeCohorts(c, job.settings),
						clusters: await clusterAnalysis(job),
					};
					const json = {
						...summary(result, file?.name ?? ''),
						...(job.clv ? clvSummary(await customerClv(job)) : {}),
					};
					return JSON.stringify(json, null, 2) + '\n';
				}
			}
		},

		async release({ datasetId }) {
			const prefix = JSON.stringify([datasetId]).slice(0, -1);
			tables.clear(prefix);
		},
	};
}

function info(datasetId: string, name: string, bytes: number, t: ReadTable): DatasetInfo {
	const s = t.source;
	return {
		datasetId,
		name,
		bytes,
		format: s.format,
		...(s.sheets === undefined ? {} : { sheet: s.sheet, sheets: s.sheets }),
		encoding: s.encoding,
		dialect: s.dialect,
		decimal: s.decimal,
		names: s.names,
		profiles: s.profiles,
		suggested: s.suggested,
		rows: t.columns.rows,
		preview: t.preview,
		warnings: s.warnings,
	};
}

function overview(c: CustomerAnalysis): OverviewResult {
	const m = c.metrics;
	const o = c.orders;
	let revenue = 0;
	let orders = 0;
	let first = Infinity;
	let last = -Infinity;
	const months = new Map<number, { revenue: number; orders: number; seen: Set<number> }>();
	for (let i = 0; i < o.day.length; i++) {
		const p = periodOf(o.day[i], 'month');
		let b = months.get(p);
		if (!b) months.set(p, (b = { revenue: 0, orders: 0, seen: new Set() }));
		b.revenue += o.amount[i];
		revenue += o.amount[i];
		if (o.purchase[i]) {
			b.orders++;
			orders++;
			b.seen.add(o.customer[i]);
		}
		if (o.day[i] < first) first = o.day[i];
		if (o.day[i] > last) last = o.day[i];
	}
	const monthly = [...months.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([p, b]) => ({
			month: periodLabel(p, 'month'),
			start: periodStartDay(p, 'month'),
			revenue: b.revenue,
			orders: b.orders,
			customers: b.seen.size,
		}));
	return {
		asOf: m.asOf,
		customers: m.ids.length,
		orders,
		revenue,
		averageOrderValue: orders === 0 ? 0 : revenue / orders,
		firstDay: first,
		lastDay: last,
		monthly,
		histograms: [
			histogram('recency', m.recency, false),
			histogram('frequency', m.frequency, true),
			histogram('monetary', m.monetary, true),
		],
	};
}

/** Up to 30 equal-width bins; a long right tail is folded into the last bin at the 99th percentile. */
export function histogram(metric: Metric, values: ArrayLike<number>, clip: boolean): Histogram {
	const sorted = Float64Array.from(values).sort();
	const n = sorted.length;
	if (n === 0) return { metric, bins: [], clippedAbove: null, median: NaN, mean: NaN };
	const min = sorted[0];
	const p99 = sorted[Math.min(n - 1, Math.floor(n * 0.99))];
	const max = clip && p99 < sorted[n - 1] ? p99 : sorted[n - 1];
	let sum = 0;
	for (const v of sorted) sum += v;
	const integer = sorted.every((v) => Number.isInteger(v));
	let count = Math.min(30, Math.max(1, integer ? max - min + 1 : 30));
	let width = (max - min) / count || 1;
	if (integer) {
		width = Math.max(1, Math.ceil((max - min + 1) / 30));
		count = Math.ceil((max - min + 1) / width);
	}
	const bins = Array.from({ length: count }, (_, i) => ({
		x0: min + i * width,
		x1: min + (i + 1) * width,
		count: 0,
	}));
	for (const v of sorted)
		bins[Math.min(count - 1, Math.max(0, Math.floor((v - min) / width)))].count++;
	const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	return { metric, bins, clippedAbove: max < sorted[n - 1] ? max : null, median, mean: sum / n };
}

function rfm(c: CustomerAnalysis): RfmResult {
	const m = c.metrics;
	const seg = c.segmentation;
	const n = m.ids.length;
	let total = 0;
	for (let i = 0; i < n; i++) total += m.monetary[i];
	const acc = seg.segments.map(() => ({ customers: 0, revenue: 0, r: 0, f: 0, m: 0 }));
	for (let i = 0; i < n; i++) {
		const a = acc[seg.segment[i]];
		a.customers++;
		a.revenue += m.monetary[i];
		a.r += m.recency[i];
		a.f += m.frequency[i];
		a.m += m.monetary[i];
	}
	const segments: SegmentSummary[] = seg.segments.map((s, k) => {
		const a = acc[k];
		return {
			id: s.id,
			name: s.name,
			description: s.description,
			action: s.action,
			customers: a.customers,
			revenue: a.revenue,
			customerShare: n === 0 ? 0 : a.customers / n,
			revenueShare: total === 0 ? 0 : a.revenue / total,
			meanRecency: a.customers ? a.r / a.customers : NaN,
			meanFrequency: a.customers ? a.f / a.customers : NaN,
			meanMonetary: a.customers ? a.m / a.customers : NaN,
		};
	});
	const bins = c.scores.bins;
	const grid = [];
	const counts = new Int32Array(bins * bins);
	const sums = new Float64Array(bins * bins);
	for (let i = 0; i < n; i++) {
		const k = (c.scores.r[i] - 1) * bins + (c.scores.f[i] - 1);
		counts[k]++;
		sums[k] += m.monetary[i];
	}
	for (let r = 1; r <= bins; r++)
		for (let f = 1; f <= bins; f++) {
			const k = (r - 1) * bins + (f - 1);
			grid.push({
				r,
				f,
				customers: counts[k],
				meanMonetary: counts[k] ? sums[k] / counts[k] : null,
			});
		}
	return {
		asOf: m.asOf,
		bins,
		method: c.scores.cuts.recency.method,
		scheme: seg.scheme,
		cuts: c.scores.cuts,
		segments,
		grid,
		warnings: c.warnings,
	};
}

const TOP_ROWS = 10;

function clvResult(c: CustomerAnalysis, cl: CustomerClv): ClvCellResult {
	const r = cl.result;
	const k = r.customers;
	const u = UNIT_DAYS[r.options.unit];
	// Every customer the models fitted, including those whose only purchases were worth 0 (the
	// RFM analysis has no row for them): spend for the tie-break comes from the RFM analysis.
	const rfmIndex = new Map(c.metrics.ids.map((id, i) => [id, i]));
	const fitted: number[] = [];
	for (let j = 0; j < cl.ids.length; j++) if (k.inCalibration[j]) fitted.push(j);
	const monetary = (j: number) => {
		const i = rfmIndex.get(cl.ids[j]);
		return i === undefined ? 0 : c.metrics.monetary[i];
	};
	const row = (j: number): ClvRow => ({
		customer_id: cl.ids[j],
		x: k.x[j],
		t_x: k.tx[j],
		T: k.T[j],
		p_alive: k.pAlive[j],
		expected_purchases: k.expectedPurchases[j],
		prob_no_purchase: k.probNoPurchase[j],
		expected_avg_spend: Number.isFinite(k.expectedAvgSpend[j]) ? k.expectedAvgSpend[j] : null,
		clv: Number.isFinite(k.clv[j]) ? k.clv[j] : null,
		monetary: monetary(j),
	});
	const topClv = r.gammaGamma
		? fitted
				.filter((j) => Number.isFinite(k.clv[j]))
				.sort((a, b) => k.clv[b] - k.clv[a])
				.slice(0, TOP_ROWS)
				.map(row)
		: [];
	// At risk: repeat buyers (their P(alive) says something) most likely to buy nothing, the
	// bigger spenders first among equals.
	const topRisk = fitted
		.filter((j) => k.x[j] > 0)
		.sort((a, b) => k.probNoPurchase[b] - k.probNoPurchase[a] || monetary(b) - monetary(a))
		.slice(0, TOP_ROWS)
		.map(row);
	let expectedPurchases = 0;
	let total = 0;
	let oneTimeBuyers = 0;
	let maxX = 0;
	let maxT = 0;
	const clvValues = new Float64Array(fitted.length);
	fitted.forEach((j, n) => {
		expectedPurchases += k.expectedPurchases[j];
		total += k.clv[j];
		clvValues[n] = k.clv[j];
		if (k.x[j] === 0) oneTimeBuyers++;
		maxX = Math.max(maxX, k.x[j]);
		maxT = Math.max(maxT, k.T[j]);
	});
	// The P(alive) matrix at the longest T: rows x = 0 … (at most 30), columns t_x in 30 steps.
	const steps = 30;
	const step = maxT > 0 ? maxT / steps : 1;
	const cells: { x: number; tx: number; p: number }[] = [];
	for (let x = 0; x <= Math.min(maxX, 30); x++) {
		for (let s = 0; s <= steps; s++) {
			const tx = s * step;
			if (x === 0 && s > 0) break;
			if (x > 0 && s === 0) continue;
			cells.push({ x, tx, p: probabilityAlive(r.bgnbd, x, tx, maxT) });
		}
	}
	// The tracking series, thinned to about 400 points.
	const tr = r.tracking;
	const every = Math.max(1, Math.ceil(tr.t.length / 400));
	const tracking: ClvCellResult['tracking'] = [];
	for (let p = 0; p < tr.t.length; p += every)
		tracking.push({ t: tr.t[p], actual: tr.actual[p], expected: tr.expected[p] });
	const lastPoint = tr.t.length - 1;
	if (lastPoint >= 0 && lastPoint % every !== 0)
		tracking.push({
			t: tr.t[lastPoint],
			actual: tr.actual[lastPoint],
			expected: tr.expected[lastPoint],
		});
	const start = tr.day.length > 0 ? tr.day[0] - (Math.round(tr.t[0] * u) - 1) : 0;
	const calibrationT =
		r.options.calibrationEnd < r.options.observationEnd
			? (r.options.calibrationEnd - start + 1) / u
			: null;
	return {
		options: r.options,
		population: r.population,
		lateCustomers: r.lateCustomers,
		oneTimeBuyers,
		bgnbd: r.bgnbd,
		gammaGamma: r.gammaGamma,
		holdout: r.holdout,
		tracking,
		calibrationT,
		alive: { cells, step, T: maxT },
		clvValues,
		totals: { expectedPurchases, clv: r.gammaGamma ? total : null },
		topClv,
		topRisk,
		warnings: r.warnings,
	};
}

function clusterResult(c: CustomerAnalysis, cl: ClusterAnalysis): ClustersResult {
	const m = c.metrics;
	const r = cl.result;
	const n = m.ids.length;
	const step = Math.max(1, Math.ceil(n / 2000));
	const points = [];
	if (r !== null) {
		for (let i = 0; i < n; i += step) {
			points.push({
				recency: m.recency[i],
				frequency: m.frequency[i],
				monetary: m.monetary[i],
				cluster: r.labels[i],
			});
		}
	}
	return {
		scan: cl.scan,
		bestK: cl.bestK,
		k: r?.k ?? null,
		inertia: r?.inertia ?? null,
		silhouette: r?.silhouette ?? null,
		featureNames: r?.featureNames ?? ['recency', 'frequency', 'monetary'],
		profiles: r?.profiles ?? [],
		tree: r?.tree ?? null,
		treeAccuracy: r?.treeAccuracy ?? null,
		points,
		customers: n,
		warnings: cl.warnings,
	};
}

function lifecycle(c: CustomerAnalysis, value: AnalysisSettings['value']): LifecycleResult {
	const m = c.metrics;
	const counts = { ...c.lifecycleCounts };
	const revenue = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
	let tenureYears = 0;
	let total = 0;
	let first = Infinity;
	for (let i = 0; i < m.ids.length; i++) {
		revenue[STAGES[c.stage[i]]] += m.monetary[i];
		total += m.monetary[i];
		tenureYears += (m.lastDay[i] - m.firstDay[i]) / 365.25;
		if (m.firstDay[i] < first) first = m.firstDay[i];
	}
	const years = Math.max(1 / 365.25, (m.asOf - first) / 365.25);
	const tiers = valueTiers(m.monetary, m.ids, [value.tierA, value.tierB]);
	return {
		counts,
		revenue,
		paretoTop20: value.topShare === 0.2 ? c.paretoTop20 : paretoShare(m.monetary, value.topShare),
		topShare: value.topShare,
		tierCuts: [value.tierA, value.tierB],
		pareto: paretoCurve(m.monetary),
		tiers: (['A', 'B', 'C'] as const).map((tier, k) => ({
			tier,
			customers: tiers.counts[k],
			revenue: tiers.revenue[k],
		})),
		averageAnnualSpend: m.ids.length === 0 ? 0 : total / m.ids.length / years,
		averageLifetimeYears: m.ids.length === 0 ? 0 : tenureYears / m.ids.length,
	};
}

function customerRow(c: CustomerAnalysis, i: number, labels: Int32Array | null): CustomerRow {
	const m = c.metrics;
	const s = c.scores;
	return {
		customer_id: m.ids[i],
		recency_days: m.recency[i],
		frequency: m.frequency[i],
		monetary: m.monetary[i],
		first_purchase: formatDay(m.firstDay[i]),
		last_purchase: formatDay(m.lastDay[i]),
		rfm_cell: `${s.r[i]}${s.f[i]}${s.m[i]}`,
		rfm_score: s.r[i] + s.f[i] + s.m[i],
		segment: c.segmentation.segments[c.segmentation.segment[i]].id,
		lifecycle: STAGES[c.stage[i]],
		cluster: labels === null ? null : labels[i],
	};
}

function sortCustomers(
	c: CustomerAnalysis,
	sort: string,
	descending: boolean,
	labels: Int32Array | null,
): Int32Array {
	const m = c.metrics;
	const n = m.ids.length;
	const idx = Int32Array.from({ length: n }, (_, i) => i);
	let value: (i: number) => number | string;
	switch (sort) {
		case 'recency_days':
			value = (i) => m.recency[i];
			break;
		case 'frequency':
			value = (i) => m.frequency[i];
			break;
		case 'monetary':
			value = (i) => m.monetary[i];
			break;
		case 'rfm_score':
			value = (i) => c.scores.r[i] + c.scores.f[i] + c.scores.m[i];
			break;
		case 'segment':
			value = (i) => c.segmentation.segment[i];
			break;
		case 'cluster':
			value = (i) => labels?.[i] ?? 0;
			break;
		default:
			return descending ? idx.reverse() : idx;
	}
	const sign = descending ? -1 : 1;
	idx.sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		return (va < vb ? -sign : va > vb ? sign : 0) || a - b;
	});
	return idx;
}
