/**
 * Predictive CLV (§6) for the customers of an analysis: the purchase histories come from the
 * same file and cleaning, except that a line worth 0 is a purchase occasion (a free item is still
 * a visit; the published CDNOW fit counts them), and the results are matched to the customers of
 * the RFM analysis by id.
 */
import type { CustomerAnalysis, PreparedData } from './analyze';
import type { Transactions } from './clean';
import { analyzeClv, type ClvResult } from './clv';
import { parseIsoDay } from './dates';
import type { AnalysisSettings } from './settings';
import type { OnProgress } from './types';
import { UserError } from '../shared/errors';

/**
 * The transactions CLV reads: the cleaned ones and the lines dropped only for being worth 0.
 * Order does not matter: histories are built per customer and day.
 */
export function clvTransactions(data: PreparedData): Transactions {
	const tx = data.transactions;
	const z = data.zeroLines;
	if (z.rows === 0) return tx;
	const n = tx.rows + z.rows;
	const join = <T extends Int32Array | Float64Array>(a: T, b: ArrayLike<number>, out: T): T => {
		out.set(a);
		out.set(b, a.length);
		return out;
	};
	return {
		rows: n,
		customer: join(tx.customer, z.customer, new Int32Array(n)),
		customerIds: tx.customerIds,
		invoice:
			tx.invoice === null || z.invoice === null
				? null
				: join(tx.invoice, z.invoice, new Int32Array(n)),
		time: join(tx.time, z.time, new Float64Array(n)),
		amount: join(tx.amount, new Float64Array(z.rows), new Float64Array(n)),
		isReturn: Uint8Array.from({ length: n }, (_, i) => (i < tx.rows ? tx.isReturn[i] : 0)),
		row: join(tx.row, z.row, new Int32Array(n)),
	};
}

export interface CustomerClv {
	result: ClvResult;
	/** Customer id per index of the result's arrays (every customer of the CLV transactions). */
	ids: string[];
	/** Per customer of the RFM analysis (metrics order), the index into the CLV arrays, or −1. */
	index: Int32Array;
}

/**
 * Fits BG/NBD and Gamma-Gamma on the transactions of `data` and its zero-value lines (see
 * clvTransactions) with the settings' unit, calibration
 * end (default: the end of the observed period), horizon and discount rate. The observed period
 * ends on the analysis date when the user set one, else on the day of the latest transaction.
 */
export function analyzeCustomerClv(
	data: PreparedData,
	customers: CustomerAnalysis,
	settings: AnalysisSettings,
	onProgress?: OnProgress,
): CustomerClv {
	const c = settings.clv;
	let calibrationEnd: number | null = null;
	if (c.calibrationEnd !== null) {
		calibrationEnd = parseIsoDay(c.calibrationEnd);
		if (calibrationEnd === null) {
			throw new UserError('bad_option', {
				en: `The calibration end "${c.calibrationEnd}" is not a date of the form YYYY-MM-DD.`,
				zh: `校准期结束日期"${c.calibrationEnd}"不是 YYYY-MM-DD 格式的日期。`,
			});
		}
	}
	const observationEnd = settings.asOf === null ? null : customers.metrics.asOf;
	const transactions = clvTransactions(data);
	const result = analyzeClv(
		transactions,
		{
			unit: c.unit,
			observationEnd,
			calibrationEnd,
			horizonMonths: c.horizonMonths,
			monthlyDiscount: c.monthlyDiscount,
		},
		onProgress,
	);
	const position = new Map(transactions.customerIds.map((id, k) => [id, k]));
	const index = Int32Array.from(customers.metrics.ids, (id) => position.get(id) ?? -1);
	return { result, ids: transactions.customerIds, index };
}
