import type { Config } from 'dompurify'
import type { Token } from 'marked'

import DOMPurify from 'dompurify'
import { Marked } from 'marked'

/**
 * Escape text for HTML content and double-quoted attribute values.
 *
 * @param text the raw text
 */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;')
}

/**
 * Resolve a URL from the text against the page, or null if it cannot be parsed.
 * The result is what the browser would request, so checks on it cannot be fooled by
 * spelling (`JaVaScRiPt:`, tabs or newlines inside the scheme, `//host`, …).
 *
 * @param href the URL as written
 */
function resolveUrl(href: string): URL | null {
	try {
		return new URL(href, window.location.href)
	} catch {
		return null
	}
}

/** Link targets a user may point others to; anything else (javascript:, data:, …) stays text */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * A Markdown renderer that produces Markdown and nothing more: no raw HTML, links only
 * to the web or to mail addresses, images only from this Nextcloud. A text is written by
 * one user and read by others (of other organisations), so it must not be able to restyle
 * the page, imitate its dialogs or forms, or make readers' browsers call foreign hosts.
 */
const markdown = new Marked({
	gfm: true,
	breaks: true,
	renderer: {
		/*
		 * Raw HTML, as a block or inline, is shown as the text it is. Not the blocklist of
		 * a sanitiser: a `<div style>` overlay or a fake login `<form>` never becomes markup.
		 */
		html({ text, block }) {
			return block
				? `<p>${escapeHtml(text.trim()).replace(/\n/g, '<br>')}</p>\n`
				: escapeHtml(text)
		},
		link({ href, title, tokens }) {
			const content = this.parser.parseInline(tokens)
			const url = resolveUrl(href)
			if (url === null || !LINK_PROTOCOLS.has(url.protocol)) {
				return content
			}
			// noopener: the opened page gets no window.opener; noreferrer: no Referer with the item's URL.
			// A mail link opens the mail program, not an empty tab.
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
			const targetAttr = url.protocol === 'mailto:' ? '' : ' target="_blank"'
			return `<a href="${escapeHtml(url.href)}"${titleAttr} rel="noopener noreferrer"${targetAttr}>${content}</a>`
		},
		image({ href, title, text }) {
			const url = resolveUrl(href)
			// An image from another host would tell it who reads the item, and when
			if (url === null || url.origin !== window.location.origin || !['http:', 'https:'].includes(url.protocol)) {
				return escapeHtml(text)
			}
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
			return `<img src="${escapeHtml(url.href)}" alt="${escapeHtml(text)}"${titleAttr}>`
		},
		// A task list item keeps its box as written instead of a (disabled) form control
		checkbox({ checked }) {
			return checked ? '[x] ' : '[ ] '
		},
	},
})

/**
 * The second line: even if the renderer above let something through, only the elements
 * and attributes Markdown produces survive. `class` (marked's `language-…` on code
 * blocks), `style`, `id` and `name` never do: they could restyle the page or clobber
 * element ids and global names the app and Nextcloud rely on.
 */
const PURIFY_CONFIG: Config = {
	ALLOWED_TAGS: 'p br hr strong em del code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 a img table thead tbody tr th td'.split(' '),
	// align: table column alignment; start: the first number of an ordered list
	ALLOWED_ATTR: ['href', 'title', 'rel', 'target', 'src', 'alt', 'align', 'start'],
	FORBID_ATTR: ['style', 'id', 'name', 'class'],
	// DOMPurify checks every attribute value against the URL pattern unless told it holds no URL
	ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
	ADD_URI_SAFE_ATTR: ['rel', 'target', 'align', 'start'],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
}

/**
 * Render Markdown source to HTML that is safe for `v-html`: the text is Markdown and
 * nothing more (raw HTML is shown as text, see the renderer above), DOMPurify then keeps
 * only the elements and attributes Markdown produces.
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
	const html = markdown.parse(source, {
		async: false,
		walkTokens: (token: Token) => {
			if (token.type === 'heading') {
				token.depth = Math.min(6, token.depth + shift)
			}
		},
	})
	return DOMPurify.sanitize(html, PURIFY_CONFIG)
}
