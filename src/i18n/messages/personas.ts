import { defineMessages } from '../define';

export default defineMessages({
	'cell.personas': { en: 'Personas and playbook', zh: '客户画像与营销行动' },
	'personas.howto': {
		en: 'One card per segment (or per cluster): who these customers are and what to do about them. Size and share of revenue say how much the group matters; the medians say what a typical member looks like (days since the last purchase, number of orders, total spend); the average order value (AOV) is the group’s revenue divided by its orders; the lifecycle mix shows how many are new, active, dormant or churned. When the file has product, category, country, city or channel columns, the leading values are listed with their share of the group’s revenue; columns of a customer-attributes file with their share of the group’s customers. The recommended action comes from an editable playbook kept with the notebook; export the group’s customers with their scores and the action as a CSV file for an email or SMS tool.',
		zh: '每个客户群（或每个簇）一张卡片：这些客户是谁、应该怎么做。客户数和销售额占比说明这个群体有多重要；中位数描绘典型成员（距最近一次消费的天数、订单数、累计金额）；客单价（AOV）= 该群体销售额 ÷ 订单数；生命周期构成显示新客户、活跃客户、沉睡客户和流失客户各有多少。文件中有商品、品类、国家、城市或渠道列时，列出占该群体销售额最多的取值；客户属性文件的列则按该群体客户数的占比列出。推荐行动来自随笔记本保存、可编辑的营销行动手册；可将该群体的客户连同评分和行动导出为 CSV 文件，直接用于邮件或短信营销工具。',
	},
	'personas.by': { en: 'Describe', zh: '描述对象' },
	'personas.by.segment': { en: 'RFM segments', zh: 'RFM 客户群' },
	'personas.by.cluster': { en: 'k-means clusters', zh: 'K-means 簇' },
	'personas.none': {
		en: 'No groups to describe: the clusters could not be made (see the Clusters cell).',
		zh: '没有可描述的群体：无法生成聚类（请查看"聚类"单元格）。',
	},
	'personas.summary': {
		en: '{customers} customers ({share}) · {revenue} revenue ({revenueShare})',
		zh: '{customers} 位客户（{share}）· 销售额 {revenue}（{revenueShare}）',
	},
	'personas.sentence': {
		en: 'A typical customer here bought {frequency} times, last {recency} days ago, {monetary} in all; an order is worth {aov} on average.',
		zh: '这里的典型客户共购买 {frequency} 次，最近一次在 {recency} 天前，累计消费 {monetary}；平均每单 {aov}。',
	},
	'personas.median': { en: 'Median', zh: '中位数' },
	'personas.recency': { en: 'Recency (days)', zh: '最近一次消费（天）' },
	'personas.frequency': { en: 'Frequency (orders)', zh: '消费频率（订单数）' },
	'personas.monetary': { en: 'Monetary', zh: '消费金额' },
	'personas.aov': { en: 'Average order value (AOV)', zh: '客单价' },
	'personas.lifecycle': { en: 'Lifecycle mix', zh: '生命周期构成' },
	'personas.top.revenue': { en: '{column} (share of revenue)', zh: '{column}（占销售额）' },
	'personas.top.customers': { en: '{column} (share of customers)', zh: '{column}（占客户数）' },
	'personas.action': { en: 'Recommended action', zh: '推荐行动' },
	'personas.actionHelp': {
		en: 'Edit the action in this language; it is kept with the notebook and goes into the exported list.',
		zh: '可用当前语言编辑行动建议；它随笔记本保存，并写入导出的客户名单。',
	},
	'personas.edited': { en: 'edited', zh: '已编辑' },
	'personas.resetAction': { en: 'Reset to the default action', zh: '恢复默认行动' },
	'personas.export': { en: 'Export list (CSV)', zh: '导出名单（CSV）' },
	'personas.exporting': { en: 'Exporting…', zh: '正在导出…' },
	'personas.exportHelp': {
		en: 'The customers of this group with R/F/M values, scores, segment, lifecycle stage, cluster and the action above. Text that a spreadsheet would run as a formula is made inert.',
		zh: '该群体的客户，含 R/F/M 数值、评分、客户群、生命周期阶段、簇和上面的行动建议。可能被电子表格当作公式执行的文本已做安全处理。',
	},
	'personas.exportFailed': {
		en: 'The list could not be exported: {why}',
		zh: '无法导出名单：{why}',
	},
});
