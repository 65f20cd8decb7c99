/** The command line of CLI.md: `inspect FILE` and `analyze FILE --out DIR`. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runAnalysis } from '../analysis/analyze';
import { clustersCsv, clvSummary, cohortsCsv, customersCsv, summary } from '../analysis/export';
import { analyzeCustomerClv } from '../analysis/predict';
import { inspectTable } from '../analysis/inspect';
import { decodeFile } from '../analysis/read/decode';
import { defaultSettings } from '../analysis/settings';
import { isUserError } from '../shared/errors';
import { settingsFromNotebook } from '../shared/notebook';
import { applyArgs, parseArgs, USAGE, UsageError } from './args';

function readInput(path: string): Uint8Array {
	try {
		return readFileSync(path);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code;
		fail('unreadable_file', `cannot read ${path}: ${why}`);
	}
}

function fail(code: string, message: string): never {
	process.stderr.write(`error[${code}]: ${message}\n`);
	process.exit(1);
}

function readConfig(path: string) {
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder().decode(readInput(path)));
	} catch (e) {
		if (e instanceof SyntaxError)
			fail('bad_option', `${path} is not a JSON notebook file: ${e.message}`);
		throw e;
	}
	return settingsFromNotebook(json);
}

export async function main(argv: string[]): Promise<void> {
	let args;
	try {
		args = parseArgs(argv);
	} catch (e) {
		if (e instanceof UsageError) {
			process.stderr.write(`error[usage]: ${e.message}\n${USAGE}\n`);
			process.exit(2);
		}
		throw e;
	}
	const settings = applyArgs(args.config ? readConfig(args.config) : defaultSettings(), args);
	const bytes = readInput(args.file);
	const file = basename(args.file);
	const input = await decodeFile(bytes, {
		name: file,
		encoding: settings.read.encoding,
		sheet: settings.read.sheet,
	});
	if (args.command === 'inspect') {
		const { warningsBilingual: _, ...inspection } = inspectTable(input, file, {
			name: file,
			encoding: settings.read.encoding,
			delimiter: settings.read.delimiter,
			mapping: settings.mapping,
			dateFormat: settings.read.dateFormat,
		});
		process.stdout.write(JSON.stringify(inspection, null, 2) + '\n');
		return;
	}
	const result = runAnalysis(input, file, settings);
	const clv = args.clv ? analyzeCustomerClv(result.data, result.customers, settings) : null;
	const out = args.out!;
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'customers.csv'), customersCsv(result.customers, result.clusters, clv));
	writeFileSync(join(out, 'cohorts.csv'), cohortsCsv(result.cohorts));
	writeFileSync(join(out, 'clusters.csv'), clustersCsv(result.clusters));
	const json = { ...summary(result, file), ...(clv ? clvSummary(clv) : {}) };
	writeFileSync(join(out, 'summary.json'), JSON.stringify(json, null, 2) + '\n');
}

main(process.argv.slice(2)).catch((e: unknown) => {
	if (isUserError(e))
		fail(
			/^\[([a-z_]+)\]/.exec(e.message)?.[1] ?? 'input',
			e.message.replace(/^\[[a-z_]+\]\s*/, ''),
		);
	const err = e as NodeJS.ErrnoException;
	if (err?.code === 'ENOSPC' || err?.code === 'EACCES' || err?.code === 'EROFS')
		fail('write', err.message);
	fail(
		'internal',
		`${err?.message ?? String(e)} (this is a bug in Clientele; please report it with the file's shape)`,
	);
});
