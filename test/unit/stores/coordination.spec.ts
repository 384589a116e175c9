import type { ItemPage, OrganisationProgress } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchProgress } from '../../../src/api/coordination.ts'
import { fetchItems } from '../../../src/api/items.ts'
import { useCoordinationStore } from '../../../src/stores/coordination.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/coordination.ts', () => ({ fetchProgress: vi.fn(), releaseOrganisation: vi.fn(), reopenRelease: vi.fn() }))
vi.mock('../../../src/api/items.ts', () => ({ fetchItems: vi.fn() }))

/**
 * An organisation's progress in a period.
 *
 * @param organisationId the organisation
 * @param periodId the period
 */
function progressOf(organisationId: number, periodId: number): OrganisationProgress {
	return { period: { id: periodId, month: '2026-12', status: 'open' }, organisationId, componentIds: [], members: [], release: null, history: [] }
}

describe('coordination store: the last answer wins', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.mocked(fetchProgress).mockReset()
		vi.mocked(fetchItems).mockReset()
	})

	it('keeps the newer progress of an organisation loaded again, and is loading until it is there', async () => {
		const older = deferred<OrganisationProgress>()
		const newer = deferred<OrganisationProgress>()
		vi.mocked(fetchProgress).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useCoordinationStore()
		const first = store.load(1)
		const second = store.load(1)
		expect(vi.mocked(fetchProgress).mock.calls[0]![2]!.aborted).toBe(true)
		expect(store.loadingIds).toEqual([1])

		newer.resolve(progressOf(1, 6))
		await second
		older.resolve(progressOf(1, 5))
		await first
		expect(store.progress[1]?.period.id).toBe(6)
		expect(store.loadingIds).toEqual([])
		expect(store.errors).toEqual({})
	})

	it('does not abort the load of another organisation', async () => {
		vi.mocked(fetchProgress).mockImplementation(async (organisationId) => progressOf(organisationId, 5))
		const store = useCoordinationStore()
		await Promise.all([store.load(1), store.load(2)])
		expect(vi.mocked(fetchProgress).mock.calls.map((call) => call[2]!.aborted)).toEqual([false, false])
		expect(Object.keys(store.progress)).toEqual(['1', '2'])
	})

	it('keeps the newer items of an organisation loaded again', async () => {
		const older = deferred<ItemPage>()
		vi.mocked(fetchItems).mockReturnValueOnce(older.promise).mockResolvedValueOnce({ items: [], total: 4, totalCapped: false, page: 1, limit: 100 })
		const store = useCoordinationStore()
		const first = store.loadItems(1)
		await store.loadItems(1)
		older.resolve({ items: [], total: 3, totalCapped: false, page: 1, limit: 100 })
		await first
		expect(store.items[1]?.total).toBe(4)
		expect(store.itemErrors).toEqual({})
	})
})
