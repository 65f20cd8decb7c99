import { defineMessages } from '../define';

export default defineMessages({
	'overview.howto': {
		en: 'The business at a glance, up to the analysis date. The bars show revenue per calendar month and the line the number of orders; the last month may be partial. Below, how recency (days since the last purchase), frequency (orders) and monetary value (total spend) are spread across customers: most shops have many one-time, low-spend customers and a long tail of loyal ones.',
		zh: '截至分析日期的业务概况。柱形表示每个自然月的销售额，折线表示订单数；最后一个月可能不完整。下方显示最近一次消费（距今天数）、消费频率（订单数）和消费金额（累计金额）在客户中的分布：大多数店铺都有大量只购买一次的低消费客户，以及少量忠诚客户形成的长尾。',
	},
	'overview.customers': { en: 'Customers', zh: '客户数' },
	'overview.orders': { en: 'Orders', zh: '订单数' },
	'overview.revenue': { en: 'Revenue', zh: '销售额' },
	'overview.aov': { en: 'Average order value', zh: '客单价' },
	'overview.range': { en: 'First – last purchase', zh: '首次 – 最近购买' },
	'overview.asOf': { en: 'Analysis date', zh: '分析日期' },
	'overview.asOfHelp': {
		en: 'Recency is counted up to this day; later transactions are ignored everywhere. Default: the day after the last transaction.',
		zh: '最近一次消费的天数计算到这一天；之后的交易在所有分析中都会被忽略。默认：最后一笔交易的次日。',
	},
	'overview.asOfDefault': { en: 'day after the last purchase', zh: '最后一笔交易的次日' },
	'overview.monthly': { en: 'Revenue and orders per month', zh: '每月销售额与订单数' },
	'overview.month': { en: 'Month', zh: '月份' },
	'overview.distributions': { en: 'How R, F and M are spread', zh: 'R、F、M 的分布' },
	'overview.recencyAxis': {
		en: 'Recency (days since last purchase)',
		zh: '最近一次消费（距今天数）',
	},
	'overview.frequencyAxis': { en: 'Frequency (orders)', zh: '消费频率（订单数）' },
	'overview.monetaryAxis': { en: 'Monetary (total spend)', zh: '消费金额（累计金额）' },
	'overview.count': { en: 'Customers', zh: '客户数' },
	'overview.clipped': {
		en: 'values above {x} are in the last bar',
		zh: '大于 {x} 的值计入最后一个柱',
	},
	'overview.median': { en: 'median {x}', zh: '中位数 {x}' },
	'overview.monetaryMode': { en: 'Monetary value is', zh: '消费金额取' },
	'overview.monetary.sum': { en: 'total spend', zh: '累计金额' },
	'overview.monetary.mean': { en: 'average order value', zh: '平均订单金额' },
	'overview.how.customers': {
		en: 'Distinct customer ids with a purchase on or before the analysis date, after cleaning.',
		zh: '清洗后、在分析日期当天或之前有购买的不同客户编号数。',
	},
	'overview.how.orders': {
		en: 'Distinct invoices (or rows, or customer-days, as the Data cell says) that are purchases.',
		zh: '属于购买的不同订单号（或按“数据”单元格的设置，为行或客户-日）的数量。',
	},
	'overview.how.revenue': {
		en: 'Sum of the order values kept after cleaning (returns subtract under the net policy).',
		zh: '清洗后保留的订单金额之和（按“净额”规则时退货会被扣减）。',
	},
	'overview.how.aov': {
		en: 'Revenue ÷ orders = {revenue} ÷ {orders} = {aov}',
		zh: '销售额 ÷ 订单数 = {revenue} ÷ {orders} = {aov}',
	},
	'overview.how.asOf': {
		en: 'The day after the latest transaction, unless set in the RFM cell. Recency and tenure count days up to it.',
		zh: '默认为最近一笔交易的次日，可在 RFM 单元格中修改。最近一次消费和客户时长都计算到这一天。',
	},
});
