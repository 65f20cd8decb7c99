import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze';
import { cohortsCsv, customersCsv } from '../../../src/analysis/export';
import { defaultSettings } from '../../../src/analysis/settings';
import type { AnalysisApi } from '../../../src/shared/analysis-api';
import { installErrorTransfer } from '../../../src/worker-client/transfer';
import { createAnalysisApi } from '../../../workers/analysis-api';

installErrorTransfer();
import { fixture } from '../../helpers/fixtures';
import { memoryStore } from '../../helpers/memory-store';

const channels: MessageChannel[] = [];
afterAll(() => channels.forEach((c) => (c.port1.close(), c.port2.close())));

/** The same api behind a MessageChannel, as the UI sees it through the worker. */
function overChannel(api: AnalysisApi): AnalysisApi {
	const channel = new MessageChannel();
	channels.push(channel);
	Comlink.expose(api, channel.port1 as unknown as Comlink.Endpoint);
	return Comlink.wrap<AnalysisApi>(
		channel.port2 as unknown as Comlink.Endpoint,
	) as unknown as AnalysisApi;
}

const bytes = fixture('orders.csv');
const expected = runAnalysis(bytes, 'orders.csv', defaultSettings());

describe.each([
	['bare', (api: AnalysisApi) => api],
	['over a MessageChannel', overChannel],
])('the analysis api (%s)', (_, wrapApi) => {
	it('importFile then every cell gives the engine’s results', async () => {
		const store = memoryStore();
		const api = wrapApi(createAnalysisApi(store));
		const settings = defaultSettings();
		const info = await api.importFile({
			datasetId: 'd1',
			file: new Blob([bytes as BlobPart]),
			name: 'orders.csv',
			settings,
		});
		expect(info).toMatchObject({
			rows: 12,
			format: 'csv',
			encoding: 'utf-8',
			names: expect.arrayContaining(['CustomerID']),
		});
		await api.flush({ datasetId: 'd1' });
		expect(store.files.has('d1')).toBe(true);
		const job = { datasetId: 'd1', settings };
		const data = await api.prepareData(job);
		expect(data.report.dropped).toEqual(expected.data.report.dropped);
		expect(data.customers).toBe(4);
		const overview = await api.overview(job);
		expect([overview.customers, overview.orders, overview.revenue]).toEqual([4, 6, 95.5]);
		expect(overview.monthly.map((m) => [m.month, m.revenue, m.orders, m.customers])).toEqual([
			['2024-01', 20.5, 2, 2],
			['2024-02', 10, 1, 1],
			['2024-03', 65, 3, 3],
		]);
		const rfm = await api.rfm(job);
		expect(rfm.segments.filter((s) => s.customers > 0).map((s) => [s.id, s.customers])).toEqual([
			['Promising', 1],
			['About to Sleep', 1],
			['At Risk', 1],
			['Hibernating', 1],
		]);
		const cohorts = await api.cohorts({ ...job, breakdown: null });
		expect(cohorts.matrix.customers).toEqual(expected.cohorts.customers);
		const atRisk = await api.cohorts({ ...job, breakdown: { kind: 'segment', value: 'At Risk' } });
		expect(atRisk.matrix.size).toEqual([1]);
		const lifecycle = await api.lifecycle(job);
		expect(lifecycle.counts).toEqual({ new: 2, active: 2, dormant: 0, churned: 0 });
		expect(await api.exportFile({ ...job, file: 'customers.csv' })).toBe(
			customersCsv(expected.customers, expected.clusters),
		);
		expect(await api.exportFile({ ...job, file: 'cohorts.csv' })).toBe(
			cohortsCsv(expected.cohorts),
		);
	});

	it('customers() pages, sorts, filters and searches', async () => {
		const api = wrapApi(createAnalysisApi(memoryStore()));
		const settings = defaultSettings();
		await api.importFile({
			datasetId: 'd2',
			file: new Blob([bytes as BlobPart]),
			name: 'orders.csv',
			settings,
		});
		const base = {
			datasetId: 'd2',
			settings,
			filter: null,
			search: '',
			sort: 'monetary' as const,
			descending: true,
		};
		const page = await api.customers({ ...base, offset: 0, limit: 2 });
		expect(page.total).toBe(4);
		expect(page.rows.map((r) => [r.customer_id, r.monetary])).toEqual([
			['C4', 35],
			['C1', 27],
		]);
		const next = await api.customers({ ...base, offset: 2, limit: 2 });
		expect(next.rows.map((r) => r.customer_id)).toEqual(['C3', 'C2']);
		const risk = await api.customers({
			...base,
			filter: { kind: 'segment', value: 'At Risk' },
			offset: 0,
			limit: 10,
		});
		expect(risk.rows.map((r) => r.customer_id)).toEqual(['C1']);
		const found = await api.customers({ ...base, search: 'c3', offset: 0, limit: 10 });
		expect(found.rows.map((r) => r.customer_id)).toEqual(['C3']);
	});

	it('personas() describes each non-empty segment or cluster; exportGroup() lists its customers', async () => {
		const api = wrapApi(createAnalysisApi(memoryStore()));
		const settings = defaultSettings();
		await api.importFile({
			datasetId: 'd5',
			file: new Blob([bytes as BlobPart]),
			name: 'orders.csv',
			settings,
		});
		const job = { datasetId: 'd5', settings };
		const bySegment = await api.personas({ ...job, by: 'segment' });
		expect(bySegment.groups.map((g) => [g.key, g.persona.customers, g.persona.revenue])).toEqual([
			['segment:Promising', 1, 35],
			['segment:About to Sleep', 1, 13.5],
			['segment:At Risk', 1, 27],
			['segment:Hibernating', 1, 20],
		]);
		const atRisk = bySegment.groups[2];
		expect(atRisk.action.en).toMatch(/^Send personalised messages to reconnect/);
		expect(atRisk.persona.averageOrderValue).toBe(13.5);
		// Clusters: 1 = C1, C3, C4 (one each of three segments: the first of them in scheme order).
		const byCluster = await api.personas({ ...job, by: 'cluster' });
		expect(byCluster.groups.map((g) => [g.key, g.persona.customers])).toEqual([
			['cluster:1', 3],
			['cluster:2', 1],
		]);
		expect(byCluster.groups[0].action.en).toMatch(/^33 % are Promising: /);
		expect(byCluster.groups[1].action.zh).toMatch(/^100% 属于/);
		expect(
			await api.exportGroup({ ...job, group: 'segment:At Risk', action: '=Call, then mail' }),
		).toBe(
			'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_cell,segment,lifecycle,cluster,action\n' +
				'C1,58,2,27,1,3,3,133,At Risk,active,1,"\'=Call, then mail"\n',
		);
		const cluster2 = await api.exportGroup({ ...job, group: 'cluster:2', action: 'VIP' });
		expect(cluster2.split('\n').slice(1)).toEqual([
			'C2,1,2,13.5,3,3,1,331,About to Sleep,active,2,VIP',
			'',
		]);
	});

	it('a new worker rehydrates a dataset from storage without parsing it again', async () => {
		const store = memoryStore();
		const settings = defaultSettings();
		const first = wrapApi(createAnalysisApi(store));
		await first.importFile({
			datasetId: 'd3',
			file: new Blob([bytes as BlobPart]),
			name: 'orders.csv',
			settings,
		});
		await first.flush({ datasetId: 'd3' });
		store.files.clear();
		const second = wrapApi(createAnalysisApi(store));
		const overview = await second.overview({ datasetId: 'd3', settings });
		expect(overview.customers).toBe(4);
	});

	it('an attributes file becomes a cohort breakdown', async () => {
		const api = wrapApi(createAnalysisApi(memoryStore()));
		const settings = defaultSettings();
		await api.importFile({
			datasetId: 'd5',
			file: new Blob([bytes as BlobPart]),
			name: 'orders.csv',
			settings,
		});
		const attrs = new TextEncoder().encode(
			'CustomerID,city\nC1,Lyon\nC3,Lyon\nC4,Paris\nC8,Oslo\n',
		);
		await api.importFile({ datasetId: 'a5', file: new Blob([attrs]), name: 'attrs.csv', settings });
		settings.attributesFile = { datasetId: 'a5', name: 'attrs.csv', idColumn: null };
		const data = await api.prepareData({ datasetId: 'd5', settings });
		expect(data.attributes).toMatchObject({
			idColumn: 'CustomerID',
			matched: 3,
			unmatched: 1,
			unmatchedExamples: ['C8'],
			columns: [
				{
					name: 'city',
					values: [
						{ value: 'Lyon', customers: 2 },
						{ value: 'Paris', customers: 1 },
					],
					missing: 1,
				},
			],
		});
		const lyon = await api.cohorts({
			datasetId: 'd5',
			settings,
			breakdown: { kind: 'attribute', column: 'city', value: 'Lyon' },
		});
		expect(lyon.matrix.size).toEqual([1, 1]);
	});

	it('a user error crosses with its code and both languages', async () => {
		const api = wrapApi(createAnalysisApi(memoryStore()));
		const settings = defaultSettings();
		const text = new TextEncoder().encode('date,amount\n2024-01-01,5\n');
		await api.importFile({ datasetId: 'd4', file: new Blob([text]), name: 'x.csv', settings });
		await expect(api.prepareData({ datasetId: 'd4', settings })).rejects.toMatchObject({
			name: 'UserError',
			message: expect.stringMatching(/^\[missing_role\] No customer id column/),
			text: { zh: expect.stringContaining('找不到客户编号列') },
		});
	});
});
