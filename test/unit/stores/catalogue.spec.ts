import { AxiosError, AxiosHeaders } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchCatalogue } from '../../../src/api/catalogue.ts'
import { useCatalogueStore } from '../../../src/stores/catalogue.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/catalogue.ts', () => ({ fetchCatalogue: vi.fn() }))

/**
 * An axios error for an answer with the given status.
 *
 * @param status HTTP status
 */
function httpError(status: number): AxiosError {
	const config = { headers: new AxiosHeaders() }
	return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, {}, {
		status,
		statusText: '',
		headers: {},
		config,
		data: { ocs: { meta: { status: 'failure', statuscode: status }, data: { message: 'Not allowed' } } },
	})
}

/** Two components of which the pilot uses one */
const catalogue = {
	pilots: [{ id: 1, title: 'PoC 1', description: '', status: 'active' as const, startDate: null, endDate: null, archived: false, componentIds: [11] }],
	components: [
		{ id: 11, name: 'Nextcloud', category: 'filesharing' as const, product: 'Nextcloud Hub', description: '', archived: false, pilotIds: [1] },
		{ id: 12, name: 'Jitsi', category: 'messaging' as const, product: 'Jitsi Meet', description: '', archived: false, pilotIds: [] },
	],
	criteria: [
		{ id: 2, name: 'Stability', description: '', sortOrder: 20, archived: false },
		{ id: 1, name: 'Usability', description: '', sortOrder: 10, archived: false },
	],
	organisations: [],
	periods: [],
}

describe('catalogue store', () => {
	beforeEach(() => setActivePinia(createPinia()))

	it('offers the components of each pilot and the criteria in order', async () => {
		vi.mocked(fetchCatalogue).mockResolvedValue(catalogue)
		const store = useCatalogueStore()
		await store.load()
		expect(store.componentsOf(store.pilots[0]!).map((component) => component.name)).toEqual(['Nextcloud'])
		expect(store.criteria.map((criterion) => criterion.name)).toEqual(['Usability', 'Stability'])
		expect(store.notMember).toBe(false)
	})

	it('marks a user without organisation on 403', async () => {
		vi.mocked(fetchCatalogue).mockRejectedValue(httpError(403))
		const store = useCatalogueStore()
		await store.load()
		expect(store.notMember).toBe(true)
		expect(store.loadError).toBeNull()
		expect(store.loading).toBe(false)
	})

	it('keeps other failures as a message', async () => {
		vi.mocked(fetchCatalogue).mockRejectedValue(httpError(500))
		const store = useCatalogueStore()
		await store.load()
		expect(store.notMember).toBe(false)
		expect(store.loadError).toBe('Not allowed')
	})

	it('shows no error when a load that was superseded fails late', async () => {
		const older = deferred<typeof catalogue>()
		vi.mocked(fetchCatalogue).mockReturnValueOnce(older.promise).mockResolvedValueOnce(catalogue)
		const store = useCatalogueStore()
		const first = store.load()
		await store.load()
		expect(vi.mocked(fetchCatalogue).mock.calls.at(-2)![0]!.aborted).toBe(true)
		older.reject(httpError(500))
		await first
		expect(store.loadError).toBeNull()
		expect(store.pilots).toHaveLength(1)
		expect(store.loading).toBe(false)
	})
})
