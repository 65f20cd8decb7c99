import { expose } from 'comlink';
import * as db from '../src/storage/db';
import { installErrorTransfer } from '../src/worker-client/transfer';
import { createAnalysisApi } from './analysis-api';

installErrorTransfer();

expose(
	createAnalysisApi({
		async getFile(id) {
			const r = await db.getDataset(id);
			return r && { name: r.name, blob: r.blob };
		},
		putFile: (r) => db.putDataset({ ...r, size: r.blob.size, addedAt: Date.now() }),
		async getParsed(id, readKey) {
			return (await db.getParsed(id, readKey))?.table;
		},
		putParsed: (id, readKey, table) =>
			db.putParsed({ key: db.parsedKey(id, readKey), datasetId: id, table }),
	}),
);
