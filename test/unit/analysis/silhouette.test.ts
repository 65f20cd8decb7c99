import { describe, expect, it } from 'vitest';
import { sampleRows, silhouetteScores } from '../../../src/analysis/silhouette';

const one = (values: number[]) => new Float64Array(values);
const labels = (values: number[]) => new Int32Array(values);

describe('silhouette', () => {
	it('silhouetteScores(x, [labels]) of four 1-D points, by hand', () => {
		// x = 0, 1 | 4, 6 (scikit-learn: s = (b − a) / max(a, b), a = mean distance within the own
		// cluster, b = mean distance to the nearest other cluster):
		//   x = 0: a = 1, b = (4 + 6) / 2 = 5   → s = 4 / 5
		//   x = 1: a = 1, b = (3 + 5) / 2 = 4   → s = 3 / 4
		//   x = 4: a = 2, b = (4 + 3) / 2 = 3.5 → s = 1.5 / 3.5 = 3 / 7
		//   x = 6: a = 2, b = (6 + 5) / 2 = 5.5 → s = 3.5 / 5.5 = 7 / 11
		//   mean = (4/5 + 3/4 + 3/7 + 7/11) / 4 = 4027 / 6160
		const [s] = silhouetteScores(
			one([0, 1, 4, 6]),
			1,
			[{ k: 2, labels: labels([0, 0, 1, 1]) }],
			null,
		);
		expect(s).toBeCloseTo(4027 / 6160, 14);
	});

	it('silhouetteScores(x, [labels]) gives a customer alone in its cluster s = 0', () => {
		// As above plus x = 20 alone in cluster 2 (s = 0, still counted), which is farther from
		// everyone than their nearest other cluster: mean = (4027 / 1540 + 0) / 5 = 4027 / 7700.
		const [s] = silhouetteScores(
			one([0, 1, 4, 6, 20]),
			1,
			[{ k: 3, labels: labels([0, 0, 1, 1, 2]) }],
			null,
		);
		expect(s).toBeCloseTo(4027 / 7700, 14);
	});

	it('silhouetteScores(x, [labels]) of coinciding clusters is 0, not NaN', () => {
		// a = b = 0 for every point: scikit-learn turns 0 / 0 into 0.
		const [s] = silhouetteScores(
			one([5, 5, 5, 5]),
			1,
			[{ k: 2, labels: labels([0, 0, 1, 1]) }],
			null,
		);
		expect(s).toBe(0);
	});

	it.each([
		['one cluster', 1, [0, 0, 0]],
		['as many clusters as points', 3, [0, 1, 2]],
		['an unused label leaving one cluster', 2, [1, 1, 1]],
	])('silhouetteScores(x, [labels]) with %s is null', (_, k, values) => {
		expect(silhouetteScores(one([1, 2, 3]), 1, [{ k, labels: labels(values) }], null)).toEqual([
			null,
		]);
	});

	it('silhouetteScores(data, labellings) computes several labellings at once', () => {
		const data = Float64Array.from({ length: 2 * 60 }, (_, i) => Math.sin(i * 1.7) * 5 + (i % 7));
		const labellings = [
			{ k: 2, labels: Int32Array.from({ length: 60 }, (_, i) => i % 2) },
			{ k: 3, labels: Int32Array.from({ length: 60 }, (_, i) => (i * 7) % 3) },
			{ k: 1, labels: new Int32Array(60) },
		];
		const together = silhouetteScores(data, 2, labellings, null);
		const apart = labellings.map((l) => silhouetteScores(data, 2, [l], null)[0]);
		expect(together[2]).toBeNull();
		expect(apart[2]).toBeNull();
		for (const l of [0, 1]) expect(together[l]).toBeCloseTo(apart[l]!, 13);
	});

	it('sampleRows(n, size, seed) draws distinct rows, sorted, the same for the same seed', () => {
		expect(sampleRows(100, 100, 0)).toBeNull();
		const sample = sampleRows(1000, 50, 0)!;
		expect(sample.length).toBe(50);
		expect(new Set(sample).size).toBe(50);
		expect(Array.from(sample)).toEqual(Array.from(sample).sort((a, b) => a - b));
		expect(sampleRows(1000, 50, 0)).toEqual(sample);
		expect(sampleRows(1000, 50, 1)).not.toEqual(sample);
	});

	it('silhouetteScores(data, labellings, sample) uses only distances among the sampled rows', () => {
		const n = 500;
		const data = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + (i % 3) * 4);
		const all = Int32Array.from(data, (x) => (x < -3 ? 0 : x < 4 ? 1 : 2));
		const sample = sampleRows(n, 80, 7)!;
		const [sampled] = silhouetteScores(data, 1, [{ k: 3, labels: all }], sample);
		const [direct] = silhouetteScores(
			Float64Array.from(sample, (i) => data[i]),
			1,
			[{ k: 3, labels: Int32Array.from(sample, (i) => all[i]) }],
			null,
		);
		expect(sampled).toBeCloseTo(direct!, 13);
		expect(silhouetteScores(data, 1, [{ k: 3, labels: all }], sample)).toEqual([sampled]);
	});
});
