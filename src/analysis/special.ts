/**
 * Special functions for the buy-till-you-die models (§6): log-gamma, log-beta and the Gaussian
 * hypergeometric function 2F1 on the real line left of 1. Plain doubles, no dependencies.
 */

const LN_SQRT_2PI = 0.9189385332046728;
// Lanczos approximation, g = 607/128 with 15 terms (Godfrey): about 1e-15 relative in Γ.
const LANCZOS_G = 607 / 128;
const LANCZOS = [
	0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746,
	-0.4919138160976202, 0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956,
	0.0001580887032249125, -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639,
	0.00008441822398385275, -0.000026190838401581408, 0.0000036899182659531625,
];

/**
 * ln |Γ(x)| for real x; +Infinity at the poles x = 0, −1, −2, … Accurate to about 1e-15 relative
 * in Γ (so to about 1e-15 absolute in the logarithm near its zeros x = 1 and x = 2).
 */
export function lnGamma(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x < 0.5) {
		if (x === Math.floor(x)) return Infinity;
		// Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
		return Math.log(Math.PI / Math.abs(sinPi(x))) - lnGamma(1 - x);
	}
	if (x === Infinity) return Infinity;
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + LANCZOS_G + 0.5;
	return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The sign of Γ(x): 1 or −1, and 0 at the poles x = 0, −1, −2, … */
export function gammaSign(x: number): number {
	if (x > 0) return 1;
	if (x === Math.floor(x)) return 0;
	// Γ alternates in sign between the poles: negative on (−1, 0), positive on (−2, −1), …
	return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
	return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** sin(πx), reduced exactly to |r| ≤ ½ first: integers give 0, and x near 0 keeps its digits. */
function sinPi(x: number): number {
	let r = x - 2 * Math.round(x / 2); // in [−1, 1], exact
	if (r > 0.5) r = 1 - r;
	else if (r < -0.5) r = -1 - r;
	return Math.sin(Math.PI * r);
}

/** Relative size of the last series term at which a sum stops. */
const SERIES_EPS = 1e-17;
const MAX_TERMS = 10_000_000;
/** Above this z the 1 − z connection formula replaces the slowly converging series. */
const NEAR_ONE = 0.9;
/** How far c − a − b must be from an integer for the connection formula to be trusted. */
const INTEGER_GAP = 1e-6;
/** c above |a| + |b| + this: the series needs no help near z = 1. */
const LARGE_C = 40;
/** 1 − z below which the series would need more than about 4e5 terms. */
const SLOW_SERIES = 1e-4;
/** The step δ of that extrapolation in c. */
const PERTURBATION = 1e-4;

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1 (and
 * z = 1 when c − a − b > 0, by Gauss's theorem). c must not be 0, −1, −2, …
 *
 * The power series is summed on 0 ≤ z ≤ 0.9, in whichever of the direct or Euler-transformed
 * forms (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) has the smaller numerator parameters, so that the
 * BG/NBD arguments (a = r + x, b = b + x, c = a + b + x − 1 with x in the hundreds) never build
 * huge intermediate terms. z < 0 goes through the Pfaff transformation to z / (z − 1) ∈ (0, 1);
 * z > 0.9 through the connection formula in 1 − z (DLMF 15.8.4), except when c − a − b is within
 * 1e-6 of an integer, where that formula cancels: there the series is summed while 1 − z ≥ 1e-4,
 * and closer to 1 the formula is extrapolated from c ± 1e-4 (about 1e-13 relative).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	if ([a, b, c, z].some(Number.isNaN)) return NaN;
	if (c <= 0 && c === Math.floor(c)) throw new Error(`hyp2f1: c = ${c} is a pole`);
	if (a === 0 || b === 0 || z === 0) return 1;
	if (z === 1) {
		const m = c - a - b;
		if (!(m > 0)) throw new Error(`hyp2f1: diverges at z = 1 with c − a − b = ${m}`);
		return gammaRatio([c, m], [c - a, c - b]);
	}
	if (!(z < 1)) throw new Error(`hyp2f1: z = ${z} is outside (−∞, 1]`);
	if (z < 0) {
		// Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), or the same with a, b
		// swapped; keep the form whose series parameters are smaller. 1 − z/(z − 1) = 1/(1 − z) is
		// passed on as such: recomputed from the rounded z/(z − 1) it would lose digits near 1.
		const w = z / (z - 1);
		const lnOneMinusZ = Math.log1p(-z);
		if (Math.abs(a) + Math.abs(c - b) <= Math.abs(b) + Math.abs(c - a))
			return Math.exp(-a * lnOneMinusZ) * hyp2f1Unit(a, c - b, c, w, 1 / (1 - z));
		return Math.exp(-b * lnOneMinusZ) * hyp2f1Unit(c - a, b, c, w, 1 / (1 - z));
	}
	return hyp2f1Unit(a, b, c, z, 1 - z);
}

/** ₂F₁ for 0 < z < 1, given w = 1 − z computed without cancellation. */
function hyp2f1Unit(a: number, b: number, c: number, z: number, w: number): number {
	if (a === 0 || b === 0) return 1;
	const euler = Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b);
	const p = euler ? c - a : a;
	const q = euler ? c - b : b;
	const scale = euler ? Math.exp((c - a - b) * Math.log(w)) : 1;
	if (p === 0 || q === 0) return scale;
	const terminating = isNonPositiveInteger(p) || isNonPositiveInteger(q);
	const m = c - p - q;
	// A large c makes the series converge within a few terms, whatever z.
	if (z <= NEAR_ONE || terminating || c > LARGE_C + Math.abs(p) + Math.abs(q))
		return scale * hyp2f1Series(p, q, c, z);
	if (Math.abs(m - Math.round(m)) > INTEGER_GAP) return scale * connectionNearOne(p, q, c, w);
	// c − a − b (almost) an integer: the series is exact but needs about 40 / (1 − z) terms; closer
	// to 1 than that, average the connection formula at c ± δ and c ± 2δ around the integer and
	// extrapolate (Richardson), which is off by O(δ⁴).
	if (w >= SLOW_SERIES) return scale * hyp2f1Series(p, q, c, z);
	const c0 = c - (m - Math.round(m));
	const mean = (d: number) =>
		(connectionNearOne(p, q, c0 + d, w) + connectionNearOne(p, q, c0 - d, w)) / 2;
	return (scale * (4 * mean(PERTURBATION) - mean(2 * PERTURBATION))) / 3;
}

function isNonPositiveInteger(x: number): boolean {
	return x <= 0 && x === Math.floor(x);
}

/** Σ (a)_k (b)_k / ((c)_k k!) z^k, summed until the terms are negligible and shrinking. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	// Terms may grow before they shrink, and change sign while a + k, b + k or c + k are negative:
	// only stop past those k, on a term that is negligible and smaller than the one before.
	const start = Math.max(0, -a, -b, -c);
	for (let k = 0; k < MAX_TERMS; k++) {
		const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
		term *= ratio;
		sum += term;
		if (term === 0) return sum;
		// The tail after a term is about term × ratio / (1 − ratio), also when the terms fall off
		// as a power of k (ratio → 1) rather than geometrically.
		if (
			k > start &&
			Math.abs(ratio) < 1 &&
			Math.abs((term * ratio) / (1 - ratio)) <= SERIES_EPS * Math.abs(sum)
		)
			return sum;
	}
	throw new Error(`hyp2f1: no convergence for a = ${a}, b = ${b}, c = ${c}, z = ${z}`);
}

/**
 * DLMF 15.8.4 at w = 1 − z ∈ (0, 0.1), with m = c − a − b not an integer:
 * Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) F(a, b; 1−m; 1−z) + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) F(c−a, c−b; 1+m; 1−z).
 */
function connectionNearOne(a: number, b: number, c: number, w: number): number {
	const m = c - a - b;
	const first = gammaRatio([c, m], [c - a, c - b]);
	const second = gammaRatio([c, -m], [a, b]);
	let sum = 0;
	if (first !== 0) sum += first * hyp2f1Series(a, b, 1 - m, w);
	if (second !== 0)
		sum += second * Math.exp(m * Math.log(w)) * hyp2f1Series(c - a, c - b, 1 + m, w);
	return sum;
}

/** Π Γ(top) / Π Γ(bottom), through logarithms; 0 when a bottom argument is a pole. */
function gammaRatio(top: number[], bottom: number[]): number {
	let sign = 1;
	let log = 0;
	for (const x of bottom) {
		const s = gammaSign(x);
		if (s === 0) return 0;
		sign *= s;
		log -= lnGamma(x);
	}
	for (const x of top) {
		const s = gammaSign(x);
		if (s === 0) return sign * Infinity;
		sign *= s;
		log += lnGamma(x);
	}
	return sign * Math.exp(log);
}
