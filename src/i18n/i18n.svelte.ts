/**
 * The language of the UI: a rune that every string reads, so switching applies at once. The
 * choice is remembered; the first visit follows the browser's language.
 */
import type { Bilingual } from '../analysis/types';
import { catalogue, type MessageKey } from './catalogue';

export type Lang = 'en' | 'zh-CN';
export const LANGS: Lang[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'clientele.lang';

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

	/** A money amount, compact in Chinese (1.2万). */
	money = (x: number | null | undefined): string => {
		if (x === null || x === undefined || !Number.isFinite(x)) return '—';
		const big = Math.abs(x) >= 1000;
		const compact = this.lang === 'zh-CN' && Math.abs(x) >= 100000;
		return this.format(`money${big}${compact}`, {
			maximumFractionDigits: big ? 0 : 2,
			notation: compact ? 'compact' : 'standard',
		}).format(x);
	};
}

export const i18n = new I18n();
export const t = i18n.t;
