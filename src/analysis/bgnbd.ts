/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way", Marketing Science 24(2)): while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). Time is in
 * one unit throughout (days or weeks, §6): α is in that unit, t, t_x and T too.
 *
 * A customer's history is (x, t_x, T): x repeat purchases (purchase days after the first), the
 * last at t_x after the first purchase, observed until T after it.
 */
import { UserError } from '../shared/errors';
import { invertSymmetric, minimize } from './optimize';
import { hyp2f1, lnBeta, lnGamma } from './special';
import type { OnProgress } from './types';

export interface BgNbdParams {
	/** Shape of the gamma distribution of purchase rates. */
	r: number;
	/** Scale of the gamma distribution of purchase rates, in time units. */
	alpha: number;
	/** First shape of the beta distribution of drop-out probabilities. */
	a: number;
	/** Second shape of the beta distribution of drop-out probabilities. */
	b: number;
}

export interface BgNbdFit extends BgNbdParams {
	/** Log-likelihood at the estimate (natural log, summed over customers). */
	loglik: number;
	/** Standard errors from the inverse Hessian of −loglik; NaN when it is not positive definite. */
	se: BgNbdParams;
	/** Customers fitted. */
	customers: number;
	/** Distinct (x, t_x, T) histories the likelihood was summed over. */
	histories: number;
	converged: boolean;
	iterations: number;
}

/** Per-customer histories; a customer whose x is NaN is outside the population and skipped. */
export interface RepeatHistory {
	/** Repeat purchases. */
	x: ArrayLike<number>;
	/** Time of the last purchase after the first (0 when x = 0). */
	tx: ArrayLike<number>;
	/** Time from the first purchase to the end of observation. */
	T: ArrayLike<number>;
}

/** The log-likelihood of one customer's history (FHL 2005, eq. 6), stable for large x and T. */
export function bgnbdLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
	const { r, alpha, a, b } = p;
	const base = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b);
	const still = -(r + x) * Math.log(alpha + T);
	if (x === 0) return base + still;
	const gone = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
	return base + logAddExp(still, gone);
}

function logAddExp(u: number, v: number): number {
	return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** The histories with their multiplicities, and the distinct values each one is made of. */
interface Grouped {
	count: number;
	customers: number;
	repeat: number;
	weight: Float64Array;
	xIndex: Int32Array;
	tIndex: Int32Array;
	txIndex: Int32Array;
	xs: number[];
	Ts: number[];
	txs: number[];
}

function groupHistories(data: RepeatHistory): Grouped {
	const n = data.x.length;
	if (data.tx.length !== n || data.T.length !== n)
		throw new Error(`fitBgNbd: ${n} x, ${data.tx.length} t_x, ${data.T.length} T`);
	const byKey = new Map<string, number>();
	const weight: number[] = [];
	const xs: number[] = [];
	const Ts: number[] = [];
	const txs: number[] = [];
	const xIndex: number[] = [];
	const tIndex: number[] = [];
	const txIndex: number[] = [];
	const xMap = new Map<number, number>();
	const TMap = new Map<number, number>();
	const txMap = new Map<number, number>();
	const indexOf = (map: Map<number, number>, list: number[], v: number) => {
		let i = map.get(v);
		if (i === undefined) {
			i = list.length;
			list.push(v);
			map.set(v, i);
		}
		return i;
	};
	let customers = 0;
	let repeat = 0;
	for (let i = 0; i < n; i++) {
		const x = data.x[i];
		if (Number.isNaN(x)) continue;
		const tx = data.tx[i];
		const T = data.T[i];
		if (!(x >= 0 && x === Math.floor(x) && tx >= 0 && tx <= T && (x > 0 || tx === 0)))
			throw new Error(`fitBgNbd: invalid history x = ${x}, t_x = ${tx}, T = ${T}`);
		customers++;
		if (x > 0) repeat++;
		const key = `${x} ${tx} ${T}`;
		const g = byKey.get(key);
		if (g !== undefined) {
			weight[g]++;
			continue;
		}
		byKey.set(key, weight.length);
		weight.push(1);
		xIndex.push(indexOf(xMap, xs, x));
		tIndex.push(indexOf(TMap, Ts, T));
		txIndex.push(indexOf(txMap, txs, tx));
	}
	return {
		count: weight.length,
		customers,
		repeat,
		weight: Float64Array.from(weight),
		xIndex: Int32Array.from(xIndex),
		tIndex: Int32Array.from(tIndex),
		txIndex: Int32Array.from(txIndex),
		xs,
		Ts,
		txs,
	};
}

/** −loglik of the grouped histories at log parameters θ = ln(r, α, a, b). */
function negativeLogLikelihood(g: Grouped): (theta: number[]) => number {
	const xBase = new Float64Array(g.xs.length);
	const xGone = new Float64Array(g.xs.length);
	const lnT = new Float64Array(g.Ts.length);
	const lnTx = new Float64Array(g.txs.length);
	return (theta) => {
		const r = Math.exp(theta[0]);
		const alpha = Math.exp(theta[1]);
		const a = Math.exp(theta[2]);
		const b = Math.exp(theta[3]);
		if (![r, alpha, a, b].every((v) => v > 0 && Number.isFinite(v))) return Infinity;
		const common = -lnGamma(r) + r * Math.log(alpha) - lnBeta(a, b);
		const lnA = Math.log(a);
		for (let k = 0; k < g.xs.length; k++) {
			const x = g.xs[k];
			xBase[k] = lnGamma(r + x) + lnBeta(a, b + x) + common;
			xGone[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
		}
		for (let k = 0; k < g.Ts.length; k++) lnT[k] = Math.log(alpha + g.Ts[k]);
		for (let k = 0; k < g.txs.length; k++) lnTx[k] = Math.log(alpha + g.txs[k]);
		let sum = 0;
		for (let i = 0; i < g.count; i++) {
			const xi = g.xIndex[i];
			const rx = r + g.xs[xi];
			const still = -rx * lnT[g.tIndex[i]];
			let ll = xBase[xi] + still;
			const gone = xGone[xi] - rx * lnTx[g.txIndex[i]];
			if (gone !== -Infinity) {
				ll =
					xBase[xi] +
					(still > gone
						? still + Math.log1p(Math.exp(gone - still))
						: gone + Math.log1p(Math.exp(still - gone)));
			}
			sum += g.weight[i] * ll;
		}
		return -sum;
	};
}

/**
 * Fits BG/NBD by maximum likelihood over log parameters (Nelder–Mead, then Newton steps), summing
 * the likelihood once per distinct (x, t_x, T). Standard errors come from the inverse Hessian of
 * −loglik in log parameters: at the optimum se(θ) = θ · se(ln θ) exactly. Needs at least one
 * repeat purchase (else `too_few_customers`). `onProgress` gets fractions 0…1 (stage 'bgnbd').
 */
export function fitBgNbd(data: RepeatHistory, onProgress?: OnProgress): BgNbdFit {
	const g = groupHistories(data);
	if (g.repeat === 0) {
		throw new UserError('too_few_customers', {
			en: `The purchase model needs customers who bought again, but none of the ${g.customers} customers made a repeat purchase in the calibration period. Use a later calibration end or more data.`,
			zh: `购买模型需要有复购的客户，但校准期内 ${g.customers} 个客户都没有复购。请把校准期结束日期推后，或使用更多数据。`,
		});
	}
	const f = negativeLogLikelihood(g);
	// Start from r = a = b = 1 and α matching the mean purchase rate: Σx / ΣT = r / α.
	let sumX = 0;
	let sumT = 0;
	for (let i = 0; i < g.count; i++) {
		sumX += g.weight[i] * g.xs[g.xIndex[i]];
		sumT += g.weight[i] * g.Ts[g.tIndex[i]];
	}
	const alpha0 = sumT > 0 ? sumT / sumX : 1;
	const result = minimize(f, [0, Math.log(alpha0), 0, 0], {
		onProgress: onProgress && ((fraction) => onProgress(fraction * 0.95, 'bgnbd')),
	});
	const [r, alpha, a, b] = result.x.map(Math.exp);
	const covariance = invertSymmetric(result.hessian);
	const se = [r, alpha, a, b].map((v, i) =>
		covariance === null || !(covariance[i][i] > 0) ? NaN : v * Math.sqrt(covariance[i][i]),
	);
	onProgress?.(1, 'bgnbd');
	return {
		r,
		alpha,
		a,
		b,
		loglik: -result.value,
		se: { r: se[0], alpha: se[1], a: se[2], b: se[3] },
		customers: g.customers,
		histories: g.count,
		converged: result.converged,
		iterations: result.iterations,
	};
}

/**
 * P(alive at T | x, t_x, T) (FHL 2005, eq. 13 of the technical note): exactly 1 when x = 0, since
 * under BG/NBD a customer can only drop out right after a repeat purchase.
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return 1;
	const d =
		Math.log(p.a) -
		Math.log(p.b + x - 1) +
		(p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
	return 1 / (1 + Math.exp(d));
}

/**
 * Expected purchases in the next t time units given the history (FHL 2005, eq. 10):
 * P(alive) · (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],
 * z = t/(α+T+t). Evaluated through Euler's transformation as (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1;
 * a+b+x−1; z), which keeps every series parameter small whatever x, and stays finite at a = 1.
 */
export function conditionalExpectedPurchases(
	p: BgNbdParams,
	t: number,
	x: number,
	tx: number,
	T: number,
): number {
	if (t === 0) return 0;
	const z = t / (p.alpha + T + t);
	return probabilityAlive(p, x, tx, T) * (p.a + p.b + x - 1) * purchaseBracket(p, x, z);
}

/**
 * Expected purchases in (0, t] of a customer just acquired at time 0 (FHL 2005, eq. 9):
 * (a + b − 1)/(a − 1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchases(p: BgNbdParams, t: number): number {
	if (t === 0) return 0;
	return (p.a + p.b - 1) * purchaseBracket(p, 0, t / (p.alpha + t));
}

/**
 * [1 − (1 − z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)] / (a − 1). Near a = 1, where that is 0/0, with
 * ε = a − 1 and ₂F₁(A, ε; C; z) = 1 + ε S, S = Σ_{k≥1} (A)_k (1+ε)_{k−1} / ((C)_k k!) z^k:
 * −((1 − z)^ε − 1)/ε − (1 − z)^ε S, which has no cancellation.
 */
function purchaseBracket(p: BgNbdParams, x: number, z: number): number {
	const eps = p.a - 1;
	const A = p.a + p.b - 1 - p.r;
	const C = p.a + p.b + x - 1;
	const L = Math.log1p(-z);
	if (Math.abs(eps) > 1e-3) return (1 - Math.exp(eps * L) * hyp2f1(A, eps, C, z)) / eps;
	let term = (A / C) * z;
	let S = term;
	for (let k = 1; k < 10_000_000; k++) {
		const ratio = (((A + k) * (eps + k)) / ((C + k) * (k + 1))) * z;
		term *= ratio;
		S += term;
		if (k > -A && ratio < 1 && Math.abs((term * ratio) / (1 - ratio)) <= 1e-17 * Math.abs(S)) break;
	}
	const power = eps === 0 ? L : Math.expm1(eps * L) / eps;
	return -power - Math.exp(eps * L) * S;
}

/**
 * P(no purchase in the next t | x, t_x, T) = 1 − P(alive) + P(alive) · ((α+T)/(α+T+t))^(r+x):
 * the churn-risk figure. A dead customer never buys; an alive one has, given the history, a rate
 * λ ~ Gamma(r + x, α + T), and cannot drop out without buying first, so it stays silent for t
 * with probability E[e^(−λt)] = ((α+T)/(α+T+t))^(r+x). Unlike P(alive) it is below 1 for x = 0.
 */
export function probabilityNoPurchase(
	p: BgNbdParams,
	t: number,
	x: number,
	tx: number,
	T: number,
): number {
	const alive = probabilityAlive(p, x, tx, T);
	const silent = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + T + t)));
	return 1 - alive + alive * silent;
}

/**
 * P(X(t) = n) for a customer just acquired at time 0 (FHL 2005, eq. 8), n = 0, 1, 2, …:
 * B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)) + [n > 0] B(a+1, b+n−1)/B(a, b) · P(NB(r, α/(α+t)) ≥ n),
 * where NB(j; r, π) = Γ(r+j)/(Γ(r) j!) π^r (1−π)^j.
 */
export function probabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
	if (!(n >= 0 && n === Math.floor(n))) throw new Error(`probabilityOfPurchases: n = ${n}`);
	const { r, alpha, a, b } = p;
	const lnStay = Math.log(alpha / (alpha + t));
	const lnGo = t === 0 ? -Infinity : Math.log(t / (alpha + t));
	const lnNb = (j: number) =>
		lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnStay + (j === 0 ? 0 : j * lnGo);
	const lnB = lnBeta(a, b);
	let prob = Math.exp(lnBeta(a, b + n) - lnB + lnNb(n));
	if (n > 0)
		prob += Math.exp(lnBeta(a + 1, b + n - 1) - lnB) * negativeBinomialTail(lnNb, r, n, t, alpha);
	return prob;
}

/** P(NB ≥ n): 1 minus the head when that is small, else the tail summed, to avoid cancellation. */
function negativeBinomialTail(
	lnNb: (j: number) => number,
	r: number,
	n: number,
	t: number,
	alpha: number,
): number {
	let head = 0;
	for (let j = 0; j < n; j++) head += Math.exp(lnNb(j));
	if (head < 0.5) return 1 - head;
	const go = t / (alpha + t);
	let term = Math.exp(lnNb(n));
	let tail = term;
	for (let j = n; j < 10_000_000; j++) {
		const ratio = ((r + j) / (j + 1)) * go;
		term *= ratio;
		tail += term;
		if (term === 0 || (ratio < 1 && (term * ratio) / (1 - ratio) <= 1e-17 * tail)) break;
	}
	return tail;
}
