import DOMPurify from 'dompurify'
import { marked } from 'marked'

/**
 * Render Markdown source to HTML that is safe for `v-html`: marked turns the
 * source into HTML, DOMPurify removes scripts, event handlers and unsafe URLs.
 *
 * Headings start below the page's own: with `topHeading` 3 (the default, below the
 * item's title, an h2), `#` becomes an h3 and `##` an h4, down to h6 at most, so that a
 * heading in the text never competes with the title in size or in the outline.
 *
 * @param source Markdown text as stored on the server
 * @param topHeading the level a `#` heading gets (1–6)
 */
export function renderMarkdown(source: string, topHeading = 3): string {
	const shift = Math.min(5, Math.max(0, topHeading - 1))
	const html = marked.parse(source, { async: false, gfm: true, breaks: true })
		.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_tag, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`)
	return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } })
}
