// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): sanitising must be proven in a real DOM.
import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemComments from '../../../../src/components/items/ItemComments.vue'

vi.mock('@nextcloud/dialogs')

/**
 * Mount the comments with one comment of the given text.
 *
 * @param message the comment's Markdown
 */
function mountWith(message: string) {
	return mount(ItemComments, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-items': { comments: [{ id: 1, actorId: 'alice', actorName: 'Alice', message, createdAt: 1_780_000_000 }] } },
			})],
		},
	})
}

describe('ItemComments', () => {
	it('renders a comment\'s Markdown instead of showing the raw **…**', () => {
		const wrapper = mountWith('Works **mostly**, see [log](https://example.org/log)')
		const entry = wrapper.find('.item-comments__entry')
		expect(entry.find('.markdown-text strong').text()).toBe('mostly')
		expect(entry.find('.markdown-text a').attributes('href')).toBe('https://example.org/log')
		expect(entry.text()).not.toContain('**')
	})

	it('sanitises a comment and keeps its headings below the Comments heading (an h3)', () => {
		const wrapper = mountWith('# Summary\n\n<script>alert(1)</script><img src=x onerror="steal()">')
		const entry = wrapper.find('.item-comments__entry')
		expect(entry.find('h4').text()).toBe('Summary')
		// The raw HTML is shown as text: no element, no handler
		expect(entry.find('script').exists()).toBe(false)
		expect(entry.find('img').exists()).toBe(false)
		expect(entry.findAll('*').filter((element) => element.attributes('onerror') !== undefined)).toHaveLength(0)
		expect(entry.find('.markdown-text').text()).toContain('<script>alert(1)</script>')
	})

	it('offers a preview while writing a comment', () => {
		const wrapper = mountWith('x')
		expect(wrapper.find('form').findAll('button').map((button) => button.text())).toContain('Preview')
	})
})
