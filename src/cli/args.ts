import { ROLES, type Role } from '../analysis/read/roles';
import type { AnalysisSettings } from '../analysis/settings';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export interface CliArgs {
	command: 'inspect' | 'analyze';
	file: string;
	out: string | null;
	config: string | null;
	encoding?: string;
	delimiter?: string;
	sheet?: string;
	dateFormat?: string;
	/** role or attribute → column ('' unmaps). */
	map: [string, string][];
	asOf?: string;
	scoring?: string;
	bins?: number;
	segments?: string;
	period?: string;
	k?: number;
	seed?: number;
	clv: boolean;
	calibrationEnd?: string;
}

export const USAGE = `usage: npm run -s cli -- inspect FILE [options]
       npm run -s cli -- analyze FILE --out DIR [options]
options: --encoding NAME  --delimiter CHAR|tab  --sheet NAME  --map role=COLUMN (repeatable)
         --date-format FMT  --config NOTEBOOK.json
analyze: --as-of YYYY-MM-DD  --scoring rank|quantile-r|ntile|fixed|mean-split  --bins N
         --segments rfm-11|rfm-r|cn-8  --period month|week|quarter|year  --k N  --seed N`;

const VALUE_OPTIONS = new Set([
	'--out',
	'--config',
	'--encoding',
	'--delimiter',
	'--sheet',
	'--date-format',
	'--map',
	'--as-of',
	'--scoring',
	'--bins',
	'--segments',
	'--period',
	'--k',
	'--seed',
	'--calibration-end',
]);

function integer(flag: string, v: string): number {
	if (!/^-?\d+$/.test(v)) throw new UsageError(`${flag} takes a whole number, not "${v}"`);
	return Number(v);
}

function oneOf(flag: string, v: string, allowed: string[]): string {
	if (!allowed.includes(v))
		throw new UsageError(`${flag} takes one of ${allowed.join(', ')}, not "${v}"`);
	return v;
}

/** Parses the command line of CLI.md. */
export function parseArgs(argv: string[]): CliArgs {
	const [command, ...rest] = argv;
	if (command !== 'inspect' && command !== 'analyze') {
		throw new UsageError(
			command === undefined ? 'no command given' : `unknown command "${command}"`,
		);
	}
	const args: CliArgs = { command, file: '', out: null, config: null, map: [], clv: false };
	const files: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		let flag = rest[i];
		let value: string | undefined;
		const eq = flag.indexOf('=');
		if (flag.startsWith('--') && eq > 0 && VALUE_OPTIONS.has(flag.slice(0, eq))) {
			value = flag.slice(eq + 1);
			flag = flag.slice(0, eq);
		}
		if (!flag.startsWith('--') || flag === '-') {
			files.push(flag);
			continue;
		}
		if (flag === '--clv') {
			args.clv = true;
			continue;
		}
		if (!VALUE_OPTIONS.has(flag)) throw new UsageError(`unknown option ${flag}`);
		if (value === undefined) {
			value = rest[++i];
			if (value === undefined) throw new UsageError(`${flag} needs a value`);
		}
		switch (flag) {
			case '--out':
				args.out = value;
				break;
			case '--config':
				args.config = value;
				break;
			case '--encoding':
				args.encoding = value;
				break;
			case '--delimiter':
				args.delimiter = value;
				break;
			case '--sheet':
				args.sheet = value;
				break;
			case '--date-format':
				args.dateFormat = value;
				break;
			case '--map': {
				const m = /^([^=]+)=(.*)$/.exec(value);
				if (!m) throw new UsageError(`--map takes role=COLUMN, not "${value}"`);
				args.map.push([m[1].trim(), m[2]]);
				break;
			}
			case '--as-of':
				args.asOf = value;
				break;
			case '--scoring':
				args.scoring = oneOf(flag, value, ['rank', 'quantile-r', 'ntile', 'fixed', 'mean-split']);
				break;
			case '--bins':
				args.bins = integer(flag, value);
				if (args.bins < 2 || args.bins > 9)
					throw new UsageError('--bins takes a number from 2 to 9');
				break;
			case '--segments':
				args.segments = oneOf(flag, value, ['rfm-11', 'rfm-r', 'cn-8']);
				break;
			case '--period':
				args.period = oneOf(flag, value, ['month', 'week', 'quarter', 'year']);
				break;
			case '--k':
				args.k = integer(flag, value);
				if (args.k < 1) throw new UsageError('--k takes a number of clusters of at least 1');
				break;
			case '--seed':
				args.seed = integer(flag, value);
				break;
			case '--calibration-end':
				if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
					throw new UsageError('--calibration-end takes a date YYYY-MM-DD');
				args.calibrationEnd = value;
				break;
		}
	}
	if (files.length !== 1)
		throw new UsageError(
			files.length === 0 ? 'no FILE given' : `one FILE only, got ${files.join(' ')}`,
		);
	args.file = files[0];
	if (command === 'analyze' && args.out === null) throw new UsageError('analyze needs --out DIR');
	if (args.calibrationEnd !== undefined && !args.clv)
		throw new UsageError('--calibration-end is an option of --clv');
	return args;
}

/** Applies the command-line options over settings (from defaults or a --config notebook). */
export function applyArgs(s: AnalysisSettings, a: CliArgs): AnalysisSettings {
	if (a.encoding !== undefined) s.read.encoding = a.encoding;
	if (a.delimiter !== undefined) s.read.delimiter = a.delimiter;
	if (a.sheet !== undefined) s.read.sheet = a.sheet;
	if (a.dateFormat !== undefined) s.read.dateFormat = a.dateFormat;
	for (const [role, column] of a.map) {
		const col = column === '' ? null : column;
		if ((ROLES as readonly string[]).includes(role)) s.mapping[role as Role] = col;
		else if (col === null) delete s.attributes[role];
		else s.attributes[role] = col;
	}
	if (a.asOf !== undefined) s.asOf = a.asOf;
	if (a.scoring !== undefined) s.rfm.scoring = a.scoring as AnalysisSettings['rfm']['scoring'];
	if (a.bins !== undefined) s.rfm.bins = a.bins;
	if (a.segments !== undefined) s.rfm.segments = a.segments as AnalysisSettings['rfm']['segments'];
	if (a.period !== undefined) s.cohorts.period = a.period as AnalysisSettings['cohorts']['period'];
	if (a.k !== undefined) s.clusters.k = a.k;
	if (a.seed !== undefined) s.clusters.seed = a.seed;
	if (a.calibrationEnd !== undefined) s.clv.calibrationEnd = a.calibrationEnd;
	return s;
}
