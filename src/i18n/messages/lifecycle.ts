import { defineMessages } from '../define';

export default defineMessages({
	'lifecycle.howto': {
		en: 'Where customers are in their life with the shop, and where the money comes from. Each customer is in one lifecycle stage by the thresholds above: new (first purchase recently), then active, dormant or churned by the days since the last purchase. The two bar charts compare the stages by customers and by revenue, each bar labelled with its share. The Pareto curve sorts customers from the biggest spender and shows what share of revenue (up) the top share of customers (across) bring; the further it bows above the dashed diagonal, the more revenue depends on a few customers, and the red point marks the top 20 %. Value tiers A/B/C cut the same curve at 80 % and 95 % of revenue. Last, a simple textbook CLV: change its inputs to see what a customer is worth.',
		zh: '展示客户处于生命周期的哪个阶段，以及收入来自哪里。每位客户按上方阈值归入一个客户生命周期阶段：新客户（近期首次购买），其余按距最近一次消费的天数分为活跃客户、沉睡客户或流失客户。两张柱形图分别按客户数和销售额比较各阶段，每根柱子都标出了占比。帕累托曲线把客户按消费金额从高到低排列，显示前若干比例的客户（横轴）贡献了多少比例的销售额（纵轴）；曲线越向虚线对角线上方弯曲，收入就越依赖少数客户，红点标出前 20% 的客户。价值分层 A/B/C 在同一条曲线的 80% 和 95% 销售额处切分。最后是教科书式的简单客户终身价值（CLV）计算器：修改输入即可估算一位客户的价值。',
	},
	'lifecycle.thresholds': { en: 'Lifecycle thresholds (days)', zh: '生命周期阈值（天）' },
	'lifecycle.newDays': { en: 'New: first purchase within', zh: '新客户：首次购买距今不超过' },
	'lifecycle.activeDays': {
		en: 'Active: last purchase within',
		zh: '活跃客户：最近一次消费距今不超过',
	},
	'lifecycle.dormantDays': {
		en: 'Dormant: last purchase within',
		zh: '沉睡客户：最近一次消费距今不超过',
	},
	'lifecycle.thresholdsHelp': {
		en: 'New: first purchase ≤ {new} days ago. Otherwise active ≤ {active}, dormant ≤ {dormant}, churned > {dormant} days since the last purchase.',
		zh: '新客户：首次购买距今 ≤ {new} 天。其余客户按距最近一次消费的天数：活跃客户 ≤ {active}，沉睡客户 ≤ {dormant}，流失客户 > {dormant}。',
	},
	'lifecycle.thresholdsInvalid': {
		en: 'The thresholds must be whole numbers of days, 0 or more, and rise: new < active < dormant (e.g. 30 / 90 / 180). They were not applied.',
		zh: '阈值须为不小于 0 的整数天数，且依次递增：新客户 < 活跃客户 < 沉睡客户（例如 30 / 90 / 180）。本次修改未生效。',
	},
	'lifecycle.stage.new': { en: 'New', zh: '新客户' },
	'lifecycle.stage.active': { en: 'Active', zh: '活跃客户' },
	'lifecycle.stage.dormant': { en: 'Dormant', zh: '沉睡客户' },
	'lifecycle.stage.churned': { en: 'Churned', zh: '流失客户' },
	'lifecycle.rule.new': {
		en: 'first purchase ≤ {new} days ago',
		zh: '首次购买距今 ≤ {new} 天',
	},
	'lifecycle.rule.active': {
		en: 'not new; last purchase ≤ {active} days ago',
		zh: '非新客户；最近一次消费距今 ≤ {active} 天',
	},
	'lifecycle.rule.dormant': {
		en: 'last purchase more than {active} and at most {dormant} days ago',
		zh: '最近一次消费距今超过 {active} 天且不超过 {dormant} 天',
	},
	'lifecycle.rule.churned': {
		en: 'last purchase > {dormant} days ago',
		zh: '最近一次消费距今 > {dormant} 天',
	},
	'lifecycle.stages': {
		en: 'Customers and revenue by stage',
		zh: '各生命周期阶段的客户数与销售额',
	},
	'lifecycle.customersChart': {
		en: 'Customers per lifecycle stage',
		zh: '各生命周期阶段的客户数',
	},
	'lifecycle.revenueChart': {
		en: 'Revenue per lifecycle stage',
		zh: '各生命周期阶段的销售额',
	},
	'lifecycle.stage': { en: 'Stage', zh: '阶段' },
	'lifecycle.rule': { en: 'Rule', zh: '规则' },
	'lifecycle.customers': { en: 'Customers', zh: '客户数' },
	'lifecycle.revenue': { en: 'Revenue', zh: '销售额' },
	'lifecycle.share': { en: 'Share', zh: '占比' },
	'lifecycle.perCustomer': { en: 'Revenue per customer', zh: '人均销售额' },
	'lifecycle.total': { en: 'All customers', zh: '全部客户' },
	'lifecycle.pareto': {
		en: 'Pareto curve: how concentrated is revenue?',
		zh: '帕累托曲线：收入有多集中？',
	},
	'lifecycle.paretoLead': {
		en: 'The top {top} of customers bring {share} of revenue.',
		zh: '前 {top} 的客户贡献了 {share} 的销售额。',
	},
	'lifecycle.paretoChart': {
		en: 'Pareto curve: cumulative share of customers, from the biggest spender, against cumulative share of revenue',
		zh: '帕累托曲线：按消费金额从高到低累计的客户占比与累计销售额占比',
	},
	'lifecycle.paretoX': {
		en: 'Share of customers, biggest spenders first',
		zh: '客户累计占比（消费最高者在前）',
	},
	'lifecycle.paretoY': { en: 'Share of revenue', zh: '销售额累计占比' },
	'lifecycle.paretoEqual': { en: 'if everyone spent the same', zh: '若人人消费相同' },
	'lifecycle.paretoMark': {
		en: 'top {top} → {share} of revenue',
		zh: '前 {top} → {share} 销售额',
	},
	'lifecycle.cut': { en: '{a} | {b} at {x}', zh: '{a} | {b}（{x}）' },
	'lifecycle.valueCuts': { en: 'Pareto and value tiers (%)', zh: '帕累托与价值分层（%）' },
	'lifecycle.topShare': { en: 'Top share of customers', zh: '头部客户占比' },
	'lifecycle.tierA': { en: 'Tier A up to (% of revenue)', zh: 'A 类截至（销售额 %）' },
	'lifecycle.tierB': { en: 'Tier B up to (% of revenue)', zh: 'B 类截至（销售额 %）' },
	'lifecycle.valueCutsInvalid': {
		en: 'The top share must be between 1 and 99 %, and tier A below tier B, at most 100 %.',
		zh: '头部客户占比须在 1% 到 99% 之间，且 A 类截点须小于 B 类截点，B 类不超过 100%。',
	},
	'lifecycle.tiers': { en: 'Value tiers A / B / C', zh: '客户价值分层 A / B / C' },
	'lifecycle.tiersHelp': {
		en: 'Customers sorted from the biggest spender: A bring the first {a} of revenue, B the next {b}, C the last {c}. Look after A, grow B, serve C efficiently.',
		zh: '客户按消费金额从高到低排列：A 类贡献前 {a} 的销售额，B 类贡献其后的 {b}，C 类贡献最后的 {c}。重点维护 A 类，培育 B 类，高效服务 C 类。',
	},
	'lifecycle.tier': { en: 'Tier', zh: '层级' },
	'lifecycle.tierRule.A': {
		en: 'the top customers up to {a} of revenue',
		zh: '累计销售额占比前 {a} 的客户',
	},
	'lifecycle.tierRule.B': {
		en: 'the next customers, from {a} up to {b} of revenue',
		zh: '累计销售额占比 {a}–{b} 的客户',
	},
	'lifecycle.tierRule.C': {
		en: 'the rest: the last {c} of revenue',
		zh: '其余客户：最后 {c} 的销售额',
	},
	'lifecycle.clv.title': {
		en: 'Simple customer lifetime value (CLV)',
		zh: '简单客户终身价值（CLV）计算器',
	},
	'lifecycle.clv.help': {
		en: 'The textbook formula: what a customer spends per year, for as many years as they stay, at your margin, minus what it cost to win them. The inputs start from this data; change them to try your own assumptions.',
		zh: '教科书公式：客户每年的消费，乘以预计留存的年数和利润率，再减去获取该客户的成本。输入默认取自当前数据，可修改为您自己的假设。',
	},
	'lifecycle.clv.annualSpend': { en: 'Average annual spend', zh: '年均消费金额' },
	'lifecycle.clv.lifetime': { en: 'Expected lifetime (years)', zh: '预计生命周期（年）' },
	'lifecycle.clv.margin': { en: 'Margin (%)', zh: '利润率（%）' },
	'lifecycle.clv.cac': {
		en: 'Customer acquisition cost (CAC)',
		zh: '客户获取成本（CAC）',
	},
	'lifecycle.clv.reset': { en: 'Back to the data’s values', zh: '恢复为数据中的值' },
	'lifecycle.clv.formula': {
		en: 'CLV = annual spend × lifetime × margin − CAC',
		zh: 'CLV = 年均消费金额 × 生命周期 × 利润率 − 客户获取成本（CAC）',
	},
	'lifecycle.clv.filled': {
		en: 'CLV = {spend} × {years} years × {margin} − {cac} =',
		zh: 'CLV = {spend} × {years} 年 × {margin} − {cac} =',
	},
	'lifecycle.clv.defaults': {
		en: 'From the data: average annual spend per customer {spend}; average time between first and last purchase {years} years (an observed lifetime, shorter than the true one for customers who are still buying).',
		zh: '数据中的值：每位客户年均消费 {spend}；首次与最近一次购买之间的平均时长 {years} 年（这是观测到的生命周期，对于仍在购买的客户会短于实际值）。',
	},
	'lifecycle.clv.missing': {
		en: 'Fill in all four inputs with numbers.',
		zh: '请为四项输入都填写数值。',
	},
	'lifecycle.clv.badLifetime': {
		en: 'The lifetime cannot be negative.',
		zh: '生命周期不能为负数。',
	},
	'lifecycle.clv.badMargin': {
		en: 'The margin must be between 0 % and 100 %.',
		zh: '利润率须在 0% 到 100% 之间。',
	},
});
