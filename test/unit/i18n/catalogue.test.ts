import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/i18n/catalogue';

const entries = Object.entries(catalogue) as [string, { en: string; zh: string }][];
/** Messages deliberately in one language on both sides (e.g. the default name of a new rule in English). */
const ONE_LANGUAGE = new Set(['rules.newEn', 'rules.newZh', 'rules.col.zh']);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
	it('has every message in English and Chinese, neither empty', () => {
		for (const [key, m] of entries) {
			expect(m.en.trim(), key).not.toBe('');
			expect(m.zh.trim(), key).not.toBe('');
		}
	});

	it('has the same placeholders in both languages of a message', () => {
		for (const [key, m] of entries) expect(placeholders(m.zh), key).toEqual(placeholders(m.en));
	});

	it('has Chinese text in the Chinese side unless the message is a name, unit or symbol', () => {
		const untranslated = entries
			.filter(([key, m]) => !ONE_LANGUAGE.has(key) && !/[\u3000-\u9fff\uff00-\uffef]/.test(m.zh))
			.filter(([, m]) => /[A-Za-z]{4,}/.test(m.zh.replace(/\{\w+\}/g, '')))
			.map(([key]) => key);
		expect(untranslated).toEqual([]);
	});

	it('has no Chinese in the English side', () => {
		const mixed = entries
			.filter(([key, m]) => !ONE_LANGUAGE.has(key) && /[\u4e00-\u9fff]/.test(m.en))
			.map(([key]) => key);
		expect(mixed).toEqual([]);
	});
});
