import { kmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import {
	computeInertia,
	fitKmeans,
	iterateLloyd,
	runSeeds,
	seedCentroids,
} from '../../../src/analysis/kmeans';

/** n × d rows from a seeded generator: continuous, or small integers full of ties. */
function rows(n: number, d: number, integers: boolean, seed: number): Float64Array {
	let state = seed;
	return Float64Array.from({ length: n * d }, () => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		const u = state / 2 ** 32;
		return integers ? Math.floor(u * 5) : Math.sin(u * 40) * 3 + u;
	});
}

function toRows(data: Float64Array, d: number): number[][] {
	return Array.from({ length: data.length / d }, (_, i) =>
		Array.from(data.subarray(i * d, i * d + d)),
	);
}

describe('k-means', () => {
	const cases = [
		{ n: 40, d: 1, integers: false },
		{ n: 60, d: 2, integers: false },
		{ n: 250, d: 3, integers: false },
		{ n: 120, d: 3, integers: true },
		{ n: 80, d: 4, integers: true },
	].flatMap((c) => [1, 2, 3, 5, 8].map((k) => ({ ...c, k })));

	it.each(cases)(
		'iterateLloyd(data, seedCentroids(data, k, seed)) is ml-kmeans kmeans(rows, k, {seed}) ($n×$d, integers: $integers, k = $k)',
		({ n, d, integers, k }) => {
			const data = rows(n, d, integers, n + k);
			for (const seed of runSeeds(k, 3)) {
				const ours = iterateLloyd(data, n, d, seedCentroids(data, n, d, k, seed), 300);
				const theirs = kmeans(toRows(data, d), k, { seed, maxIterations: 300 });
				expect({
					labels: Array.from(ours.labels),
					centroids: toRows(ours.centroids, d),
					iterations: ours.iterations,
					converged: ours.converged,
				}).toEqual({
					labels: theirs.clusters,
					centroids: theirs.centroids,
					iterations: theirs.iterations,
					converged: theirs.converged,
				});
			}
		},
	);

	it('iterateLloyd(data, centres, 2) stops after 2 iterations, as ml-kmeans does', () => {
		const data = rows(200, 2, false, 9);
		const [seed] = runSeeds(4, 1);
		const ours = iterateLloyd(data, 200, 2, seedCentroids(data, 200, 2, 6, seed).centres, 2);
		const theirs = kmeans(toRows(data, 2), 6, { seed, maxIterations: 2 });
		expect([Array.from(ours.labels), ours.iterations, ours.converged]).toEqual([
			theirs.clusters,
			2,
			false,
		]);
	});

	it('computeInertia(data, labels, centroids) sums squared distances to the own centroid', () => {
		// 1-D rows 0, 2 | 10, 14 with centroids 1 and 12: 1 + 1 + 4 + 4 = 10.
		const data = new Float64Array([0, 2, 10, 14]);
		expect(
			computeInertia(data, 4, 1, new Int32Array([0, 0, 1, 1]), new Float64Array([1, 12])),
		).toBe(10);
	});

	it('fitKmeans(data, k, {seed: 0}) keeps the run of lowest inertia and is deterministic', () => {
		const data = rows(300, 3, false, 5);
		const best = fitKmeans(data, 300, 3, 4, { seed: 0 });
		const runs = runSeeds(0, 10).map((seed) =>
			iterateLloyd(data, 300, 3, seedCentroids(data, 300, 3, 4, seed), 300, 1e-4),
		);
		expect(best.inertia).toBe(Math.min(...runs.map((run) => run.inertia)));
		expect(fitKmeans(data, 300, 3, 4, { seed: 0 })).toEqual(best);
		expect(best.inertia).toBe(computeInertia(data, 300, 3, best.labels, best.centroids));
	});

	it('fitKmeans(data, k, {onRun}) reports each run', () => {
		const done: number[] = [];
		fitKmeans(rows(50, 2, false, 1), 50, 2, 3, { runs: 4, onRun: (r) => done.push(r) });
		expect(done).toEqual([1, 2, 3, 4]);
	});

	it('runSeeds(seed, runs) derives distinct 32-bit seeds, the same for the same seed', () => {
		const seeds = runSeeds(0, 10);
		expect(runSeeds(0, 10)).toEqual(seeds);
		expect(new Set(seeds).size).toBe(10);
		expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
		expect(runSeeds(1, 10)).not.toEqual(seeds);
	});
});
