/**
 * The notebook as one self-contained HTML file: what the page shows (charts as inline SVG, tables,
 * notes, "how to read this" texts, the parameters as plain text), the app's styles inlined, no
 * script, and a Content-Security-Policy that forbids scripts and every request, so it opens
 * offline and prints on pages.
 */

/** Elements a static page cannot use: controls that act, the live customer table, file inputs. */
const DROP = [
	'script',
	'button',
	'input[type=file]',
	'.customer-table',
	'[data-report=skip]',
	'template',
	'noscript',
].join(',');

const CONTROLS = 'input, select, textarea';

const PRINT_CSS = `
body { max-width: 1100px; margin: 0 auto; padding: 1rem; }
.report-head { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
.report-head p { margin: 0.25rem 0; color: #555; }
.report-value { font-weight: 600; }
details > summary { list-style: none; }
@media print {
	body { max-width: none; padding: 0; }
	section.cell { break-inside: avoid-page; }
	svg, img, table { break-inside: avoid; }
	h2, h3 { break-after: avoid; }
}
`;

/** The text a control shows: the chosen option, the value, or a tick for a checkbox. */
function controlText(el: Element): string {
	if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent?.trim() ?? '';
	if (el instanceof HTMLInputElement) {
		if (el.type === 'checkbox' || el.type === 'radio') return el.checked ? '☑' : '☐';
		return el.value;
	}
	if (el instanceof HTMLTextAreaElement) return el.value;
	return '';
}

/** The app's own style rules as text (every sheet is same-origin: the app's bundle). */
function styles(doc: Document): string {
	const out: string[] = [];
	for (const sheet of Array.from(doc.styleSheets)) {
		try {
			for (const rule of Array.from(sheet.cssRules)) out.push(rule.cssText);
		} catch {
			// A sheet from another origin cannot be read; the app has none.
		}
	}
	return out.join('\n');
}

function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
	);
}

export interface ReportMeta {
	title: string;
	lang: string;
	/** Lines under the title: the data set, when the report was made. */
	lines: string[];
}

/**
 * The HTML of a report of `root` (the notebook's cells as shown). Controls become their values as
 * text; open canvases become images; every "how to read this" is opened.
 */
export function notebookReport(root: HTMLElement, meta: ReportMeta): string {
	const copy = root.cloneNode(true) as HTMLElement;
	// Controls and canvases are matched with their originals by document order: a clone does not
	// carry what the user typed or what was drawn.
	const liveControls = root.querySelectorAll(CONTROLS);
	copy.querySelectorAll(CONTROLS).forEach((el, i) => {
		const live = liveControls[i];
		if (!live || (el instanceof HTMLInputElement && el.type === 'file')) return;
		const text = controlText(live);
		const span = document.createElement(el instanceof HTMLTextAreaElement ? 'p' : 'span');
		span.className = 'report-value';
		span.textContent = text;
		el.replaceWith(span);
	});
	const liveCanvases = root.querySelectorAll('canvas');
	copy.querySelectorAll('canvas').forEach((el, i) => {
		const img = document.createElement('img');
		try {
			img.src = liveCanvases[i].toDataURL('image/png');
		} catch {
			el.remove();
			return;
		}
		img.width = liveCanvases[i].width;
		img.height = liveCanvases[i].height;
		el.replaceWith(img);
	});
	// A figure that explains itself is a button in a table cell: keep the figure, with its
	// explanation as a tooltip.
	copy.querySelectorAll('td button, th button').forEach((el) => {
		const span = document.createElement('span');
		span.title = el.getAttribute('title') ?? '';
		span.append(...Array.from(el.childNodes));
		el.replaceWith(span);
	});
	copy.querySelectorAll(DROP).forEach((el) => el.remove());
	copy.querySelectorAll('details').forEach((el) => el.setAttribute('open', ''));
	// Nothing that could run or fetch: event attributes, script links, non-data images.
	for (const el of Array.from(copy.querySelectorAll('*'))) {
		for (const attr of Array.from(el.attributes)) {
			const name = attr.name.toLowerCase();
			const value = attr.value.trim().toLowerCase();
			if (name.startsWith('on')) el.removeAttribute(attr.name);
			else if (
				(name === 'href' || name === 'src' || name === 'xlink:href') &&
				!value.startsWith('data:') &&
				!value.startsWith('#') &&
				!(name === 'href' && el.tagName === 'A' && /^https?:/.test(value))
			)
				el.removeAttribute(attr.name);
		}
	}
	const head = `<header class="report-head"><h1>${escapeHtml(meta.title)}</h1>${meta.lines
		.map((l) => `<p>${escapeHtml(l)}</p>`)
		.join('')}</header>`;
	return `<!doctype html>
<html lang="${escapeHtml(meta.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
<style>${styles(root.ownerDocument)}
${PRINT_CSS}</style>
</head>
<body>
${head}
<main>${copy.innerHTML}</main>
</body>
</html>
`;
}
