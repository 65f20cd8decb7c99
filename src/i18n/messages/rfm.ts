import { defineMessages } from '../define';

export default defineMessages({
	'rfm.howto': {
		en: 'The RFM model scores every customer on three things, counted up to the analysis date: Recency (R, days since the last purchase: fewer days score higher), Frequency (F, number of orders) and Monetary value (M, total spend). The highest score is the best. The cut point tables show exactly which values received which score. Combinations of scores are then grouped into named segments, each with a recommended action. Select a segment to list its customers, export them, or follow the segment in the cohort analysis.',
		zh: 'RFM 模型以分析日期为基准，从三个方面为每位客户评分：最近一次消费（R，距今天数，天数越少评分越高）、消费频率（F，订单数）和消费金额（M，累计金额），评分越高越好。分段阈值表列出了每个评分对应的数值范围。评分组合再归入有名称的客户群，每个客户群附有建议的营销动作。选择一个客户群即可查看其客户名单、导出，或在同期群分析中单独追踪该客户群。',
	},

	// Parameters
	'rfm.asOf': { en: 'Analysis date', zh: '分析日期' },
	'rfm.asOfHelp': {
		en: 'Recency is counted up to this day; later transactions are ignored in every analysis. Leave empty for the default: the day after the last transaction.',
		zh: '最近一次消费的天数计算到这一天；此后的交易在所有分析中都会被忽略。留空则使用默认值：最后一笔交易的次日。',
	},
	'rfm.asOfDefault': { en: 'default: {date}', zh: '默认：{date}' },
	'rfm.scoring': { en: 'Scoring method', zh: '评分方法' },
	'rfm.method.rank': { en: 'Rank (default)', zh: '排名法（默认）' },
	'rfm.method.quantile-r': { en: 'Quantiles as in R rfm', zh: '分位数法（同 R rfm 包）' },
	'rfm.method.ntile': { en: 'Equal groups (NTILE)', zh: '等人数分组（NTILE）' },
	'rfm.method.fixed': { en: 'Fixed cut points', zh: '自定义分段阈值' },
	'rfm.method.mean-split': { en: 'Above / below the mean', zh: '均值二分法' },
	'rfm.methodHelp.rank': {
		en: 'Customers are ranked on each metric; equal values always share a score, so a crowd of equal values (e.g. one-time buyers) can leave some scores empty.',
		zh: '按每项指标对客户排名；数值相同的客户总是得到相同评分，因此大量相同数值（例如只购买过一次的客户）可能导致某些评分没有客户。',
	},
	'rfm.methodHelp.quantile-r': {
		en: 'As the R package rfm 0.3.0: the cut points are quantiles plus 1 and bins are [lower, upper). Use it to compare with results from R.',
		zh: '与 R 语言 rfm 包 0.3.0 版相同：分段阈值为分位数加 1，区间为左闭右开 [下限, 上限)。适合与 R 的结果相互对照。',
	},
	'rfm.methodHelp.ntile': {
		en: 'Groups of equal size, as SQL NTILE: customers with the same value may get different scores (ties are split by customer ID).',
		zh: '与 SQL 的 NTILE 相同，各组人数相等：数值相同的客户可能得到不同评分（并列值按客户编号拆分）。',
	},
	'rfm.methodHelp.fixed': {
		en: 'Your own cut points for each metric, entered below.',
		zh: '在下方为每项指标输入自己的分段阈值。',
	},
	'rfm.methodHelp.mean-split': {
		en: 'Two scores only: above the mean scores 2 (for recency: below the mean, i.e. more recent).',
		zh: '只分两档：高于平均值得 2 分（最近一次消费则是低于平均值，即消费更近）。',
	},
	'rfm.bins': { en: 'Scores (bins)', zh: '评分档数' },
	'rfm.binsForced': { en: 'always 2 with this method', zh: '此方法固定为 2 档' },
	'rfm.scheme': { en: 'Segment scheme', zh: '客户细分方案' },
	'rfm.scheme.rfm-11': { en: '11 segments (common RFM map)', zh: '11 类客户群（常用 RFM 细分）' },
	'rfm.scheme.rfm-r': { en: 'Rules of the R package rfm', zh: 'R 语言 rfm 包的规则' },
	'rfm.scheme.cn-8': { en: '8 classes (mean split)', zh: '八大类客户（均值划分）' },
	'rfm.scheme.custom': { en: 'Custom rules', zh: '自定义规则' },
	'rfm.fixed.legend': { en: 'Cut points', zh: '分段阈值' },
	'rfm.fixed.help': {
		en: 'For {n} scores enter {k} numbers per metric in ascending order, separated by commas. Bins are [lower, upper): a value equal to a cut point goes to the bin above it. For recency fewer days score higher.',
		zh: '{n} 档评分需要每项指标输入 {k} 个递增的数值，用逗号分隔。区间为左闭右开 [下限, 上限)：等于阈值的数值归入上一个区间。最近一次消费的天数越少评分越高。',
	},
	'rfm.fixed.errCount': {
		en: '{k} cut points are needed for {n} scores, but {found} were entered.',
		zh: '{n} 档评分需要 {k} 个分段阈值，但输入了 {found} 个。',
	},
	'rfm.fixed.errNumber': {
		en: '“{value}” is not a number: use digits and a decimal point, e.g. 2.5.',
		zh: '“{value}”不是数值：请使用数字和小数点，例如 2.5。',
	},
	'rfm.fixed.errOrder': {
		en: 'The cut points must increase: {b} is not greater than {a}.',
		zh: '分段阈值必须递增：{b} 不大于 {a}。',
	},
	'rfm.fixed.pending': {
		en: 'The analysis keeps the last valid cut points until this is fixed.',
		zh: '在修正之前，分析仍使用上一组有效的分段阈值。',
	},

	// Metrics
	'rfm.metric.recency': { en: 'Recency (R)', zh: '最近一次消费（R）' },
	'rfm.metric.frequency': { en: 'Frequency (F)', zh: '消费频率（F）' },
	'rfm.metric.monetary': { en: 'Monetary (M)', zh: '消费金额（M）' },
	'rfm.unit.recency': { en: 'days since the last purchase', zh: '距今天数' },
	'rfm.unit.frequency': { en: 'number of orders', zh: '订单数' },
	'rfm.unit.monetary': { en: 'total spend', zh: '累计金额' },
	'rfm.unit.monetaryMean': { en: 'average order value', zh: '平均订单金额' },

	// Cut points
	'rfm.cuts.title': { en: 'Scores and cut points used', zh: '评分与分段阈值' },
	'rfm.cuts.howto': {
		en: 'For each metric: the values that received each score and how many customers got it (score {n} is the best). An empty score means the customers are tied at its boundary, typical for frequency where most customers ordered once.',
		zh: '每项指标中，各评分对应的实际数值范围及客户数（{n} 分为最好）。若某评分没有客户，说明大量客户的数值在分界处相同；这在消费频率中很常见，因为大多数客户只下过一单。',
	},
	'rfm.cuts.score': { en: 'Score', zh: '评分' },
	'rfm.cuts.values': { en: 'Values', zh: '数值范围' },
	'rfm.cuts.customers': { en: 'Customers', zh: '客户数' },
	'rfm.cuts.empty': { en: 'empty', zh: '无客户' },
	'rfm.cuts.points': { en: 'Cut points: {list}', zh: '分段阈值：{list}' },
	'rfm.cuts.noPoints': {
		en: 'Cut points: none (all customers in one score)',
		zh: '分段阈值：无（所有客户同一评分）',
	},
	'rfm.cuts.note.rank': {
		en: 'Each cut point is the value where the range of another score begins.',
		zh: '每个分段阈值是另一个评分数值范围的起点。',
	},
	'rfm.cuts.note.ntile': {
		en: 'Each cut point is the value where the range of another score begins; equal values may be split across scores.',
		zh: '每个分段阈值是另一个评分数值范围的起点；数值相同的客户可能被分到不同评分。',
	},
	'rfm.cuts.note.quantile-r': {
		en: 'Cut points are quantiles plus 1; bins are [lower, upper).',
		zh: '分段阈值为分位数加 1；区间为左闭右开 [下限, 上限)。',
	},
	'rfm.cuts.note.fixed': {
		en: 'Your cut points; bins are [lower, upper).',
		zh: '自定义分段阈值；区间为左闭右开 [下限, 上限)。',
	},
	'rfm.cuts.note.mean-split': {
		en: 'The cut point is the mean.',
		zh: '分段阈值为平均值。',
	},

	// Charts
	'rfm.chart.segments': {
		en: 'Share of customers and of revenue per segment',
		zh: '各客户群的客户占比与销售额占比',
	},
	'rfm.chart.segments.howto': {
		en: 'Each row is a segment. The left panel shows its share of all customers, the right panel its share of total revenue. A revenue bar much longer than the customer bar marks a segment worth more than its size (e.g. Champions); the opposite, many customers who spend little.',
		zh: '每一行是一个客户群。左侧为该客户群人数占全部客户的比例，右侧为其销售额占总销售额的比例。若销售额占比明显高于客户占比（如冠军客户），说明该客户群的价值超出其规模；反之则说明客户多而消费少。',
	},
	'rfm.chart.customerShare': { en: 'Share of customers', zh: '客户占比' },
	'rfm.chart.revenueShare': { en: 'Share of revenue', zh: '销售额占比' },
	'rfm.chart.grid': {
		en: 'R × F grid: customers and mean monetary value',
		zh: 'R × F 矩阵：客户数与平均消费金额',
	},
	'rfm.chart.grid.howto': {
		en: 'Rows are recency scores (most recent at the top), columns frequency scores (most orders on the right). The number in each square is how many customers have that R and F score; the colour is their mean monetary value, darker meaning higher. Top right: recent, frequent buyers; bottom left: customers who bought rarely, long ago.',
		zh: '行是最近一次消费评分（最近消费的在最上方），列是消费频率评分（订单最多的在最右侧）。每个方格中的数字是具有该 R、F 评分组合的客户数；颜色表示这些客户的平均消费金额，颜色越深金额越高。右上角是近期频繁购买的客户，左下角是很久以前偶尔购买的客户。',
	},
	'rfm.chart.grid.r': { en: 'Recency score (R)', zh: '最近一次消费评分（R）' },
	'rfm.chart.grid.f': { en: 'Frequency score (F)', zh: '消费频率评分（F）' },
	'rfm.chart.grid.count': { en: 'Customers', zh: '客户数' },
	'rfm.chart.grid.mean': { en: 'Mean monetary value', zh: '平均消费金额' },
	'rfm.chart.grid.legend': {
		en: 'Colour: mean monetary value, from {min} (lightest) to {max} (darkest). Grey squares have no customers.',
		zh: '颜色：平均消费金额，从 {min}（最浅）到 {max}（最深）。灰色方格没有客户。',
	},

	// Segment table
	'rfm.table.title': { en: 'Segments', zh: '客户群汇总' },
	'rfm.table.segment': { en: 'Segment', zh: '客户群' },
	'rfm.table.description': { en: 'Who they are', zh: '客户特征' },
	'rfm.table.action': { en: 'Recommended action', zh: '建议动作' },
	'rfm.table.customers': { en: 'Customers', zh: '客户数' },
	'rfm.table.share': { en: 'Share', zh: '客户占比' },
	'rfm.table.revenueShare': { en: 'Revenue share', zh: '销售额占比' },
	'rfm.table.meanR': { en: 'Mean R (days)', zh: '平均 R（天）' },
	'rfm.table.meanF': { en: 'Mean F (orders)', zh: '平均 F（单）' },
	'rfm.table.meanM': { en: 'Mean M', zh: '平均 M' },
	'rfm.table.actions': { en: 'Use', zh: '操作' },
	'rfm.table.show': { en: 'List customers', zh: '查看客户' },
	'rfm.table.showLabel': { en: 'List customers: {name}', zh: '查看客户：{name}' },
	'rfm.table.cohort': { en: 'Use in cohorts', zh: '用于同期群' },
	'rfm.table.cohortLabel': {
		en: 'Use in cohorts: {name} as the cohort breakdown',
		zh: '用于同期群：只分析“{name}”',
	},
	'rfm.table.listed': {
		en: 'The list below now shows the {n} customers in {name}.',
		zh: '下方列表现在显示“{name}”的 {n} 位客户。',
	},
	'rfm.table.cohortSet': {
		en: 'The cohort analysis now shows only {name}.',
		zh: '同期群分析现在只显示“{name}”。',
	},
	'rfm.table.cohortCleared': {
		en: 'The cohort analysis shows all customers again.',
		zh: '同期群分析已恢复显示全部客户。',
	},

	// Customer list under the RFM cell
	'rfm.customers.all': { en: 'All customers', zh: '全部客户' },
	'rfm.customers.of': { en: 'Customers in {name}', zh: '“{name}”的客户' },
	'rfm.customers.showAll': { en: 'Show all customers', zh: '显示全部客户' },

	// The customer table (shared with other cells)
	'customers.label': { en: 'Customers', zh: '客户列表' },
	'customers.search': { en: 'Search customer ID', zh: '搜索客户编号' },
	'customers.total': { en: '{n} customers', zh: '共 {n} 位客户' },
	'customers.loading': { en: 'Loading customers…', zh: '正在加载客户……' },
	'customers.none': { en: 'No customer matches.', zh: '没有符合条件的客户。' },
	'customers.failed': { en: 'Could not load the customers: {why}', zh: '无法加载客户：{why}' },
	'customers.sortBy': { en: 'Sort by {col}', zh: '按“{col}”排序' },
	'customers.scrollHint': {
		en: 'Scroll the list, or focus it and use the arrow and Page keys.',
		zh: '滚动列表，或选中列表后使用方向键和翻页键浏览。',
	},
	'customers.col.customer_id': { en: 'Customer ID', zh: '客户编号' },
	'customers.col.recency_days': { en: 'Recency (days)', zh: '最近一次消费（天）' },
	'customers.col.frequency': { en: 'Frequency (orders)', zh: '消费频率（订单数）' },
	'customers.col.monetary': { en: 'Monetary', zh: '消费金额' },
	'customers.col.rfm_cell': { en: 'RFM scores', zh: 'RFM 评分' },
	'customers.col.segment': { en: 'Segment', zh: '客户群' },
	'customers.col.lifecycle': { en: 'Lifecycle', zh: '生命周期' },
	'customers.col.cluster': { en: 'Cluster', zh: '聚类' },
	'customers.clusterUnknown': {
		en: 'Cluster not computed for this list',
		zh: '此列表未计算聚类',
	},
	'customers.export': { en: 'Export customers (CSV)', zh: '导出客户（CSV）' },
	'customers.exporting': { en: 'Preparing the file…', zh: '正在生成文件……' },
	'customers.exportHelp': {
		en: 'All customers with their metrics, scores, segment, lifecycle stage and cluster: the same customers.csv as the command line.',
		zh: '全部客户及其指标、评分、客户群、生命周期阶段和聚类：与命令行输出的 customers.csv 相同。',
	},
	'customers.exportFailed': { en: 'Export failed: {why}', zh: '导出失败：{why}' },
	'rfm.explain.metric': {
		en: '{metric}: {value} falls in score {score}’s range {range} → {score}',
		zh: '{metric}：{value} 落在 {score} 分的区间 {range} 内 → {score} 分',
	},
	'rfm.explain.sum': {
		en: 'RFM cell {cell}; RFM score = R + F + M = {sum}',
		zh: 'RFM 单元 {cell}；RFM 总分 = R + F + M = {sum}',
	},
});
