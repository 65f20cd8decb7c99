/**
 * Checking a learner's answer against a fact: numbers as people type them in English or Chinese
 * ("1,311", "８．２％", "8.2 %", "0.082", "12.3万"), compared with a tolerance in the unit the cell
 * shows (percentage points for shares).
 */
import type { Reading, Unit } from './facts';

/** How far an answer may be from the fact: in the unit shown, or as a fraction of the value. */
export type Tolerance = { absolute: number } | { relative: number };

export interface TypedNumber {
	value: number;
	/** Typed with a percent sign. */
	percent: boolean;
	/** Half a unit of the last digit typed, after a 万/亿 multiplier (0 without one). */
	typedPrecision: number;
}

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The number in what the learner typed, or null when it is not one. */
export function parseTypedNumber(text: string): TypedNumber | null {
	let s = text
		.normalize('NFKC')
		.replace(/[\s\u00a0_']/g, '')
		.replace(/。/g, '.')
		.replace(/[−–]/g, '-')
		.replace(/\.$/, '')
		// A currency sign as the app writes amounts: ¥1.2万, -$3.50, US$12, €5.
		.replace(/^([+-]?)(US\$|[¥$€£￥])/, '$1');
	let percent = false;
	if (s.endsWith('%')) {
		percent = true;
		s = s.slice(0, -1);
	}
	let multiplier = 1;
	const last = s.slice(-1);
	if (last in MULTIPLIERS) {
		multiplier = MULTIPLIERS[last];
		s = s.slice(0, -1);
	}
	if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
	else if (/^[+-]?\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
	const value = Number(s) * multiplier;
	if (!Number.isFinite(value)) return null;
	const decimals = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
	const typedPrecision = multiplier === 1 ? 0 : (0.5 * multiplier) / 10 ** decimals;
	return { value, percent, typedPrecision };
}

/** The tolerance a fact gets when the lesson names none: half a unit of the last digit shown. */
export function defaultTolerance(digits: number): Tolerance {
	return { absolute: 0.5 / 10 ** digits };
}

/**
 * Whether a typed number matches `value`. Shares are compared in percent: "8.2" and "8.2%" mean
 * 8.2 %, and "0.082" (no percent sign) is also read as the fraction.
 */
export function numberMatches(
	value: number,
	unit: Unit,
	typed: TypedNumber,
	tolerance: Tolerance,
): boolean {
	const scale = unit === 'share' ? 100 : 1;
	if (typed.percent && unit !== 'share') return false;
	const candidates =
		unit === 'share' && !typed.percent ? [typed.value, typed.value * 100] : [typed.value];
	const target = value * scale;
	const allowed =
		'absolute' in tolerance ? tolerance.absolute : Math.abs(target) * tolerance.relative;
	return candidates.some(
		(c) => Math.abs(c - target) <= Math.max(allowed, typed.typedPrecision) + 1e-9,
	);
}

export type Verdict = 'right' | 'wrong' | 'unreadable';

/** The verdict on an answer: `input` is the text typed, or the option picked for a choice. */
export function judgeAnswer(
	reading: Exclude<Reading, { kind: 'absent' }>,
	unit: Unit,
	input: string,
	tolerance: Tolerance,
): Verdict {
	if (reading.kind === 'choice') {
		if (input === '') return 'unreadable';
		return input === reading.value ? 'right' : 'wrong';
	}
	const typed = parseTypedNumber(input);
	if (!typed) return 'unreadable';
	return numberMatches(reading.value, unit, typed, tolerance) ? 'right' : 'wrong';
}
