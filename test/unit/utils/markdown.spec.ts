// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): sanitising must be proven in a real DOM.
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/utils/markdown.ts'

/**
 * Render Markdown and parse the HTML, so that assertions look at elements, not at strings.
 *
 * @param source the Markdown text
 * @param topHeading the level a # heading gets
 */
function rendered(source: string, topHeading?: number): HTMLElement {
	return new DOMParser().parseFromString(renderMarkdown(source, topHeading), 'text/html').body
}

/** Texts that try to take over the page of whoever reads the item (issue 18) */
const PAYLOADS = {
	overlay: '<div style="position:fixed;inset:0">Your session expired. <a href="https://evil.example/login">Log in again</a></div>',
	form: '<form action="https://evil.example"><input type="password" name="pw"><button>Go</button></form>',
	clobber: '<p id="content">x</p>',
	foreignImage: '![x](https://evil.example/t.png)',
	scriptLink: '[a](javascript:alert(1))',
	onerror: '<img src=x onerror=alert(1)>',
	script: '<script>alert(1)</script>',
}

/**
 * Assert that nothing in the rendered text can restyle, imitate or reach out of the page.
 *
 * @param body the rendered text
 */
function expectHarmless(body: HTMLElement) {
	expect(body.querySelectorAll('[style], [id], [name], [class]')).toHaveLength(0)
	expect(body.querySelectorAll('form, input, button, textarea, select, script, iframe, object, embed, div, span, style, link, meta')).toHaveLength(0)
	for (const image of body.querySelectorAll('img')) {
		expect(new URL(image.src).origin).toBe(window.location.origin)
	}
	for (const link of body.querySelectorAll('a')) {
		expect(['http:', 'https:', 'mailto:']).toContain(new URL(link.href).protocol)
	}
	for (const element of body.querySelectorAll('*')) {
		expect(element.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([])
	}
}

describe('renderMarkdown', () => {
	describe('keeps user text from taking over the page', () => {
		it.each(Object.entries(PAYLOADS))('renders the %s payload harmless', (_name, payload) => {
			expectHarmless(rendered(payload))
			// Inline too, inside a paragraph of ordinary text
			expectHarmless(rendered(`Before ${payload} after`))
		})

		it('renders all payloads together harmless', () => {
			expectHarmless(rendered(Object.values(PAYLOADS).join('\n\n')))
		})

		it('shows raw HTML as the text it is, not as markup', () => {
			const body = rendered(PAYLOADS.overlay)
			expect(body.querySelectorAll('a')).toHaveLength(0)
			expect(body.textContent).toContain('<div style="position:fixed;inset:0">Your session expired.')
			expect(rendered(PAYLOADS.script).textContent).toContain('<script>alert(1)</script>')
		})

		it('keeps the lines of a multi-line HTML block apart', () => {
			const body = rendered('<form>\n<input name="pw">\n</form>')
			expect(body.querySelectorAll('p')).toHaveLength(1)
			expect(body.querySelectorAll('p br')).toHaveLength(2)
			expect(body.querySelector('form, input')).toBeNull()
		})

		it('shows a foreign image as its alt text', () => {
			const body = rendered('![the chart](https://evil.example/t.png)')
			expect(body.querySelector('img')).toBeNull()
			expect(body.textContent?.trim()).toBe('the chart')
		})

		it('shows images from this Nextcloud, relative or absolute', () => {
			const body = rendered(`![relative](/index.php/core/preview?fileId=1) ![absolute](${window.location.origin}/core/img/logo.svg "Logo")`)
			const images = [...body.querySelectorAll('img')]
			expect(images.map((image) => image.alt)).toEqual(['relative', 'absolute'])
			expect(images.map((image) => new URL(image.src).origin)).toEqual([window.location.origin, window.location.origin])
			expect(images[1]!.title).toBe('Logo')
		})

		it('refuses images by data: URL', () => {
			expect(rendered('![pixel](data:image/png;base64,iVBORw0KGgo=)').querySelector('img')).toBeNull()
		})

		it.each([
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'vbscript:msgbox(1)',
			'data:text/html,<script>alert(1)</script>',
			'file:///etc/passwd',
		])('shows a link to %s as its text only', (href) => {
			const body = rendered(`[click me](<${href}>)`)
			expect(body.querySelector('a')).toBeNull()
			expect(body.textContent).toContain('click me')
		})

		it('turns task list boxes into text instead of form controls', () => {
			const body = rendered('- [ ] open\n- [x] done')
			expect(body.querySelector('input')).toBeNull()
			expect([...body.querySelectorAll('li')].map((item) => item.textContent?.trim())).toEqual(['[ ] open', '[x] done'])
		})

		it('drops the language class of a code block', () => {
			const body = rendered('```js\nlet a = 1\n```')
			expect(body.querySelector('pre code')?.textContent).toBe('let a = 1\n')
			expect(body.querySelector('[class]')).toBeNull()
		})
	})

	describe('renders ordinary Markdown', () => {
		it('renders emphasis, strike-through, inline code, code blocks and quotes', () => {
			const body = rendered('**bold** *em* ~~gone~~ `a < b`\n\n```\n<b>not bold</b>\n```\n\n> quoted\n\n---')
			expect(body.querySelector('strong')?.textContent).toBe('bold')
			expect(body.querySelector('em')?.textContent).toBe('em')
			expect(body.querySelector('del')?.textContent).toBe('gone')
			expect(body.querySelector('p > code')?.textContent).toBe('a < b')
			expect(body.querySelector('pre > code')?.textContent).toBe('<b>not bold</b>\n')
			expect(body.querySelector('b')).toBeNull()
			expect(body.querySelector('blockquote p')?.textContent).toBe('quoted')
			expect(body.querySelector('hr')).not.toBeNull()
		})

		it('renders lists, keeping the start of an ordered list', () => {
			const body = rendered('- one\n- two\n\n3. three\n4. four')
			expect([...body.querySelectorAll('ul > li')].map((item) => item.textContent)).toEqual(['one', 'two'])
			expect([...body.querySelectorAll('ol > li')].map((item) => item.textContent)).toEqual(['three', 'four'])
			expect(body.querySelector('ol')?.getAttribute('start')).toBe('3')
		})

		it('renders tables with their column alignment', () => {
			const body = rendered('| Step | Result |\n|:-----|-------:|\n| 1 | ok |')
			expect([...body.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual(['Step', 'Result'])
			expect([...body.querySelectorAll('tbody td')].map((cell) => cell.textContent)).toEqual(['1', 'ok'])
			expect(body.querySelector('tbody td:last-child')?.getAttribute('align')).toBe('right')
		})

		it('renders links that open apart from the page and send no referrer', () => {
			const body = rendered('[log](https://example.org/log "The log"), <https://example.org/auto>, [mail](mailto:pilot@example.org) and [item](/index.php/apps/pilotfeedback/items/5)')
			const links = [...body.querySelectorAll('a')]
			expect(links.map((link) => link.href)).toEqual([
				'https://example.org/log',
				'https://example.org/auto',
				'mailto:pilot@example.org',
				`${window.location.origin}/index.php/apps/pilotfeedback/items/5`,
			])
			expect(links.map((link) => link.textContent)).toEqual(['log', 'https://example.org/auto', 'mail', 'item'])
			expect(links.map((link) => link.rel)).toEqual(Array(4).fill('noopener noreferrer'))
			// A mail link opens the mail program, the others a tab of their own
			expect(links.map((link) => link.target)).toEqual(['_blank', '_blank', '', '_blank'])
			expect(links[0]!.title).toBe('The log')
		})

		it('keeps line breaks within a paragraph', () => {
			expect(rendered('one\ntwo').querySelectorAll('p > br')).toHaveLength(1)
		})
	})

	describe('headings', () => {
		it('puts headings below the item title (an h2): # is an h3, ## an h4, never deeper than h6', () => {
			const body = rendered('# One\n\n## Two\n\n#### Four\n\n###### Six\n\nSetext\n======')
			expect([...body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => `${heading.tagName}:${heading.textContent}`))
				.toEqual(['H3:One', 'H4:Two', 'H6:Four', 'H6:Six', 'H3:Setext'])
		})

		it('starts headings lower where the text sits lower (comments under an h3)', () => {
			expect(rendered('# Note', 4).querySelector('h4')?.textContent).toBe('Note')
			expect(rendered('# Note', 1).querySelector('h1')?.textContent).toBe('Note')
		})

		it('does not turn a raw heading tag into a heading', () => {
			const body = rendered('<h1 class="x">Raw</h1>')
			expect(body.querySelector('h1, h2, h3, h4, h5, h6, [class]')).toBeNull()
			expect(body.textContent).toContain('<h1 class="x">Raw</h1>')
		})
	})
})
