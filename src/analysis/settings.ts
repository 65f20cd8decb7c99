import type { CleaningOptions } from './clean';
import type { ClvUnit } from './clv';
import { defaultCleaning } from './clean';
import type { OrderUnit } from './customers';
import { defaultLifecycle, type LifecycleThresholds } from './lifecycle';
import type { Period } from './period';
import type { Mapping } from './read/roles';
import type { Metric, ScoringMethod } from './rfm';
import type { SchemeId, ScoreRule } from './segments';

/** Every choice an analysis depends on, with the defaults of ANALYTICS.md. */
export interface AnalysisSettings {
	read: {
		encoding?: string;
		/** One character, `tab` or `space`. */
		delimiter?: string;
		sheet?: string;
		/** e.g. `d/m/yyyy`; detected when absent. */
		dateFormat?: string;
		/** Whether the first table line is a header; detected when absent. */
		header?: boolean;
		/** Title lines above the table; detected when absent. */
		skipLines?: number;
		/** `"`, `'` or `none`; detected when absent. */
		quote?: string;
	};
	/** Roles forced by the user; absent roles are suggested, null ones are unmapped. */
	mapping: Partial<Mapping>;
	/** Extra columns kept for breakdowns, by attribute name. */
	attributes: Record<string, string>;
	/** A second file of customer attributes, joined on the customer id (null: none). */
	attributesFile: { datasetId: string; name: string; idColumn: string | null } | null;
	cleaning: CleaningOptions & { order: OrderUnit };
	/** Analysis date `YYYY-MM-DD`; null = the day after the latest transaction. */
	asOf: string | null;
	rfm: {
		scoring: ScoringMethod;
		bins: number;
		segments: SchemeId;
		monetary: 'sum' | 'mean';
		fixed?: Record<Metric, number[]>;
		rules?: ScoreRule[];
	};
	cohorts: { period: Period; onOrAfter: boolean };
	clusters: {
		/** null = the best silhouette of the scan. */
		k: number | null;
		seed: number;
		log1p: boolean;
		standardize: boolean;
		kMin: number;
		kMax: number;
		/** Numeric columns added to R, F and M, each summarised per customer (§4). */
		extra: { column: string; aggregate: 'mean' | 'sum' }[];
	};
	lifecycle: LifecycleThresholds;
	/** Pareto and value tiers (§5): the top share of customers, and the A/B revenue cuts. */
	value: { topShare: number; tierA: number; tierB: number };
	/** Predictive CLV (§6). */
	clv: {
		unit: ClvUnit;
		/** Last day of the calibration period `YYYY-MM-DD`; null = the end of the data (no holdout). */
		calibrationEnd: string | null;
		horizonMonths: number;
		monthlyDiscount: number;
	};
}

export function defaultSettings(): AnalysisSettings {
	return {
		read: {},
		mapping: {},
		attributes: {},
		attributesFile: null,
		cleaning: { ...defaultCleaning, order: 'invoice' },
		asOf: null,
		rfm: { scoring: 'rank', bins: 5, segments: 'rfm-11', monetary: 'sum' },
		cohorts: { period: 'month', onOrAfter: false },
		clusters: { k: null, seed: 0, log1p: true, standardize: true, kMin: 2, kMax: 8, extra: [] },
		lifecycle: { ...defaultLifecycle },
		value: { topShare: 0.2, tierA: 0.8, tierB: 0.95 },
		clv: { unit: 'week', calibrationEnd: null, horizonMonths: 12, monthlyDiscount: 0.01 },
	};
}
