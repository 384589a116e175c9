import type { ItemSuggestion } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchItems, fetchSuggestions } from '../../../src/api/items.ts'
import { buildItemParams, ITEMS_PER_PAGE, useItemsStore } from '../../../src/stores/items.ts'

vi.mock('../../../src/api/items.ts')

describe('buildItemParams', () => {
	it('sends only the filters that are set, with default sorting and page 1', () => {
		expect(buildItemParams({})).toEqual({ sort: 'created', order: 'desc', page: 1, limit: ITEMS_PER_PAGE })
	})

	it('turns every filter into its query parameter', () => {
		expect(buildItemParams({
			pilotId: 5,
			q: 'export 50%',
			type: ['defect', 'security'],
			componentId: 3,
			priority: ['critical', 'high'],
			status: ['in_review'],
			organisationId: 2,
			mine: true,
			open: true,
			filedFrom: '2026-01',
			filedTo: '2026-03',
			closedFrom: '2026-02',
			closedTo: '2026-02',
			sort: 'support',
			order: 'asc',
			page: 4,
		})).toEqual({
			pilotId: 5,
			q: 'export 50%',
			type: 'defect,security',
			componentId: 3,
			priority: 'critical,high',
			status: 'in_review',
			organisationId: 2,
			mine: 1,
			open: 1,
			filedFrom: '2026-01',
			filedTo: '2026-03',
			closedFrom: '2026-02',
			closedTo: '2026-02',
			sort: 'support',
			order: 'asc',
			page: 4,
			limit: ITEMS_PER_PAGE,
		})
	})

	it('leaves out "mine" when false and never asks for a page below 1', () => {
		expect(buildItemParams({ mine: false, page: 0 })).toEqual({ sort: 'created', order: 'desc', page: 1, limit: ITEMS_PER_PAGE })
	})
})

describe('items store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
	})

	afterEach(() => {
		vi.resetAllMocks()
	})

	it('loads the page for the filters and counts the pages', async () => {
		vi.mocked(fetchItems).mockResolvedValue({ items: [], total: 51, page: 2, limit: 25 })
		const store = useItemsStore()
		await store.loadPage({ status: ['new'], page: 2 })
		expect(fetchItems).toHaveBeenCalledWith({ status: 'new', sort: 'created', order: 'desc', page: 2, limit: ITEMS_PER_PAGE })
		expect(store.page?.total).toBe(51)
		expect(store.pageCount).toBe(3)
		expect(store.listError).toBeNull()
	})

	it('keeps an error message when the list cannot be loaded', async () => {
		vi.mocked(fetchItems).mockRejectedValue(new Error('boom'))
		const store = useItemsStore()
		await store.loadPage({})
		expect(store.listError).not.toBeNull()
		expect(store.listLoading).toBe(false)
	})

	it('looks up suggestions only from 3 characters on', async () => {
		const found: ItemSuggestion[] = [{ id: 5, title: 'Upload fails', type: 'defect', status: 'new', supportCount: 2 }]
		vi.mocked(fetchSuggestions).mockResolvedValue(found)
		const store = useItemsStore()
		await store.searchSuggestions('up')
		expect(fetchSuggestions).not.toHaveBeenCalled()
		expect(store.suggestions).toEqual([])
		await store.searchSuggestions(' upl ')
		expect(fetchSuggestions).toHaveBeenCalledWith('upl')
		expect(store.suggestions).toEqual(found)
	})
})
