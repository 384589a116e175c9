import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import ItemListView from '../../../src/views/ItemListView.vue'
import { useBulkTriageStore } from '../../../src/stores/bulkTriage.ts'
import { useItemsStore } from '../../../src/stores/items.ts'

const page = {
	items: [{ id: 1, type: 'defect', title: 'Upload stalls', priority: 'high', consolidatedPriority: null, status: 'new', organisationId: 1, componentId: 3, createdAt: 0, supportCount: 0 }],
	total: 1,
	totalCapped: false,
	page: 1,
	limit: 25,
}

/**
 * The view at a route, for a user; the bulk bar is stubbed to a button that reports "applied".
 *
 * @param path the route with its query
 * @param isConsolidator whether the user is a consolidator
 * @param selected ids selected for bulk triage
 * @param listPage the page of items the store holds
 */
async function mountView(path: string, isConsolidator: boolean, selected: number[] = [], listPage = page) {
	const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/items', component: ItemListView }, { path: '/items/:id', component: { template: '<div />' } }] })
	await router.push(path)
	const wrapper = mount(ItemListView, {
		global: {
			plugins: [router, createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me: { userId: isConsolidator ? 'bmi' : 'rki-tester1', isConsolidator, organisations: [] } },
					'pilotfeedback-items': { page: listPage },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations: [], periods: [] } },
					'pilotfeedback-bulk-triage': { selected },
				},
			})],
			stubs: { ItemBulkBar: { emits: ['applied'], template: '<button class="bulk-stub" @click="$emit(\'applied\')">bar</button>' } },
		},
	})
	await flushPromises()
	return { wrapper, router, items: useItemsStore(), bulk: useBulkTriageStore() }
}

describe('ItemListView', () => {
	it('loads the page for the filters of the URL, lists comma-separated', async () => {
		const { items } = await mountView('/items?q=mail&priority=critical,high&open=1&filedFrom=2026-01', false)
		expect(items.loadPage).toHaveBeenCalledWith(expect.objectContaining({ q: 'mail', priority: ['high', 'critical'], open: true, filedFrom: '2026-01' }))
	})

	it('offers selection and the bulk bar to consolidators only', async () => {
		const tester = await mountView('/items', false, [1])
		expect(tester.wrapper.findAll('.item-table__select')).toHaveLength(0)
		expect(tester.wrapper.find('.bulk-stub').exists()).toBe(false)

		const consolidator = await mountView('/items', true, [1])
		expect(consolidator.wrapper.findAll('.item-table__select input[type="checkbox"]')).toHaveLength(2)
		expect(consolidator.wrapper.find('.bulk-stub').exists()).toBe(true)
	})

	it('after a bulk change, clears the selection and loads the list again', async () => {
		const { wrapper, items, bulk } = await mountView('/items?status=new', true, [1])
		vi.mocked(items.loadPage).mockClear()
		await wrapper.find('.bulk-stub').trigger('click')
		expect(bulk.clear).toHaveBeenCalled()
		expect(items.loadPage).toHaveBeenCalledWith(expect.objectContaining({ status: ['new'] }))
	})

	it('another list clears the selection', async () => {
		const { router, bulk } = await mountView('/items', true, [1])
		vi.mocked(bulk.clear).mockClear()
		await router.push('/items?page=2')
		await flushPromises()
		expect(bulk.clear).toHaveBeenCalled()
	})

	it('says how many items there are, and "more than" when a search stopped counting', async () => {
		const exact = await mountView('/items', false, [], { ...page, total: 60 })
		expect(exact.wrapper.find('.item-list-view__total').text()).toBe('60 items')

		const capped = await mountView('/items?q=link', false, [], { ...page, total: 1000, totalCapped: true, limit: 100 })
		expect(capped.wrapper.find('.item-list-view__total').text()).toBe('More than 1000 items')
		const pagination = capped.wrapper.find('.item-pagination')
		expect(pagination.text()).toContain('Page 1 of more than 10')
		const next = pagination.findAll('button').at(-1)
		expect(next?.attributes('disabled')).toBeUndefined()
	})
})
