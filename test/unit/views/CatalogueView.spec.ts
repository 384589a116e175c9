import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import CatalogueView from '../../../src/views/CatalogueView.vue'
import { useCatalogueStore } from '../../../src/stores/catalogue.ts'

/** A catalogue with one pilot using one of two components */
const catalogue = {
	pilots: [{ id: 1, title: 'PoC 1: file sharing and web office', description: '', status: 'active' as const, startDate: '2025-01-01', endDate: null, archived: false, componentIds: [11] }],
	components: [
		{ id: 11, name: 'Nextcloud', category: 'filesharing' as const, product: 'Nextcloud Hub', description: '', archived: false, pilotIds: [1] },
		{ id: 12, name: 'Jitsi', category: 'messaging' as const, product: '', description: '', archived: false, pilotIds: [] },
	],
	criteria: [{ id: 1, name: 'Usability', description: 'Easy to learn and use', sortOrder: 10, archived: false }],
	organisations: [],
	periods: [],
}

/**
 * Mount the view with a store in the given state.
 *
 * @param state initial store state
 */
function mountView(state: Record<string, unknown>) {
	const wrapper = mount(CatalogueView, {
		global: { plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-catalogue': state } })] },
	})
	return { wrapper, store: useCatalogueStore() }
}

describe('CatalogueView', () => {
	it('loads the catalogue when shown', () => {
		const { store } = mountView({})
		expect(store.load).toHaveBeenCalledOnce()
	})

	it('tells a user without organisation whom to ask', () => {
		const { wrapper } = mountView({ notMember: true })
		expect(wrapper.text()).toContain('You are not a member of a test organisation yet. Ask your administrator.')
	})

	it('lists the pilots with their own components and the criteria', () => {
		const { wrapper } = mountView({ catalogue })
		expect(wrapper.text()).toContain('PoC 1: file sharing and web office')
		expect(wrapper.text()).toContain('Nextcloud')
		expect(wrapper.text()).toContain('File sharing · Nextcloud Hub')
		expect(wrapper.text()).not.toContain('Jitsi')
		expect(wrapper.text()).toContain('Usability')
	})
})
