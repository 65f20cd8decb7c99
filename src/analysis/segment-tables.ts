/**
 * The segment tables of the analytics specification (§2.2: segments-rfm11.csv, segments-rfm-r.csv,
 * segments-cn8.csv) embedded as data with the exact names in English and Chinese, plus a
 * one-sentence description (who they are) and a one-line recommended action per segment.
 */
import type { SegmentDef } from './segments';

/** rfm-11: every cell of the 5 × 5 × 5 grid, rows and order as in segments-rfm11.csv. */
export const rfm11Cells: readonly (readonly [cell: string, segment: string, segmentZh: string])[] =
	[
		['555', 'Champions', '冠军客户'],
		['554', 'Champions', '冠军客户'],
		['553', 'Potential Loyalists', '潜力忠诚客户'],
		['552', 'Potential Loyalists', '潜力忠诚客户'],
		['551', 'Potential Loyalists', '潜力忠诚客户'],
		['545', 'Champions', '冠军客户'],
		['544', 'Champions', '冠军客户'],
		['543', 'Loyal', '忠诚客户'],
		['542', 'Potential Loyalists', '潜力忠诚客户'],
		['541', 'Potential Loyalists', '潜力忠诚客户'],
		['535', 'Need Attention', '需要关注'],
		['534', 'Need Attention', '需要关注'],
		['533', 'Potential Loyalists', '潜力忠诚客户'],
		['532', 'Potential Loyalists', '潜力忠诚客户'],
		['531', 'Potential Loyalists', '潜力忠诚客户'],
		['525', 'Promising', '有潜力客户'],
		['524', 'Promising', '有潜力客户'],
		['523', 'Promising', '有潜力客户'],
		['522', 'Promising', '有潜力客户'],
		['521', 'Promising', '有潜力客户'],
		['515', 'Promising', '有潜力客户'],
		['514', 'Promising', '有潜力客户'],
		['513', 'Promising', '有潜力客户'],
		['512', 'New Customers', '新客户'],
		['511', 'New Customers', '新客户'],
		['455', 'Champions', '冠军客户'],
		['454', 'Champions', '冠军客户'],
		['453', 'Potential Loyalists', '潜力忠诚客户'],
		['452', 'Potential Loyalists', '潜力忠诚客户'],
		['451', 'Potential Loyalists', '潜力忠诚客户'],
		['445', 'Champions', '冠军客户'],
		['444', 'Loyal', '忠诚客户'],
		['443', 'Need Attention', '需要关注'],
		['442', 'Potential Loyalists', '潜力忠诚客户'],
		['441', 'Potential Loyalists', '潜力忠诚客户'],
		['435', 'Loyal', '忠诚客户'],
		['434', 'Need Attention', '需要关注'],
		['433', 'Potential Loyalists', '潜力忠诚客户'],
		['432', 'Potential Loyalists', '潜力忠诚客户'],
		['431', 'Potential Loyalists', '潜力忠诚客户'],
		['425', 'Promising', '有潜力客户'],
		['424', 'Promising', '有潜力客户'],
		['423', 'Potential Loyalists', '潜力忠诚客户'],
		['422', 'New Customers', '新客户'],
		['421', 'New Customers', '新客户'],
		['415', 'Promising', '有潜力客户'],
		['414', 'Promising', '有潜力客户'],
		['413', 'Promising', '有潜力客户'],
		['412', 'New Customers', '新客户'],
		['411', 'New Customers', '新客户'],
		['355', 'Loyal', '忠诚客户'],
		['354', 'Loyal', '忠诚客户'],
		['353', 'Potential Loyalists', '潜力忠诚客户'],
		['352', 'Potential Loyalists', '潜力忠诚客户'],
		['351', 'Potential Loyalists', '潜力忠诚客户'],
		['345', 'Loyal', '忠诚客户'],
		['344', 'Loyal', '忠诚客户'],
		['343', 'Need Attention', '需要关注'],
		['342', 'Potential Loyalists', '潜力忠诚客户'],
		['341', 'Potential Loyalists', '潜力忠诚客户'],
		['335', 'Loyal', '忠诚客户'],
		['334', 'Need Attention', '需要关注'],
		['333', 'Potential Loyalists', '潜力忠诚客户'],
		['332', 'Hibernating', '沉睡客户'],
		['331', 'About to Sleep', '即将沉睡'],
		['325', 'Need Attention', '需要关注'],
		['324', 'Need Attention', '需要关注'],
		['323', 'Potential Loyalists', '潜力忠诚客户'],
		['322', 'Hibernating', '沉睡客户'],
		['321', 'About to Sleep', '即将沉睡'],
		['315', 'Promising', '有潜力客户'],
		['314', 'Promising', '有潜力客户'],
		['313', 'Promising', '有潜力客户'],
		['312', 'About to Sleep', '即将沉睡'],
		['311', 'New Customers', '新客户'],
		['255', 'At Risk', '流失风险客户'],
		['254', 'At Risk', '流失风险客户'],
		['253', 'At Risk', '流失风险客户'],
		['252', 'At Risk', '流失风险客户'],
		['251', 'Hibernating', '沉睡客户'],
		['245', 'At Risk', '流失风险客户'],
		['244', 'At Risk', '流失风险客户'],
		['243', 'At Risk', '流失风险客户'],
		['242', 'At Risk', '流失风险客户'],
		['241', 'Hibernating', '沉睡客户'],
		['235', 'At Risk', '流失风险客户'],
		['234', 'At Risk', '流失风险客户'],
		['233', 'Hibernating', '沉睡客户'],
		['232', 'Hibernating', '沉睡客户'],
		['231', 'Hibernating', '沉睡客户'],
		['225', 'At Risk', '流失风险客户'],
		['224', 'At Risk', '流失风险客户'],
		['223', 'Hibernating', '沉睡客户'],
		['222', 'Hibernating', '沉睡客户'],
		['221', 'About to Sleep', '即将沉睡'],
		['215', 'Cannot Lose Them', '不能失去的客户'],
		['214', 'Cannot Lose Them', '不能失去的客户'],
		['213', 'About to Sleep', '即将沉睡'],
		['212', 'Hibernating', '沉睡客户'],
		['211', 'Hibernating', '沉睡客户'],
		['155', 'Cannot Lose Them', '不能失去的客户'],
		['154', 'Cannot Lose Them', '不能失去的客户'],
		['153', 'At Risk', '流失风险客户'],
		['152', 'At Risk', '流失风险客户'],
		['151', 'Lost', '已流失客户'],
		['145', 'At Risk', '流失风险客户'],
		['144', 'Cannot Lose Them', '不能失去的客户'],
		['143', 'At Risk', '流失风险客户'],
		['142', 'At Risk', '流失风险客户'],
		['141', 'Lost', '已流失客户'],
		['135', 'At Risk', '流失风险客户'],
		['134', 'At Risk', '流失风险客户'],
		['133', 'At Risk', '流失风险客户'],
		['132', 'Hibernating', '沉睡客户'],
		['131', 'Lost', '已流失客户'],
		['125', 'At Risk', '流失风险客户'],
		['124', 'At Risk', '流失风险客户'],
		['123', 'Hibernating', '沉睡客户'],
		['122', 'Hibernating', '沉睡客户'],
		['121', 'Lost', '已流失客户'],
		['115', 'Cannot Lose Them', '不能失去的客户'],
		['114', 'Cannot Lose Them', '不能失去的客户'],
		['113', 'Cannot Lose Them', '不能失去的客户'],
		['112', 'Lost', '已流失客户'],
		['111', 'Lost', '已流失客户'],
	];

/** One row of segments-rfm-r.csv: inclusive score ranges, evaluated in `order`, first match wins. */
export interface RfmRRuleRow {
	order: number;
	segment: string;
	segmentZh: string;
	rMin: number;
	rMax: number;
	fMin: number;
	fMax: number;
	mMin: number;
	mMax: number;
}

const ruleRow = (
	order: number,
	segment: string,
	segmentZh: string,
	...[rMin, rMax, fMin, fMax, mMin, mMax]: number[]
): RfmRRuleRow => ({ order, segment, segmentZh, rMin, rMax, fMin, fMax, mMin, mMax });

/** rfm-r: the default rules of the R package rfm 0.3.0, as in segments-rfm-r.csv. */
export const rfmRRules: readonly RfmRRuleRow[] = [
	ruleRow(1, 'Champions', '冠军客户', 5, 5, 5, 5, 5, 5),
	ruleRow(2, 'Potential Loyalist', '潜力忠诚客户', 3, 5, 3, 5, 2, 5),
	ruleRow(3, 'Loyal Customers', '忠诚客户', 2, 4, 2, 4, 2, 4),
	ruleRow(4, 'Promising', '有潜力客户', 3, 4, 1, 3, 3, 5),
	ruleRow(5, 'New Customers', '新客户', 4, 5, 1, 3, 1, 5),
	ruleRow(6, "Can't Lose Them", '不能失去的客户', 1, 2, 3, 4, 4, 5),
	ruleRow(7, 'At Risk', '流失风险客户', 1, 2, 2, 5, 4, 5),
	ruleRow(8, 'Need Attention', '需要关注', 1, 3, 3, 5, 3, 5),
	ruleRow(9, 'About To Sleep', '即将沉睡', 2, 3, 1, 3, 1, 4),
	ruleRow(10, 'Lost', '已流失客户', 1, 1, 1, 5, 1, 5),
];

/** One row of segments-cn8.csv: recent = recency below the mean; high = value above the mean. */
export interface Cn8Row {
	segmentZh: string;
	segment: string;
	recency: 'recent' | 'distant';
	frequency: 'high' | 'low';
	monetary: 'high' | 'low';
}

/** cn-8: the Chinese 8-class model, rows and order as in segments-cn8.csv. */
export const cn8Classes: readonly Cn8Row[] = [
	{
		segmentZh: '重要价值客户',
		segment: 'High-value',
		recency: 'recent',
		frequency: 'high',
		monetary: 'high',
	},
	{
		segmentZh: '重要保持客户',
		segment: 'High-value to retain',
		recency: 'distant',
		frequency: 'high',
		monetary: 'high',
	},
	{
		segmentZh: '重要发展客户',
		segment: 'High-value to develop',
		recency: 'recent',
		frequency: 'low',
		monetary: 'high',
	},
	{
		segmentZh: '重要挽留客户',
		segment: 'High-value to win back',
		recency: 'distant',
		frequency: 'low',
		monetary: 'high',
	},
	{
		segmentZh: '一般价值客户',
		segment: 'Regular value',
		recency: 'recent',
		frequency: 'high',
		monetary: 'low',
	},
	{
		segmentZh: '一般保持客户',
		segment: 'Regular to retain',
		recency: 'distant',
		frequency: 'high',
		monetary: 'low',
	},
	{
		segmentZh: '一般发展客户',
		segment: 'Regular to develop',
		recency: 'recent',
		frequency: 'low',
		monetary: 'low',
	},
	{
		segmentZh: '一般挽留客户',
		segment: 'Regular to win back',
		recency: 'distant',
		frequency: 'low',
		monetary: 'low',
	},
];

/** The 11 rfm-11 segments in display order (the order of §2.2). */
export const rfm11Segments: readonly SegmentDef[] = [
	{
		id: 'Champions',
		name: { en: 'Champions', zh: '冠军客户' },
		description: {
			en: 'Bought recently, buy often and spend the most.',
			zh: '最近刚消费、购买频繁且花费最多的客户。',
		},
		action: {
			en: 'Reward them, give early access to new products and ask for reviews and referrals.',
			zh: '给予专属奖励和新品抢先体验，邀请他们评价和推荐。',
		},
	},
	{
		id: 'Loyal',
		name: { en: 'Loyal', zh: '忠诚客户' },
		description: {
			en: 'Buy regularly, spend well and respond to promotions.',
			zh: '经常购买、消费可观且对促销反应积极的客户。',
		},
		action: {
			en: 'Upsell higher-value products and invite them to a loyalty programme.',
			zh: '推荐更高价值的商品，邀请加入会员忠诚计划。',
		},
	},
	{
		id: 'Potential Loyalists',
		name: { en: 'Potential Loyalists', zh: '潜力忠诚客户' },
		description: {
			en: 'Recent customers who have bought more than once and spend a fair amount.',
			zh: '最近有消费、已多次购买且消费金额尚可的客户。',
		},
		action: {
			en: 'Offer membership benefits and personalised recommendations to build loyalty.',
			zh: '提供会员权益和个性化推荐，培养忠诚度。',
		},
	},
	{
		id: 'New Customers',
		name: { en: 'New Customers', zh: '新客户' },
		description: {
			en: 'Bought very recently, but only once or twice.',
			zh: '最近刚购买，但只购买过一两次的客户。',
		},
		action: {
			en: 'Welcome them with onboarding and an incentive for the second purchase.',
			zh: '做好新客欢迎与引导，提供复购优惠。',
		},
	},
	{
		id: 'Promising',
		name: { en: 'Promising', zh: '有潜力客户' },
		description: {
			en: 'Recent shoppers who have bought only a few times so far.',
			zh: '最近有购买、但购买次数还不多的客户。',
		},
		action: {
			en: 'Build brand awareness with free trials or targeted offers.',
			zh: '通过试用装或定向优惠加深品牌印象。',
		},
	},
	{
		id: 'Need Attention',
		name: { en: 'Need Attention', zh: '需要关注' },
		description: {
			en: 'Good recency, frequency and spend, but their activity is starting to slip.',
			zh: '最近一次消费、频率和金额都不错，但活跃度开始下滑的客户。',
		},
		action: {
			en: 'Make limited-time offers and recommend products based on past purchases.',
			zh: '推送限时优惠，并根据购买历史推荐商品。',
		},
	},
	{
		id: 'About to Sleep',
		name: { en: 'About to Sleep', zh: '即将沉睡' },
		description: {
			en: 'Below-average recency, frequency and spend; they will be lost without reactivation.',
			zh: '最近一次消费、频率和金额都偏低，不激活就会流失的客户。',
		},
		action: {
			en: 'Reconnect with popular products and a discount.',
			zh: '推荐热门商品并提供折扣，重新建立联系。',
		},
	},
	{
		id: 'Cannot Lose Them',
		name: { en: 'Cannot Lose Them', zh: '不能失去的客户' },
		description: {
			en: 'Used to buy often or spend a lot, but have not come back for a long time.',
			zh: '曾经高频或高额消费，但已经很久没有回来的客户。',
		},
		action: {
			en: 'Win them back with personal outreach and new products before a competitor does.',
			zh: '通过一对一沟通和新品把他们赢回来，别让他们流向竞争对手。',
		},
	},
	{
		id: 'At Risk',
		name: { en: 'At Risk', zh: '流失风险客户' },
		description: {
			en: 'Bought often and spent well, but long ago.',
			zh: '曾经购买频繁、消费可观，但已经很久没有购买的客户。',
		},
		action: {
			en: 'Send personalised messages to reconnect, with renewal offers or useful content.',
			zh: '发送个性化信息重新联系，提供续购优惠或有用资讯。',
		},
	},
	{
		id: 'Hibernating',
		name: { en: 'Hibernating', zh: '沉睡客户' },
		description: {
			en: 'Last bought long ago, with few orders and low spend.',
			zh: '很久以前最后一次购买、订单少且消费低的客户。',
		},
		action: {
			en: 'Offer other relevant products and special discounts to rekindle interest.',
			zh: '推荐其他相关商品和专属折扣，重新激发兴趣。',
		},
	},
	{
		id: 'Lost',
		name: { en: 'Lost', zh: '已流失客户' },
		description: {
			en: 'The lowest recency, frequency and spend of all customers.',
			zh: '最近一次消费、频率和金额评分都最低的客户。',
		},
		action: {
			en: 'Try one reactivation campaign; if there is no response, spend little on them.',
			zh: '尝试一次唤醒活动；若无回应，减少对其投入。',
		},
	},
];

/** The rfm-11 segment whose description and action fit each rfm-r segment of the same meaning. */
const rfmRTextFrom: Record<string, string> = {
	Champions: 'Champions',
	'Potential Loyalist': 'Potential Loyalists',
	'Loyal Customers': 'Loyal',
	Promising: 'Promising',
	'New Customers': 'New Customers',
	"Can't Lose Them": 'Cannot Lose Them',
	'At Risk': 'At Risk',
	'Need Attention': 'Need Attention',
	'About To Sleep': 'About to Sleep',
	Lost: 'Lost',
};

/** The 10 rfm-r segments in rule order ('Others' is separate). */
export const rfmRSegments: readonly SegmentDef[] = rfmRRules.map((rule) => {
	const text = rfm11Segments.find((s) => s.id === rfmRTextFrom[rule.segment])!;
	return {
		id: rule.segment,
		name: { en: rule.segment, zh: rule.segmentZh },
		description: text.description,
		action: text.action,
	};
});

const cn8Text: Record<string, Pick<SegmentDef, 'description' | 'action'>> = {
	'High-value': {
		description: {
			en: 'Bought recently, buy often and spend above average: the most valuable customers.',
			zh: '最近有消费、消费频率高且消费金额高的最有价值客户。',
		},
		action: {
			en: 'Keep them with VIP service and exclusive benefits.',
			zh: '提供 VIP 服务与专属权益，重点维护。',
		},
	},
	'High-value to retain': {
		description: {
			en: 'Buy often and spend a lot, but have not bought for a while.',
			zh: '消费频率高、消费金额高，但近期没有消费的客户。',
		},
		action: {
			en: 'Reach out proactively to bring them back before they lapse.',
			zh: '主动联系、及时召回，防止流失。',
		},
	},
	'High-value to develop': {
		description: {
			en: 'Bought recently and spend a lot, but buy infrequently.',
			zh: '最近有消费且消费金额高，但消费频率低的客户。',
		},
		action: {
			en: 'Raise their purchase frequency with loyalty points and repurchase offers.',
			zh: '通过积分和复购优惠提高消费频率。',
		},
	},
	'High-value to win back': {
		description: {
			en: 'Spent a lot, but buy rarely and not recently: valuable customers about to be lost.',
			zh: '消费金额高，但消费频率低且很久没有消费、即将流失的有价值客户。',
		},
		action: {
			en: 'Find out why they left and win them back with a targeted offer.',
			zh: '了解流失原因，用有针对性的优惠挽回。',
		},
	},
	'Regular value': {
		description: {
			en: 'Bought recently and buy often, but spend little.',
			zh: '最近有消费且消费频率高，但消费金额低的客户。',
		},
		action: {
			en: 'Raise the order value with bundles and upselling.',
			zh: '通过组合套餐和向上销售提高客单价。',
		},
	},
	'Regular to retain': {
		description: {
			en: 'Used to buy often with small spend, but not recently.',
			zh: '曾经经常购买但金额低、近期没有消费的客户。',
		},
		action: {
			en: 'Keep in touch with low-cost reminders.',
			zh: '用低成本的提醒信息保持联系。',
		},
	},
	'Regular to develop': {
		description: {
			en: 'Bought recently, but rarely and with small spend; often new customers.',
			zh: '最近有消费，但消费频率低、金额低的客户，多为新客户。',
		},
		action: {
			en: 'Guide them to a second purchase with a welcome offer.',
			zh: '用新客优惠引导二次购买。',
		},
	},
	'Regular to win back': {
		description: {
			en: 'Bought rarely, spent little and not for a long time.',
			zh: '很久没有消费、消费频率低且金额低的客户。',
		},
		action: {
			en: 'Spend little on them: include them only in low-cost mass campaigns.',
			zh: '控制投入，只纳入低成本的群发营销。',
		},
	},
};

/** The 8 cn-8 segments in table order. */
export const cn8Segments: readonly SegmentDef[] = cn8Classes.map((row) => ({
	id: row.segment,
	name: { en: row.segment, zh: row.segmentZh },
	...cn8Text[row.segment],
}));

/** Customers whose scores match no rule of the scheme. */
export const othersSegment: SegmentDef = {
	id: 'Others',
	name: { en: 'Others', zh: '其他客户' },
	description: {
		en: 'Customers whose scores match none of the segment rules.',
		zh: '评分不符合任何细分规则的客户。',
	},
	action: {
		en: 'Review the rules, or look at these customers’ R, F and M scores one by one.',
		zh: '检查细分规则，或逐一查看这些客户的 R、F、M 评分。',
	},
};
