import { describe, expect, it } from 'vitest';
import { fitTree } from '../../../src/analysis/tree';

describe('fitTree', () => {
	it('fitTree(columns, labels, 2) splits halfway between the two groups, accuracy 1', () => {
		expect(fitTree([[1, 2, 3, 10, 11, 12]], new Int32Array([1, 1, 1, 2, 2, 2]), 2)).toEqual({
			tree: {
				feature: 0,
				threshold: 6.5,
				count: 6,
				counts: [3, 3],
				left: { cluster: 1, count: 3, counts: [3, 0] },
				right: { cluster: 2, count: 3, counts: [0, 3] },
			},
			accuracy: 1,
		});
	});

	it('fitTree(columns, labels, k) prefers the lower feature, then the lower threshold, on ties', () => {
		// Both features separate the labels equally well; the first one is used.
		const { tree } = fitTree(
			[
				[5, 6, 7, 8],
				[50, 60, 70, 80],
			],
			new Int32Array([1, 1, 2, 2]),
			2,
		);
		expect([tree.feature, tree.threshold]).toEqual([0, 6.5]);
		// A label pattern 1 2 1 scores the same cut before and after the 2: the lower wins.
		expect(fitTree([[1, 2, 3]], new Int32Array([1, 2, 1]), 2, { maxDepth: 1 }).tree.threshold).toBe(
			1.5,
		);
	});

	it('fitTree(columns, labels, 2, {maxDepth}) finds XOR one level down, as CART does', () => {
		const a = [0, 0, 1, 1, 0, 0, 1, 1];
		const b = [0, 1, 0, 1, 0, 1, 0, 1];
		const xor = new Int32Array(a.map((v, i) => 1 + (v ^ b[i])));
		expect(fitTree([a, b], xor, 2, { maxDepth: 2 }).accuracy).toBe(1);
		expect(fitTree([a, b], xor, 2, { maxDepth: 1 }).accuracy).toBe(0.5);
	});

	it('fitTree(columns, labels, k) stops at depth 3 and votes the majority in each leaf', () => {
		const values = Array.from({ length: 40 }, (_, i) => i);
		const labels = new Int32Array(values.map((v) => 1 + (v % 4 === 0 ? 1 : 0) + (v > 30 ? 1 : 0)));
		const { tree, accuracy } = fitTree([values], labels, 3);
		const leaves: { count: number; counts: number[]; cluster?: number }[] = [];
		const depth = (node: typeof tree): number => {
			if (!node.left || !node.right) {
				leaves.push(node);
				return 0;
			}
			return 1 + Math.max(depth(node.left), depth(node.right));
		};
		expect(depth(tree)).toBe(3);
		for (const leaf of leaves) {
			expect(leaf.counts[leaf.cluster! - 1]).toBe(Math.max(...leaf.counts));
		}
		const correct = leaves.reduce((sum, leaf) => sum + Math.max(...leaf.counts), 0);
		expect(accuracy).toBe(correct / 40);
		expect(accuracy).toBeLessThan(1);
	});

	it('fitTree(columns, labels, k) leaves a node whose features are all equal', () => {
		expect(fitTree([[3, 3, 3]], new Int32Array([1, 2, 2]), 2)).toEqual({
			tree: { cluster: 2, count: 3, counts: [1, 2] },
			accuracy: 2 / 3,
		});
	});
});
