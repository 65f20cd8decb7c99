/**
 * A CART classification tree (Gini) that explains cluster labels by the raw features, grown level
 * by level over features sorted once, so a level costs O(n · features · k).
 */

/** A node of the explanation tree: a leaf when `cluster` is set, a split otherwise. */
export interface TreeNode {
	/** Leaf: the cluster it predicts (1-based), its customers' majority, the lower number on ties. */
	cluster?: number;
	/** Customers reaching the node. */
	count: number;
	/** Split: the 0-based feature tested. */
	feature?: number;
	/** Split: customers whose raw value is ≤ threshold go left. */
	threshold?: number;
	left?: TreeNode;
	right?: TreeNode;
	/** Customers per cluster, index cluster − 1. */
	counts: number[];
}

export interface TreeOptions {
	/** Default 3. */
	maxDepth?: number;
}

interface GrowingNode {
	count: number;
	counts: Int32Array;
	depth: number;
	feature: number;
	threshold: number;
	left: number;
	right: number;
}

/**
 * The Gini CART tree of depth ≤ `maxDepth` predicting `labels` (1…k) from `columns` (one array of
 * n raw values per feature), and its accuracy: the share of rows whose leaf majority is their
 * label. As scikit-learn's DecisionTreeClassifier (min 1 row per leaf, thresholds halfway between
 * consecutive distinct values), except that equally good splits go to the lowest feature, then the
 * lowest threshold, where scikit-learn draws the feature order at random, and that values stay
 * float64 where scikit-learn rounds them to float32.
 */
export function fitTree(
	columns: ArrayLike<number>[],
	labels: Int32Array,
	k: number,
	options: TreeOptions = {},
): { tree: TreeNode; accuracy: number } {
	const { maxDepth = 3 } = options;
	const n = labels.length;
	const values = columns.map((column) => Float64Array.from(column));
	const orders = values.map((v) => {
		const order = new Int32Array(n);
		for (let i = 0; i < n; i++) order[i] = i;
		return order.sort((a, b) => v[a] - v[b] || a - b);
	});
	const rootCounts = new Int32Array(k);
	for (let i = 0; i < n; i++) rootCounts[labels[i] - 1]++;
	const nodes: GrowingNode[] = [leaf(n, rootCounts, 0)];
	const nodeOf = new Int32Array(n);

	let frontier = [0];
	while (frontier.length > 0) {
		const open = frontier.filter((id) => {
			const node = nodes[id];
			return node.depth < maxDepth && node.count > 1 && !node.counts.includes(node.count);
		});
		if (open.length === 0) break;
		const slotOf = new Int32Array(nodes.length).fill(-1);
		open.forEach((id, slot) => (slotOf[id] = slot));
		// A split's score is Σ left² / nLeft + Σ right² / nRight (counts per cluster): the higher,
		// the lower the children's weighted Gini impurity. As in scikit-learn the best split is
		// taken even when it gains nothing, so that a pattern like XOR is found one level down.
		const bestScore = open.map(() => -Infinity);
		const tolerance = open.map((id) => 1e-12 * nodes[id].count);
		const leftCounts = new Int32Array(open.length * k);
		const leftSize = new Int32Array(open.length);
		const previous = new Float64Array(open.length);
		values.forEach((v, feature) => {
			leftCounts.fill(0);
			leftSize.fill(0);
			for (const i of orders[feature]) {
				const slot = slotOf[nodeOf[i]];
				if (slot < 0) continue;
				const value = v[i];
				if (leftSize[slot] > 0 && value > previous[slot]) {
					const node = nodes[open[slot]];
					const nLeft = leftSize[slot];
					let left = 0;
					let right = 0;
					for (let c = 0; c < k; c++) {
						const l = leftCounts[slot * k + c];
						const r = node.counts[c] - l;
						left += l * l;
						right += r * r;
					}
					const score = left / nLeft + right / (node.count - nLeft);
					if (score > bestScore[slot] + tolerance[slot]) {
						bestScore[slot] = score;
						node.feature = feature;
						node.threshold = midpoint(previous[slot], value);
					}
				}
				leftCounts[slot * k + labels[i] - 1]++;
				leftSize[slot]++;
				previous[slot] = value;
			}
		});

		frontier = [];
		for (const id of open) {
			const node = nodes[id];
			if (node.feature < 0) continue;
			node.left = nodes.push(leaf(0, new Int32Array(k), node.depth + 1)) - 1;
			node.right = nodes.push(leaf(0, new Int32Array(k), node.depth + 1)) - 1;
			frontier.push(node.left, node.right);
		}
		for (let i = 0; i < n; i++) {
			const node = nodes[nodeOf[i]];
			if (slotOf[nodeOf[i]] < 0 || node.feature < 0) continue;
			const child = values[node.feature][i] <= node.threshold ? node.left : node.right;
			nodeOf[i] = child;
			nodes[child].count++;
			nodes[child].counts[labels[i] - 1]++;
		}
	}

	let correct = 0;
	const build = (id: number): TreeNode => {
		const node = nodes[id];
		const counts = Array.from(node.counts);
		if (node.feature < 0) {
			const majority = counts.indexOf(Math.max(...counts));
			correct += counts[majority];
			return { cluster: majority + 1, count: node.count, counts };
		}
		return {
			feature: node.feature,
			threshold: node.threshold,
			count: node.count,
			counts,
			left: build(node.left),
			right: build(node.right),
		};
	};
	const tree = build(0);
	return { tree, accuracy: n > 0 ? correct / n : 0 };
}

function leaf(count: number, counts: Int32Array, depth: number): GrowingNode {
	return { count, counts, depth, feature: -1, threshold: NaN, left: -1, right: -1 };
}

/** Halfway between consecutive values a < b, never rounded onto b (scikit-learn's rule). */
function midpoint(a: number, b: number): number {
	const mid = a / 2 + b / 2;
	return mid === b || !Number.isFinite(mid) ? a : mid;
}
