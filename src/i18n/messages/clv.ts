import { defineMessages } from '../define';

export default defineMessages({
	'clv.howto': {
		en: 'Predictive customer lifetime value with two models fitted to the purchase histories (§6). BG/NBD: while “alive”, a customer buys at a personal rate; after each purchase there is a personal chance of leaving for good. From each customer’s number of repeat purchase days (x), the time from the first to the last purchase (recency, t_x) and the time since the first purchase (T), it gives the probability the customer is still alive and the purchases to expect. Gamma-Gamma gives the value of a future purchase from the customer’s average repeat spend. CLV adds up the expected purchases month by month over the horizon, times the expected spend, discounted each month. With a calibration end before the end of the data, the models are fitted on the calibration period and checked against what customers actually bought afterwards.',
		zh: '用两个模型拟合购买记录来预测客户终身价值（§6）。BG/NBD 模型：客户“存活”时按各自的速率购买；每次购买后都有各自的概率永久流失。根据每位客户的复购天数（x）、首次到最近一次购买的时间（最近一次消费，t_x）和首次购买至今的时间（T），得出客户仍然存活的概率和预期购买次数。Gamma-Gamma 模型根据客户复购的平均金额估计未来每次购买的金额。CLV 在预测期内逐月累加预期购买次数乘以预期金额，并按月折现。若校准期结束日期早于数据结束日期，模型只用校准期拟合，再与客户之后的实际购买对照检验。',
	},
	'clv.unit': { en: 'Time unit', zh: '时间单位' },
	'clv.unit.week': { en: 'weeks', zh: '周' },
	'clv.unit.day': { en: 'days', zh: '天' },
	'clv.unit1.week': { en: 'week', zh: '周' },
	'clv.unit1.day': { en: 'day', zh: '天' },
	'clv.calibrationEnd': { en: 'Calibration end', zh: '校准期结束日期' },
	'clv.calibrationEndHelp': {
		en: 'Empty: the models use all the data (no holdout check). A date before the end of the data keeps the rest for the holdout check.',
		zh: '留空：模型使用全部数据（不做留出期检验）。早于数据结束日期的日期会把之后的数据留作留出期检验。',
	},
	'clv.horizon': { en: 'Horizon (months)', zh: '预测期（月）' },
	'clv.discount': { en: 'Monthly discount rate (%)', zh: '月折现率（%）' },
	'clv.invalid': {
		en: 'Horizon: a whole number of months ≥ 1; discount rate: 0–100 %.',
		zh: '预测期：不小于 1 的整月数；折现率：0–100%。',
	},
	'clv.lead': {
		en: '{customers} customers fitted, {oneTime} of them one-time buyers; calibration from the first purchase to {calibration}, data to {end}; predictions for the next {period} {unit} ({months} months).',
		zh: '共拟合 {customers} 位客户，其中 {oneTime} 位只购买过一次；校准期从首次购买到 {calibration}，数据截至 {end}；预测未来 {period} {unit}（{months} 个月）。',
	},
	'clv.late': {
		en: '{n} customers first bought after the calibration end and are not part of the fit.',
		zh: '{n} 位客户在校准期结束后才首次购买，未纳入模型。',
	},
	'clv.params': { en: 'Model parameters', zh: '模型参数' },
	'clv.param': { en: 'Parameter', zh: '参数' },
	'clv.estimate': { en: 'Estimate', zh: '估计值' },
	'clv.se': { en: 'Std. error', zh: '标准误' },
	'clv.meaning': { en: 'What it means', zh: '含义' },
	'clv.meaning.r': {
		en: 'Shape of the purchase rates across customers (gamma distribution with α). The average customer buys r ÷ α = {rate} times a {unit} while alive.',
		zh: '客户购买速率分布（与 α 构成伽马分布）的形状参数。存活期间，平均每位客户每{unit}购买 r ÷ α = {rate} 次。',
	},
	'clv.meaning.alpha': {
		en: 'Scale of the purchase rates: the larger α, the slower customers buy.',
		zh: '购买速率的尺度参数：α 越大，客户购买越慢。',
	},
	'clv.meaning.a': {
		en: 'With b, the spread of the chance of leaving after a purchase (beta distribution). On average a ÷ (a + b) = {dropout} of customers leave after any one purchase.',
		zh: '与 b 一起描述每次购买后流失概率的分布（贝塔分布）。平均而言，每次购买后有 a ÷ (a + b) = {dropout} 的客户流失。',
	},
	'clv.meaning.b': {
		en: 'The larger b compared with a, the more loyal customers are.',
		zh: 'b 相对 a 越大，客户越忠诚。',
	},
	'clv.meaning.p': {
		en: 'Shape of the spend of one purchase around a customer’s own mean.',
		zh: '单次购买金额围绕客户自身均值的分布形状。',
	},
	'clv.meaning.q': {
		en: 'With γ, how customers’ mean spends vary. The average spend of a purchase is p·γ ÷ (q − 1) = {spend}.',
		zh: '与 γ 一起描述不同客户平均消费的差异。平均每次购买金额为 p·γ ÷ (q − 1) = {spend}。',
	},
	'clv.meaning.v': { en: 'Scale of customers’ mean spends.', zh: '客户平均消费的尺度参数。' },
	'clv.loglik': {
		en: 'Log-likelihood {bgnbd} (BG/NBD, {n} customers); {gg} (Gamma-Gamma, {m} repeat buyers).',
		zh: '对数似然 {bgnbd}（BG/NBD，{n} 位客户）；{gg}（Gamma-Gamma，{m} 位复购客户）。',
	},
	'clv.correlation': {
		en: 'Gamma-Gamma assumes spend does not depend on how often a customer buys: their correlation here is {rho} (a warning appears above 0.3).',
		zh: 'Gamma-Gamma 模型假设消费金额与购买频率无关：此处两者的相关系数为 {rho}（超过 0.3 时会给出警告）。',
	},
	'clv.totals': {
		en: 'Expected purchases of these customers in the next {period} {unit}: {purchases}. Their total CLV over {months} months: {clv}.',
		zh: '这些客户在未来 {period} {unit}内的预期购买次数：{purchases}。{months} 个月内的 CLV 合计：{clv}。',
	},
	'clv.noSpend': {
		en: 'No spend model (see the warnings): CLV is left blank; P(alive) and expected purchases are still shown.',
		zh: '没有消费金额模型（见警告）：CLV 留空；仍显示存活概率和预期购买次数。',
	},
	'clv.alive': {
		en: 'Probability alive by frequency and recency',
		zh: '按消费频率和最近一次消费划分的存活概率',
	},
	'clv.aliveHelp': {
		en: 'For a customer who first bought {T} {unit} ago: rows are the repeat purchases (x), columns the time of the last purchase after the first (t_x). Blue is likely still a customer, red likely gone: many purchases long ago (top left) mean the customer has probably left. One-time buyers (x = 0) have P(alive) = 1 by construction — the model only lets customers leave right after a purchase — so the churn-risk figure is P(no purchase in the next {period} {unit}) instead.',
		zh: '对于 {T} {unit}前首次购买的客户：行是复购次数（x），列是最近一次购买距首次购买的时间（t_x）。蓝色表示很可能仍是客户，红色表示很可能已流失：很久以前购买多次（左上）的客户很可能已经离开。只购买过一次的客户（x = 0）按模型设定存活概率为 1——模型只允许客户在购买后流失——因此流失风险改用“未来 {period} {unit}内不再购买的概率”。',
	},
	'clv.axis.x': { en: 'Repeat purchases x', zh: '复购次数 x' },
	'clv.axis.tx': {
		en: 'Last purchase t_x ({unit} after the first)',
		zh: '最近一次购买 t_x（首次购买后{unit}数）',
	},
	'clv.axis.p': { en: 'P(alive)', zh: '存活概率' },
	'clv.distribution': { en: 'CLV distribution', zh: 'CLV 分布' },
	'clv.distributionHelp': {
		en: 'Customers per band of predicted CLV. Most customers are worth little; a long tail to the right holds the few worth most. {clipped} customers above the 99th percentile are counted in the last bar.',
		zh: '各预测 CLV 区间内的客户数。大多数客户价值不高；右侧长尾是少数价值最高的客户。高于第 99 百分位的 {clipped} 位客户计入最后一根柱子。',
	},
	'clv.axis.clv': { en: 'Predicted CLV', zh: '预测 CLV' },
	'clv.axis.customers': { en: 'Customers', zh: '客户数' },
	'clv.holdout': { en: 'Holdout check', zh: '留出期检验' },
	'clv.holdoutHelp': {
		en: 'The models saw only the purchases up to {calibration}. For each number of repeat purchases in that period, the bars compare the purchases customers actually made in the {length} {unit} after it with what the model predicted. Close bars mean the model can be trusted for the customers it describes.',
		zh: '模型只看到 {calibration} 之前的购买。按校准期内的复购次数分组，柱子比较客户在之后 {length} {unit}内的实际购买次数与模型预测。两根柱子越接近，模型对这类客户越可信。',
	},
	'clv.holdoutNone': {
		en: 'Set a calibration end before {end} to check the predictions against purchases the models did not see.',
		zh: '把校准期结束日期设在 {end} 之前，即可用模型未见过的购买来检验预测。',
	},
	'clv.axis.bucket': { en: 'Repeat purchases in the calibration period', zh: '校准期内复购次数' },
	'clv.axis.mean': { en: 'Purchases per customer in the holdout', zh: '留出期内人均购买次数' },
	'clv.actual': { en: 'Actual', zh: '实际' },
	'clv.predicted': { en: 'Predicted', zh: '预测' },
	'clv.holdoutTotal': {
		en: 'All customers: {actual} purchases made, {predicted} predicted.',
		zh: '全部客户：实际购买 {actual} 次，预测 {predicted} 次。',
	},
	'clv.tracking': { en: 'Cumulative repeat purchases', zh: '累计复购次数' },
	'clv.trackingHelp': {
		en: 'Repeat purchases of all fitted customers added up over time, as they happened (solid) and as the model expects (dashed). Left of the calibration line the model was fitted; right of it the dashed line is a forecast.',
		zh: '所有拟合客户的复购次数随时间累计：实线为实际，虚线为模型预期。校准线左侧是拟合区间，右侧的虚线是预测。',
	},
	'clv.axis.t': {
		en: '{unit} since the first purchase in the data',
		zh: '自数据中首次购买以来的{unit}数',
	},
	'clv.axis.cumulative': { en: 'Repeat purchases', zh: '复购次数' },
	'clv.calibrationMark': { en: 'calibration end', zh: '校准期结束' },
	'clv.explainHint': {
		en: 'Hover, tap or tab to an underlined figure to see how it was computed, with its inputs.',
		zh: '将鼠标悬停在带下划线的数字上，或点按、用 Tab 键选中它，即可查看其计算方法和输入值。',
	},
	'clv.topClv': { en: 'Top customers by CLV', zh: 'CLV 最高的客户' },
	'clv.topRisk': { en: 'Repeat buyers most at risk of churn', zh: '流失风险最高的复购客户' },
	'clv.topRiskHelp': {
		en: 'Churn risk = P(no purchase in the next {period} {unit}) = 1 − P(alive) + P(alive) · ((α + T) ÷ (α + T + t))^(r + x). Repeat buyers only, bigger historical spend first among equals: they are the ones worth winning back.',
		zh: '流失风险 = 未来 {period} {unit}内不再购买的概率 = 1 − P(存活) + P(存活) · ((α + T) ÷ (α + T + t))^(r + x)。只列复购客户，风险相同时历史消费高者在前：他们最值得挽回。',
	},
	'clv.col.customer': { en: 'Customer', zh: '客户' },
	'clv.col.x': { en: 'x', zh: 'x' },
	'clv.col.tx': { en: 't_x', zh: 't_x' },
	'clv.col.T': { en: 'T', zh: 'T' },
	'clv.col.alive': { en: 'P(alive)', zh: '存活概率' },
	'clv.col.expected': { en: 'Expected purchases', zh: '预期购买次数' },
	'clv.col.risk': { en: 'Churn risk', zh: '流失风险' },
	'clv.col.spend': { en: 'Expected spend', zh: '预期客单价' },
	'clv.col.clv': { en: 'CLV', zh: 'CLV' },
	'clv.how.alive': {
		en: 'P(alive) = 1 ÷ (1 + a ÷ (b + x − 1) · ((α + T) ÷ (α + t_x))^(r + x)) with x = {x}, t_x = {tx}, T = {T}',
		zh: 'P(存活) = 1 ÷ (1 + a ÷ (b + x − 1) · ((α + T) ÷ (α + t_x))^(r + x))，其中 x = {x}，t_x = {tx}，T = {T}',
	},
	'clv.how.risk': {
		en: '1 − {alive} + {alive} · (({alpha} + {T}) ÷ ({alpha} + {T} + {t}))^({r} + {x}) = {risk}',
		zh: '1 − {alive} + {alive} · (({alpha} + {T}) ÷ ({alpha} + {T} + {t}))^({r} + {x}) = {risk}',
	},
	'clv.how.clv': {
		en: 'CLV = expected spend {spend} × discounted expected purchases {purchases} = {clv}',
		zh: 'CLV = 预期客单价 {spend} × 折现后的预期购买次数 {purchases} = {clv}',
	},
	'clv.check': { en: 'Check against the published CDNOW results', zh: '与已发表的 CDNOW 结果对照' },
	'clv.checkHelp': {
		en: 'Fader, Hardie & Lee (2005) fitted these models to this sample with weekly units and a calibration end of 1997-09-30. The published values are rounded; ours should agree within 0.5 % (BG/NBD) and 1 % (Gamma-Gamma).',
		zh: 'Fader、Hardie 和 Lee（2005）以周为单位、校准期截至 1997-09-30，在该样本上拟合了这些模型。已发表的数值经过四舍五入；我们的结果应在 0.5%（BG/NBD）和 1%（Gamma-Gamma）以内一致。',
	},
	'clv.checkSettings': {
		en: 'Set the time unit to weeks and the calibration end to 1997-09-30 to compare with the published values.',
		zh: '请把时间单位设为周、校准期结束日期设为 1997-09-30，再与已发表的数值对照。',
	},
	'clv.published': { en: 'Published', zh: '已发表' },
	'clv.ours': { en: 'Clientele', zh: 'Clientele（本工具）' },
	'clv.agree': { en: 'agrees', zh: '一致' },
	'clv.differs': { en: 'differs', zh: '不一致' },
	'clv.export': { en: 'Export customers.csv with CLV', zh: '导出含 CLV 的 customers.csv' },
	'clv.exportSummary': { en: 'Export summary.json', zh: '导出 summary.json' },
	'clv.exportFailed': { en: 'The file could not be exported: {why}', zh: '无法导出文件：{why}' },
});
