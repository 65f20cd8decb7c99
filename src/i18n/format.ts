/**
 * Numbers, money, dates and periods as each language writes them: `1.2万` and `2024年1月` in
 * Chinese, `12,000` and `Jan 2024` in English. Dates are day numbers formatted in UTC, so the
 * machine's time zone never moves them. Pure: the UI's i18n rune and the tests call these.
 */
import { MS_PER_DAY } from '../analysis/dates';

export type Lang = 'en' | 'zh-CN';

/** Currency symbols offered; `auto` follows the language (¥ in Chinese, $ in English). */
export const CURRENCIES = ['auto', '¥', '$', '€', '£', 'none'] as const;
export type Currency = (typeof CURRENCIES)[number];

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

/** The symbol written before an amount. */
export function currencySymbol(currency: Currency, lang: Lang): string {
	if (currency === 'auto') return lang === 'zh-CN' ? '¥' : '$';
	return currency === 'none' ? '' : currency;
}

/**
 * An amount of money: two decimals below 1,000, whole units above; in Chinese from 10,000 on in
 * 万 / 亿 (12,000 → 1.2万). The sign goes before the currency symbol.
 */
export function formatMoney(x: number, lang: Lang, currency: Currency = 'auto'): string {
	if (!Number.isFinite(x)) return '—';
	const abs = Math.abs(x);
	const compact = lang === 'zh-CN' && abs >= 10000;
	const big = abs >= 1000;
	const f = cached(
		`money|${lang}|${big}|${compact}`,
		() =>
			new Intl.NumberFormat(lang, {
				maximumFractionDigits: compact ? 1 : big ? 0 : 2,
				notation: compact ? 'compact' : 'standard',
			}),
	);
	const text = f.format(abs);
	// A value that rounds to zero has no sign.
	const sign = x < 0 && text.replace(/[^1-9]/g, '') !== '' ? '-' : '';
	return sign + currencySymbol(currency, lang) + text;
}

/** A calendar day (days since 1970-01-01): `Jan 5, 2024`, `2024年1月5日`. */
export function formatDate(day: number, lang: Lang): string {
	const f = cached(
		`date|${lang}`,
		() =>
			new Intl.DateTimeFormat(lang, {
				timeZone: 'UTC',
				year: 'numeric',
				month: lang === 'zh-CN' ? 'long' : 'short',
				day: 'numeric',
			}),
	);
	return f.format(new Date(day * MS_PER_DAY));
}

/**
 * A period label of the engine (`2024-01`, `2024-W05`, `2024-Q1`, `2024`) as the language writes
 * it: `Jan 2024` / `2024年1月`, `2024 W05` / `2024年第5周`, `2024 Q1` / `2024年第1季度`, `2024` /
 * `2024年`. Other text comes back unchanged.
 */
export function formatPeriod(label: string, lang: Lang): string {
	const zh = lang === 'zh-CN';
	let m = /^(\d{4})-(\d{2})$/.exec(label);
	if (m) {
		if (zh) return `${m[1]}年${Number(m[2])}月`;
		const f = cached(
			'month|en',
			() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'short' }),
		);
		return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
	}
	m = /^(\d{4})-W(\d{2})$/.exec(label);
	if (m) return zh ? `${m[1]}年第${Number(m[2])}周` : `${m[1]} W${m[2]}`;
	m = /^(\d{4})-Q(\d)$/.exec(label);
	if (m) return zh ? `${m[1]}年第${m[2]}季度` : `${m[1]} Q${m[2]}`;
	if (/^\d{4}$/.test(label)) return zh ? `${label}年` : label;
	return label;
}
