/**
 * Predictive CLV (§6) for the customers of an analysis: the purchase histories come from the
 * same file and cleaning, except that a line worth 0 is a purchase occasion (a free item is still
 * a visit; the published CDNOW fit counts them), and the results are matched to the customers of
 * the RFM analysis by id.
 */
import { prepareTable, type CustomerAnalysis, type PreparedData, type ReadTable } from './analyze';
import { analyzeClv, type ClvResult } from './clv';
import { parseIsoDay } from './dates';
import type { AnalysisSettings } from './settings';
import type { OnProgress } from './types';
import { UserError } from '../shared/errors';

/** The settings under which CLV reads the transactions: zero-value lines count as purchases. */
export function clvSettings(settings: AnalysisSettings): AnalysisSettings {
	return { ...settings, cleaning: { ...settings.cleaning, zeroAmounts: 'purchase' } };
}

/** The file cleaned for CLV (see clvSettings). */
export function prepareClvData(table: ReadTable, settings: AnalysisSettings): PreparedData {
	return prepareTable(table, clvSettings(settings));
}

export interface CustomerClv {
	result: ClvResult;
	/** Customer id per index of the result's arrays (every customer of the CLV transactions). */
	ids: string[];
	/** Per customer of the RFM analysis (metrics order), the index into the CLV arrays, or −1. */
	index: Int32Array;
}

/**
 * Fits BG/NBD and Gamma-Gamma on `data` (from prepareClvData) with the settings' unit, calibration
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
	const result = analyzeClv(
		data.transactions,
		{
			unit: c.unit,
			observationEnd,
			calibrationEnd,
			horizonMonths: c.horizonMonths,
			monthlyDiscount: c.monthlyDiscount,
		},
		onProgress,
	);
	const position = new Map(data.transactions.customerIds.map((id, k) => [id, k]));
	const index = Int32Array.from(customers.metrics.ids, (id) => position.get(id) ?? -1);
	return { result, ids: data.transactions.customerIds, index };
}
