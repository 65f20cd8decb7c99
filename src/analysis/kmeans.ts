/**
 * k-means over a flat row-major Float64Array (n rows × d columns).
 *
 * This is ml-kmeans 7 (`kmeans(rows, k, { seed, maxIterations })`: scikit-learn's greedy k-means++
 * seeding, then Lloyd iterations until no centre moves more than 1e-6 in squared distance) rewritten
 * step for step over typed arrays, because the library over number[][] took 17 s for the k = 2…8
 * scan of 50,000 customers (its seeding alone 7.7 s) against a 3 s budget. The same seed gives the
 * same centres, labels and iteration count as the library; a unit test holds us to it.
 */

/**
 * The XSadd generator of ml-xsadd 3 (MIT), which ml-kmeans seeds through ml-random: ported because
 * reproducing the library's centres means drawing the very same numbers.
 */
export class XSadd {
	private readonly state = new Uint32Array(4);

	/** `seed` is reduced modulo 2^32, as the library's Uint32Array state does. */
	constructor(seed: number) {
		if (!Number.isInteger(seed)) throw new Error(`XSadd seed must be an integer, got ${seed}`);
		const s = this.state;
		s[0] = seed;
		for (let i = 1; i < 8; i++) {
			const prev = s[(i - 1) & 3];
			s[i & 3] ^= (i + multiplyUint32(1812433253, prev ^ (prev >>> 30))) >>> 0;
		}
		if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s.set([88, 83, 65, 68]);
		for (let i = 0; i < 8; i++) this.next();
	}

	/** A uniform integer in [0, 2^32). */
	uint32(): number {
		this.next();
		return (this.state[3] + this.state[2]) >>> 0;
	}

	/** A uniform number in [0, 1) with 24 random bits. */
	float(): number {
		return (this.uint32() >>> 8) / 16777216;
	}

	private next(): void {
		const s = this.state;
		let t = s[0];
		t ^= t << 15;
		t ^= t >>> 18;
		t ^= s[3] << 11;
		s[0] = s[1];
		s[1] = s[2];
		s[2] = s[3];
		s[3] = t;
	}
}

function multiplyUint32(n: number, m: number): number {
	n >>>= 0;
	m >>>= 0;
	const nlo = n & 0xffff;
	const nhi = n - nlo;
	return (((nhi * m) >>> 0) + nlo * m) >>> 0;
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b`, both with `d` columns. */
function squaredDistance(
	a: Float64Array,
	i: number,
	b: Float64Array,
	j: number,
	d: number,
): number {
	let sum = 0;
	const ai = i * d;
	const bj = j * d;
	for (let t = 0; t < d; t++) {
		const diff = a[ai + t] - b[bj + t];
		sum += diff * diff;
	}
	return sum;
}

/** The d columns of an n × d row-major matrix. */
export function columnsOf(data: Float64Array, n: number, d: number): Float64Array[] {
	const columns: Float64Array[] = [];
	for (let t = 0; t < d; t++) {
		const column = new Float64Array(n);
		for (let i = 0; i < n; i++) column[i] = data[i * d + t];
		columns.push(column);
	}
	return columns;
}

/** k-means++ centres, and each row's nearest and second-nearest of them: Lloyd's first step. */
export interface Seeds {
	/** k × d, row-major. */
	centres: Float64Array;
	nearest: Int32Array;
	/** Squared distance to the nearest centre. */
	closest: Float64Array;
	/** Squared distance to the second-nearest centre (Infinity when k = 1). */
	second: Float64Array;
}

/**
 * k-means++ initial centres, the greedy variant with 2 + ⌊ln k⌋ candidates per centre that
 * ml-kmeans and scikit-learn use, drawn from XSadd(`seed`). `columns`: columnsOf(data).
 */
export function seedCentroids(
	data: Float64Array,
	n: number,
	d: number,
	k: number,
	seed: number,
	columns = columnsOf(data, n, d),
): Seeds {
	const random = new XSadd(seed);
	const trials = 2 + Math.floor(Math.log(k));
	const centres = new Float64Array(k * d);
	let chosen = Math.floor(random.float() * n);
	centres.set(data.subarray(chosen * d, chosen * d + d), 0);

	// closest[i]: squared distance from row i to its nearest centre so far.
	const closest = new Float64Array(n);
	for (let i = 0; i < n; i++) closest[i] = squaredDistance(data, i, centres, 0, d);
	const nearest = new Int32Array(n);
	const second = new Float64Array(n).fill(Infinity);
	const cumulative = new Float64Array(n);
	const candidates = new Int32Array(trials);
	const potentials = new Float64Array(trials);
	const scratch = new Float64Array(n);

	for (let c = 1; c < k; c++) {
		// The library draws from probabilities closest / total, summed in order; so do we.
		let total = 0;
		for (let i = 0; i < n; i++) total += closest[i];
		const scale = 1 / total;
		let running = 0;
		for (let i = 0; i < n; i++) {
			running += closest[i] * scale;
			cumulative[i] = running;
		}
		for (let t = 0; t < trials; t++) candidates[t] = drawIndex(cumulative, random.float());
		for (let t = 0; t < trials; t++) {
			potentials[t] = potentialOf(columns, candidates[t], closest, scratch);
		}
		let best = 0;
		for (let t = 1; t < trials; t++) if (potentials[t] < potentials[best]) best = t;
		chosen = candidates[best];
		centres.set(data.subarray(chosen * d, chosen * d + d), c * d);
		squaredDistancesFrom(columns, chosen, scratch);
		for (let i = 0; i < n; i++) {
			const dist = scratch[i];
			if (dist < closest[i]) {
				second[i] = closest[i];
				closest[i] = dist;
				nearest[i] = c;
			} else if (dist < second[i]) {
				second[i] = dist;
			}
		}
	}
	return { centres, nearest, closest, second };
}

/**
 * The potential of centre candidate `r`: Σ min(closest[i], ‖row r − row i‖²), summed in row order
 * as ml-kmeans does. `scratch`: n numbers of working space.
 */
function potentialOf(
	columns: Float64Array[],
	r: number,
	closest: Float64Array,
	scratch: Float64Array,
): number {
	const n = closest.length;
	let potential = 0;
	if (columns.length === 3) {
		// The default R, F, M in one pass (same sums, same order): a tenth off the whole scan.
		const [c0, c1, c2] = columns;
		const x0 = c0[r];
		const x1 = c1[r];
		const x2 = c2[r];
		for (let i = 0; i < n; i++) {
			const a = x0 - c0[i];
			const b = x1 - c1[i];
			const e = x2 - c2[i];
			let dist = a * a;
			dist += b * b;
			dist += e * e;
			potential += Math.min(closest[i], dist);
		}
	} else {
		squaredDistancesFrom(columns, r, scratch);
		for (let i = 0; i < n; i++) potential += Math.min(closest[i], scratch[i]);
	}
	return potential;
}

/** Into `out`, the squared distance from row `r` to every row, summed over columns in order. */
function squaredDistancesFrom(columns: Float64Array[], r: number, out: Float64Array): void {
	if (columns.length === 3) {
		const [c0, c1, c2] = columns;
		for (let i = 0; i < out.length; i++) {
			const a = c0[r] - c0[i];
			const b = c1[r] - c1[i];
			const e = c2[r] - c2[i];
			let dist = a * a;
			dist += b * b;
			dist += e * e;
			out[i] = dist;
		}
		return;
	}
	out.fill(0);
	for (const column of columns) {
		const x = column[r];
		for (let i = 0; i < out.length; i++) {
			const diff = x - column[i];
			out[i] += diff * diff;
		}
	}
}

/**
 * The first index whose cumulative probability reaches `r` (ml-random's `choice`). Where rounding
 * leaves the total just below `r` the library reads past the end and fails; we take the last point
 * that has any weight instead.
 */
function drawIndex(cumulative: Float64Array, r: number): number {
	const n = cumulative.length;
	if (!(r <= cumulative[n - 1])) {
		let i = n - 1;
		while (i > 0 && cumulative[i] === cumulative[i - 1]) i--;
		return i;
	}
	let lo = 0;
	let hi = n - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (r > cumulative[mid]) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export interface KmeansRun {
	/** 0-based centre index per row. */
	labels: Int32Array;
	/** k × d row-major: the mean of each cluster's rows (an empty cluster keeps its last centre). */
	centroids: Float64Array;
	/** Sum of squared distances of each row to its centroid. */
	inertia: number;
	iterations: number;
	converged: boolean;
}

/**
 * Lloyd iterations from `initial` centres (k × d, or seeds that carry the first assignment), at
 * most `maxIterations`, until every centre moves by at most `tolerance` (squared distance). As in
 * ml-kmeans the labels returned are those the last centres were averaged from, and the centroids
 * are their means.
 *
 * Three shortcuts keep this fast. Hamerly's bounds (2010) skip rows that provably keep their
 * centre; a row is skipped only when its centre is nearer than any other by a margin far above
 * rounding error, so each assignment is Lloyd's, down to the lowest index winning a tie. Rows with
 * ample slack in their bounds are not even visited until the centres have moved enough to use it
 * up. And the cluster sums follow the rows that moved instead of being recomputed, so a centre
 * may differ from the exact mean in its last bits until the end, when they are recomputed: that
 * can only matter to a row equidistant from two centres to 1e-16.
 */
export function iterateLloyd(
	data: Float64Array,
	n: number,
	d: number,
	initial: Float64Array | Seeds,
	maxIterations: number,
	tolerance = 1e-6,
): KmeansRun {
	const seeds = initial instanceof Float64Array ? null : initial;
	const start = seeds === null ? (initial as Float64Array) : seeds.centres;
	const k = start.length / d;
	const labels = new Int32Array(n).fill(-1);
	// The bounds are stored net of the centres' accumulated movement, so that moving the centres
	// costs O(k), not O(n): distance to own centre ≤ upper[i] + drift[label], distance to every
	// other centre ≥ lower[i] − driftMax.
	const upper = new Float64Array(n);
	const lower = new Float64Array(n);
	const drift = new Float64Array(k);
	let driftMax = 0;
	const half = new Float64Array(k);
	const sums = new Float64Array(k * d);
	const counts = new Int32Array(k);
	let largest = 0;
	for (let i = 0; i < data.length; i++) largest = Math.max(largest, Math.abs(data[i]));
	const margin = 1e-9 * largest * Math.sqrt(d);
	let centres = start.slice();
	let next = new Float64Array(k * d);
	// Rows whose bounds have slack > `threshold` are left alone until the centres have drifted
	// far enough to use it up; only the others (`rows[0 … active)`) are checked.
	const rows = new Int32Array(n);
	let active = 0;
	let activeSince = 0;
	let threshold = -Infinity;
	let lastStep = 0;

	let iterations = 0;
	let converged = false;
	while (!converged && iterations < maxIterations) {
		iterations++;
		let moved: number;
		if (iterations === 1) {
			if (seeds === null) {
				for (let i = 0; i < n; i++)
					assignRow(data, i, d, centres, k, labels, upper, lower, drift, 0);
			} else {
				// The seeding already measured every row against every centre, in Lloyd's order.
				labels.set(seeds.nearest);
				for (let i = 0; i < n; i++) {
					upper[i] = Math.sqrt(seeds.closest[i]);
					lower[i] = Math.sqrt(seeds.second[i]);
				}
			}
			moved = n;
		} else {
			for (let c = 0; c < k; c++) {
				let min = Infinity;
				for (let o = 0; o < k; o++) {
					if (o !== c) min = Math.min(min, squaredDistance(centres, c, centres, o, d));
				}
				half[c] = Math.sqrt(min) / 2;
			}
			if (2 * (driftMax - activeSince) >= threshold || 16 * lastStep < threshold) {
				threshold = 4 * lastStep;
				activeSince = driftMax;
				active = collectActive(n, labels, upper, lower, drift, driftMax, margin, threshold, rows);
			}
			moved = reassignRows(
				data,
				d,
				centres,
				k,
				labels,
				upper,
				lower,
				drift,
				driftMax,
				half,
				margin,
				sums,
				counts,
				rows.subarray(0, active),
				n >> 3,
			);
		}
		if (moved > n >> 3) sumClusters(data, n, d, labels, sums, counts);
		converged = true;
		let largestShift = 0;
		for (let c = 0; c < k; c++) {
			for (let t = 0; t < d; t++) {
				const j = c * d + t;
				next[j] = counts[c] > 0 ? sums[j] / counts[c] : centres[j];
			}
			const squared = squaredDistance(next, c, centres, c, d);
			if (squared > tolerance) converged = false;
			const shift = Math.sqrt(squared);
			drift[c] += shift;
			largestShift = Math.max(largestShift, shift);
		}
		driftMax += largestShift;
		lastStep = largestShift;
		[centres, next] = [next, centres];
	}
	sumClusters(data, n, d, labels, sums, counts);
	for (let j = 0; j < k * d; j++) {
		const count = counts[Math.floor(j / d)];
		if (count > 0) centres[j] = sums[j] / count;
	}
	return {
		labels,
		centroids: centres,
		inertia: computeInertia(data, n, d, labels, centres),
		iterations,
		converged,
	};
}

/**
 * One Lloyd assignment of `rows` under Hamerly's bounds: a row whose bounds prove it keeps its
 * centre is skipped, any other gets all its distances (which also renews its lower bound).
 * Returns how many rows changed centre, and keeps `sums` and `counts` up to date while that
 * stays within `limit` (beyond, the caller recomputes them).
 */
function reassignRows(
	data: Float64Array,
	d: number,
	centres: Float64Array,
	k: number,
	labels: Int32Array,
	upper: Float64Array,
	lower: Float64Array,
	drift: Float64Array,
	driftMax: number,
	half: Float64Array,
	margin: number,
	sums: Float64Array,
	counts: Int32Array,
	rows: Int32Array,
	limit: number,
): number {
	let moved = 0;
	for (let r = 0; r < rows.length; r++) {
		const i = rows[r];
		const own = labels[i];
		if (upper[i] + drift[own] < Math.max(half[own], lower[i] - driftMax) - margin) continue;
		assignRow(data, i, d, centres, k, labels, upper, lower, drift, driftMax);
		const now = labels[i];
		if (now === own) continue;
		moved++;
		if (moved > limit) continue;
		counts[own]--;
		counts[now]++;
		for (let t = 0; t < d; t++) {
			sums[own * d + t] -= data[i * d + t];
			sums[now * d + t] += data[i * d + t];
		}
	}
	return moved;
}

/** Into `rows`, the rows whose bound slack (lower − upper − margin) is at most `threshold`. */
function collectActive(
	n: number,
	labels: Int32Array,
	upper: Float64Array,
	lower: Float64Array,
	drift: Float64Array,
	driftMax: number,
	margin: number,
	threshold: number,
	rows: Int32Array,
): number {
	let count = 0;
	for (let i = 0; i < n; i++) {
		const slack = lower[i] - driftMax - (upper[i] + drift[labels[i]]) - margin;
		if (slack <= threshold) rows[count++] = i;
	}
	return count;
}

/** Per cluster, the sum of its rows (added in row order, as ml-kmeans does) and their count. */
function sumClusters(
	data: Float64Array,
	n: number,
	d: number,
	labels: Int32Array,
	sums: Float64Array,
	counts: Int32Array,
): void {
	sums.fill(0);
	counts.fill(0);
	for (let i = 0; i < n; i++) {
		const c = labels[i];
		counts[c]++;
		for (let t = 0; t < d; t++) sums[c * d + t] += data[i * d + t];
	}
}

/** Labels row i with its nearest centre (the lowest index on ties) and resets its bounds. */
function assignRow(
	data: Float64Array,
	i: number,
	d: number,
	centres: Float64Array,
	k: number,
	labels: Int32Array,
	upper: Float64Array,
	lower: Float64Array,
	drift: Float64Array,
	driftMax: number,
): void {
	let first = -1;
	let nearest = Number.MAX_VALUE;
	let second = Infinity;
	const row = i * d;
	for (let c = 0; c < k; c++) {
		let dist = 0;
		if (d === 3) {
			// The default R, F, M: unrolled (same sum, same order), a tenth off the whole scan.
			const a = data[row] - centres[c * 3];
			const b = data[row + 1] - centres[c * 3 + 1];
			const e = data[row + 2] - centres[c * 3 + 2];
			dist += a * a;
			dist += b * b;
			dist += e * e;
		} else {
			dist = squaredDistance(data, i, centres, c, d);
		}
		if (dist < nearest) {
			second = nearest;
			nearest = dist;
			first = c;
		} else if (dist < second) {
			second = dist;
		}
	}
	labels[i] = first;
	upper[i] = Math.sqrt(nearest) - drift[first];
	lower[i] = (k === 1 ? Infinity : Math.sqrt(second)) + driftMax;
}

/** Sum over rows of the squared Euclidean distance to the row's centroid. */
export function computeInertia(
	data: Float64Array,
	n: number,
	d: number,
	labels: Int32Array,
	centroids: Float64Array,
): number {
	let inertia = 0;
	for (let i = 0; i < n; i++) inertia += squaredDistance(data, i, centroids, labels[i], d);
	return inertia;
}

/** The seed of each run: the first `runs` 32-bit draws of XSadd(`seed`). */
export function runSeeds(seed: number, runs: number): number[] {
	const random = new XSadd(seed);
	return Array.from({ length: runs }, () => random.uint32());
}

export interface KmeansOptions {
	/** Default 0. */
	seed?: number;
	/** Independent k-means++ starts; the lowest inertia wins (the earliest on ties). Default 10. */
	runs?: number;
	/** Default 300. */
	maxIterations?: number;
	/**
	 * Stop when no centre moves more than this (squared distance, in the standardised space).
	 * Default 1e-4, scikit-learn's `tol` on standardised data: ml-kmeans's 1e-6 gives the same
	 * clusters after up to twice the iterations, which the 50,000-customer k scan cannot afford.
	 */
	tolerance?: number;
	/** Called after each run with the number of runs done. */
	onRun?: (done: number) => void;
}

/**
 * k-means with `runs` seeded k-means++ starts, keeping the lowest inertia. Requires at least k
 * distinct rows (fewer leave the seeding nothing to draw from).
 */
export function fitKmeans(
	data: Float64Array,
	n: number,
	d: number,
	k: number,
	options: KmeansOptions = {},
): KmeansRun {
	const { seed = 0, runs = 10, maxIterations = 300, tolerance = 1e-4, onRun } = options;
	if (!(runs >= 1)) throw new Error(`fitKmeans needs at least one run, got runs = ${runs}`);
	const columns = columnsOf(data, n, d);
	const seeds = runSeeds(seed, runs);
	let best = iterateLloyd(
		data,
		n,
		d,
		seedCentroids(data, n, d, k, seeds[0], columns),
		maxIterations,
		tolerance,
	);
	onRun?.(1);
	for (let r = 1; r < runs; r++) {
		const run = iterateLloyd(
			data,
			n,
			d,
			seedCentroids(data, n, d, k, seeds[r], columns),
			maxIterations,
			tolerance,
		);
		if (run.inertia < best.inertia) best = run;
		onRun?.(r + 1);
	}
	return best;
}
