/**
 * Writes the built-in `retail` sample into static/samples (about 50k lines, 1,500 customers, two
 * years), deterministically, when it is missing or stale. The CDNOW sample is committed as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRetail } from './retail-generator';

export const RETAIL_SAMPLE = {
	rows: 50_000,
	customers: 1_500,
	seed: 7,
	start: '2022-01-03',
	days: 730,
};

export function retailSampleText(): string {
	const parts: string[] = [];
	generateRetail(RETAIL_SAMPLE, (s) => parts.push(s));
	return parts.join('');
}

const out = join(
	fileURLToPath(new URL('.', import.meta.url)),
	'..',
	'static',
	'samples',
	'retail.csv',
);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const text = retailSampleText();
	if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
}
