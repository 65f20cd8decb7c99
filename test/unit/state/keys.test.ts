import { describe, expect, it } from 'vitest';
import { defaultSettings, type AnalysisSettings } from '../../../src/analysis/settings';
import { CELL_TYPES } from '../../../src/shared/notebook';
import { cellKey } from '../../../src/state/keys';

const TYPES = CELL_TYPES;

/** The cells whose key changes when the settings change as `edit` says. */
function affected(
	edit: (s: AnalysisSettings) => void,
	params: Record<string, unknown> = {},
): string[] {
	const before = defaultSettings();
	const after = defaultSettings();
	edit(after);
	return TYPES.filter((t) => cellKey(t, 'd', before, params) !== cellKey(t, 'd', after, params));
}

describe('cellKey', () => {
	it.each([
		[
			'a cohort period',
			(s: AnalysisSettings): void => void (s.cohorts.period = 'week'),
			['cohorts'],
		],
		[
			'the scoring method',
			(s: AnalysisSettings): void => void (s.rfm.scoring = 'ntile'),
			['rfm', 'personas'],
		],
		['k', (s: AnalysisSettings): void => void (s.clusters.k = 3), ['clusters']],
		[
			'a lifecycle threshold',
			(s: AnalysisSettings): void => void (s.lifecycle.activeDays = 60),
			['lifecycle', 'personas'],
		],
		[
			'the analysis date',
			(s: AnalysisSettings): void => void (s.asOf = '2024-01-01'),
			['overview', 'rfm', 'cohorts', 'clusters', 'lifecycle', 'personas', 'clv'],
		],
		['the CLV horizon', (s: AnalysisSettings): void => void (s.clv.horizonMonths = 24), ['clv']],
		['a column role', (s: AnalysisSettings): void => void (s.mapping.customer_id = 'x'), TYPES],
		[
			'a cleaning switch',
			(s: AnalysisSettings): void => void (s.cleaning.dropDuplicates = false),
			TYPES,
		],
	] as const)('cellKey() reruns only the dependents of %s', (_, edit, cells) => {
		expect(affected(edit)).toEqual([...cells]);
	});

	it('cellKey(cohorts) follows the segment scheme only when broken down by segment', () => {
		const scheme = (s: AnalysisSettings): void => void (s.rfm.segments = 'cn-8');
		expect(affected(scheme, { breakdown: null })).toEqual(['rfm', 'personas']);
		expect(affected(scheme, { breakdown: { kind: 'segment', value: 'Lost' } })).toEqual([
			'rfm',
			'cohorts',
			'personas',
		]);
	});
});
