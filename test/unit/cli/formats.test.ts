import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures');

function cli(...args: string[]) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
		{ cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } },
	);
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli with other formats', () => {
	it('cli inspect FILE.xlsx --sheet NAME reports the format, the sheets and the title rows', () => {
		const r = cli('inspect', join(fixtures, 'orders.xlsx'), '--sheet', 'Orders');
		expect(r.stderr).toBe('');
		expect(JSON.parse(r.stdout)).toMatchObject({
			format: 'xlsx',
			sheet: 'Orders',
			sheets: ['Orders', 'Notes'],
			dialect: { header_row: 0, skipped_lines: 2 },
			rows: 12,
			mapping: { customer_id: 'CustomerID', date: 'InvoiceDate', invoice_id: 'InvoiceNo' },
		});
		const bad = cli('inspect', join(fixtures, 'orders.xlsx'), '--sheet', 'Nope');
		expect(bad.status).toBe(1);
		expect(bad.stderr).toBe(
			'error[bad_option]: The workbook has no sheet "Nope". Its sheets are: "Orders", "Notes".\n',
		);
	});

	it('cli inspect FILE.parquet reports the format and the column types of the schema', () => {
		const r = cli('inspect', join(fixtures, 'orders.parquet'));
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout);
		expect(out).toMatchObject({
			format: 'parquet',
			rows: 12,
			mapping: { customer_id: 'CustomerID', date: 'InvoiceDate', invoice_id: 'InvoiceNo' },
		});
		expect(out.columns.map((c: { type: string }) => c.type)).toEqual([
			'string',
			'string',
			'string',
			'number',
			'date',
			'number',
			'string',
			'string',
		]);
	});

	it.each(['orders.xlsx', 'orders.parquet'])(
		'cli analyze %s writes the files of the same orders as CSV',
		(name) => {
			const csv = mkdtempSync(join(tmpdir(), 'clientele-'));
			const other = mkdtempSync(join(tmpdir(), 'clientele-'));
			expect(cli('analyze', join(fixtures, 'orders.csv'), '--out', csv).status).toBe(0);
			expect(cli('analyze', join(fixtures, name), '--out', other).status).toBe(0);
			for (const file of ['customers.csv', 'cohorts.csv', 'clusters.csv'])
				expect(readFileSync(join(other, file), 'utf8')).toBe(readFileSync(join(csv, file), 'utf8'));
		},
	);
});
