import { createTestingPinia } from '@pinia/testing'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemSuggestions from '../../../../src/components/items/ItemSuggestions.vue'

vi.mock('vue-router', async (importOriginal) => ({
	...await importOriginal<object>(),
	useRouter: () => ({ push: vi.fn() }),
}))

const suggestions = [
	{ id: 3, title: 'Upload stalls', type: 'defect', status: 'new', supportCount: 1 },
	{ id: 4, title: 'Uploads are slow', type: 'improvement', status: 'in_review', supportCount: 0 },
]

describe('ItemSuggestions', () => {
	it('puts each "Support instead" in the entry of its item, names the item and links the titles', async () => {
		const wrapper = mount(ItemSuggestions, {
			props: { title: 'Upload' },
			global: {
				plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-items': { suggestions } } })],
				stubs: { RouterLink: RouterLinkStub },
			},
		})
		const entries = wrapper.findAll('li.item-suggestions__entry')
		expect(entries).toHaveLength(2)
		for (const [index, entry] of entries.entries()) {
			const suggestion = suggestions[index]!
			expect(entry.findComponent(RouterLinkStub).props('to')).toBe(`/items/${suggestion.id}`)
			expect(entry.findComponent(RouterLinkStub).text()).toBe(suggestion.title)
			const button = entry.find('button')
			expect(button.text()).toBe('Support instead')
			expect(button.attributes('aria-label')).toBe(`Support instead: ${suggestion.title}`)
		}
	})
})
