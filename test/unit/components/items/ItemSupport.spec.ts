import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemSupport from '../../../../src/components/items/ItemSupport.vue'

/**
 * Mount the support section for an item filed by `reporterId`, seen by `userId`.
 *
 * @param reporterId who filed the item
 * @param userId who looks at it
 */
function mountFor(reporterId: string, userId: string) {
	return mount(ItemSupport, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-items': { current: { id: 3, reporterId, supportCount: 0, supportedByMe: false, supporters: [] } },
					'pilotfeedback-me': { me: { userId, isConsolidator: false, organisations: [] } },
				},
			})],
		},
	})
}

describe('ItemSupport', () => {
	it('offers "Concerns us too" to other testers', () => {
		expect(mountFor('rki-tester1', 'bsh-tester1').text()).toContain('Concerns us too')
	})

	it('does not offer it to the item\'s reporter', () => {
		const wrapper = mountFor('rki-tester1', 'rki-tester1')
		expect(wrapper.text()).toContain('0 supporters')
		expect(wrapper.text()).not.toContain('Concerns us too')
	})
})
