import { defineMessages } from '../define';

export default defineMessages({
	// In the RFM cell
	'rules.edit': { en: 'Edit segment rules', zh: '编辑细分规则' },
	'rules.editHelp': {
		en: 'Open the rule editor: write your own segments as score ranges, starting from a preset.',
		zh: '打开规则编辑器：以评分范围定义自己的客户群，可从预设方案开始。',
	},

	// The editor
	'rules.title': { en: 'Custom segment rules', zh: '自定义细分规则' },
	'rules.intro': {
		en: 'Rules are checked in order: a customer goes to the first rule whose R, F and M score ranges all contain the customer’s scores; customers no rule matches go to Others. The grid below changes as you edit; the analysis changes only when you apply.',
		zh: '规则按顺序检查：客户归入第一条 R、F、M 评分范围都包含其评分的规则；不符合任何规则的客户归入“其他客户”。下方网格随编辑即时更新；点击“应用”后分析结果才会改变。',
	},
	'rules.apply': { en: 'Apply', zh: '应用' },
	'rules.revert': { en: 'Revert', zh: '撤销修改' },
	'rules.revertHelp': {
		en: 'Discard the changes and go back to the rules the analysis uses.',
		zh: '放弃修改，恢复为分析当前使用的规则。',
	},
	'rules.close': { en: 'Close', zh: '关闭' },
	'rules.closeDiscard': { en: 'Close without applying', zh: '关闭（不应用修改）' },
	'rules.state.pending': {
		en: 'Not applied: the analysis uses “{scheme}” until you apply these rules.',
		zh: '尚未应用：在应用这些规则之前，分析仍使用“{scheme}”。',
	},
	'rules.state.dirty': {
		en: 'Changes not applied: the analysis uses the rules as last applied.',
		zh: '修改尚未应用：分析仍使用上次应用的规则。',
	},
	'rules.state.applied': {
		en: 'Applied: the analysis uses these rules.',
		zh: '已应用：分析正在使用这些规则。',
	},
	'rules.blocked': {
		en: 'To apply, fix the rules with problems: {list}.',
		zh: '请先修正有问题的规则后再应用：{list}。',
	},
	'rules.blockedEmpty': {
		en: 'To apply, add at least one rule.',
		zh: '请至少添加一条规则后再应用。',
	},
	'rules.done.applied': {
		en: 'Applied {n} rules: the RFM segments are being recomputed.',
		zh: '已应用 {n} 条规则：正在重新计算 RFM 客户群。',
	},
	'rules.done.reverted': {
		en: 'Reverted to the rules the analysis uses.',
		zh: '已恢复为分析当前使用的规则。',
	},
	'rules.done.preset': {
		en: 'Started from “{name}”: {n} rules.',
		zh: '已从“{name}”开始：共 {n} 条规则。',
	},
	'rules.done.scaled': {
		en: 'The ranges were scaled from {from} to {to} scores.',
		zh: '评分范围已从 {from} 档换算为 {to} 档。',
	},
	'rules.done.scaledDropped': {
		en: 'The ranges were scaled from {from} to {to} scores. These rules cover no score after scaling and were left out: {list}.',
		zh: '评分范围已从 {from} 档换算为 {to} 档。以下规则换算后不包含任何评分，已被移除：{list}。',
	},
	'rules.done.deleted': { en: 'Deleted rule {i} ({name}).', zh: '已删除第 {i} 条规则（{name}）。' },

	// Presets and score counts
	'rules.start': { en: 'Start from', zh: '从预设开始' },
	'rules.startHelp': {
		en: 'Replaces the rule list with the preset’s rules ({n} rules, written for {bins} scores).',
		zh: '用预设方案的规则替换当前规则列表（{n} 条规则，按 {bins} 档评分编写）。',
	},
	'rules.mismatch': {
		en: 'The “{name}” rules are written for {from} scores, but the scores now have {to}. Scale the ranges to {to} scores, or change the scoring to {from} scores.',
		zh: '“{name}”的规则按 {from} 档评分编写，但当前评分为 {to} 档。可以把评分范围换算为 {to} 档，或把评分改为 {from} 档。',
	},
	'rules.mismatchOwn': {
		en: 'These rules are written for {from} scores, but the scores now have {to}. Scale the ranges to {to} scores, or change the scoring to {from} scores.',
		zh: '这些规则按 {from} 档评分编写，但当前评分为 {to} 档。可以把评分范围换算为 {to} 档，或把评分改为 {from} 档。',
	},
	'rules.beyond': {
		en: 'Some ranges go up to {max}, but the scores only go up to {to}: scores above {to} do not exist. Scale the ranges from {max} to {to} scores, or score with {max} bins.',
		zh: '部分评分范围的上限为 {max}，但当前评分最高只有 {to}：高于 {to} 的评分不存在。可以把评分范围从 {max} 档换算为 {to} 档，或改用 {max} 档评分。',
	},
	'rules.scale': { en: 'Scale the ranges to {to} scores', zh: '把评分范围换算为 {to} 档' },
	'rules.scaleHelp': {
		en: 'Each of the {to} scores takes the rule of the old score that holds the middle of its share of customers.',
		zh: '新的 {to} 档评分中，每一档采用其客户区间中点所在的原评分档对应的规则。',
	},
	'rules.useBins': { en: 'Score with {from} bins', zh: '改用 {from} 档评分' },
	'rules.useRankBins': {
		en: 'Score by rank with {from} bins',
		zh: '改用排名法 {from} 档评分',
	},
	'rules.useMeanSplit': {
		en: 'Use mean-split scoring (2 scores, as the 8-class model)',
		zh: '改用均值二分法评分（2 档，同八大类客户模型）',
	},

	// The rule list
	'rules.list': {
		en: 'Rules in order: the first match wins',
		zh: '规则列表（按顺序匹配，先匹配者优先）',
	},
	'rules.col.number': { en: '#', zh: '序号' },
	'rules.col.en': { en: 'Segment (English)', zh: '客户群（英文）' },
	'rules.col.zh': { en: 'Segment (简体中文)', zh: '客户群（中文）' },
	'rules.col.r': { en: 'R score', zh: 'R 评分' },
	'rules.col.f': { en: 'F score', zh: 'F 评分' },
	'rules.col.m': { en: 'M score', zh: 'M 评分' },
	'rules.col.status': { en: 'Cells', zh: '单元格' },
	'rules.col.tools': { en: 'Order and edit', zh: '排序与编辑' },
	'rules.label.en': {
		en: 'Rule {i}: segment name in English',
		zh: '第 {i} 条规则：客户群英文名称',
	},
	'rules.label.zh': {
		en: 'Rule {i}: segment name in Chinese',
		zh: '第 {i} 条规则：客户群中文名称',
	},
	'rules.label.min': { en: 'Rule {i}: lowest {axis} score', zh: '第 {i} 条规则：{axis} 评分下限' },
	'rules.label.max': { en: 'Rule {i}: highest {axis} score', zh: '第 {i} 条规则：{axis} 评分上限' },
	'rules.zhPlaceholder': { en: 'as in English', zh: '同英文名称' },
	'rules.to': { en: 'to', zh: '至' },
	'rules.above': { en: '{n} (>{bins})', zh: '{n}（>{bins}）' },
	'rules.up': { en: 'Move rule {i} up', zh: '第 {i} 条规则上移' },
	'rules.down': { en: 'Move rule {i} down', zh: '第 {i} 条规则下移' },
	'rules.duplicate': { en: 'Copy rule {i}', zh: '复制第 {i} 条规则' },
	'rules.delete': { en: 'Delete rule {i}', zh: '删除第 {i} 条规则' },
	'rules.copy': { en: 'Copy', zh: '复制' },
	'rules.add': { en: 'Add a rule', zh: '添加规则' },
	'rules.newEn': { en: 'Segment {n}', zh: 'Segment {n}' },
	'rules.newZh': { en: '客户群 {n}', zh: '客户群 {n}' },
	'rules.takes': { en: 'Cells taken: {wins}.', zh: '占有 {wins} 个单元格。' },
	'rules.takesSome': {
		en: 'Cells taken: {wins} of the {covers} it matches; earlier rules take the rest.',
		zh: '匹配 {covers} 个单元格，占有其中 {wins} 个；其余由前面的规则占有。',
	},
	'rules.problem.name': {
		en: 'Problem: the rule needs an English name (the segment’s ID in exported files).',
		zh: '问题：规则需要英文名称（导出文件中的客户群编号）。',
	},
	'rules.problem.range': {
		en: 'Problem: the lowest {axis} score {lo} is above the highest {hi}.',
		zh: '问题：{axis} 评分下限 {lo} 大于上限 {hi}。',
	},
	'rules.never.outside': {
		en: 'Never matches: with {n} scores there is no {ranges}.',
		zh: '永远不会匹配：在 {n} 档评分下不存在 {ranges}。',
	},
	'rules.never.shadowed': {
		en: 'Never matches: earlier rules ({list}) take every cell it covers.',
		zh: '永远不会匹配：它包含的所有单元格都已被前面的规则（{list}）占有。',
	},

	// The grid
	'rules.grid.title': {
		en: 'Which rule takes each score cell',
		zh: '每个评分单元格归属的规则',
	},
	'rules.grid.howto': {
		en: 'One table per R score, frequency scores (F) down and monetary scores (M) across. Each cell shows the number of the rule that takes it, coloured by segment; “+” means later rules match it too (the first wins); “Others” means no rule matches. Point at or focus a rule to outline its cells.',
		zh: '每个 R 评分一张表：行为消费频率评分（F），列为消费金额评分（M）。每个单元格显示占有它的规则序号，颜色表示客户群；“+”表示后面的规则也匹配该单元格（先匹配者优先）；“其他”表示没有规则匹配。指向或聚焦某条规则即可突出显示它包含的单元格。',
	},
	'rules.grid.panel': { en: 'R = {r}', zh: 'R = {r}' },
	'rules.grid.panelLong': {
		en: 'Recency score R = {r}: frequency score F by monetary score M',
		zh: '最近一次消费评分 R = {r}：消费频率评分 F × 消费金额评分 M',
	},
	'rules.grid.corner': { en: 'F ╲ M', zh: 'F ╲ M' },
	'rules.grid.others': { en: 'Others', zh: '其他' },
	'rules.grid.cell': {
		en: 'Cell {cell}: rule {i}, {name}.',
		zh: '单元格 {cell}：第 {i} 条规则，{name}。',
	},
	'rules.grid.cellOverlap': {
		en: 'Cell {cell}: rule {i}, {name}; also matched by rules {list}.',
		zh: '单元格 {cell}：第 {i} 条规则，{name}；规则 {list} 也匹配该单元格。',
	},
	'rules.grid.cellOthers': {
		en: 'Cell {cell}: no rule matches, Others.',
		zh: '单元格 {cell}：没有匹配的规则，归入“其他客户”。',
	},
	'rules.grid.legend': { en: 'Segments', zh: '客户群' },
	'rules.grid.legendRules': { en: 'rules {list}', zh: '规则 {list}' },
	'rules.grid.legendOthers': {
		en: 'Others: no rule matches',
		zh: '其他：没有规则匹配',
	},
	'rules.grid.legendOverlap': {
		en: '+ (dashed frame): several rules match, the first wins',
		zh: '+（虚线框）：多条规则匹配，先匹配者优先',
	},
	'rules.summary': {
		en: 'Cells covered: {covered} of {total} · left to Others: {uncovered} · matched by several rules: {overlaps} · rules that can never match: {unreachable}',
		zh: '已覆盖单元格：{covered} / {total} · 归入“其他”：{uncovered} · 被多条规则匹配：{overlaps} · 永远不会匹配的规则：{unreachable}',
	},
	'rules.summaryInvalid': {
		en: 'Rules with problems are left off the grid until fixed: {list}.',
		zh: '有问题的规则在修正前不参与网格计算：{list}。',
	},
});
