import * as Plot from '@observablehq/plot';

/**
 * Draws a tiny chart with the marks the cells use, off screen, while the worker reads a file: the
 * first Plot call of a page pays for compiling Plot's code, which would otherwise land on the first
 * real chart and block the page for ~100 ms.
 */
export function warmUpCharts(): void {
	const data = [
		{ x: 1, y: 2, z: 'a' },
		{ x: 2, y: 1, z: 'b' },
	];
	const chart = Plot.plot({
		width: 100,
		height: 60,
		marks: [
			Plot.barY(data, { x: 'z', y: 'y' }),
			Plot.rectY(data, { x1: 'x', x2: 'y', y: 'y' }),
			Plot.dot(data, { x: 'x', y: 'y', fill: 'z' }),
			Plot.line(data, { x: 'x', y: 'y' }),
			Plot.text(data, { x: 'x', y: 'y', text: 'z' }),
			Plot.ruleY([0]),
		],
	});
	chart.remove();
}
