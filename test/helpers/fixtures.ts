import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bytes of a file in test/fixtures. */
export function fixture(name: string): Uint8Array {
	return readFileSync(join(import.meta.dirname, '..', 'fixtures', name));
}

/** The bytes of a file in ../shared (the spec and reference data beside the checkout). */
export function shared(path: string): Uint8Array {
	return readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', path));
}
