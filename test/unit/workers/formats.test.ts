import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze';
import { customersCsv } from '../../../src/analysis/export';
import { defaultSettings } from '../../../src/analysis/settings';
import { createAnalysisApi } from '../../../workers/analysis-api';
import { fixture } from '../../helpers/fixtures';
import { memoryStore } from '../../helpers/memory-store';

describe('the analysis api with other formats', () => {
	it('importFile(orders.xlsx) lists the sheets, reads the one set, and gives the CSV’s results', async () => {
		const api = createAnalysisApi(memoryStore());
		const settings = defaultSettings();
		const file = new Blob([fixture('orders.xlsx') as BlobPart]);
		const info = await api.importFile({ datasetId: 'x', file, name: 'orders.xlsx', settings });
		expect(info).toMatchObject({
			format: 'xlsx',
			sheet: 'Orders',
			sheets: ['Orders', 'Notes'],
			rows: 12,
			dialect: { headerRow: 0, skippedLines: 2 },
		});
		await api.flush({ datasetId: 'x' });
		const csv = runAnalysis(fixture('orders.csv'), 'orders.csv', defaultSettings());
		expect(await api.exportFile({ datasetId: 'x', settings, file: 'customers.csv' })).toBe(
			customersCsv(csv.customers, csv.clusters),
		);
		// Another sheet is another read of the stored file.
		const notes = defaultSettings();
		notes.read.sheet = 'Notes';
		const other = await api.prepareData({ datasetId: 'x', settings: notes }).catch((e) => e);
		expect(other).toMatchObject({
			name: 'UserError',
			message: expect.stringMatching(/^\[missing_role\]/),
		});
	});

	it('importFile(orders.ndjson) reads one record per line', async () => {
		const api = createAnalysisApi(memoryStore());
		const file = new Blob([fixture('orders.ndjson') as BlobPart]);
		const info = await api.importFile({
			datasetId: 'j',
			file,
			name: 'orders.ndjson',
			settings: defaultSettings(),
		});
		expect(info).toMatchObject({ format: 'json', rows: 12 });
		expect(info).not.toHaveProperty('sheets');
	});
});
