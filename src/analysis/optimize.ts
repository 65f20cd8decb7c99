/**
 * Unconstrained minimisation of smooth functions of a few variables, for maximum likelihood fits
 * (§6): Nelder–Mead to get close, Newton steps on a finite-difference Hessian to finish, and the
 * Hessian itself for standard errors. Models minimise over log parameters to stay positive.
 */

export type Objective = (x: number[]) => number;

export interface MinimizeOptions {
	/** Initial simplex edge along each axis (default 0.5). */
	step: number;
	/** Nelder–Mead iterations at most (default 2000). */
	maxIterations: number;
	/** Nelder–Mead stops when the simplex values differ by less than this × max(1, |f|) (1e-10). */
	fTolerance: number;
	/** Newton steps at most after Nelder–Mead (default 20). */
	newtonSteps: number;
	/**
	 * Converged when the Newton decrement ½ gᵀH⁻¹g — the decrease of f still to be had near x — is
	 * at most this, in units of f (default 1e-6). Unlike a gradient norm it does not depend on the
	 * scale of x or on how many terms f sums, whose rounding shows in finite differences.
	 */
	decrementTolerance: number;
	/** Called now and then with the fraction of the iteration budget used. */
	onProgress?: (fraction: number) => void;
}

export const defaultMinimizeOptions: MinimizeOptions = {
	step: 0.5,
	maxIterations: 2000,
	fTolerance: 1e-10,
	newtonSteps: 20,
	decrementTolerance: 1e-6,
};

export interface MinimizeResult {
	x: number[];
	/** f(x). */
	value: number;
	/** Nelder–Mead iterations plus Newton steps. */
	iterations: number;
	evaluations: number;
	/** True when the Newton decrement at x is within the tolerance (the Hessian is then positive). */
	converged: boolean;
	/** |gradient|∞ at x, by central differences. */
	gradientNorm: number;
	/** The finite-difference Hessian at x, for standard errors. */
	hessian: number[][];
}

/**
 * Minimises f from x0: Nelder–Mead (standard coefficients 1, 2, ½, ½), then Newton steps with a
 * finite-difference Hessian and backtracking while it is positive definite. A non-finite f counts
 * as +∞, so an objective may return NaN or Infinity where it is undefined.
 */
export function minimize(
	f: Objective,
	x0: number[],
	options: Partial<MinimizeOptions> = {},
): MinimizeResult {
	const o = { ...defaultMinimizeOptions, ...options };
	let evaluations = 0;
	const g: Objective = (x) => {
		evaluations++;
		const v = f(x);
		return Number.isFinite(v) ? v : Infinity;
	};
	const nm = nelderMead(g, x0, o);
	let x = nm.x;
	let value = nm.value;
	let iterations = nm.iterations;
	let converged = false;
	let grad: number[];
	let hessian: number[][];
	for (let step = 0; ; step++) {
		grad = numericalGradient(g, x);
		hessian = numericalHessian(g, x);
		const direction = solveCholesky(hessian, grad);
		if (direction === null) break;
		const decrement = grad.reduce((s, gi, i) => s + gi * direction[i], 0) / 2;
		if (decrement <= o.decrementTolerance) {
			converged = true;
			break;
		}
		if (step === o.newtonSteps) break;
		let moved = false;
		for (let t = 1, k = 0; k < 30; k++, t /= 2) {
			const y = x.map((xi, i) => xi - t * direction[i]);
			const fy = g(y);
			if (fy <= value) {
				x = y;
				value = fy;
				moved = true;
				break;
			}
		}
		iterations++;
		o.onProgress?.(Math.min(1, 0.8 + (0.2 * (step + 1)) / o.newtonSteps));
		if (!moved) break;
	}
	o.onProgress?.(1);
	return {
		x,
		value,
		iterations,
		evaluations,
		converged,
		gradientNorm: maxAbs(grad),
		hessian,
	};
}

/**
 * Nelder–Mead simplex search from x0 with an initial edge `step` along each axis. Stops when the
 * spread of the simplex values is below fTolerance (absolute, or relative to |f| when larger) or
 * after maxIterations; `onProgress` gets the fraction of the budget used, scaled to 0…0.8.
 */
export function nelderMead(
	f: Objective,
	x0: number[],
	options: Partial<MinimizeOptions> = {},
): { x: number[]; value: number; iterations: number; converged: boolean } {
	const o = { ...defaultMinimizeOptions, ...options };
	const n = x0.length;
	const points: number[][] = [x0.slice()];
	for (let i = 0; i < n; i++) {
		const p = x0.slice();
		p[i] += o.step;
		points.push(p);
	}
	const values = points.map(f);
	const order = points.map((_, i) => i);
	let iterations = 0;
	let converged = false;
	const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
	for (; iterations < o.maxIterations; iterations++) {
		order.sort((i, j) => values[i] - values[j]);
		const best = order[0];
		const worst = order[n];
		const spread = values[worst] - values[best];
		if (spread <= o.fTolerance * Math.max(1, Math.abs(values[best]))) {
			converged = true;
			break;
		}
		if (iterations % 50 === 0) o.onProgress?.((0.8 * iterations) / o.maxIterations);
		const centroid = new Array<number>(n).fill(0);
		for (let k = 0; k < n; k++) {
			const p = points[order[k]];
			for (let i = 0; i < n; i++) centroid[i] += p[i] / n;
		}
		const reflected = combine(centroid, points[worst], -1);
		const fr = f(reflected);
		const secondWorst = values[order[n - 1]];
		if (fr < values[best]) {
			const expanded = combine(centroid, points[worst], -2);
			const fe = f(expanded);
			if (fe < fr) replace(worst, expanded, fe);
			else replace(worst, reflected, fr);
		} else if (fr < secondWorst) {
			replace(worst, reflected, fr);
		} else {
			const outside = fr < values[worst];
			const contracted = outside
				? combine(centroid, reflected, 0.5)
				: combine(centroid, points[worst], 0.5);
			const fc = f(contracted);
			if (fc < (outside ? fr : values[worst])) {
				replace(worst, contracted, fc);
			} else {
				for (let k = 1; k <= n; k++) {
					const i = order[k];
					points[i] = combine(points[best], points[i], 0.5);
					values[i] = f(points[i]);
				}
			}
		}
	}
	order.sort((i, j) => values[i] - values[j]);
	return { x: points[order[0]], value: values[order[0]], iterations, converged };

	function replace(i: number, p: number[], v: number) {
		points[i] = p;
		values[i] = v;
	}
}

/** Central-difference gradient of f at x with step h (default 1e-5) per coordinate. */
export function numericalGradient(f: Objective, x: number[], h = 1e-5): number[] {
	return x.map((_, i) => {
		const up = x.slice();
		const down = x.slice();
		up[i] += h;
		down[i] -= h;
		return (f(up) - f(down)) / (2 * h);
	});
}

/**
 * Central-difference Hessian of f at x with step h (default 1e-4) per coordinate: 2n² + 1
 * evaluations, symmetric by construction. Error O(h²) plus rounding of order ε|f| / h².
 */
export function numericalHessian(f: Objective, x: number[], h = 1e-4): number[][] {
	const n = x.length;
	const at = (i: number, di: number, j: number, dj: number) => {
		const y = x.slice();
		y[i] += di;
		y[j] += dj;
		return f(y);
	};
	const f0 = f(x);
	const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		H[i][i] = (at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h);
		for (let j = 0; j < i; j++) {
			const v =
				(at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
			H[i][j] = v;
			H[j][i] = v;
		}
	}
	return H;
}

/** The Cholesky factor L (A = L Lᵀ) of a symmetric matrix; null when not positive definite. */
export function cholesky(a: number[][]): number[][] | null {
	const n = a.length;
	const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let s = a[i][j];
			for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
			if (i === j) {
				if (!(s > 0)) return null;
				L[i][i] = Math.sqrt(s);
			} else {
				L[i][j] = s / L[j][j];
			}
		}
	}
	return L;
}

/** Solves A x = b for a symmetric positive definite A; null when A is not. */
export function solveCholesky(a: number[][], b: number[]): number[] | null {
	const L = cholesky(a);
	if (L === null) return null;
	const n = b.length;
	const y = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
		y[i] = s / L[i][i];
	}
	const x = new Array<number>(n);
	for (let i = n - 1; i >= 0; i--) {
		let s = y[i];
		for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
		x[i] = s / L[i][i];
	}
	return x;
}

/** The inverse of a symmetric positive definite matrix; null when it is not. */
export function invertSymmetric(a: number[][]): number[][] | null {
	const n = a.length;
	if (n === 0) return [];
	const columns: number[][] = [];
	for (let j = 0; j < n; j++) {
		const e = new Array<number>(n).fill(0);
		e[j] = 1;
		const col = solveCholesky(a, e);
		if (col === null) return null;
		columns.push(col);
	}
	return columns[0].map((_, i) => columns.map((col) => col[i]));
}

function maxAbs(v: number[]): number {
	let m = 0;
	for (const x of v) m = Math.max(m, Math.abs(x));
	return m;
}
