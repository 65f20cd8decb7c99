/**
 * The language of the UI: a rune that every string reads, so switching applies at once. The
 * choice is remembered; the first visit follows the browser's language.
 */
import type { Bilingual } from '../analysis/types';
import { catalogue, type MessageKey } from './catalogue';
import {
	CURRENCIES,
	formatDate,
	formatMoney,
	formatPeriod,
	type Currency,
	type Lang,
} from './format';

export type { Lang };
export const LANGS: Lang[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'clientele.lang';
const CURRENCY_KEY = 'clientele.currency';

function initialCurrency(): Currency {
	try {
		const saved = localStorage.getItem(CURRENCY_KEY);
		if ((CURRENCIES as readonly string[]).includes(saved ?? '')) return saved as Currency;
	} catch {
		// Storage may be blocked: the language's currency.
	}
	return 'auto';
}

function initialLang(): Lang {
	try {
		const saved = localStorage.getItem(STORAGE_KEY);
		if (saved === 'en' || saved === 'zh-CN') return saved;
	} catch {
		// Storage may be blocked; fall back to the browser's language.
	}
	const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
	return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders. */
export function fill(text: string, params?: Params): string {
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

class I18n {
	lang = $state<Lang>(initialLang());
	/** The symbol amounts are written with; `auto` follows the language. */
	currency = $state<Currency>(initialCurrency());

	setCurrency(currency: Currency): void {
		this.currency = currency;
		try {
			localStorage.setItem(CURRENCY_KEY, currency);
		} catch {
			// Not remembered when storage is blocked.
		}
	}

	set(lang: Lang): void {
		this.lang = lang;
		try {
			localStorage.setItem(STORAGE_KEY, lang);
		} catch {
			// Not remembered when storage is blocked; the switch still applies.
		}
		document.documentElement.lang = lang;
	}

	/** The message in the current language. */
	t = (key: MessageKey, params?: Params): string => {
		const m = catalogue[key];
		return fill(this.lang === 'en' ? m.en : m.zh, params);
	};

	/** The current language's side of a bilingual value. */
	pick = (b: Bilingual): string => (this.lang === 'en' ? b.en : b.zh);

	private formats = new Map<string, Intl.NumberFormat>();

	/** A cached formatter: building one costs far more than using it. */
	private format(kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
		const key = `${this.lang}|${kind}`;
		let f = this.formats.get(key);
		if (!f) {
			f = new Intl.NumberFormat(this.lang, options);
			this.formats.set(key, f);
		}
		return f;
	}

	/** A number in the current language (grouping, up to `digits` decimals). */
	num = (x: number | null | undefined, digits = 2): string => {
		if (x === null || x === undefined || !Number.isFinite(x)) return '—';
		return this.format(`num${digits}`, { maximumFractionDigits: digits }).format(x);
	};

	/** A share as a percentage. */
	pct = (x: number | null | undefined, digits = 1): string => {
		if (x === null || x === undefined || !Number.isFinite(x)) return '—';
		return this.format(`pct${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(
			x,
		);
	};

	/** A money amount with the currency symbol, compact in Chinese (1.2万). */
	money = (x: number | null | undefined): string =>
		x === null || x === undefined ? '—' : formatMoney(x, this.lang, this.currency);

	/** A calendar day (day number): Jan 5, 2024 / 2024年1月5日. */
	date = (day: number | null | undefined): string =>
		day === null || day === undefined || !Number.isFinite(day) ? '—' : formatDate(day, this.lang);

	/** A period label of the engine (2024-01, 2024-W05, 2024-Q1, 2024) in the language. */
	period = (label: string): string => formatPeriod(label, this.lang);
}

export const i18n = new I18n();
export const t = i18n.t;
