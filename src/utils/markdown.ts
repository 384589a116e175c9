import DOMPurify from 'dompurify'
import { marked } from 'marked'

/**
 * Render Markdown source to HTML that is safe for `v-html`: marked turns the
 * source into HTML, DOMPurify removes scripts, event handlers and unsafe URLs.
 *
 * @param source Markdown text as stored on the server
 */
export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true, breaks: true })
	return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } })
}
