import { describe, expect, it } from 'vitest';
import { prepareData } from '../../../src/analysis/analyze';
import { clvTransactions } from '../../../src/analysis/predict';
import { defaultSettings } from '../../../src/analysis/settings';
import { utf8 } from '../../helpers/bytes';
import { fixture } from '../../helpers/fixtures';

const csv = [
	'invoice,customer,date,amount',
	'1,A,2024-01-01,10',
	'2,A,2024-01-05,0',
	'2,A,2024-01-05,0',
	'C3,B,2024-01-06,0',
	'4,B,2024-01-07,-5',
	'5,C,2024-01-08,0',
	'6,B,2024-01-09,7',
].join('\n');

describe('clvTransactions', () => {
	it('adds the lines dropped only for being worth 0 (no cancelled invoice), deduplicated', () => {
		const data = prepareData(utf8(csv), 'z.csv', defaultSettings());
		expect(data.transactions.rows).toBe(2);
		expect(Array.from(data.zeroLines.row)).toEqual([1, 5]);
		const tx = clvTransactions(data);
		expect(tx.rows).toBe(4);
		expect(Array.from(tx.row)).toEqual([0, 6, 1, 5]);
		expect(Array.from(tx.amount)).toEqual([10, 7, 0, 0]);
		expect(Array.from(tx.customer, (c) => tx.customerIds[c])).toEqual(['A', 'B', 'A', 'C']);
		expect(Array.from(tx.isReturn)).toEqual([0, 0, 0, 0]);
	});

	it('keeps both equal zero lines when duplicates are kept, and adds none when zero lines are kept anyway', () => {
		const s = defaultSettings();
		s.cleaning.dropDuplicates = false;
		expect(Array.from(prepareData(utf8(csv), 'z.csv', s).zeroLines.row)).toEqual([1, 2, 5]);
		s.cleaning.cancellations = 'keep';
		const kept = prepareData(utf8(csv), 'z.csv', s);
		expect(kept.zeroLines.rows).toBe(0);
		expect(clvTransactions(kept)).toBe(kept.transactions);
	});

	it('finds the gift card of orders.csv (1007, C3, worth 0) and nothing else', () => {
		const data = prepareData(fixture('orders.csv'), 'orders.csv', defaultSettings());
		expect(Array.from(data.zeroLines.row)).toEqual([8]);
		expect(data.transactions.customerIds[data.zeroLines.customer[0]]).toBe('C3');
	});
});
