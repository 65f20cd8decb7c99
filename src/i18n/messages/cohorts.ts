import { defineMessages } from '../define';

export default defineMessages({
	'cohorts.howto': {
		en: 'Cohort analysis groups customers by when they first bought: each row is a cohort (for example everyone whose first purchase was in March), each column the number of periods since that first purchase. With retention, a cell is the share of the cohort that bought again in that period (repeat purchase); offset 0 is always 100 %. Read down a column to see whether newer cohorts keep customers better than older ones, and along a row to see how fast a cohort fades. With "on or after", a customer counts in every period up to their last purchase, so the curves never rise. Blank cells are not 0: those periods lie after the analysis date and cannot be observed yet. The hatched, dashed cell at the end of each row is the current period, which is not over: its value will still grow. Below, each thin line is one cohort and the thick line their mean over complete periods.',
		zh: '同期群分析（队列分析）按客户首次购买的时间分组：每一行是一个同期群（例如首购月份为 3 月的全部客户），每一列是距首次购买的周期数。选择留存率时，单元格表示该同期群中在这一周期再次购买（复购）的客户占比；第 0 期恒为 100%。纵向看同一列，可以比较新同期群是否比老同期群留得住客户；横向看同一行，可以看出一个同期群流失得有多快。勾选“当期或之后”时，客户在最后一次购买之前的每个周期都计为留存，因此曲线不会上升。空白单元格并不是 0：这些周期晚于分析日期，目前还无法观察。每行末尾带斜线和虚线框的单元格是尚未结束的当前周期，其数值还会继续增加。下方每条细线代表一个同期群，粗线是它们在完整周期上的均值。',
	},
	'cohorts.period': { en: 'Period', zh: '周期' },
	'cohorts.period.month': { en: 'Month', zh: '月' },
	'cohorts.period.week': { en: 'Week (ISO, Monday start)', zh: '周（ISO 周，周一开始）' },
	'cohorts.period.quarter': { en: 'Quarter', zh: '季度' },
	'cohorts.period.year': { en: 'Year', zh: '年' },
	'cohorts.metric': { en: 'Show', zh: '显示' },
	'cohorts.metric.retention': { en: 'Retention rate', zh: '留存率' },
	'cohorts.metric.customers': { en: 'Customers buying', zh: '购买客户数' },
	'cohorts.metric.revenue': { en: 'Revenue', zh: '销售额' },
	'cohorts.metric.revenuePerCustomer': {
		en: 'Revenue per cohort customer',
		zh: '人均销售额（按同期群客户数）',
	},
	'cohorts.metric.cumulativeRevenue': { en: 'Cumulative revenue', zh: '累计销售额' },
	'cohorts.metric.cumulativeRevenuePerCustomer': {
		en: 'Cumulative revenue per customer (LTV curve)',
		zh: '人均累计销售额（客户终身价值曲线）',
	},
	'cohorts.onOrAfter': { en: 'On or after', zh: '当期或之后' },
	'cohorts.onOrAfterHelp': {
		en: 'Count a customer in a period when they buy in that period or in any later one (retention never rises). Off: only when they buy in that very period.',
		zh: '客户在该周期或之后任一周期有购买即计入（留存率不会上升）。不勾选：仅在该周期内有购买才计入。',
	},
	'cohorts.breakdown': { en: 'Customers', zh: '客户范围' },
	'cohorts.breakdownHelp': {
		en: 'Follow only one RFM segment, cluster or lifecycle stage. Segments and clusters appear once their cells have run.',
		zh: '只分析某一个 RFM 客户群、聚类或生命周期阶段。客户群和聚类在对应单元格运行完成后出现。',
	},
	'cohorts.breakdown.all': { en: 'All customers', zh: '全部客户' },
	'cohorts.breakdown.segments': { en: 'RFM segments', zh: 'RFM 客户群' },
	'cohorts.breakdown.clusters': { en: 'Clusters', zh: '聚类' },
	'cohorts.breakdown.stages': { en: 'Lifecycle stages', zh: '客户生命周期阶段' },
	'cohorts.breakdown.segment': { en: 'Segment: {name}', zh: '客户群：{name}' },
	'cohorts.breakdown.cluster': { en: 'Cluster {n}: {name}', zh: '聚类 {n}：{name}' },
	'cohorts.breakdown.clusterPlain': { en: 'Cluster {n}', zh: '聚类 {n}' },
	'cohorts.breakdown.attribute': { en: '{column}: {value}', zh: '{column}：{value}' },
	'cohorts.breakdown.attributeGroup': { en: 'Attribute: {column}', zh: '客户属性：{column}' },
	'cohorts.breakdown.stage': { en: 'Lifecycle: {name}', zh: '生命周期：{name}' },
	'cohorts.stage.new': { en: 'New', zh: '新客户' },
	'cohorts.stage.active': { en: 'Active', zh: '活跃客户' },
	'cohorts.stage.dormant': { en: 'Dormant', zh: '沉睡客户' },
	'cohorts.stage.churned': { en: 'Churned', zh: '流失客户' },
	'cohorts.cohortAxis.month': {
		en: 'Cohort (first-purchase month)',
		zh: '同期群（首购月份）',
	},
	'cohorts.cohortAxis.week': { en: 'Cohort (first-purchase week)', zh: '同期群（首购周）' },
	'cohorts.cohortAxis.quarter': {
		en: 'Cohort (first-purchase quarter)',
		zh: '同期群（首购季度）',
	},
	'cohorts.cohortAxis.year': { en: 'Cohort (first-purchase year)', zh: '同期群（首购年份）' },
	'cohorts.offsetAxis.month': { en: 'Months since first purchase', zh: '距首购月数' },
	'cohorts.offsetAxis.week': { en: 'Weeks since first purchase', zh: '距首购周数' },
	'cohorts.offsetAxis.quarter': { en: 'Quarters since first purchase', zh: '距首购季度数' },
	'cohorts.offsetAxis.year': { en: 'Years since first purchase', zh: '距首购年数' },
	'cohorts.size': { en: 'Cohort size', zh: '同期群客户数' },
	'cohorts.heatmapTitle': {
		en: '{metric} by cohort · {breakdown}',
		zh: '各同期群{metric} · {breakdown}',
	},
	'cohorts.curvesTitle.retention': {
		en: 'Retention curves of all cohorts and their mean · {breakdown}',
		zh: '各同期群留存率曲线及均值 · {breakdown}',
	},
	'cohorts.curvesTitle.revenuePerCustomer': {
		en: 'Revenue per cohort customer, all cohorts and their mean · {breakdown}',
		zh: '各同期群人均销售额曲线及均值 · {breakdown}',
	},
	'cohorts.curvesTitle.cumulativeRevenuePerCustomer': {
		en: 'Cumulative revenue per customer (LTV curves) and their mean · {breakdown}',
		zh: '各同期群人均累计销售额（客户终身价值曲线）及均值 · {breakdown}',
	},
	'cohorts.summary': {
		en: '{cohorts} cohorts, {customers} customers; periods observed up to {last}.',
		zh: '共 {cohorts} 个同期群、{customers} 位客户；可观察的周期截至 {last}。',
	},
	'cohorts.legend.blank': {
		en: 'Blank: not observable yet (after the analysis date), not zero',
		zh: '空白：晚于分析日期、尚无法观察，并非 0',
	},
	'cohorts.legend.partial': {
		en: 'Hatched, dashed outline: {period}, the current period, still partial',
		zh: '斜线及虚线框：{period}，即当前周期，尚未结束（不完整）',
	},
	'cohorts.legend.clamped': {
		en: 'Darkest colour: {x} or more (offset 0 usually)',
		zh: '最深颜色：{x} 及以上（通常为第 0 期）',
	},
	'cohorts.legend.hover': {
		en: 'Point at a cell for its value.',
		zh: '将指针移到单元格上可查看数值。',
	},
	'cohorts.legend.cohort': { en: 'one cohort', zh: '单个同期群' },
	'cohorts.legend.mean': {
		en: 'mean of the cohorts (complete periods only)',
		zh: '各同期群均值（仅完整周期）',
	},
	'cohorts.legend.zoomed': {
		en: 'Offset 0 ({x} on average) runs off the top: the axis is zoomed on the later periods.',
		zh: '第 0 期（平均 {x}）超出图表上沿：纵轴已放大以显示后续周期。',
	},
	'cohorts.legend.meanTail': {
		en: 'dashed: a mean of fewer than {n} cohorts',
		zh: '虚线：少于 {n} 个同期群的均值',
	},
	'cohorts.partial': { en: 'Partial period (not over yet)', zh: '不完整周期（尚未结束）' },
	'cohorts.mean': { en: 'Mean of the cohorts', zh: '各同期群均值' },
	'cohorts.cohortsAveraged': { en: 'Cohorts averaged', zh: '参与平均的同期群数' },
	'cohorts.notObservable': { en: 'not observable', zh: '无法观察' },
	'cohorts.export': { en: 'Export cohorts as CSV', zh: '导出同期群数据（CSV）' },
	'cohorts.exportHelp': {
		en: 'cohorts.csv as the command line writes it: all customers, one row per observable cell, for the period and counting chosen here.',
		zh: '与命令行输出相同的 cohorts.csv：全部客户，每个可观察的单元格一行，使用此处所选的周期和计数方式。',
	},
	'cohorts.exporting': { en: 'Exporting…', zh: '正在导出……' },
	'cohorts.exportFailed': {
		en: 'The export failed: {reason}',
		zh: '导出失败：{reason}',
	},
	'cohorts.empty': {
		en: 'No cohorts: none of these customers made a purchase in an observable period. Choose other customers or an earlier analysis date.',
		zh: '没有同期群：这些客户在可观察的周期内都没有购买记录。请选择其他客户范围或调整分析日期。',
	},
	'cohorts.how': { en: 'How', zh: '计算方法' },
	'cohorts.how.retention': {
		en: '{customers} of the {size} customers bought in period {k}: {customers} ÷ {size} = {value}',
		zh: '{size} 位客户中有 {customers} 位在第 {k} 期购买：{customers} ÷ {size} = {value}',
	},
	'cohorts.how.customers': {
		en: 'Customers of this cohort ({size}) who bought in period {k}: {customers}',
		zh: '该同期群（{size} 位客户）中在第 {k} 期购买的客户：{customers}',
	},
	'cohorts.how.revenue': {
		en: 'Sum of this cohort’s order values in period {k}: {revenue}',
		zh: '该同期群第 {k} 期订单金额之和：{revenue}',
	},
	'cohorts.how.revenuePerCustomer': {
		en: 'Revenue of period {k} ÷ cohort size: {revenue} ÷ {size} = {value}',
		zh: '第 {k} 期销售额 ÷ 同期群人数：{revenue} ÷ {size} = {value}',
	},
	'cohorts.how.cumulativeRevenue': {
		en: 'Revenue of periods 0 to {k} added up: {cumulative}',
		zh: '第 0 期到第 {k} 期销售额累计：{cumulative}',
	},
	'cohorts.how.cumulativeRevenuePerCustomer': {
		en: 'Revenue of periods 0 to {k} ÷ cohort size: {cumulative} ÷ {size} = {value}',
		zh: '第 0 期到第 {k} 期累计销售额 ÷ 同期群人数：{cumulative} ÷ {size} = {value}',
	},
});
