import { defineMessages } from '../define';

export default defineMessages({
	// The list of lessons (landing view and the header menu)
	'lessons.menu': { en: 'Lessons', zh: '课程' },
	'lessons.heading': { en: 'Guided lessons', zh: '引导式课程' },
	'lessons.intro': {
		en: 'Learn to read each analysis on a built-in sample, step by step, with questions whose answers are checked against what the notebook shows.',
		zh: '在内置示例数据上一步步学习如何解读各项分析；每个问题的答案都会与笔记本中显示的结果自动核对。',
	},
	'lessons.sample.retail': { en: 'online retail sample', zh: '在线零售示例数据' },
	'lessons.sample.cdnow': { en: 'CDNOW sample', zh: 'CDNOW 示例数据' },
	'lessons.steps': { en: '{n} steps', zh: '共 {n} 步' },
	'lessons.start': { en: 'Start', zh: '开始' },
	'lessons.startLabel': { en: 'Start the lesson “{title}”', zh: '开始课程“{title}”' },
	'lessons.continue': { en: 'Continue', zh: '继续' },
	'lessons.continueLabel': { en: 'Continue the lesson “{title}”', zh: '继续课程“{title}”' },
	'lessons.restart': { en: 'Start over', zh: '重新开始' },
	'lessons.restartLabel': { en: 'Start over: the lesson “{title}”', zh: '重新开始课程“{title}”' },
	'lessons.at': { en: 'at step {n}', zh: '进行到第 {n} 步' },
	'lessons.completed': { en: 'completed', zh: '已完成' },
	'lessons.loading': { en: 'Loading the lesson…', zh: '正在加载课程……' },
	'lessons.cannotShow': {
		en: 'This lesson cannot be shown. What is wrong in its files:',
		zh: '无法显示此课程。课程文件中的问题：',
	},
	'lessons.indexFailed': {
		en: 'The list of lessons cannot be read. What is wrong:',
		zh: '无法读取课程列表。问题如下：',
	},
	'lessons.fallback': {
		en: 'This lesson has no English version yet; it is shown in Chinese.',
		zh: '此课程暂无中文版本，下面以英文显示。',
	},

	// The lesson panel
	'lessons.panel': { en: 'Lesson: {title}', zh: '课程：{title}' },
	'lessons.exit': { en: 'Exit the lesson (your progress is kept)', zh: '退出课程（进度会保留）' },
	'lessons.collapse': { en: 'Hide the lesson', zh: '收起课程' },
	'lessons.expand': { en: 'Show the lesson', zh: '展开课程' },
	'lessons.stepOf': { en: 'Step {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
	'lessons.stepsNav': { en: 'Steps', zh: '步骤' },
	'lessons.stepLabel': { en: 'Step {n}: {title}', zh: '第 {n} 步：{title}' },
	'lessons.stepDone': { en: '(done)', zh: '（已完成）' },
	'lessons.back': { en: 'Back', zh: '上一步' },
	'lessons.next': { en: 'Next', zh: '下一步' },
	'lessons.finish': { en: 'Finish', zh: '完成' },
	'lessons.showCell': { en: 'Show me in the notebook', zh: '在笔记本中查看' },
	'lessons.cellMissing': {
		en: 'This step uses the “{cell}” cell, which is not in this notebook.',
		zh: '此步骤需要“{cell}”单元格，但当前笔记本中没有。',
	},
	'lessons.addCell': { en: 'Add it back', zh: '重新添加' },

	// Questions
	'lessons.question': { en: 'Question', zh: '问题' },
	'lessons.answer': { en: 'Your answer', zh: '你的答案' },
	'lessons.percent': { en: '%', zh: '%' },
	'lessons.check': { en: 'Check', zh: '核对' },
	'lessons.choose': { en: 'Choose…', zh: '请选择……' },
	'lessons.right': {
		en: 'Right: the “{cell}” cell shows {value}.',
		zh: '回答正确：“{cell}”单元格显示的是 {value}。',
	},
	'lessons.wrong': { en: 'Not quite: {answer} is not it.', zh: '不太对：答案不是 {answer}。' },
	'lessons.hint': { en: 'Hint:', zh: '提示：' },
	'lessons.lookAgain': {
		en: 'Look at the highlighted cell again and try once more.',
		zh: '请再看看高亮的单元格，然后再试一次。',
	},
	'lessons.unreadable': {
		en: '“{answer}” is not a number: type it as the cell shows it, e.g. 1,234 or 8.5%.',
		zh: '“{answer}”不是数字：请按单元格中的写法输入，例如 1,234 或 8.5%。',
	},
	'lessons.empty': { en: 'Type your answer first.', zh: '请先输入答案。' },
	'lessons.pickOne': { en: 'Pick one of the options first.', zh: '请先选择一个选项。' },
	'lessons.pending': {
		en: 'The “{cell}” cell has no result yet: check again when it has finished computing.',
		zh: '“{cell}”单元格还没有结果：请在计算完成后再核对。',
	},
	'lessons.failed': {
		en: 'The “{cell}” cell has no result: {error}',
		zh: '“{cell}”单元格没有结果：{error}',
	},
	'lessons.missing': {
		en: 'The “{cell}” cell is not in this notebook: add it back to answer.',
		zh: '当前笔记本中没有“{cell}”单元格：请先重新添加它再作答。',
	},
	'lessons.reveal': { en: 'Show the answer', zh: '显示答案' },
	'lessons.revealed': {
		en: 'The answer is {value}, as the “{cell}” cell shows.',
		zh: '答案是 {value}，即“{cell}”单元格中显示的数值。',
	},

	// Trying a change
	'lessons.try': { en: 'Try it', zh: '动手试试' },
	'lessons.tryBefore': { en: 'Before: {value}', zh: '修改前：{value}' },
	'lessons.tryNow': { en: 'now: {value}', zh: '当前：{value}' },
	'lessons.tryWaiting': {
		en: 'Not changed yet: make the change in the cell.',
		zh: '尚未改变：请在单元格中修改参数。',
	},
	'lessons.tryDone': {
		en: 'It moved: your change reached the result.',
		zh: '数值变了：你的修改已反映在结果中。',
	},
	'lessons.tryComputing': {
		en: 'The “{cell}” cell is computing…',
		zh: '“{cell}”单元格正在计算……',
	},

	// The end of a lesson
	'lessons.done.title': { en: 'Lesson complete', zh: '课程完成' },
	'lessons.done.questions': {
		en: 'Questions answered right: {right} of {total}.',
		zh: '答对的问题：{right} / {total}。',
	},
	'lessons.done.shown': {
		en: 'Answers shown: {n}.',
		zh: '查看了答案的问题：{n}。',
	},
	'lessons.done.tries': {
		en: 'Changes tried: {n} of {total}.',
		zh: '动手修改：{n} / {total}。',
	},
	'lessons.done.review': { en: 'Review the steps', zh: '回顾各步骤' },
	'lessons.done.close': { en: 'Close the lesson', zh: '关闭课程' },
	'lessons.done.kept': {
		en: 'The notebook stays as you left it; find the lesson again under “Lessons”.',
		zh: '笔记本会保持你离开时的状态；可随时在“课程”中再次打开本课程。',
	},
});
