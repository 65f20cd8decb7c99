/**
 * One piece of rendering per task: charts and heavy sections of a cell are queued here and drawn
 * in separate tasks, so a result arriving never blocks the page for long.
 */
const queue: (() => void)[] = [];
let draining = false;

function drain() {
	const job = queue.shift();
	if (!job) {
		draining = false;
		return;
	}
	job();
	setTimeout(drain, 0);
}

/** Runs `job` in a later task of its own; returns a function that drops it if not yet run. */
export function schedule(job: () => void): () => void {
	queue.push(job);
	if (!draining) {
		draining = true;
		setTimeout(drain, 0);
	}
	return () => {
		const i = queue.indexOf(job);
		if (i >= 0) queue.splice(i, 1);
	};
}
