import { describe, expect, it } from 'vitest';
import { presetRules, type ScoreRule } from '../../../src/analysis/segments';
import { defaultSettings } from '../../../src/analysis/settings';
import { settingsFromNotebook } from '../../../src/shared/notebook';
import {
	fromLinkFragment,
	fromNotebookFile,
	toLinkFragment,
	toNotebookFile,
} from '../../../src/state/notebook-file';

const rules: ScoreRule[] = [
	{ name: { en: 'Top', zh: '顶级客户' }, r: [4, 5], f: [4, 5], m: [3, 5] },
	...presetRules['rfm-r'].rules.map((r) => structuredClone(r) as ScoreRule),
	{ name: { en: 'Never', zh: 'Never' }, r: [6, 7], f: [1, 1], m: [1, 1] },
];

function customFile() {
	const settings = defaultSettings();
	settings.rfm.segments = 'custom';
	settings.rfm.rules = structuredClone(rules);
	settings.rfm.bins = 7;
	return toNotebookFile(
		{
			title: 'Custom segments',
			settings,
			cells: [
				{ id: 'd', type: 'data', params: {}, note: '', collapsed: false },
				{ id: 'r', type: 'rfm', params: { segment: 'Top' }, note: '', collapsed: false },
			],
			mapping: {},
			dataset: null,
		},
		'en',
	);
}

describe('custom segment rules in the notebook file', () => {
	it('settingsFromNotebook(toNotebookFile(custom rules)) gives back the scheme and the rules in order', () => {
		const s = settingsFromNotebook(JSON.parse(JSON.stringify(customFile())));
		expect(s.rfm.segments).toBe('custom');
		expect(s.rfm.bins).toBe(7);
		expect(s.rfm.rules).toEqual(rules);
	});

	it('a #nb= link carries the rules: fromNotebookFile(link) restores them', async () => {
		const fragment = await toLinkFragment(customFile());
		const back = fromNotebookFile(await fromLinkFragment(fragment.slice(3)));
		expect(back.settings.rfm.segments).toBe('custom');
		expect(back.settings.rfm.rules).toEqual(rules);
	});
});
