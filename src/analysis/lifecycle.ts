/** Lifecycle stages (§5): new, active, dormant, churned from tenure and recency in days. */
import { UserError } from '../shared/errors';
import type { Bilingual } from './types';

export type Stage = 'new' | 'active' | 'dormant' | 'churned';

/** Stage order; `assignLifecycle` returns indices into this array. */
export const STAGES: Stage[] = ['new', 'active', 'dormant', 'churned'];

export const stageNames: Record<Stage, Bilingual> = {
	new: { en: 'New', zh: '新客户' },
	active: { en: 'Active', zh: '活跃客户' },
	dormant: { en: 'Dormant', zh: '沉睡客户' },
	churned: { en: 'Churned', zh: '流失客户' },
};

/** Thresholds in days, each inclusive: new ≤ newDays tenure, then active / dormant ≤ recency. */
export interface LifecycleThresholds {
	newDays: number;
	activeDays: number;
	dormantDays: number;
}

/** 30 / 90 / 180 days. */
export const defaultLifecycle: LifecycleThresholds = {
	newDays: 30,
	activeDays: 90,
	dormantDays: 180,
};

/**
 * Stage per customer: `new` when tenure ≤ newDays (first purchase at most 30 days before asOf);
 * otherwise `active` when recency ≤ activeDays (90), `dormant` when ≤ dormantDays (180), else
 * `churned`. Recency and tenure are whole days. Throws a `bad_option` UserError unless the
 * thresholds are non-negative and strictly ascending.
 */
export function assignLifecycle(
	metrics: { recency: ArrayLike<number>; tenure: ArrayLike<number> },
	thresholds: LifecycleThresholds = defaultLifecycle,
): { stage: Uint8Array; counts: Record<Stage, number> } {
	checkThresholds(thresholds);
	const { recency, tenure } = metrics;
	if (recency.length !== tenure.length) {
		throw new Error(`recency has ${recency.length} entries, tenure ${tenure.length}`);
	}
	const { newDays, activeDays, dormantDays } = thresholds;
	const stage = new Uint8Array(recency.length);
	const tally = [0, 0, 0, 0];
	for (let i = 0; i < recency.length; i++) {
		const r = recency[i];
		const s = tenure[i] <= newDays ? 0 : r <= activeDays ? 1 : r <= dormantDays ? 2 : 3;
		stage[i] = s;
		tally[s]++;
	}
	return {
		stage,
		counts: { new: tally[0], active: tally[1], dormant: tally[2], churned: tally[3] },
	};
}

function checkThresholds(t: LifecycleThresholds): void {
	const values = [t.newDays, t.activeDays, t.dormantDays];
	const ok =
		values.every((v) => Number.isFinite(v) && v >= 0) &&
		t.newDays < t.activeDays &&
		t.activeDays < t.dormantDays;
	if (ok) return;
	throw new UserError('bad_option', {
		en: `Lifecycle thresholds ${values.join(' / ')} days are not valid: they must be non-negative and ascending (new < active < dormant), e.g. 30 / 90 / 180.`,
		zh: `生命周期阈值 ${values.join(' / ')} 天无效：须为非负数且依次递增（新客户 < 活跃 < 沉睡），例如 30 / 90 / 180。`,
	});
}
