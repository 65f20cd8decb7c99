import { describe, expect, it } from 'vitest';
import {
	assignLifecycle,
	defaultLifecycle,
	STAGES,
	stageNames,
} from '../../../src/analysis/lifecycle';

describe('assignLifecycle', () => {
	it('assignLifecycle(metrics) puts each default boundary (30/31, 90/91, 180/181) on the inclusive side', () => {
		const metrics = {
			tenure: Int32Array.from([0, 30, 31, 31, 400, 400, 400, 400, 30]),
			recency: Int32Array.from([0, 30, 31, 90, 91, 180, 181, 1000, 30]),
		};
		expect(assignLifecycle(metrics)).toEqual({
			stage: Uint8Array.from([0, 0, 1, 1, 2, 2, 3, 3, 0]),
			counts: { new: 3, active: 2, dormant: 2, churned: 2 },
		});
	});

	it('assignLifecycle(metrics, thresholds) applies edited thresholds', () => {
		const metrics = { tenure: [7, 8, 8, 8], recency: [1, 8, 14, 15] };
		expect(assignLifecycle(metrics, { newDays: 7, activeDays: 8, dormantDays: 14 })).toEqual({
			stage: Uint8Array.from([0, 1, 2, 3]),
			counts: { new: 1, active: 1, dormant: 1, churned: 1 },
		});
	});

	it('assignLifecycle(metrics) of no customers counts zero everywhere', () => {
		expect(assignLifecycle({ tenure: [], recency: [] })).toEqual({
			stage: new Uint8Array(0),
			counts: { new: 0, active: 0, dormant: 0, churned: 0 },
		});
	});

	it.each([
		{ newDays: 90, activeDays: 90, dormantDays: 180 },
		{ newDays: 30, activeDays: 180, dormantDays: 90 },
		{ newDays: -1, activeDays: 90, dormantDays: 180 },
		{ newDays: 30, activeDays: NaN, dormantDays: 180 },
	])(
		'assignLifecycle(metrics, %o) rejects thresholds that are not ascending with bad_option',
		(t) => {
			expect(() => assignLifecycle({ tenure: [1], recency: [1] }, t)).toThrow(/^\[bad_option\]/);
		},
	);

	it('defaultLifecycle, STAGES and stageNames use the course terms', () => {
		expect([defaultLifecycle, STAGES, stageNames]).toEqual([
			{ newDays: 30, activeDays: 90, dormantDays: 180 },
			['new', 'active', 'dormant', 'churned'],
			{
				new: { en: 'New', zh: '新客户' },
				active: { en: 'Active', zh: '活跃客户' },
				dormant: { en: 'Dormant', zh: '沉睡客户' },
				churned: { en: 'Churned', zh: '流失客户' },
			},
		]);
	});
});
