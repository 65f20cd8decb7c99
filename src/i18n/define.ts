/** A message in both languages. `{name}` placeholders are filled by t(). */
export interface Pair {
	en: string;
	zh: string;
}

/** Declares messages; TypeScript rejects a message missing either language. */
export function defineMessages<T extends Record<string, Pair>>(messages: T): T {
	return messages;
}
