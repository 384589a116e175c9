import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchMe } from '../../../src/api/me.ts'
import { useMeStore } from '../../../src/stores/me.ts'

vi.mock('../../../src/api/me.ts', () => ({ fetchMe: vi.fn() }))

/** A tester of one organisation */
const tester = { userId: 'anna', displayName: 'Anna', isAdmin: false, isConsolidator: false, organisations: [{ id: 1, name: 'Robert Koch-Institut', shortName: 'RKI', isCoordinator: false }] }

describe('me store', () => {
	beforeEach(() => setActivePinia(createPinia()))

	it('lets a plain tester not coordinate', async () => {
		vi.mocked(fetchMe).mockResolvedValue(tester)
		const store = useMeStore()
		await store.load()
		expect(store.me?.userId).toBe('anna')
		expect(store.canCoordinate).toBe(false)
	})

	it('lets coordinators and consolidators coordinate', async () => {
		const store = useMeStore()
		vi.mocked(fetchMe).mockResolvedValue({ ...tester, organisations: [{ ...tester.organisations[0]!, isCoordinator: true }] })
		await store.load()
		expect(store.canCoordinate).toBe(true)
		vi.mocked(fetchMe).mockResolvedValue({ ...tester, organisations: [], isConsolidator: true })
		await store.load()
		expect(store.canCoordinate).toBe(true)
	})

	it('offers rating and filing only to members of an organisation, not to a consolidator outside them', async () => {
		const store = useMeStore()
		vi.mocked(fetchMe).mockResolvedValue(tester)
		await store.load()
		expect(store.canParticipate).toBe(true)
		vi.mocked(fetchMe).mockResolvedValue({ ...tester, organisations: [], isConsolidator: true })
		await store.load()
		expect(store.canParticipate).toBe(false)
	})
})
