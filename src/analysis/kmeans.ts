/**
 * k-means over a flat row-major Float64Array (n rows × d columns).
 *
 * This is ml-kmeans 7 (`kmeans(rows, k, { seed, maxIterations })`: scikit-learn's greedy k-means++
 * seeding, then Lloyd iterations until no centre moves more than 1e-6 in squared distance) rewritten
 * step for step over typed arrays: the library allocates a row per distance in its seeding and
 * needed 17 s for a k = 2…8 scan of 50,000 customers, this needs well under the 3 s budget. The same
 * seed gives the same centres, labels and iteration count as the library; a unit test holds us to it.
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

/** The d columns of an n × d row-major matrix: one pass per column beats a pass per row here. */
export function columnsOf(data: Float64Array, n: number, d: number): Float64Array[] {
	return Array.from({ length: d }, (_, t) =>
		Float64Array.from({ length: n }, (_, i) => data[i * d + t]),
	);
}

/**
 * Into `out`, the squared distance from row `r` to every row, summed over columns in order (so
 * equal, bit for bit, to `squaredDistance`).
 */
function squaredDistancesFrom(columns: Float64Array[], r: number, out: Float64Array): void {
	const n = out.length;
	columns.forEach((column, t) => {
		const x = column[r];
		if (t === 0) {
			for (let i = 0; i < n; i++) {
				const diff = x - column[i];
				out[i] = diff * diff;
			}
		} else {
			for (let i = 0; i < n; i++) {
				const diff = x - column[i];
				out[i] += diff * diff;
			}
		}
	});
}

/**
 * k-means++ initial centres (k × d, row-major), the greedy variant with 2 + ⌊ln k⌋ candidates per
 * centre that ml-kmeans and scikit-learn use, drawn from XSadd(`seed`).
 */
export function seedCentroids(
	data: Float64Array,
	n: number,
	d: number,
	k: number,
	seed: number,
	columns = columnsOf(data, n, d),
): Float64Array {
	const random = new XSadd(seed);
	const centres = new Float64Array(k * d);
	const trials = 2 + Math.floor(Math.log(k));
	const first = Math.floor(random.float() * n);
	centres.set(data.subarray(first * d, first * d + d), 0);

	let closest = new Float64Array(n);
	squaredDistancesFrom(columns, first, closest);
	const cumulative = new Float64Array(n);
	const candidates = new Int32Array(trials);
	const distances = new Float64Array(n);
	let trial = new Float64Array(n);
	let best = new Float64Array(n);

	for (let c = 1; c < k; c++) {
		// The library normalises to probabilities before summing them; so do we, for equal draws.
		let total = 0;
		for (let i = 0; i < n; i++) total += closest[i];
		const scale = 1 / total;
		let running = 0;
		for (let i = 0; i < n; i++) {
			running += closest[i] * scale;
			cumulative[i] = running;
		}
		for (let t = 0; t < trials; t++) candidates[t] = drawIndex(cumulative, random.float());

		let bestCandidate = -1;
		let bestPotential = Infinity;
		for (let t = 0; t < trials; t++) {
			const candidate = candidates[t];
			squaredDistancesFrom(columns, candidate, distances);
			let potential = 0;
			for (let i = 0; i < n; i++) {
				const min = Math.min(closest[i], distances[i]);
				trial[i] = min;
				potential += min;
			}
			if (potential < bestPotential) {
				bestPotential = potential;
				bestCandidate = candidate;
				[best, trial] = [trial, best];
			}
		}
		centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
		[closest, best] = [best, closest];
	}
	return centres;
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
 * Lloyd iterations from `initial` centres (k × d), at most `maxIterations`, until every centre
 * moves by at most `tolerance` (squared distance). As in ml-kmeans the labels returned are those
 * the last centres were averaged from, and the centroids are their exact means.
 *
 * Two shortcuts keep this fast without changing the labels. Hamerly's bounds (2010) skip rows
 * that provably keep their centre, and a row is skipped only when its centre is nearer than any
 * other by a margin far above rounding error, so the labels are Lloyd's, down to the lowest index
 * winning a tie. And the cluster sums follow only the rows that moved; they are recomputed from
 * scratch when many did and at the end.
 */
export function iterateLloyd(
	data: Float64Array,
	n: number,
	d: number,
	initial: Float64Array,
	maxIterations: number,
	tolerance = 1e-6,
): KmeansRun {
	const k = initial.length / d;
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
	let centres = initial.slice();
	let next = new Float64Array(k * d);

	let iterations = 0;
	let converged = false;
	while (!converged && iterations < maxIterations) {
		iterations++;
		let moved = 0;
		if (iterations === 1) {
			for (let i = 0; i < n; i++) assignRow(data, i, d, centres, k, labels, upper, lower, drift, 0);
			moved = n;
		} else {
			for (let c = 0; c < k; c++) {
				let min = Infinity;
				for (let o = 0; o < k; o++) {
					if (o !== c) min = Math.min(min, squaredDistance(centres, c, centres, o, d));
				}
				half[c] = Math.sqrt(min) / 2;
			}
			moved = reassignRows(
				data,
				n,
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
 * One Lloyd assignment under Hamerly's bounds: rows whose bounds prove they keep their centre are
 * skipped. Returns how many rows changed centre, and keeps `sums` and `counts` up to date while
 * that stays below n / 8 (beyond, the caller recomputes them).
 */
function reassignRows(
	data: Float64Array,
	n: number,
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
): number {
	let moved = 0;
	for (let i = 0; i < n; i++) {
		const own = labels[i];
		const bound = Math.max(half[own], lower[i] - driftMax) - margin;
		if (upper[i] + drift[own] < bound) continue;
		const exact = Math.sqrt(squaredDistance(data, i, centres, own, d));
		upper[i] = exact - drift[own];
		if (exact < bound) continue;
		assignRow(data, i, d, centres, k, labels, upper, lower, drift, driftMax);
		const now = labels[i];
		if (now === own) continue;
		moved++;
		if (moved > n >> 3) continue;
		counts[own]--;
		counts[now]++;
		for (let t = 0; t < d; t++) {
			sums[own * d + t] -= data[i * d + t];
			sums[now * d + t] += data[i * d + t];
		}
	}
	return moved;
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
	for (let c = 0; c < k; c++) {
		const dist = squaredDistance(data, i, centres, c, d);
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
	const { seed = 0, runs = 10, maxIterations = 300, onRun } = options;
	const columns = columnsOf(data, n, d);
	let best: KmeansRun | null = null;
	runSeeds(seed, runs).forEach((runSeed, r) => {
		const initial = seedCentroids(data, n, d, k, runSeed, columns);
		const run = iterateLloyd(data, n, d, initial, maxIterations);
		if (best === null || run.inertia < best.inertia) best = run;
		onRun?.(r + 1);
	});
	if (best === null) throw new Error(`fitKmeans needs at least one run, got runs = ${runs}`);
	return best;
}
