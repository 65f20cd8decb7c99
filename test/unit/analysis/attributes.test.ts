import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/analysis/analyze';
import {
	attributeIdColumn,
	joinAttributes,
	summariseAttributes,
} from '../../../src/analysis/attributes';
import { utf8 } from '../../helpers/bytes';

const file = readTable(
	utf8('客户编号,城市,渠道\nC1,上海,app\nC2,北京,\nC9,上海,web\nC1,广州,web\n'),
	'attrs.csv',
	{},
);

describe('customer attributes', () => {
	it('attributeIdColumn(file) takes the suggested customer column', () => {
		expect(attributeIdColumn(file, null)).toBe('客户编号');
		expect(() => attributeIdColumn(file, 'nope')).toThrow(/\[unknown_column\]/);
	});

	it('joinAttributes(file, ids) matches trimmed ids, first row wins, and reports the unmatched', () => {
		const a = joinAttributes(file, ['C1', 'C2', 'C3'], '客户编号');
		expect(a).toEqual({
			idColumn: '客户编号',
			columns: ['城市', '渠道'],
			values: [
				['上海', '北京', null],
				['app', null, null],
			],
			matched: 2,
			unmatched: 1,
			unmatchedExamples: ['C9'],
		});
		expect(summariseAttributes(a)).toEqual([
			{
				name: '城市',
				values: [
					{ value: '上海', customers: 1 },
					{ value: '北京', customers: 1 },
				],
				missing: 1,
			},
			{ name: '渠道', values: [{ value: 'app', customers: 1 }], missing: 2 },
		]);
	});
});
