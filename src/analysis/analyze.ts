/**
 * The whole analysis of a file of orders, stage by stage: read → clean → orders → customers →
 * RFM, segments, lifecycle, value → cohorts → clusters. The CLI runs it end to end; the worker
 * runs the same stages one cell at a time.
 */
import { UserError } from '../shared/errors';
import {
	cleanTransactions,
	unknownColumn,
	type CleaningReport,
	type Transactions,
	type ZeroLines,
} from './clean';
import { fitClusters, scanClusters, type ClusterResult, type ScanRow } from './cluster';
import { buildCohorts, type CohortMatrix } from './cohort';
import { buildOrders, computeMetrics } from './customers';
import { MS_PER_DAY, parseIsoDay } from './dates';
import { assignLifecycle, STAGES, type Stage } from './lifecycle';
import {
	readOptions,
	readWholeTable,
	type RawColumns,
	type ReadTable,
	type TableInput,
	type TableMeta,
} from './read/table';
import { ROLES, type Mapping } from './read/roles';
import { parseNumber } from './read/values';
import { scoreRfm, type RfmScores } from './rfm';
import { assignSegments, type Segmentation } from './segments';
import type { AnalysisSettings } from './settings';
import type { CustomerMetrics, OnProgress, Orders, Warning } from './types';
import { paretoShare } from './value';

/** The file read and cleaned: what every later stage starts from. */
export interface PreparedData {
	source: TableMeta;
	mapping: Mapping;
	columns: RawColumns;
	transactions: Transactions;
	/** Lines dropped only for being worth 0: purchases for predictive CLV (§6). */
	zeroLines: ZeroLines;
	report: CleaningReport;
	/** Orders of every customer, before the analysis date is applied. */
	orders: Orders;
}

/** The roles to use: the user's where given, the suggested ones otherwise. */
export function resolveMapping(source: TableMeta, forced: Partial<Mapping>): Mapping {
	const mapping = { ...source.suggested };
	for (const role of ROLES) {
		const name = forced[role];
		if (name === undefined) continue;
		if (name !== null && !source.names.includes(name)) throw unknownColumn(name, source.names);
		if (name !== null) {
			// A column plays one role: taking it away from a suggested role frees that role.
			for (const other of ROLES)
				if (other !== role && mapping[other] === name) mapping[other] = null;
		}
		mapping[role] = name;
	}
	if (
		mapping.amount !== null &&
		forced.amount === undefined &&
		(forced.quantity || forced.unit_price)
	) {
		mapping.amount = null;
	}
	return mapping;
}

export type { ReadTable };

/**
 * Reads a file (§7) under the settings' read options: CSV or JSON bytes, or an xlsx or Parquet
 * file decoded by decodeFile() (read/decode.ts), which picks the sheet.
 */
export function readTable(
	bytes: TableInput,
	name: string,
	read: AnalysisSettings['read'],
	onProgress?: OnProgress,
): ReadTable {
	return readWholeTable(bytes, readOptions(name, read), onProgress);
}

/** Cleans a read table (§1) and groups its lines into orders. */
export function prepareTable(table: ReadTable, settings: AnalysisSettings): PreparedData {
	const { source, columns } = table;
	const mapping = resolveMapping(source, settings.mapping);
	for (const column of Object.values(settings.attributes)) {
		if (!source.names.includes(column)) throw unknownColumn(column, source.names);
	}
	const { transactions, report, zeroLines } = cleanTransactions(
		{
			source,
			columns,
			mapping,
			duplicateColumns: source.names,
			dateFormat: settings.read.dateFormat,
		},
		settings.cleaning,
	);
	const orders = buildOrders(transactions, settings.cleaning.order);
	return { source, mapping, columns, transactions, zeroLines, report, orders };
}

/** Reads and cleans a file (§1, §7): the first half of every analysis. */
export function prepareData(
	bytes: TableInput,
	name: string,
	settings: AnalysisSettings,
	onProgress?: OnProgress,
): PreparedData {
	return prepareTable(readTable(bytes, name, settings.read, onProgress), settings);
}

/** Customers as of the analysis date with their RFM scores, segment, lifecycle stage and value. */
export interface CustomerAnalysis {
	metrics: CustomerMetrics;
	/** Orders up to the analysis date, indexed like metrics. */
	orders: Orders;
	scores: RfmScores;
	segmentation: Segmentation;
	stage: Uint8Array;
	lifecycleCounts: Record<Stage, number>;
	paretoTop20: number;
	warnings: Warning[];
}

export function analyzeCustomers(data: PreparedData, settings: AnalysisSettings): CustomerAnalysis {
	let asOf: number | undefined;
	if (settings.asOf !== null) {
		const day = parseIsoDay(settings.asOf);
		if (day === null) {
			throw new UserError('bad_option', {
				en: `The analysis date "${settings.asOf}" is not a date of the form YYYY-MM-DD.`,
				zh: `分析日期"${settings.asOf}"不是 YYYY-MM-DD 格式的日期。`,
			});
		}
		asOf = day;
	}
	const { metrics, orders } = computeMetrics(data.orders, data.transactions.customerIds, {
		asOf,
		monetary: settings.rfm.monetary,
	});
	const scores = scoreRfm(metrics, {
		method: settings.rfm.scoring,
		bins: settings.rfm.bins,
		fixed: settings.rfm.fixed,
	});
	const segmentation = assignSegments(scores, metrics, {
		scheme: settings.rfm.segments,
		rules: settings.rfm.rules,
	});
	const lifecycle = assignLifecycle(metrics, settings.lifecycle);
	return {
		metrics,
		orders,
		scores,
		segmentation,
		stage: lifecycle.stage,
		lifecycleCounts: lifecycle.counts,
		paretoTop20: paretoShare(metrics.monetary),
		warnings: [...scores.warnings, ...segmentation.warnings],
	};
}

export function analyzeCohorts(
	customers: CustomerAnalysis,
	settings: AnalysisSettings,
	mask?: Uint8Array,
): CohortMatrix {
	return buildCohorts(customers.orders, customers.metrics.ids.length, customers.metrics.asOf, {
		period: settings.cohorts.period,
		onOrAfter: settings.cohorts.onOrAfter,
		customers: mask,
	});
}

export interface ClusterAnalysis {
	scan: ScanRow[];
	bestK: number | null;
	result: ClusterResult | null;
	warnings: Warning[];
}

/**
 * A numeric column summarised per customer (mean or sum of its lines up to the analysis date),
 * indexed like the customers. Lines without a number are left out; a customer with none gets 0.
 */
export function customerFeature(
	data: PreparedData,
	customers: CustomerAnalysis,
	column: string,
	aggregate: 'mean' | 'sum',
): Float64Array {
	const i = data.source.names.indexOf(column);
	const col = i < 0 ? null : data.columns.columns[i];
	if (col === null) throw unknownColumn(column, data.source.names);
	const numbers = col.values.map((v) => parseNumber(v, data.source.decimal));
	const m = customers.metrics;
	const index = new Map(m.ids.map((id, k) => [id, k]));
	const tx = data.transactions;
	const byCode = tx.customerIds.map((id) => index.get(id) ?? -1);
	const sum = new Float64Array(m.ids.length);
	const count = new Int32Array(m.ids.length);
	const end = (m.asOf + 1) * MS_PER_DAY;
	for (let r = 0; r < tx.rows; r++) {
		const c = byCode[tx.customer[r]];
		if (c < 0 || tx.time[r] >= end) continue;
		const code = col.codes[tx.row[r]];
		const x = code < 0 ? NaN : numbers[code];
		if (Number.isNaN(x)) continue;
		sum[c] += x;
		count[c]++;
	}
	if (aggregate === 'mean')
		for (let c = 0; c < sum.length; c++) sum[c] = count[c] ? sum[c] / count[c] : 0;
	return sum;
}

export function analyzeClusters(
	customers: CustomerAnalysis,
	settings: AnalysisSettings,
	onProgress?: OnProgress,
	data?: PreparedData,
): ClusterAnalysis {
	const m = customers.metrics;
	const features: { name: string; values: ArrayLike<number> }[] = [
		{ name: 'recency', values: m.recency },
		{ name: 'frequency', values: m.frequency },
		{ name: 'monetary', values: m.monetary },
	];
	for (const f of settings.clusters.extra ?? []) {
		if (!data) throw new Error('analyzeClusters: extra features need the prepared data');
		features.push({
			name: `${f.column} (${f.aggregate})`,
			values: customerFeature(data, customers, f.column, f.aggregate),
		});
	}
	const options = {
		seed: settings.clusters.seed,
		log1p: settings.clusters.log1p,
		standardize: settings.clusters.standardize,
		kMin: settings.clusters.kMin,
		kMax: settings.clusters.kMax,
	};
	const scan = scanClusters(
		features,
		options,
		onProgress && ((f) => onProgress(f * 0.8, 'k-scan')),
	);
	const k = settings.clusters.k ?? scan.bestK;
	if (k !== null && (k < 1 || k > m.ids.length)) {
		throw new UserError('too_few_customers', {
			en: `Cannot make ${k} clusters from ${m.ids.length} customers. Choose a k between 2 and ${m.ids.length}.`,
			zh: `无法把 ${m.ids.length} 个客户分成 ${k} 个簇。请选择 2 到 ${m.ids.length} 之间的 k。`,
		});
	}
	const result = k === null ? null : fitClusters(features, k, options);
	onProgress?.(1, 'clusters');
	return {
		scan: scan.rows,
		bestK: scan.bestK,
		result,
		warnings: [...scan.warnings, ...(result?.warnings ?? [])],
	};
}

export interface AnalysisResult {
	data: PreparedData;
	customers: CustomerAnalysis;
	cohorts: CohortMatrix;
	clusters: ClusterAnalysis;
}

/** Runs every stage on a file (bytes, or decoded by decodeFile()), as the CLI does. */
export function runAnalysis(
	bytes: TableInput,
	name: string,
	settings: AnalysisSettings,
	onProgress?: OnProgress,
): AnalysisResult {
	const data = prepareData(
		bytes,
		name,
		settings,
		onProgress && ((f) => onProgress(f * 0.5, 'read')),
	);
	const customers = analyzeCustomers(data, settings);
	const cohorts = analyzeCohorts(customers, settings);
	const clusters = analyzeClusters(
		customers,
		settings,
		onProgress && ((f) => onProgress(0.6 + f * 0.4, 'clusters')),
		data,
	);
	return { data, customers, cohorts, clusters };
}

export { STAGES };
