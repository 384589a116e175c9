import type { ItemComment, ItemDetail, ItemPage, ItemSuggestion } from '../../../src/types/index.ts'

import { CanceledError } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conflictCurrent, fetchComments, fetchItem, fetchItems, fetchSuggestions, updateItemStatus } from '../../../src/api/items.ts'
import { buildItemParams, ItemConflictError, ITEMS_PER_PAGE, useItemsStore } from '../../../src/stores/items.ts'
import { deferred } from './deferred.ts'

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
		vi.mocked(fetchItems).mockResolvedValue({ items: [], total: 51, totalCapped: false, page: 2, limit: 25 })
		const store = useItemsStore()
		await store.loadPage({ status: ['new'], page: 2 })
		expect(fetchItems).toHaveBeenCalledWith({ status: 'new', sort: 'created', order: 'desc', page: 2, limit: ITEMS_PER_PAGE }, expect.any(AbortSignal))
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
		expect(fetchSuggestions).toHaveBeenCalledWith('upl', undefined, expect.any(AbortSignal))
		expect(store.suggestions).toEqual(found)
	})
})

/**
 * The signal the mocked api function got with its nth call.
 *
 * @param fetch the mocked api function
 * @param call which call, from 0
 */
function signalOf(fetch: { mock: { calls: unknown[][] } }, call: number): AbortSignal {
	return fetch.mock.calls[call]!.at(-1) as AbortSignal
}

describe('items store: the last answer wins', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
	})

	afterEach(() => {
		vi.resetAllMocks()
	})

	const pageOf = (page: number): ItemPage => ({ items: [], total: 60, totalCapped: false, page, limit: ITEMS_PER_PAGE })

	it('keeps the newer list when the answer for the previous filters arrives late', async () => {
		const older = deferred<ItemPage>()
		const newer = deferred<ItemPage>()
		vi.mocked(fetchItems).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useItemsStore()
		const first = store.loadPage({ page: 1 })
		const second = store.loadPage({ page: 2 })
		expect(signalOf(vi.mocked(fetchItems), 0).aborted).toBe(true)
		expect(signalOf(vi.mocked(fetchItems), 1).aborted).toBe(false)

		newer.resolve(pageOf(2))
		await second
		expect(store.page?.page).toBe(2)
		expect(store.listLoading).toBe(false)

		older.resolve(pageOf(1))
		await first
		expect(store.page?.page).toBe(2)
		expect(store.listLoading).toBe(false)
		expect(store.listError).toBeNull()
	})

	it('shows no error for the aborted request and stays loading until the newer answer', async () => {
		const older = deferred<ItemPage>()
		const newer = deferred<ItemPage>()
		vi.mocked(fetchItems).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useItemsStore()
		const first = store.loadPage({ page: 1 })
		const second = store.loadPage({ page: 2 })

		// what axios throws for a request whose signal was aborted
		older.reject(new CanceledError())
		await first
		expect(store.listError).toBeNull()
		expect(store.listLoading).toBe(true)

		newer.resolve(pageOf(2))
		await second
		expect(store.page?.page).toBe(2)
		expect(store.listLoading).toBe(false)
	})

	it('keeps the newer item and its comments when the item opened before arrives late', async () => {
		const olderItem = deferred<ItemDetail>()
		const newerItem = deferred<ItemDetail>()
		const olderComments = deferred<ItemComment[]>()
		const newerComments = deferred<ItemComment[]>()
		vi.mocked(fetchItem).mockReturnValueOnce(olderItem.promise).mockReturnValueOnce(newerItem.promise)
		vi.mocked(fetchComments).mockReturnValueOnce(olderComments.promise).mockReturnValueOnce(newerComments.promise)
		const store = useItemsStore()
		const first = store.loadItem(7)
		const second = store.loadItem(8)
		expect(fetchItem).toHaveBeenLastCalledWith(8, expect.any(AbortSignal))
		for (const fetch of [vi.mocked(fetchItem), vi.mocked(fetchComments)]) {
			expect(signalOf(fetch, 0).aborted).toBe(true)
			expect(signalOf(fetch, 1).aborted).toBe(false)
		}

		const comment: ItemComment = { id: 1, actorId: 'bmi', actorName: 'BMI', message: 'on 8', createdAt: 1 }
		newerItem.resolve(detail({ id: 8, title: 'Item B' }))
		newerComments.resolve([comment])
		await second
		expect(store.current?.id).toBe(8)
		expect(store.currentLoading).toBe(false)

		olderItem.resolve(detail({ id: 7, title: 'Item A' }))
		olderComments.resolve([])
		await first
		expect(store.current).toMatchObject({ id: 8, title: 'Item B' })
		expect(store.comments).toEqual([comment])
		expect(store.currentLoading).toBe(false)
		expect(store.currentError).toBeNull()
	})

	it('keeps the suggestions of the title typed last', async () => {
		const older = deferred<ItemSuggestion[]>()
		const newer = deferred<ItemSuggestion[]>()
		vi.mocked(fetchSuggestions).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useItemsStore()
		const first = store.searchSuggestions('uplo')
		const second = store.searchSuggestions('upload')
		expect(signalOf(vi.mocked(fetchSuggestions), 0).aborted).toBe(true)
		const found: ItemSuggestion[] = [{ id: 5, title: 'Upload fails', type: 'defect', status: 'new', supportCount: 2 }]
		newer.resolve(found)
		await second
		older.reject(new CanceledError())
		await first
		expect(store.suggestions).toEqual(found)
	})
})

/**
 * An item with some fields replaced.
 *
 * @param fields the replaced fields
 */
function detail(fields: Partial<ItemDetail> = {}): ItemDetail {
	return {
		id: 7,
		type: 'defect',
		title: 'Export fails',
		body: '',
		componentId: 1,
		pilotId: 2,
		priority: 'high',
		consolidatedPriority: null,
		status: 'new',
		reporterId: 'rki-tester1',
		reporterName: 'RKI Tester 1',
		organisationId: 1,
		duplicateOf: null,
		vendorReference: '',
		vendorUrl: '',
		supportCount: 0,
		supportedByMe: false,
		canEdit: true,
		allowedStatuses: ['in_review', 'rejected', 'duplicate'],
		version: 1,
		createdAt: 1,
		updatedAt: 1,
		attachments: [],
		history: [],
		supporters: [],
		canChangeStatus: true,
		mergedDuplicates: [],
		priorityPerOrganisation: [],
		...fields,
	}
}

describe('items store: conflicts', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
	})

	afterEach(() => {
		vi.resetAllMocks()
	})

	it('sends the version the user saw with a triage', async () => {
		vi.mocked(updateItemStatus).mockResolvedValue(detail({ status: 'in_review', version: 2 }))
		const store = useItemsStore()
		store.current = detail({ version: 1 })
		await store.changeStatus({ status: 'in_review' })
		expect(updateItemStatus).toHaveBeenCalledWith(7, { status: 'in_review', version: 1 })
		expect(store.current?.version).toBe(2)
		expect(store.conflict).toBeNull()
	})

	it('keeps both sides of a 409, shows the current item, and applies the user\'s change again on top of it', async () => {
		const theirs = detail({ status: 'in_review', version: 2 })
		vi.mocked(updateItemStatus).mockRejectedValueOnce(new Error('409'))
		vi.mocked(conflictCurrent).mockReturnValueOnce(theirs)
		const store = useItemsStore()
		store.current = detail({ version: 1 })
		await expect(store.changeStatus({ status: 'new', consolidatedPriority: 'critical' })).rejects.toBeInstanceOf(ItemConflictError)
		expect(store.current).toEqual(theirs)
		expect(store.conflict).toMatchObject({ kind: 'triage', base: { version: 1 }, mine: { status: 'new', consolidatedPriority: 'critical' }, current: { version: 2 } })

		vi.mocked(updateItemStatus).mockResolvedValue(detail({ status: 'in_review', consolidatedPriority: 'critical', version: 3 }))
		await store.resolveConflict('reapply')
		// the status the user did not change stays theirs; the priority the user chose is sent on version 2
		expect(updateItemStatus).toHaveBeenLastCalledWith(7, { status: 'in_review', consolidatedPriority: 'critical', version: 2 })
		expect(store.conflict).toBeNull()
		expect(store.current?.version).toBe(3)
	})

	it('drops the user\'s change when asked and keeps the current item', async () => {
		vi.mocked(updateItemStatus).mockRejectedValueOnce(new Error('409'))
		vi.mocked(conflictCurrent).mockReturnValueOnce(detail({ status: 'rejected', version: 5 }))
		const store = useItemsStore()
		store.current = detail({ version: 4 })
		await expect(store.changeStatus({ status: 'in_review' })).rejects.toBeInstanceOf(ItemConflictError)
		await store.resolveConflict('discard')
		expect(store.conflict).toBeNull()
		expect(store.current).toMatchObject({ status: 'rejected', version: 5 })
		expect(updateItemStatus).toHaveBeenCalledTimes(1)
	})

	it('passes on any other error without a conflict', async () => {
		vi.mocked(updateItemStatus).mockRejectedValueOnce(new Error('400'))
		vi.mocked(conflictCurrent).mockReturnValueOnce(null)
		const store = useItemsStore()
		store.current = detail()
		await expect(store.changeStatus({ status: 'done' })).rejects.toThrow('400')
		expect(store.conflict).toBeNull()
		expect(store.current?.status).toBe('new')
	})

	it('finds other items to name as the original, never the current one nor a duplicate', async () => {
		vi.mocked(fetchSuggestions).mockResolvedValue([
			{ id: 7, title: 'Export fails', type: 'defect', status: 'new', supportCount: 0 },
			{ id: 8, title: 'Export fails again', type: 'defect', status: 'duplicate', supportCount: 0 },
			{ id: 9, title: 'Export fails on PDF', type: 'defect', status: 'new', supportCount: 1 },
		])
		const store = useItemsStore()
		store.current = detail()
		expect(await store.findOthers('ex')).toEqual([])
		expect((await store.findOthers('export')).map((i) => i.id)).toEqual([9])
		expect(fetchSuggestions).toHaveBeenCalledWith('export', 10)
	})
})
