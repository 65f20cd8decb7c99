/**
 * The shapes that pass between analysis modules. Arrays are typed and indexed by a dense customer
 * index (0 … N−1) or order index; days are integers since 1970-01-01 (see dates.ts).
 */

/** One row per order after cleaning (§1): what counts as one purchase. */
export interface Orders {
	/** Customer index of each order. */
	customer: Int32Array;
	/** Day of each order (the earliest line's day when an invoice spans days). */
	day: Int32Array;
	/** Order value: sum of its line amounts (returns included, negative, under the net policy). */
	amount: Float64Array;
	/** 1 when the order counts as a purchase (frequency, recency, cohorts); 0 for a net-policy return. */
	purchase: Uint8Array;
}

/** Per-customer metrics of §2, all relative to `asOf`. */
export interface CustomerMetrics {
	/** Customer id per index. */
	ids: string[];
	/** The analysis date as a day number. */
	asOf: number;
	/** asOf − last purchase day, whole days. */
	recency: Int32Array;
	/** Number of orders (purchases only). */
	frequency: Int32Array;
	/** Sum of amounts (or the average order value when so configured). */
	monetary: Float64Array;
	firstDay: Int32Array;
	lastDay: Int32Array;
	/** asOf − first purchase day, whole days. */
	tenure: Int32Array;
}

/** A data-quality finding or caveat: a value shown under a cell, never an exception. */
export interface Warning {
	code: string;
	en: string;
	zh: string;
}

/** A label in both languages. */
export interface Bilingual {
	en: string;
	zh: string;
}

/** Reports progress of a long job as a fraction 0…1. */
export type OnProgress = (fraction: number, stage?: string) => void;
