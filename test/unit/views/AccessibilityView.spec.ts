// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): it drops the statement's headings there.
import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import AccessibilityView from '../../../src/views/AccessibilityView.vue'

/**
 * Mount the view with the given statement already loaded.
 *
 * @param contact where a barrier is reported
 * @param markdown the statement
 */
function mountView(contact: string, markdown = '# Erklärung\n\nTeilweise barrierefrei.') {
	return mount(AccessibilityView, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-accessibility': { statement: { markdown, contact }, settings: null, loadError: null } },
			})],
		},
	})
}

describe('AccessibilityView', () => {
	it('renders the statement as Markdown below the view heading', () => {
		const wrapper = mountView('')
		expect(wrapper.find('h2').text()).toBe('Accessibility')
		expect(wrapper.find('h3').text()).toBe('Erklärung')
		expect(wrapper.text()).toContain('Teilweise barrierefrei.')
	})

	it('offers no report button without a contact', () => {
		expect(mountView('').find('a[href]').exists()).toBe(false)
	})

	it('reports a barrier by mail to a contact address', () => {
		const link = mountView('barrierefreiheit@bmi.example').find('a[href^="mailto:"]')
		expect(link.attributes('href')).toMatch(/^mailto:barrierefreiheit@bmi\.example\?subject=Barrier%20in%20Pilot%20Feedback$/)
		expect(link.text()).toBe('Report a barrier')
	})

	it('reports a barrier on a contact web page', () => {
		expect(mountView('https://bmi.example/barriere').find('a[href="https://bmi.example/barriere"]').exists()).toBe(true)
	})
})
