/**
 * What each cell's result depends on. A cell reruns only when its key changes, so changing a
 * parameter recomputes that cell and the cells that depend on it, nothing else.
 */
import type { AnalysisSettings } from '../analysis/settings';
import type { CellType } from '../shared/notebook';

const json = (...parts: unknown[]) => JSON.stringify(parts);

export function dataKey(datasetId: string, s: AnalysisSettings): string {
	return json(datasetId, s.read, s.mapping, s.attributes, s.cleaning);
}

/** The input key of a cell of this type with these cell parameters. */
export function cellKey(
	type: CellType,
	datasetId: string,
	s: AnalysisSettings,
	params: Record<string, unknown>,
): string {
	const data = dataKey(datasetId, s);
	switch (type) {
		case 'data':
			return json(data, s.attributesFile ?? null);
		case 'overview':
			return json(data, s.asOf, s.rfm.monetary);
		case 'rfm':
			return json(data, s.asOf, s.rfm);
		case 'cohorts': {
			const b = params.breakdown as { kind: string } | null | undefined;
			const extra = !b
				? null
				: b.kind === 'segment'
					? s.rfm
					: b.kind === 'cluster'
						? [s.rfm.monetary, s.clusters]
						: b.kind === 'stage'
							? s.lifecycle
							: (s.attributesFile ?? null);
			return json(data, s.asOf, s.cohorts, b ?? null, extra);
		}
		case 'clusters':
			return json(data, s.asOf, s.rfm.monetary, s.clusters);
		case 'lifecycle':
			return json(data, s.asOf, s.rfm.monetary, s.lifecycle, s.value);
		case 'personas': {
			const byCluster = params.by === 'cluster';
			return json(
				data,
				s.asOf,
				s.rfm,
				s.lifecycle,
				s.attributesFile ?? null,
				byCluster,
				byCluster ? s.clusters : null,
			);
		}
		case 'clv':
			return json(data, s.asOf, s.clv);
	}
}
