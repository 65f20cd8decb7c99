import { describe, expect, it } from 'vitest';
import { HOLDOUT_BUCKETS } from '../../../src/analysis/clv';
import type { ClvRow } from '../../../src/shared/analysis-api';
import {
	FACTS,
	factOf,
	readFact,
	type CellResults,
	type CellRun,
	type FactRef,
} from '../../../src/lessons/facts';
import type { CellType } from '../../../src/shared/notebook';

const segment = (id: string, zh: string, customers: number, revenue: number) => ({
	id,
	name: { en: id, zh },
	description: { en: '', zh: '' },
	action: { en: '', zh: '' },
	customers,
	revenue,
	customerShare: customers / 10,
	revenueShare: revenue / 1000,
	meanRecency: 0,
	meanFrequency: 0,
	meanMonetary: 0,
});

const range = (score: number, min: number | null, max: number | null, count: number) => ({
	score,
	min,
	max,
	count,
});

const clvRow = (customer_id: string, clv: number | null): ClvRow => ({
	customer_id,
	x: 2,
	t_x: 10,
	T: 20,
	p_alive: 0.8,
	expected_purchases: 1.5,
	prob_no_purchase: 0.3,
	expected_avg_spend: 40,
	clv,
	monetary: 100,
});

const bucket = (x: number, customers: number, actual: number, predicted: number) => ({
	x,
	label: x === 7 ? '7+' : String(x),
	customers,
	actual,
	predicted,
});

/** Tiny hand-made results: 10 customers. */
const results: CellResults = {
	overview: {
		asOf: 0,
		customers: 10,
		orders: 14,
		revenue: 1000,
		averageOrderValue: 1000 / 14,
		firstDay: 0,
		lastDay: 0,
		monthly: [],
		histograms: [],
	},
	rfm: {
		asOf: 0,
		bins: 2,
		method: 'rank',
		scheme: 'rfm-11',
		cuts: {
			recency: {
				metric: 'recency',
				method: 'rank',
				thresholds: [30],
				ranges: [range(1, 31, 90, 4), range(2, 1, 30, 6)],
			},
			frequency: {
				metric: 'frequency',
				method: 'rank',
				thresholds: [],
				ranges: [range(1, 1, 2, 10), range(2, null, null, 0)],
			},
			monetary: {
				metric: 'monetary',
				method: 'rank',
				thresholds: [50],
				ranges: [range(1, 5, 49.5, 5), range(2, 50, 400, 5)],
			},
		},
		segments: [segment('Champions', '冠军客户', 3, 600), segment('Lost', '已流失客户', 7, 400)],
		grid: [],
		warnings: [],
	},
	cohorts: {
		breakdown: null,
		matrix: {
			period: 'month',
			onOrAfter: false,
			labels: ['2024-01', '2024-02'],
			cohortIndex: [648, 649],
			size: [6, 4],
			customers: [
				[6, 3, 1],
				[4, 2, null],
			],
			retention: [
				[1, 0.5, 1 / 6],
				[1, 0.5, null],
			],
			revenue: [
				[600, 120, 30],
				[200, 50, null],
			],
			revenuePerCustomer: [
				[100, 20, 5],
				[50, 12.5, null],
			],
			cumulativeRevenue: [
				[600, 720, 750],
				[200, 250, null],
			],
			cumulativeRevenuePerCustomer: [
				[100, 120, 125],
				[50, 62.5, null],
			],
			lastObservable: 650,
			partialLast: false,
			maxOffset: 2,
		},
	},
	clusters: {
		scan: [
			{ k: 2, inertia: 12.5, silhouette: 0.61, sizes: [7, 3] },
			{ k: 3, inertia: 6.25, silhouette: 0.48, sizes: [5, 3, 2] },
		],
		bestK: 2,
		k: 3,
		inertia: 6.25,
		silhouette: 0.48,
		featureNames: ['recency', 'frequency', 'monetary'],
		profiles: [
			{ cluster: 1, size: 5, share: 0.5, mean: [], median: [], name: { en: 'A', zh: '甲' } },
			{ cluster: 2, size: 3, share: 0.3, mean: [], median: [], name: { en: 'B', zh: '乙' } },
			{ cluster: 3, size: 2, share: 0.2, mean: [], median: [], name: { en: 'C', zh: '丙' } },
		],
		tree: null,
		treeAccuracy: 0.9,
		points: [],
		customers: 10,
		warnings: [],
	},
	lifecycle: {
		counts: { new: 1, active: 4, dormant: 2, churned: 3 },
		revenue: { new: 10, active: 700, dormant: 90, churned: 200 },
		paretoTop20: 0.55,
		topShare: 0.2,
		tierCuts: [0.8, 0.95],
		pareto: [],
		tiers: [
			{ tier: 'A', customers: 3, revenue: 800 },
			{ tier: 'B', customers: 2, revenue: 150 },
			{ tier: 'C', customers: 5, revenue: 50 },
		],
		averageAnnualSpend: 100,
		averageLifetimeYears: 1.5,
	},
	clv: {
		options: {
			unit: 'week',
			observationEnd: 700,
			calibrationEnd: 600,
			horizonMonths: 12,
			monthlyDiscount: 0.01,
			predictionPeriod: 52.14,
			unitsPerMonth: 4.345,
		},
		population: 10,
		lateCustomers: 0,
		oneTimeBuyers: 6,
		bgnbd: {
			r: 0.5,
			alpha: 4,
			a: 1,
			b: 3,
			loglik: -42.5,
			se: { r: 0.1, alpha: 1, a: 0.5, b: 1 },
			customers: 10,
			histories: 8,
			converged: true,
			iterations: 20,
		},
		gammaGamma: {
			p: 6,
			q: 4,
			v: 15,
			loglik: -20,
			se: { p: 1, q: 0.5, v: 4 },
			n: 4,
			spendFrequencyCorrelation: 0.1,
			converged: true,
			iterations: 30,
			warnings: [],
		},
		holdout: {
			length: 14.3,
			buckets: [
				bucket(0, 6, 0.5, 0.25),
				bucket(1, 3, 1, 0.75),
				bucket(2, 0, NaN, NaN),
				...[3, 4, 5, 6].map((x) => bucket(x, 0, NaN, NaN)),
				bucket(7, 1, 9, 8.5),
			],
			actualTotal: 15,
			predictedTotal: 12.25,
		},
		tracking: [],
		calibrationT: 80,
		alive: { cells: [], step: 1, T: 90 },
		clvValues: new Float64Array(),
		totals: { expectedPurchases: 7.5, clv: 1234.5 },
		topClv: [clvRow('C9', 700), clvRow('A1', 300.25)],
		topRisk: [],
		warnings: [],
	},
};

const ready = (type: CellType): CellRun | undefined =>
	type in results ? { status: 'ready', result: results[type as keyof CellResults] } : undefined;

const read = (fact: string, args: Record<string, string | number> = {}) =>
	readFact({ fact, args } as FactRef, ready);

describe('readFact on ready results', () => {
	it.each([
		['overview.customers', {}, 10],
		['overview.orders', {}, 14],
		['overview.revenue', {}, 1000],
		['rfm.bins', {}, 2],
		['rfm.scoreCustomers', { metric: 'recency', score: 2 }, 6],
		['rfm.scoreMin', { metric: 'monetary', score: 2 }, 50],
		['rfm.scoreMax', { metric: 'recency', score: 2 }, 30],
		['rfm.segmentCustomers', { segment: 'Lost' }, 7],
		['rfm.segmentShare', { segment: 'Champions' }, 0.3],
		['rfm.segmentRevenueShare', { segment: 'Champions' }, 0.6],
		['cohorts.count', {}, 2],
		['cohorts.size', { cohort: 1 }, 4],
		['cohorts.size', { cohort: '2024-02' }, 4],
		['cohorts.customers', { cohort: 0, offset: 2 }, 1],
		['cohorts.retention', { cohort: 0, offset: 1 }, 0.5],
		['cohorts.revenuePerCustomer', { cohort: 1, offset: 1 }, 12.5],
		['cohorts.cumulativeRevenuePerCustomer', { cohort: '2024-01', offset: 2 }, 125],
		['clusters.customers', {}, 10],
		['clusters.k', {}, 3],
		['clusters.bestK', {}, 2],
		['clusters.silhouette', {}, 0.48],
		['clusters.silhouetteAt', { k: 2 }, 0.61],
		['clusters.inertiaAt', { k: 3 }, 6.25],
		['clusters.size', { cluster: 2 }, 3],
		['clusters.share', { cluster: 3 }, 0.2],
		['clusters.treeAccuracy', {}, 0.9],
		['lifecycle.stageCustomers', { stage: 'churned' }, 3],
		['lifecycle.paretoShare', {}, 0.55],
		['lifecycle.tierCustomers', { tier: 'C' }, 5],
		['clv.population', {}, 10],
		['clv.oneTimeBuyers', {}, 6],
		['clv.horizonMonths', {}, 12],
		['clv.predictionPeriod', {}, 52.14],
		['clv.bgnbd', { param: 'alpha' }, 4],
		['clv.bgnbd', { param: 'b' }, 3],
		['clv.gammaGamma', { param: 'v' }, 15],
		['clv.loglik', {}, -42.5],
		['clv.meanPurchaseRate', {}, 0.125],
		['clv.dropoutChance', {}, 0.25],
		['clv.averageSpend', {}, 30],
		['clv.expectedPurchases', {}, 7.5],
		['clv.totalClv', {}, 1234.5],
		['clv.holdoutActual', {}, 15],
		['clv.holdoutPredicted', {}, 12.25],
		['clv.holdoutCustomers', { repeat: 1 }, 3],
		['clv.holdoutMeanActual', { repeat: 0 }, 0.5],
		['clv.holdoutMeanPredicted', { repeat: 7 }, 8.5],
		['clv.topClv', { rank: 2 }, 300.25],
	])('readFact(%s, %j) is %d', (fact, args, value) => {
		expect(read(fact, args)).toEqual({ status: 'ready', reading: { kind: 'number', value } });
	});

	it('readFact(rfm.largestSegment) and rfm.topRevenueSegment pick a segment among the options', () => {
		const options = [
			{ value: 'Champions', label: { en: 'Champions', zh: '冠军客户' } },
			{ value: 'Lost', label: { en: 'Lost', zh: '已流失客户' } },
		];
		expect(read('rfm.largestSegment')).toEqual({
			status: 'ready',
			reading: { kind: 'choice', value: 'Lost', options },
		});
		expect(read('rfm.topRevenueSegment')).toEqual({
			status: 'ready',
			reading: { kind: 'choice', value: 'Champions', options },
		});
	});

	it.each([
		['rfm.segmentCustomers', { segment: 'Others' }, 'has no segment "Others"'],
		['rfm.scoreCustomers', { metric: 'recency', score: 5 }, 'uses 2 scores'],
		['rfm.scoreMin', { metric: 'frequency', score: 2 }, 'No customer has score 2'],
		['cohorts.size', { cohort: 5 }, 'shows 2 cohorts'],
		['cohorts.retention', { cohort: '2023-12', offset: 0 }, 'no cohort "2023-12"'],
		['cohorts.retention', { cohort: 1, offset: 2 }, 'not observable'],
		['cohorts.retention', { cohort: 0, offset: 9 }, 'not observable'],
		['clusters.size', { cluster: 4 }, 'has 3 clusters'],
		['clusters.silhouetteAt', { k: 8 }, 'k = 2–3'],
		['clv.holdoutMeanActual', { repeat: 2 }, 'No customer made 2 repeat purchases'],
		['clv.topClv', { rank: 3 }, 'has 2 rows'],
	])('readFact(%s, %j) is absent, saying why in both languages', (fact, args, why) => {
		const s = read(fact, args);
		expect(s.status).toBe('absent');
		if (s.status !== 'absent') return;
		expect(s.why.en).toContain(why);
		expect(s.why.zh).toMatch(/[\u4e00-\u9fff]/);
	});
});

describe('the CLV facts', () => {
	const clv = results.clv;
	const readClv = (fact: string, result: typeof clv, args: Record<string, string | number> = {}) =>
		readFact({ fact, args } as FactRef, (type) =>
			type === 'clv' ? { status: 'ready', result } : undefined,
		);

	it('readFact(clv.topClvCustomer) picks the first row of the top customers among them, by id', () => {
		expect(read('clv.topClvCustomer')).toEqual({
			status: 'ready',
			reading: {
				kind: 'choice',
				value: 'C9',
				options: [
					{ value: 'A1', label: { en: 'A1', zh: 'A1' } },
					{ value: 'C9', label: { en: 'C9', zh: 'C9' } },
				],
			},
		});
	});

	it('readFact(clv.*) without a spend model says there is no CLV; P(alive) facts stay', () => {
		const noSpend = { ...clv, gammaGamma: null, totals: { ...clv.totals, clv: null }, topClv: [] };
		for (const [fact, args] of [
			['clv.totalClv', {}],
			['clv.gammaGamma', { param: 'p' }],
			['clv.averageSpend', {}],
			['clv.topClvCustomer', {}],
			['clv.topClv', { rank: 1 }],
		] as const) {
			const s = readClv(fact, noSpend, args);
			expect(s.status, fact).toBe('absent');
			if (s.status === 'absent') expect(s.why.en).toContain('no spend model');
		}
		expect(readClv('clv.meanPurchaseRate', noSpend).status).toBe('ready');
	});

	it('readFact(clv.holdout*) without a holdout says to set a calibration end', () => {
		const none = {
			...clv,
			holdout: null,
			options: { ...clv.options, calibrationEnd: clv.options.observationEnd },
		};
		const s = readClv('clv.holdoutActual', none);
		expect(s.status).toBe('absent');
		if (s.status === 'absent') expect(s.why.en).toContain('set a calibration end');
	});

	it('clv.holdout* facts take the rows of the holdout table, 7 being the “7+” row', () => {
		const spec = factOf('clv.holdoutMeanActual').params.repeat;
		expect(spec).toMatchObject({ type: 'int', min: 0, max: HOLDOUT_BUCKETS - 1 });
	});
});

describe('readFact on cells that are not ready', () => {
	const ref = { fact: 'rfm.bins', args: {} } as FactRef;

	it('readFact says pending while the cell runs or has not run, or has a null result', () => {
		for (const run of [
			{ status: 'idle' },
			{ status: 'running' },
			{ status: 'ready', result: null },
		] as CellRun[])
			expect(readFact(ref, () => run)).toEqual({ status: 'pending', cell: 'rfm' });
	});

	it('readFact passes the cell’s error on, and says when the notebook has no such cell', () => {
		const error = { en: 'bad', zh: '坏' };
		expect(readFact(ref, () => ({ status: 'failed', error }))).toEqual({
			status: 'failed',
			cell: 'rfm',
			error,
		});
		expect(readFact(ref, () => undefined)).toEqual({ status: 'missing', cell: 'rfm' });
	});
});

describe('the fact registry', () => {
	it('every fact id is cell.name of the cell it reads, described in both languages', () => {
		for (const [id, def] of Object.entries(FACTS)) {
			expect(id.split('.')[0]).toBe(def.cell);
			expect(def.about.en).not.toBe('');
			expect(def.about.zh).toMatch(/[\u4e00-\u9fff]/);
			for (const p of Object.values(def.params)) expect(p.about.zh).not.toBe('');
		}
	});

	it('factOf tells choice facts from number facts', () => {
		expect(factOf('rfm.largestSegment').answer).toBe('choice');
		expect(factOf('rfm.segmentCustomers').answer).toBe('number');
	});
});
