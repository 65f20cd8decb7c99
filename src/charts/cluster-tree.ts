/**
 * The explaining decision tree of the Clusters cell as words: splits whose leaves all name the
 * same cluster are merged, and each leaf becomes a rule "if … and …, then cluster c".
 */
import type { TreeNode } from '../analysis/cluster';

/** The customers of a rule, on one feature: above `above` (exclusive) and at most `atMost`. */
export interface TreeCondition {
	feature: number;
	above: number | null;
	atMost: number | null;
}

export interface TreeRule {
	conditions: TreeCondition[];
	/** The cluster the leaf predicts (1-based). */
	cluster: number;
	/** Customers reaching the leaf. */
	count: number;
	/** Of those, the customers who are in `cluster`. */
	correct: number;
}

export interface TreeTextLabels {
	/** A feature's name, e.g. "recency". */
	feature: (feature: number) => string;
	/** A threshold of a feature with its unit, e.g. "92.5 days". */
	value: (feature: number, x: number) => string;
	/** Joins conditions, e.g. " and ". */
	and: string;
	/** A whole rule from its joined conditions; `conditions` is '' for a tree without splits. */
	rule: (p: { conditions: string; cluster: number; count: number; correct: number }) => string;
}

const isLeaf = (node: TreeNode) => node.left === undefined || node.right === undefined;

/**
 * The same predictions with fewer splits: a split whose two sides end in leaves of the same
 * cluster becomes one leaf (its counts are the node's own).
 */
export function pruneTree(node: TreeNode): TreeNode {
	if (isLeaf(node)) return node;
	const left = pruneTree(node.left!);
	const right = pruneTree(node.right!);
	if (isLeaf(left) && isLeaf(right) && left.cluster === right.cluster) {
		return { cluster: left.cluster, count: node.count, counts: node.counts };
	}
	return { ...node, left, right };
}

/**
 * One rule per leaf of the pruned tree, left to right; the tests of one feature along a path are
 * merged into one range, in the order the features are first tested.
 */
export function treeRules(tree: TreeNode): TreeRule[] {
	const rules: TreeRule[] = [];
	const walk = (node: TreeNode, path: TreeCondition[]) => {
		if (isLeaf(node)) {
			const cluster = node.cluster ?? 0;
			rules.push({
				conditions: path,
				cluster,
				count: node.count,
				correct: node.counts[cluster - 1] ?? 0,
			});
			return;
		}
		const feature = node.feature!;
		const threshold = node.threshold!;
		const bound = (side: 'left' | 'right'): TreeCondition[] => {
			const i = path.findIndex((c) => c.feature === feature);
			const own = i < 0 ? { feature, above: null, atMost: null } : path[i];
			const next =
				side === 'left'
					? { ...own, atMost: own.atMost === null ? threshold : Math.min(own.atMost, threshold) }
					: { ...own, above: own.above === null ? threshold : Math.max(own.above, threshold) };
			return i < 0 ? [...path, next] : path.map((c, j) => (j === i ? next : c));
		};
		walk(node.left!, bound('left'));
		walk(node.right!, bound('right'));
	};
	walk(pruneTree(tree), []);
	return rules;
}

/** "recency ≤ 92.5 days", "recency > 92.5 days" or "92.5 days < recency ≤ 281 days". */
export function conditionText(c: TreeCondition, labels: TreeTextLabels): string {
	const name = labels.feature(c.feature);
	const value = (x: number) => labels.value(c.feature, x);
	if (c.above !== null && c.atMost !== null)
		return `${value(c.above)} < ${name} ≤ ${value(c.atMost)}`;
	if (c.atMost !== null) return `${name} ≤ ${value(c.atMost)}`;
	if (c.above !== null) return `${name} > ${value(c.above)}`;
	return name;
}

/** A rule in words through `labels.rule`. */
export function ruleText(rule: TreeRule, labels: TreeTextLabels): string {
	return labels.rule({
		conditions: rule.conditions.map((c) => conditionText(c, labels)).join(labels.and),
		cluster: rule.cluster,
		count: rule.count,
		correct: rule.correct,
	});
}
