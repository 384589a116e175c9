// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): sanitising must be proven in a real DOM.
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/utils/markdown.ts'

describe('renderMarkdown', () => {
	it('renders Markdown to HTML', () => {
		const html = renderMarkdown('# Title\n\n**bold** and a [link](https://example.org)')
		expect(html).toContain('<h3>Title</h3>')
		expect(html).toContain('<strong>bold</strong>')
		expect(html).toContain('href="https://example.org"')
	})

	it('puts headings below the item title (an h2): # is an h3, ## an h4, never deeper than h6', () => {
		const html = renderMarkdown('# One\n\n## Two\n\n#### Four\n\n###### Six\n\n<h1 class="x">Raw</h1>')
		expect(html).toContain('<h3>One</h3>')
		expect(html).toContain('<h4>Two</h4>')
		expect(html).toContain('<h6>Four</h6>')
		expect(html).toContain('<h6>Six</h6>')
		expect(html).toContain('<h3 class="x">Raw</h3>')
		expect(html).not.toMatch(/<h[12][\s>]/)
	})

	it('starts headings lower where the text sits lower (comments under an h3)', () => {
		expect(renderMarkdown('# Note', 4)).toContain('<h4>Note</h4>')
		expect(renderMarkdown('# Note', 1)).toContain('<h1>Note</h1>')
	})

	it('leaves words that start like a heading tag alone', () => {
		expect(renderMarkdown('`<header>` and <hr>')).toContain('&lt;header&gt;')
	})

	it('strips script elements', () => {
		const html = renderMarkdown('Hello <script>alert(1)</script> world')
		expect(html).not.toContain('<script')
		expect(html).not.toContain('alert(1)')
	})

	it('strips event handler attributes', () => {
		const html = renderMarkdown('<img src="x" onerror="alert(1)"> <a href="#" onclick="steal()">x</a>')
		expect(html).not.toMatch(/onerror|onclick/i)
		expect(html).toContain('<img src="x">')
	})

	it('strips javascript: links', () => {
		const html = renderMarkdown('[click](javascript:alert(1))')
		expect(html).not.toContain('javascript:')
	})
})
