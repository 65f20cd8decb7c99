import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/analysis/settings';
import { settingsFromNotebook } from '../../../src/shared/notebook';
import {
	fromBase64Url,
	fromLinkFragment,
	fromNotebookFile,
	toBase64Url,
	toLinkFragment,
	toNotebookFile,
} from '../../../src/state/notebook-file';

function sample() {
	const settings = defaultSettings();
	settings.asOf = '2024-06-30';
	settings.rfm.scoring = 'quantile-r';
	settings.cohorts.period = 'quarter';
	settings.clusters.k = 4;
	settings.cleaning.cancellations = 'net';
	settings.mapping.customer_id = 'Kunde';
	return toNotebookFile(
		{
			title: 'Q2 review',
			settings,
			cells: [
				{ id: 'a', type: 'data', params: {}, note: '', collapsed: false },
				{ id: 'b', type: 'rfm', params: {}, note: 'Look at **Champions**', collapsed: true },
				{
					id: 'c',
					type: 'cohorts',
					params: { metric: 'revenue', breakdown: null },
					note: '',
					collapsed: false,
				},
			],
			mapping: { customer_id: 'Kunde', date: 'Datum' },
			dataset: { name: 'orders.csv', bytes: 10, sha256: 'ab' },
		},
		'zh-CN',
	);
}

describe('notebook file', () => {
	it('toNotebookFile() writes the shape of UI.md with each cell’s parameters', () => {
		const f = sample();
		expect(Object.keys(f)).toEqual([
			'version',
			'title',
			'language',
			'cells',
			'mapping',
			'cleaning',
			'dataset',
		]);
		expect(f.cells[1]).toMatchObject({
			id: 'b',
			type: 'rfm',
			params: { asOf: '2024-06-30', scoring: 'quantile-r' },
		});
		expect(f.cells[2].params).toMatchObject({ period: 'quarter', metric: 'revenue' });
	});

	it('settingsFromNotebook(file) gives back the settings (the CLI’s --config)', () => {
		const s = settingsFromNotebook(JSON.parse(JSON.stringify(sample())));
		expect([
			s.asOf,
			s.rfm.scoring,
			s.cohorts.period,
			s.cleaning.cancellations,
			s.mapping.customer_id,
			s.mapping.date,
		]).toEqual(['2024-06-30', 'quantile-r', 'quarter', 'net', 'Kunde', 'Datum']);
	});

	it('fromNotebookFile(file) restores cells, notes and display choices', () => {
		const r = fromNotebookFile(sample());
		expect(r.language).toBe('zh-CN');
		expect(r.cells.map((c) => [c.id, c.type, c.note])).toEqual([
			['a', 'data', ''],
			['b', 'rfm', 'Look at **Champions**'],
			['c', 'cohorts', ''],
		]);
		expect(r.cells[2].params).toEqual({ metric: 'revenue', breakdown: null });
	});

	it('a #nb= link round-trips the settings and never holds the data', async () => {
		const f = { ...sample(), data: 'c2VjcmV0' };
		const fragment = await toLinkFragment(f);
		expect(fragment.startsWith('nb=')).toBe(true);
		const back = (await fromLinkFragment(fragment.slice(3))) as Record<string, unknown>;
		expect(back.data).toBeUndefined();
		expect(back.title).toBe('Q2 review');
	});

	it('base64url round-trips bytes', () => {
		const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
	});

	it('settingsFromNotebook(bad) refuses with a clear error', () => {
		expect(() => settingsFromNotebook({ version: 2 })).toThrow(/\[bad_option\]/);
		expect(() => settingsFromNotebook({ version: 1, cleaning: { dropDuplicates: 'yes' } })).toThrow(
			/cleaning.dropDuplicates/,
		);
	});
});

describe('notebook file: CLV settings and the playbook', () => {
	it('round-trip through the file and a #nb= link', async () => {
		const settings = defaultSettings();
		settings.clv = {
			unit: 'day',
			calibrationEnd: '1997-09-30',
			horizonMonths: 24,
			monthlyDiscount: 0.02,
		};
		const playbook = { 'segment:Champions': { en: 'VIP call', zh: '贵宾电话回访' } };
		const file = toNotebookFile(
			{
				title: 'CLV',
				settings,
				cells: [
					{ id: 'v', type: 'clv', params: {}, note: '', collapsed: false },
					{
						id: 'p',
						type: 'personas',
						params: { by: 'cluster', playbook },
						note: '',
						collapsed: false,
					},
				],
				mapping: {},
				dataset: null,
			},
			'en',
		);
		const link = await fromLinkFragment((await toLinkFragment(file)).slice(3));
		for (const back of [
			fromNotebookFile(JSON.parse(JSON.stringify(file))),
			fromNotebookFile(link),
		]) {
			expect(back.settings.clv).toEqual(settings.clv);
			expect(back.cells[1].params).toEqual({ by: 'cluster', playbook });
		}
		// The CLI's --config takes the same settings.
		expect(settingsFromNotebook(file).clv).toEqual(settings.clv);
	});
});
