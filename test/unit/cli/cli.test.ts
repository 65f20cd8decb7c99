import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const cdnow = join(root, '..', 'shared', 'data', 'CDNOW_sample.txt');

function cli(...args: string[]) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
		{
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, TZ: 'Asia/Shanghai' },
		},
	);
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
	it('cli inspect FILE prints the dialect, columns and roles as one JSON object', () => {
		const r = cli('inspect', cdnow);
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out).toMatchObject({
			file: 'CDNOW_sample.txt',
			bytes: 228327,
			format: 'csv',
			encoding: 'utf-8',
			dialect: { delimiter: ' ', quote: '"', escape: '"', header_row: null, skipped_lines: 0 },
			rows: 6919,
			date_format: 'yyyymmdd',
			decimal: '.',
		});
		expect(out.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
			['column_1', 'number'],
			['column_2', 'number'],
			['column_3', 'date'],
			['column_4', 'number'],
			['column_5', 'number'],
		]);
		expect(out.mapping).toEqual({
			customer_id: 'column_1',
			date: 'column_3',
			invoice_id: null,
			amount: 'column_5',
			quantity: null,
			unit_price: null,
		});
		expect(Object.keys(out)).toEqual([
			'file',
			'bytes',
			'format',
			'encoding',
			'dialect',
			'rows',
			'columns',
			'mapping',
			'date_format',
			'decimal',
			'warnings',
		]);
	});

	it('cli inspect FILE describes a table that is not orders, with warnings, and exits 0', () => {
		const dir = mkdtempSync(join(tmpdir(), 'clientele-'));
		const file = join(dir, 'cities.csv');
		writeFileSync(file, 'city;population\nParis;2100000\nLyon;520000\n');
		const r = cli('inspect', file);
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.dialect.delimiter).toBe(';');
		expect(out.mapping.customer_id).toBeNull();
		expect(out.warnings.map((w: { code: string }) => w.code)).toContain('missing_role');
	});

	it('cli analyze FILE --out DIR writes the four files with the columns of CLI.md', () => {
		const out = mkdtempSync(join(tmpdir(), 'clientele-'));
		const r = cli('analyze', join(fixtures, 'orders.csv'), '--out', out);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const customers = readFileSync(join(out, 'customers.csv'), 'utf8').split('\n');
		expect(customers[0]).toBe(
			'customer_id,recency_days,frequency,monetary,first_purchase,last_purchase,tenure_days,r_score,f_score,m_score,rfm_cell,rfm_score,segment,lifecycle,cluster',
		);
		expect(customers[1]).toMatch(
			/^C1,58,2,27,2024-01-05,2024-02-03,87,1,3,3,133,7,At Risk,active,\d$/,
		);
		expect(readFileSync(join(out, 'cohorts.csv'), 'utf8').split('\n')[0]).toBe(
			'cohort,period_offset,cohort_size,customers,retention,revenue,revenue_per_customer',
		);
		expect(readFileSync(join(out, 'clusters.csv'), 'utf8').split('\n')[0]).toBe(
			'k,inertia,silhouette,sizes',
		);
		const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
		expect(summary).toMatchObject({
			as_of: '2024-04-01',
			rows_read: 12,
			rows_kept: 7,
			customers: 4,
			orders: 6,
			revenue: 95.5,
		});
	});

	it('cli analyze applies --map, --period, --scoring and a --config notebook', () => {
		const out = mkdtempSync(join(tmpdir(), 'clientele-'));
		const config = join(out, 'nb.clientele.json');
		writeFileSync(
			config,
			JSON.stringify({
				version: 1,
				title: 't',
				language: 'en',
				cells: [{ id: 'c', type: 'cohorts', params: { period: 'quarter' }, note: '' }],
				mapping: {},
				cleaning: { dropDuplicates: false },
				dataset: null,
			}),
		);
		const r = cli(
			'analyze',
			join(fixtures, 'orders.csv'),
			'--out',
			out,
			'--config',
			config,
			'--scoring',
			'mean-split',
		);
		expect(r.status).toBe(0);
		expect(readFileSync(join(out, 'cohorts.csv'), 'utf8')).toContain('2024-Q1,0,4,4,1,');
		const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
		expect(summary.rows_dropped.duplicate).toBe(0);
		expect(summary.scoring.method).toBe('mean-split');
	});

	it('cli reports a problem with the input as one line and status 1', () => {
		const r = cli(
			'analyze',
			join(fixtures, 'orders.csv'),
			'--out',
			tmpdir(),
			'--map',
			'customer_id=Nope',
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			/^error\[unknown_column\]: There is no column "Nope"\. The columns are: InvoiceNo, /,
		);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		const missing = cli('inspect', join(fixtures, 'nope.csv'));
		expect(missing.status).toBe(1);
		expect(missing.stderr).toBe(
			`error[unreadable_file]: cannot read ${join(fixtures, 'nope.csv')}: no such file\n`,
		);
	});

	it('cli exits 2 on bad usage', () => {
		expect(cli('analyze', join(fixtures, 'orders.csv')).status).toBe(2);
		expect(cli('frobnicate').status).toBe(2);
		expect(cli('analyze', 'x.csv', '--out', 'o', '--bins', '12').status).toBe(2);
	});
});
