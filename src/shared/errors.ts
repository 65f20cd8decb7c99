/**
 * User-facing problems: a code from one catalogue and a message in both languages that says what
 * was found and what to do. Comlink carries only `name`, `message` and `stack`, so the code also
 * leads the message (`[code] …`) and errors are recognised by `name`, never `instanceof`.
 */
export type ErrorCode =
	| 'empty_file'
	| 'binary_file'
	| 'unreadable_file'
	| 'unknown_format'
	| 'missing_role'
	| 'unknown_column'
	| 'bad_option'
	| 'no_rows_left'
	| 'no_customers'
	| 'bad_date'
	| 'too_few_customers'
	| 'bins_mismatch'
	| 'bad_rule'
	| 'storage_full'
	| 'too_large'
	| 'fetch_failed';

export interface BilingualText {
	en: string;
	zh: string;
}

export class UserError extends Error {
	override readonly name = 'UserError';
	constructor(
		readonly code: ErrorCode,
		readonly text: BilingualText,
	) {
		super(`[${code}] ${text.en}`);
	}
}

/** True for a UserError, also after it crossed a worker boundary as a plain object. */
export function isUserError(e: unknown): e is { name: 'UserError'; message: string } {
	return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UserError';
}

/** The code of a UserError message (`[code] text`), or null. */
export function userErrorCode(e: unknown): ErrorCode | null {
	if (!isUserError(e)) return null;
	const m = /^\[([a-z_]+)\]/.exec(e.message);
	return m ? (m[1] as ErrorCode) : null;
}
