/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", JMR 42(4); Colombo & Jiang 1999): a customer's
 * purchase values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so their mean value is
 * p/ν. Fitted on customers with repeat purchases, from x (repeat purchases) and m (their mean).
 * The spend unit is the data's currency; γ is called `v` here, as in the `lifetimes` package.
 */
import { UserError } from '../shared/errors';
import { invertSymmetric, minimize } from './optimize';
import { lnGamma } from './special';
import type { OnProgress, Warning } from './types';

export interface GammaGammaParams {
	/** Shape of the spend per purchase. */
	p: number;
	/** Shape of the gamma distribution of ν across customers. */
	q: number;
	/** Scale γ of the gamma distribution of ν across customers, in currency. */
	v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
	/** Log-likelihood at the estimate, over the customers fitted. */
	loglik: number;
	/** Standard errors from the inverse Hessian of −loglik; NaN when it is not positive definite. */
	se: GammaGammaParams;
	/** Customers fitted: x > 0 and m > 0. */
	n: number;
	/** Pearson correlation of x and m over the customers fitted (the model assumes none). */
	spendFrequencyCorrelation: number;
	converged: boolean;
	iterations: number;
	warnings: Warning[];
}

export interface SpendHistory {
	/** Repeat purchases; customers with NaN or 0 are not fitted. */
	x: ArrayLike<number>;
	/** Mean value of the repeat purchases. */
	m: ArrayLike<number>;
}

/**
 * |ρ(x, m)| above which fitGammaGamma warns: the model assumes spend independent of frequency.
 * Fader & Hardie read 0.11 on CDNOW as weak; 0.3 is the usual threshold of a moderate correlation.
 */
export const SPEND_FREQUENCY_CORRELATION_LIMIT = 0.3;

/** The log-likelihood of one customer with x > 0 repeat purchases of mean value m > 0. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
	const { p, q, v } = params;
	return (
		lnGamma(p * x + q) -
		lnGamma(p * x) -
		lnGamma(q) +
		q * Math.log(v) +
		(p * x - 1) * Math.log(m) +
		p * x * Math.log(x) -
		(p * x + q) * Math.log(v + m * x)
	);
}

/**
 * Fits Gamma-Gamma by maximum likelihood over log parameters, on the customers with x > 0. Those
 * with m ≤ 0 (every repeat purchase worth 0, or net of returns) cannot be fitted and are left out
 * with a `zero_spend_left_out` warning; a `spend_frequency_correlation` warning comes when
 * |ρ(x, m)| > SPEND_FREQUENCY_CORRELATION_LIMIT. Throws `too_few_customers` when none is left.
 */
export function fitGammaGamma(data: SpendHistory, onProgress?: OnProgress): GammaGammaFit {
	const warnings: Warning[] = [];
	const xs: number[] = [];
	const ms: number[] = [];
	let leftOut = 0;
	for (let i = 0; i < data.x.length; i++) {
		const x = data.x[i];
		if (!(x > 0)) continue;
		const m = data.m[i];
		if (m > 0 && Number.isFinite(m)) {
			xs.push(x);
			ms.push(m);
		} else {
			leftOut++;
		}
	}
	const n = xs.length;
	if (leftOut > 0) {
		warnings.push({
			code: 'zero_spend_left_out',
			en: `${leftOut} of ${leftOut + n} repeat customers have repeat purchases worth 0 or less on average; the spend model leaves them out and predicts their spend from the others.`,
			zh: `${leftOut + n} 个复购客户中有 ${leftOut} 个的复购平均金额为 0 或负数；消费金额模型未纳入这些客户，其预测消费根据其他客户估计。`,
		});
	}
	if (n === 0) {
		throw new UserError('too_few_customers', {
			en: 'The spend model needs customers with repeat purchases of positive value, and there are none in the calibration period.',
			zh: '消费金额模型需要复购金额为正的客户，但校准期内没有这样的客户。',
		});
	}
	const rho = pearson(xs, ms);
	if (Math.abs(rho) > SPEND_FREQUENCY_CORRELATION_LIMIT) {
		warnings.push({
			code: 'spend_frequency_correlation',
			en: `Spend per purchase and the number of repeat purchases are correlated (ρ = ${rho.toFixed(2)}); the spend model assumes they are independent, so its predictions are less reliable.`,
			zh: `每次消费金额与复购次数存在相关性（ρ = ${rho.toFixed(2)}）；消费金额模型假设二者独立，因此预测的可靠性较低。`,
		});
	}

	// Terms that depend on x only are computed once per distinct x.
	const distinct = new Map<number, number>();
	const xKey = new Int32Array(n);
	const xValues: number[] = [];
	const xCount: number[] = [];
	for (let i = 0; i < n; i++) {
		let k = distinct.get(xs[i]);
		if (k === undefined) {
			k = xValues.length;
			distinct.set(xs[i], k);
			xValues.push(xs[i]);
			xCount.push(0);
		}
		xKey[i] = k;
		xCount[k]++;
	}
	const lnM = ms.map(Math.log);
	const lnX = xValues.map(Math.log);
	const f = (theta: number[]) => {
		const p = Math.exp(theta[0]);
		const q = Math.exp(theta[1]);
		const v = Math.exp(theta[2]);
		if (![p, q, v].every((w) => w > 0 && Number.isFinite(w))) return Infinity;
		let sum = 0;
		const lnGq = lnGamma(q);
		const lnV = Math.log(v);
		for (let k = 0; k < xValues.length; k++) {
			const px = p * xValues[k];
			sum += xCount[k] * (lnGamma(px + q) - lnGamma(px) - lnGq + q * lnV + px * lnX[k]);
		}
		for (let i = 0; i < n; i++) {
			const px = p * xs[i];
			sum += (px - 1) * lnM[i] - (px + q) * Math.log(v + ms[i] * xs[i]);
		}
		return -sum;
	};
	// Start where the implied mean spend p·γ/(q − 1) equals the mean of m.
	const meanM = ms.reduce((s, m) => s + m, 0) / n;
	const result = minimize(f, [0, Math.log(2), Math.log(meanM)], {
		onProgress: onProgress && ((fraction) => onProgress(fraction * 0.95, 'gamma-gamma')),
	});
	const [p, q, v] = result.x.map(Math.exp);
	const covariance = invertSymmetric(result.hessian);
	const se = [p, q, v].map((w, i) =>
		covariance === null || !(covariance[i][i] > 0) ? NaN : w * Math.sqrt(covariance[i][i]),
	);
	onProgress?.(1, 'gamma-gamma');
	return {
		p,
		q,
		v,
		loglik: -result.value,
		se: { p: se[0], q: se[1], v: se[2] },
		n,
		spendFrequencyCorrelation: rho,
		converged: result.converged,
		iterations: result.iterations,
		warnings,
	};
}

/**
 * Expected value of a customer's future purchases, in currency: the posterior mean
 * (γ + m·x)·p / (p·x + q − 1) for x > 0; for x = 0 the population mean p·γ / (q − 1). An m ≤ 0
 * (left out of the fit) counts as 0, which shrinks towards 0 with more purchases. NaN when the
 * denominator is ≤ 0 (q ≤ 1: the population mean is infinite).
 */
export function expectedAverageSpend(params: GammaGammaParams, x: number, m: number): number {
	const { p, q, v } = params;
	const spend = x > 0 && m > 0 ? m : 0;
	const denominator = p * x + q - 1;
	if (!(denominator > 0)) return NaN;
	return ((v + spend * x) * p) / denominator;
}

/** Pearson correlation; NaN when either side is constant. */
function pearson(a: number[], b: number[]): number {
	const n = a.length;
	let ma = 0;
	let mb = 0;
	for (let i = 0; i < n; i++) {
		ma += a[i] / n;
		mb += b[i] / n;
	}
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		const da = a[i] - ma;
		const db = b[i] - mb;
		sab += da * db;
		saa += da * da;
		sbb += db * db;
	}
	return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
