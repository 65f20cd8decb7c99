/**
 * The one contract between the UI and the analysis worker. The UI imports it with `import type`;
 * every method takes one options object and returns a Promise. Data lives in the worker under a
 * dataset id; what comes back is small (summaries, chart-ready series, one page of a table).
 */
import type { AttributeColumnSummary } from '../analysis/attributes';
import type { CleaningReport } from '../analysis/clean';
import type { ScanRow, ClusterProfile, TreeNode } from '../analysis/cluster';
import type { CohortMatrix } from '../analysis/cohort';
import type { Stage } from '../analysis/lifecycle';
import type { Dialect } from '../analysis/read/tokenize';
import type { ColumnProfile, Mapping } from '../analysis/read/roles';
import type { BgNbdFit } from '../analysis/bgnbd';
import type { HoldoutValidation, ResolvedClvOptions } from '../analysis/clv';
import type { GammaGammaFit } from '../analysis/gamma-gamma';
import type { Persona } from '../analysis/personas';
import type { Metric, MetricCuts } from '../analysis/rfm';
import type { AnalysisSettings } from '../analysis/settings';
import type { Bilingual, Warning } from '../analysis/types';

export type Progress = (fraction: number, stage?: string) => void;

/** What was understood of a file: shown in the Data cell. */
export interface DatasetInfo {
	datasetId: string;
	name: string;
	bytes: number;
	format: string;
	/** The sheet read (xlsx only). */
	sheet?: string;
	/** Every sheet of the workbook, to offer a choice (xlsx only). */
	sheets?: string[];
	encoding: string;
	dialect: Dialect;
	decimal: '.' | ',';
	names: string[];
	profiles: ColumnProfile[];
	suggested: Mapping;
	/** Data rows in the file. */
	rows: number;
	/** The first rows as text, for the preview. */
	preview: string[][];
	warnings: Warning[];
}

/** The join of a customer-attributes file to the customers. */
export interface AttributesResult {
	name: string;
	idColumn: string;
	/** The file's columns, for choosing the id column. */
	names: string[];
	customers: number;
	matched: number;
	unmatched: number;
	unmatchedExamples: string[];
	columns: AttributeColumnSummary[];
}

export interface DataResult {
	info: DatasetInfo;
	/** The customer-attributes file, when one is given. */
	attributes: AttributesResult | null;
	mapping: Mapping;
	report: CleaningReport;
	/** Customers with at least one purchase after cleaning. */
	customers: number;
	firstDay: number;
	lastDay: number;
}

export interface Histogram {
	metric: Metric;
	/** Bin edges: bins[i] = [x0, x1), the last bin is closed. */
	bins: { x0: number; x1: number; count: number }[];
	/** Values above this were folded into the last bin (a long tail), or null. */
	clippedAbove: number | null;
	median: number;
	mean: number;
}

export interface OverviewResult {
	asOf: number;
	customers: number;
	orders: number;
	revenue: number;
	averageOrderValue: number;
	firstDay: number;
	lastDay: number;
	monthly: { month: string; start: number; revenue: number; orders: number; customers: number }[];
	histograms: Histogram[];
}

export interface SegmentSummary {
	id: string;
	name: Bilingual;
	description: Bilingual;
	action: Bilingual;
	customers: number;
	revenue: number;
	customerShare: number;
	revenueShare: number;
	meanRecency: number;
	meanFrequency: number;
	meanMonetary: number;
}

export interface RfmResult {
	asOf: number;
	bins: number;
	method: string;
	scheme: string;
	cuts: Record<Metric, MetricCuts>;
	segments: SegmentSummary[];
	/** The R × F grid: customers and mean monetary value per cell. */
	grid: { r: number; f: number; customers: number; meanMonetary: number | null }[];
	warnings: Warning[];
}

export interface CohortResult {
	matrix: CohortMatrix;
	/** The breakdown applied, or null for all customers. */
	breakdown: Breakdown | null;
}

export interface ClustersResult {
	scan: ScanRow[];
	bestK: number | null;
	k: number | null;
	inertia: number | null;
	silhouette: number | null;
	featureNames: string[];
	profiles: ClusterProfile[];
	tree: TreeNode | null;
	treeAccuracy: number | null;
	/** Up to 2,000 customers, sampled evenly, for the scatter (SVG dots cost the page time). */
	points: { recency: number; frequency: number; monetary: number; cluster: number }[];
	customers: number;
	warnings: Warning[];
}

export interface LifecycleResult {
	counts: Record<Stage, number>;
	revenue: Record<Stage, number>;
	/** Share of revenue from the top `topShare` of customers (0.2 unless the user changed it). */
	paretoTop20: number;
	topShare: number;
	/** The A/B and B/C cuts of cumulative revenue. */
	tierCuts: [number, number];
	pareto: { customerShare: number; revenueShare: number }[];
	tiers: { tier: 'A' | 'B' | 'C'; customers: number; revenue: number }[];
	averageAnnualSpend: number;
	averageLifetimeYears: number;
}

/** A subset of customers: a segment (English id), a cluster (1-based) or a lifecycle stage. */
export type Breakdown =
	| { kind: 'segment'; value: string }
	| { kind: 'cluster'; value: number }
	| { kind: 'stage'; value: Stage }
	| { kind: 'attribute'; column: string; value: string };

export const CUSTOMER_SORTS = [
	'customer_id',
	'recency_days',
	'frequency',
	'monetary',
	'rfm_score',
	'segment',
	'cluster',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerRow {
	customer_id: string;
	recency_days: number;
	frequency: number;
	monetary: number;
	first_purchase: string;
	last_purchase: string;
	rfm_cell: string;
	rfm_score: number;
	segment: string;
	lifecycle: Stage;
	cluster: number | null;
}

export interface CustomerPage {
	/** Customers matching the filter. */
	total: number;
	offset: number;
	rows: CustomerRow[];
}

/** One customer's predictive CLV figures (§6), in the model's unit. */
export interface ClvRow {
	customer_id: string;
	x: number;
	t_x: number;
	T: number;
	p_alive: number;
	expected_purchases: number;
	prob_no_purchase: number;
	expected_avg_spend: number | null;
	clv: number | null;
	/** Historical spend (RFM monetary). */
	monetary: number;
}

/** What the CLV cell shows: the fits, predictions, holdout check and charts' data. */
export interface ClvCellResult {
	options: ResolvedClvOptions;
	population: number;
	lateCustomers: number;
	/** Customers fitted with x = 0 (P(alive) = 1 by construction). */
	oneTimeBuyers: number;
	bgnbd: BgNbdFit;
	gammaGamma: GammaGammaFit | null;
	holdout: HoldoutValidation | null;
	/** Cumulative repeat purchases, actual and expected, at most ~400 points. */
	tracking: { t: number; actual: number; expected: number }[];
	/** Units from the first purchase in the data to the calibration end (the tracking plot's mark). */
	calibrationT: number | null;
	/** P(alive) at T = the longest T, for x = 0 … and t_x in steps of `step` units. */
	alive: { cells: { x: number; tx: number; p: number }[]; step: number; T: number };
	/** CLV of every fitted customer (for the distribution); NaN without a spend model. */
	clvValues: Float64Array;
	totals: { expectedPurchases: number; clv: number | null };
	topClv: ClvRow[];
	topRisk: ClvRow[];
	warnings: Warning[];
}

/** A segment or a cluster described for a marketer, with the playbook's default action. */
export interface PersonaGroup {
	/** `segment:<English id>` or `cluster:<1-based number>`: the key of its playbook entry. */
	key: string;
	name: Bilingual;
	/** Who they are (segments only). */
	description: Bilingual | null;
	/** The recommended action before the user edits the playbook. */
	action: Bilingual;
	persona: Persona;
}

export interface PersonasResult {
	by: 'segment' | 'cluster';
	groups: PersonaGroup[];
}

/** Every analysis reads the dataset under these settings. */
export interface Job {
	datasetId: string;
	settings: AnalysisSettings;
}

export interface AnalysisApi {
	/** Reads a file (File or bytes), stores it and its parsed columns, and describes it. */
	importFile(
		o: { datasetId: string; file: Blob; name: string; settings: AnalysisSettings },
		progress?: Progress,
	): Promise<DatasetInfo>;
	/** Waits until an imported file and its parsed columns are stored; rejects on a full disk. */
	flush(o: { datasetId: string }): Promise<void>;
	/** Read and clean under the settings' read options, mapping and cleaning switches (§1, §7). */
	prepareData(o: Job, progress?: Progress): Promise<DataResult>;
	overview(o: Job, progress?: Progress): Promise<OverviewResult>;
	rfm(o: Job, progress?: Progress): Promise<RfmResult>;
	cohorts(o: Job & { breakdown: Breakdown | null }, progress?: Progress): Promise<CohortResult>;
	clusters(o: Job, progress?: Progress): Promise<ClustersResult>;
	lifecycle(o: Job, progress?: Progress): Promise<LifecycleResult>;
	/** One page of the customer table, filtered and sorted in the worker. */
	customers(
		o: Job & {
			filter: Breakdown | null;
			search: string;
			sort: CustomerSort;
			descending: boolean;
			offset: number;
			limit: number;
		},
	): Promise<CustomerPage>;
	/** Predictive CLV (§6): BG/NBD and Gamma-Gamma fits and what they predict. */
	clv(o: Job, progress?: Progress): Promise<ClvCellResult>;
	/** A persona card per segment or per cluster (empty segments left out). */
	personas(o: Job & { by: 'segment' | 'cluster' }, progress?: Progress): Promise<PersonasResult>;
	/**
	 * The customers of one segment or cluster as CSV, for an email or SMS tool: ids, R/F/M values
	 * and scores, segment, lifecycle stage, cluster and the recommended action given.
	 */
	exportGroup(o: Job & { group: string; action: string }): Promise<string>;
	/** The files of CLI.md, as text. */
	exportFile(
		o: Job & {
			file: 'customers.csv' | 'cohorts.csv' | 'clusters.csv' | 'summary.json';
			/** Add the CLV columns and parameters, as the CLI's --clv does. */
			clv?: boolean;
		},
	): Promise<string>;
	/** Forgets a dataset held in memory (it stays in IndexedDB). */
	release(o: { datasetId: string }): Promise<void>;
}
