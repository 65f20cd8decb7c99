/**
 * Mean silhouette coefficients, defined as scikit-learn's `silhouette_score` (Euclidean): for a row
 * i in a cluster of size > 1, a(i) = mean distance to the other rows of its cluster, b(i) = the
 * lowest mean distance to the rows of another cluster, s(i) = (b − a) / max(a, b) (0 when both are
 * 0); a row alone in its cluster has s = 0. With a sample, a and b use only sampled rows, as
 * `silhouette_score(sample_size=…)` does.
 */
import { XSadd } from './kmeans';
import type { OnProgress } from './types';

/** One clustering of the same rows: 0-based labels below `k`. */
export interface Labelling {
	labels: Int32Array;
	k: number;
}

/**
 * The rows the silhouette is computed on: all of them (null) when n ≤ `sampleSize`, otherwise
 * `sampleSize` distinct rows drawn by a partial Fisher–Yates shuffle from XSadd(`seed`), ascending.
 */
export function sampleRows(n: number, sampleSize: number, seed: number): Int32Array | null {
	if (n <= sampleSize) return null;
	const random = new XSadd(seed);
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	for (let i = 0; i < sampleSize; i++) {
		const j = i + Math.floor(random.float() * (n - i));
		const swap = order[i];
		order[i] = order[j];
		order[j] = swap;
	}
	return order.slice(0, sampleSize).sort();
}

/**
 * The mean silhouette of each labelling of the n × d rows of `data`, over the rows `sample` (all
 * rows when null). Null where undefined: fewer than 2 or more than m − 1 clusters among the m rows
 * used (scikit-learn raises there).
 *
 * The rows are grouped by their tuple of labels across all labellings ("cells": for the k-means
 * of one scan typically a few hundred, at worst m); each row's distances are computed once and
 * summed per cell, and a cluster's sum is the sum of its cells. That is O(m² (d + 1) + m · cells ·
 * labellings) time and O(m + cells) memory, but it makes the last bits of a labelling's result
 * depend on the others it was computed with.
 */
export function silhouetteScores(
	data: Float64Array,
	d: number,
	labellings: Labelling[],
	sample: Int32Array | null,
	onProgress?: OnProgress,
): (number | null)[] {
	const m = sample === null ? data.length / d : sample.length;
	const rowOf = (i: number) => (sample === null ? i : sample[i]);
	const defined = labellings.filter(({ labels, k }) => {
		const size = new Int32Array(k);
		for (let i = 0; i < m; i++) size[labels[rowOf(i)]]++;
		const clusters = size.reduce((count, s) => count + (s > 0 ? 1 : 0), 0);
		return clusters >= 2 && clusters <= m - 1;
	});
	if (defined.length === 0) return labellings.map(() => null);

	// cell[i]: the row's tuple of labels, numbered in order of first appearance.
	let cell = new Int32Array(m);
	let cells = 1;
	for (const { labels, k } of defined) {
		const ids = new Map<number, number>();
		const next = new Int32Array(m);
		for (let i = 0; i < m; i++) {
			const key = cell[i] * k + labels[rowOf(i)];
			let id = ids.get(key);
			if (id === undefined) ids.set(key, (id = ids.size));
			next[i] = id;
		}
		cell = next;
		cells = ids.size;
	}
	// Rows sorted by cell, so that a cell's distances are one contiguous run.
	const start = new Int32Array(cells + 1);
	for (let i = 0; i < m; i++) start[cell[i] + 1]++;
	for (let c = 0; c < cells; c++) start[c + 1] += start[c];
	const order = new Int32Array(m);
	const fill = start.slice(0, cells);
	for (let i = 0; i < m; i++) order[fill[cell[i]]++] = i;

	const columns = Array.from({ length: d }, (_, t) =>
		Float64Array.from(order, (i) => data[rowOf(i) * d + t]),
	);
	// Per labelling: the cluster of each cell and the cluster sizes among the m rows.
	const clusterOf = defined.map(({ labels }) =>
		Int32Array.from({ length: cells }, (_, c) => labels[rowOf(order[start[c]])]),
	);
	const sizes = defined.map(({ k }, l) => {
		const size = new Int32Array(k);
		for (let c = 0; c < cells; c++) size[clusterOf[l][c]] += start[c + 1] - start[c];
		return size;
	});

	const totals = defined.map(() => 0);
	const partial = new Float64Array(m);
	const cellSums = new Float64Array(cells);
	const sums = new Float64Array(Math.max(...defined.map(({ k }) => k)));
	const step = Math.max(1, Math.floor(m / 50));
	for (let c = 0; c < cells; c++) {
		for (let r = start[c]; r < start[c + 1]; r++) {
			cellDistances(columns, r, start, partial, cellSums);
			defined.forEach(({ k }, l) => {
				sums.fill(0, 0, k);
				for (let e = 0; e < cells; e++) sums[clusterOf[l][e]] += cellSums[e];
				totals[l] += silhouetteOf(sums, clusterOf[l][c], sizes[l], k);
			});
			if (onProgress && r % step === 0) onProgress(r / m, 'silhouette');
		}
	}
	return labellings.map((labelling) => {
		const l = defined.indexOf(labelling);
		return l < 0 ? null : totals[l] / m;
	});
}

/**
 * Into cellSums[e], the total Euclidean distance from row `r` to the rows of cell e (rows
 * start[e] … start[e + 1] − 1). The squares of all columns but the last go through `partial`; the
 * last column's pass adds its square, takes the root and sums, in one go.
 */
function cellDistances(
	columns: Float64Array[],
	r: number,
	start: Int32Array,
	partial: Float64Array,
	cellSums: Float64Array,
): void {
	partial.fill(0);
	for (let t = 0; t < columns.length - 1; t++) {
		const column = columns[t];
		const x = column[r];
		for (let j = 0; j < partial.length; j++) {
			const diff = x - column[j];
			partial[j] += diff * diff;
		}
	}
	const last = columns[columns.length - 1];
	const x = last[r];
	for (let e = 0; e < cellSums.length; e++) {
		let sum = 0;
		for (let j = start[e]; j < start[e + 1]; j++) {
			const diff = x - last[j];
			sum += Math.sqrt(partial[j] + diff * diff);
		}
		cellSums[e] = sum;
	}
}

/** s(i) from its distance sums per cluster (which include its own 0). */
function silhouetteOf(sums: Float64Array, own: number, sizes: Int32Array, k: number): number {
	if (sizes[own] === 1) return 0;
	const a = sums[own] / (sizes[own] - 1);
	let b = Infinity;
	for (let c = 0; c < k; c++) {
		if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
	}
	const scale = Math.max(a, b);
	return scale > 0 ? (b - a) / scale : 0;
}
