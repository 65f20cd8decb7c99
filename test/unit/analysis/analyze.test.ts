import { describe, expect, it } from 'vitest';
import { runAnalysis, type AnalysisResult } from '../../../src/analysis/analyze';
import { cohortsCsv, customersCsv } from '../../../src/analysis/export';
import { formatDay } from '../../../src/analysis/dates';
import { defaultSettings, type AnalysisSettings } from '../../../src/analysis/settings';
import { fixture } from '../../helpers/fixtures';
import { utf8 } from '../../helpers/bytes';

function run(name: string, patch: (s: AnalysisSettings) => void = () => {}): AnalysisResult {
	const s = defaultSettings();
	patch(s);
	return runAnalysis(fixture(name), name, s);
}

function customerTable(r: AnalysisResult) {
	const m = r.customers.metrics;
	const s = r.customers.scores;
	return m.ids.map((id, i) => ({
		id,
		recency: m.recency[i],
		frequency: m.frequency[i],
		monetary: m.monetary[i],
		first: formatDay(m.firstDay[i]),
		last: formatDay(m.lastDay[i]),
		tenure: m.tenure[i],
		cell: `${s.r[i]}${s.f[i]}${s.m[i]}`,
		segment: r.customers.segmentation.segments[r.customers.segmentation.segment[i]].id,
	}));
}

// orders.csv by hand: C1 buys 1001 (7 + 10 on 2024-01-05) and 1003 (10 on 02-03; its duplicate
// line is dropped); C2 1002 (3.5 on 01-20) and 1010 (10 on 03-31); C3 1008 (20 on 03-15; 1007 is
// worth 0, 1006 has no date); C4 1009 (35 on 03-31). asOf = 2024-04-01 (2024 is a leap year).
// Rank scores, N = 4, n = 5: R 58→1, 17→2, 1→3 (two ties); F 1→1, 2→3; M 13.5→1, 20→2, 27→3, 35→4.
const expected = [
	{
		id: 'C1',
		recency: 58,
		frequency: 2,
		monetary: 27,
		first: '2024-01-05',
		last: '2024-02-03',
		tenure: 87,
		cell: '133',
		segment: 'At Risk',
	},
	{
		id: 'C2',
		recency: 1,
		frequency: 2,
		monetary: 13.5,
		first: '2024-01-20',
		last: '2024-03-31',
		tenure: 72,
		cell: '331',
		segment: 'About to Sleep',
	},
	{
		id: 'C3',
		recency: 17,
		frequency: 1,
		monetary: 20,
		first: '2024-03-15',
		last: '2024-03-15',
		tenure: 17,
		cell: '212',
		segment: 'Hibernating',
	},
	{
		id: 'C4',
		recency: 1,
		frequency: 1,
		monetary: 35,
		first: '2024-03-31',
		last: '2024-03-31',
		tenure: 1,
		cell: '314',
		segment: 'Promising',
	},
];

describe('runAnalysis', () => {
	it('runAnalysis(orders.csv) cleans with a count per rule', () => {
		const r = run('orders.csv');
		expect(r.data.report.rowsRead).toBe(12);
		expect(r.data.report.rowsKept).toBe(7);
		expect(r.data.report.dropped).toEqual({
			missing_customer: 1,
			invalid_date: 1,
			invalid_amount: 0,
			cancelled: 2,
			duplicate: 1,
		});
		expect(r.data.report.examples.cancelled.map((e) => e.values.InvoiceNo)).toEqual([
			'C1004',
			'1007',
		]);
		expect(r.data.report.examples.duplicate).toEqual([
			{
				row: 5,
				values: {
					InvoiceNo: '1003',
					StockCode: 'C',
					Description: 'Bowl',
					Quantity: '4',
					InvoiceDate: '2024-02-03 12:00',
					UnitPrice: '2.50',
					CustomerID: 'C1',
					Country: 'UK',
				},
			},
		]);
	});

	it('runAnalysis(orders.csv) gives the hand-computed customers', () => {
		const r = run('orders.csv');
		expect(formatDay(r.customers.metrics.asOf)).toBe('2024-04-01');
		expect(customerTable(r)).toEqual(expected);
		expect(r.customers.lifecycleCounts).toEqual({ new: 2, active: 2, dormant: 0, churned: 0 });
		expect(r.customers.paretoTop20).toBe(35 / 95.5);
	});

	it('runAnalysis(orders.csv) gives the hand-computed monthly cohorts', () => {
		const r = run('orders.csv');
		expect(cohortsCsv(r.cohorts)).toBe(
			'cohort,period_offset,cohort_size,customers,retention,revenue,revenue_per_customer\n' +
				'2024-01,0,2,2,1,20.5,10.25\n' +
				'2024-01,1,2,1,0.5,10,5\n' +
				'2024-01,2,2,1,0.5,10,5\n' +
				'2024-03,0,2,2,1,55,27.5\n',
		);
	});

	it.each(['orders-semicolon.csv', 'orders.tsv', 'orders-gb18030.csv'])(
		'runAnalysis(%s) gives the same results as the UTF-8 comma file',
		(name) => {
			const base = run('orders.csv');
			const other = run(name);
			expect(customerTable(other)).toEqual(expected);
			expect(customersCsv(other.customers, other.clusters)).toBe(
				customersCsv(base.customers, base.clusters),
			);
			expect(cohortsCsv(other.cohorts)).toBe(cohortsCsv(base.cohorts));
			expect(other.data.report.dropped).toEqual(base.data.report.dropped);
		},
	);

	it('runAnalysis(orders.csv, {asOf}) ignores later transactions', () => {
		const r = run('orders.csv', (s) => (s.asOf = '2024-02-29'));
		expect(customerTable(r).map((c) => [c.id, c.recency, c.frequency, c.monetary])).toEqual([
			['C1', 26, 2, 27],
			['C2', 40, 1, 3.5],
		]);
	});

	it('runAnalysis(orders.csv, {cancellations: net}) subtracts returns from monetary only', () => {
		const r = run('orders.csv', (s) => (s.cleaning.cancellations = 'net'));
		expect(r.data.report.dropped.cancelled).toBe(1);
		expect(r.data.report.returns).toBe(1);
		const c1 = customerTable(r)[0];
		expect([c1.frequency, c1.monetary, c1.last]).toEqual([2, 24.5, '2024-02-03']);
	});

	it('runAnalysis(orders.csv, {order: day}) counts days, and rows without an invoice column', () => {
		const byDay = run('orders.csv', (s) => (s.cleaning.order = 'day'));
		expect(customerTable(byDay).map((c) => c.frequency)).toEqual([2, 2, 1, 1]);
		const byRow = run('orders.csv', (s) => (s.mapping.invoice_id = null));
		// Without invoices each line is an order, and C1004 is only caught by its negative amount.
		expect(customerTable(byRow).map((c) => c.frequency)).toEqual([3, 2, 1, 1]);
	});

	it('runAnalysis(csv) keeps every figure when everything happens on one day', () => {
		const text = 'customer,date,amount\na,2024-05-01,10\nb,2024-05-01,20\nc,2024-05-01,30\n';
		const r = runAnalysis(utf8(text), 't.csv', defaultSettings());
		expect(Array.from(r.customers.metrics.recency)).toEqual([1, 1, 1]);
		expect(Array.from(r.customers.scores.r)).toEqual([1, 1, 1]);
		expect(Array.from(r.customers.scores.m)).toEqual([1, 2, 4]);
		expect(r.cohorts.labels).toEqual(['2024-05']);
	});

	it('runAnalysis(csv) analyses a single customer', () => {
		const text = 'customer,date,amount\na,2024-05-01,10\na,2024-06-01,5\n';
		const r = runAnalysis(utf8(text), 't.csv', defaultSettings());
		expect(customerTable(r)).toEqual([
			{
				id: 'a',
				recency: 1,
				frequency: 2,
				monetary: 15,
				first: '2024-05-01',
				last: '2024-06-01',
				tenure: 32,
				cell: '111',
				segment: 'Lost',
			},
		]);
		expect(r.clusters.result).toBeNull();
	});

	it('runAnalysis(csv) leaves out customers who only cancelled', () => {
		const text =
			'invoice,customer,date,amount\n1,a,2024-05-01,10\nC2,b,2024-05-02,-5\n3,c,2024-05-03,-1\n';
		const r = runAnalysis(utf8(text), 't.csv', defaultSettings());
		expect(r.customers.metrics.ids).toEqual(['a']);
		expect(r.data.report.dropped.cancelled).toBe(2);
	});

	it('runAnalysis(csv) fails with a clear error when every row is dropped', () => {
		const text = 'customer,date,amount\n,2024-05-01,10\n,2024-05-02,5\n';
		expect(() => runAnalysis(utf8(text), 't.csv', defaultSettings())).toThrow(
			/\[no_rows_left\].*missing_customer: 2/,
		);
	});

	it('runAnalysis(csv) names the missing role', () => {
		const text = 'date,amount\n2024-05-01,10\n';
		expect(() => runAnalysis(utf8(text), 't.csv', defaultSettings())).toThrow(
			/\[missing_role\] No customer id column/,
		);
	});
});

describe('readTable', () => {
	it('readTable(bytes) corrects a type guessed from the first rows when a later value disproves it', async () => {
		const { readTable } = await import('../../../src/analysis/analyze');
		const rows = ['Invoice,Customer,Date,Amount'];
		for (let i = 0; i < 3000; i++)
			rows.push(`${500000 + i},c${i % 40},2024-01-${String((i % 28) + 1).padStart(2, '0')},1.5`);
		rows.push('C503001,c1,2024-01-29,-1.5');
		const t = readTable(utf8(rows.join('\n')), 't.csv', {});
		expect(t.source.profiles.map((p) => p.type)).toEqual(['string', 'string', 'date', 'number']);
	});
});

describe('customerFeature', () => {
	it('customerFeature(data, customers, column, mean|sum) summarises a numeric column per customer up to asOf', async () => {
		const { prepareData, analyzeCustomers, analyzeClusters, customerFeature } =
			await import('../../../src/analysis/analyze');
		const text =
			'customer,date,amount,visits\n' +
			'a,2024-01-01,10,2\na,2024-01-05,20,4\nb,2024-01-02,5,\nb,2024-01-03,5,1\nc,2024-01-04,8,3\nc,2024-02-01,8,100\n';
		const s = defaultSettings();
		s.asOf = '2024-01-31';
		const data = prepareData(utf8(text), 't.csv', s);
		const customers = analyzeCustomers(data, s);
		expect(Array.from(customerFeature(data, customers, 'visits', 'mean'))).toEqual([3, 1, 3]);
		expect(Array.from(customerFeature(data, customers, 'visits', 'sum'))).toEqual([6, 1, 3]);
		s.clusters.extra = [{ column: 'visits', aggregate: 'sum' }];
		s.clusters.k = 2;
		const clusters = analyzeClusters(customers, s, undefined, data);
		expect(clusters.result?.featureNames).toEqual([
			'recency',
			'frequency',
			'monetary',
			'visits (sum)',
		]);
	});
});

describe('dates that need the user', () => {
	it('runAnalysis(csv with 03/04-style dates only) asks which reading, with both side by side', () => {
		const text = 'customer,date,amount\na,03/04/2024,10\nb,05/05/2024,5\na,01/02/2024,3\n';
		const r = runAnalysis(utf8(text), 't.csv', defaultSettings());
		expect(r.data.report.dateQuestion).toEqual({
			column: 'date',
			values: ['03/04/2024', '01/02/2024'],
			readings: [
				{ format: 'm/d/yyyy', dates: ['2024-03-04', '2024-01-02'] },
				{ format: 'd/m/yyyy', dates: ['2024-04-03', '2024-02-01'] },
			],
		});
		const s = defaultSettings();
		s.read.dateFormat = 'd/m/yyyy';
		const answered = runAnalysis(utf8(text), 't.csv', s);
		expect(answered.data.report.dateQuestion).toBeNull();
		expect(formatDay(answered.customers.metrics.lastDay[0])).toBe('2024-04-03');
	});

	it('runAnalysis(csv with Excel serial dates) reads them as days since 1899-12-30', () => {
		const text = 'customer,order date,amount\na,45292,10\nb,45292.75,5\n';
		const r = runAnalysis(utf8(text), 't.csv', defaultSettings());
		expect(r.data.report.dateFormat).toBe('excel');
		expect(formatDay(r.customers.metrics.firstDay[0])).toBe('2024-01-01');
		expect(r.data.transactions.time[1] % 86_400_000).toBe(18 * 3600 * 1000);
	});
});

describe('reading overrides', () => {
	it('readTable(bytes, {header, skipLines, quote}) lets the user overrule every choice of the sniffer', async () => {
		const { readTable } = await import('../../../src/analysis/analyze');
		const text = 'Export of 2024\nname,city\n"Li, Wei",Shanghai\nAnna,Berlin\n';
		const auto = readTable(utf8(text), 't.csv', {});
		expect([auto.source.dialect.skippedLines, auto.source.names]).toEqual([1, ['name', 'city']]);
		const noHeader = readTable(utf8(text), 't.csv', { skipLines: 2, header: false });
		expect(noHeader.source.names).toEqual(['column_1', 'column_2']);
		expect(noHeader.preview[0]).toEqual(['Li, Wei', 'Shanghai']);
		const unquoted = readTable(utf8(text), 't.csv', { quote: 'none' });
		expect(unquoted.preview[0].slice(0, 2)).toEqual(['"Li', ' Wei"']);
	});
});
