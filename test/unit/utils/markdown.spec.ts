// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): sanitising must be proven in a real DOM.
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/utils/markdown.ts'

describe('renderMarkdown', () => {
	it('renders Markdown to HTML', () => {
		const html = renderMarkdown('# Title\n\n**bold** and a [link](https://example.org)')
		expect(html).toContain('<h1>Title</h1>')
		expect(html).toContain('<strong>bold</strong>')
		expect(html).toContain('href="https://example.org"')
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
