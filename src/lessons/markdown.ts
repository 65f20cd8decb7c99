/**
 * Lesson text is Markdown rendered by micromark, which escapes raw HTML and drops unsafe link
 * protocols. Images are kept only with relative addresses: a lesson may show a picture stored
 * beside it, but may not make the page fetch anything from another site.
 */
import { micromark } from 'micromark';

export function renderLessonMarkdown(text: string): string {
	return micromark(text);
}

/** Image addresses in rendered Markdown that would leave the app's own site. */
export function foreignImages(html: string): string[] {
	const out: string[] = [];
	for (const m of html.matchAll(/<img src="([^"]*)"/g)) {
		const src = m[1].replace(/&amp;/g, '&');
		if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('\\'))
			out.push(src);
	}
	return out;
}
