import type { ConsolidationResults, ConsolidationTrend, ItemsOverview, Participation } from '../../../src/types/index.ts'

import { AxiosError, AxiosHeaders, CanceledError } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchItemsOverview, fetchParticipation, fetchResults, fetchTrend } from '../../../src/api/consolidation.ts'
import { useConsolidationStore } from '../../../src/stores/consolidation.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/consolidation.ts', () => ({
	fetchResults: vi.fn(),
	fetchTrend: vi.fn(),
	fetchParticipation: vi.fn(),
	fetchItemsOverview: vi.fn(),
}))

const range = { from: '2026-01', to: '2026-03', months: ['2026-01', '2026-02', '2026-03'] }
const results: ConsolidationResults = { pilotId: 1, range, releasedOnly: false, components: [], organisations: [] }
const trend: ConsolidationTrend = { pilotId: 1, range, releasedOnly: false, organisationId: null, lowRatingThreshold: 3, series: [] }
const participation: Participation = { pilotId: 1, range, releasedOnly: false, componentsInPilot: 2, rows: [] }
const items: ItemsOverview = { pilotId: 1, range, counts: [], organisationIds: [3, 4], openUrgent: [], perMonth: [], ranking: [], rankingWeights: { low: 1, medium: 2, high: 4, critical: 8 } }

describe('consolidation store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.mocked(fetchResults).mockReset().mockResolvedValue(results)
		vi.mocked(fetchTrend).mockReset().mockResolvedValue(trend)
		vi.mocked(fetchParticipation).mockReset().mockResolvedValue(participation)
		vi.mocked(fetchItemsOverview).mockReset().mockResolvedValue(items)
	})

	it('loads nothing while no pilot is chosen', async () => {
		const store = useConsolidationStore()
		await store.load({ pilotId: null, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		expect(fetchResults).not.toHaveBeenCalled()
		expect(store.results).toBeNull()
	})

	it('loads every figure with the same parameters', async () => {
		const store = useConsolidationStore()
		await store.load({ pilotId: 1, kind: 'quarter', from: '2026-02', to: '2026-02', releasedOnly: true })
		const params = { pilotId: 1, quarter: '2026-Q1', releasedOnly: true }
		for (const fetch of [fetchResults, fetchTrend, fetchParticipation, fetchItemsOverview]) {
			expect(fetch).toHaveBeenCalledExactlyOnceWith(params, expect.any(AbortSignal))
		}
		expect(store.results).toEqual(results)
		expect(store.trend).toEqual(trend)
		expect(store.participation).toEqual(participation)
		expect(store.items).toEqual(items)
		expect(store.loading).toBe(false)
		expect(store.error).toBeNull()
	})

	it('shows the server\'s message and drops stale figures when a load fails', async () => {
		const store = useConsolidationStore()
		await store.load({ pilotId: 1, kind: 'month', from: '2026-02', to: '2026-02', releasedOnly: false })
		expect(store.results).not.toBeNull()
		const config = { headers: new AxiosHeaders() }
		const refusal = new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, {}, {
			status: 400,
			statusText: '',
			headers: {},
			config,
			data: { ocs: { meta: { status: 'failure', statuscode: 400 }, data: { message: 'The range covers 37 months; at most 36 months are allowed.' } } },
		})
		vi.mocked(fetchTrend).mockRejectedValue(refusal)
		await store.load({ pilotId: 1, kind: 'range', from: '2024-01', to: '2027-01', releasedOnly: false })
		expect(store.error).toBe('The range covers 37 months; at most 36 months are allowed.')
		expect(store.results).toBeNull()
		expect(store.trend).toBeNull()
		expect(store.loading).toBe(false)
	})

	it('keeps the figures of the newer filters when the answer for the previous ones arrives late', async () => {
		const older = deferred<ConsolidationResults>()
		const newer = deferred<ConsolidationResults>()
		vi.mocked(fetchResults).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useConsolidationStore()
		const first = store.load({ pilotId: 1, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		const second = store.load({ pilotId: 2, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		// the four requests of a load share its signal
		for (const fetch of [fetchResults, fetchTrend, fetchParticipation, fetchItemsOverview]) {
			expect(vi.mocked(fetch).mock.calls[0]![1]!.aborted).toBe(true)
			expect(vi.mocked(fetch).mock.calls[1]![1]!.aborted).toBe(false)
		}

		newer.resolve({ ...results, pilotId: 2 })
		await second
		expect(store.results?.pilotId).toBe(2)
		expect(store.loading).toBe(false)

		older.resolve({ ...results, pilotId: 1 })
		await first
		expect(store.results?.pilotId).toBe(2)
		expect(store.trend).toEqual(trend)
		expect(store.loading).toBe(false)
		expect(store.error).toBeNull()
	})

	it('shows no error for the aborted load and stays loading until the newer answer', async () => {
		const older = deferred<ConsolidationResults>()
		const newer = deferred<ConsolidationResults>()
		vi.mocked(fetchResults).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
		const store = useConsolidationStore()
		const first = store.load({ pilotId: 1, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		const second = store.load({ pilotId: 2, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		older.reject(new CanceledError())
		await first
		expect(store.error).toBeNull()
		expect(store.loading).toBe(true)
		newer.resolve({ ...results, pilotId: 2 })
		await second
		expect(store.results?.pilotId).toBe(2)
		expect(store.loading).toBe(false)
	})

	it('drops figures still on their way when the pilot is cleared', async () => {
		const older = deferred<ConsolidationResults>()
		vi.mocked(fetchResults).mockReturnValueOnce(older.promise)
		const store = useConsolidationStore()
		const first = store.load({ pilotId: 1, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		await store.load({ pilotId: null, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
		expect(store.loading).toBe(false)
		older.resolve(results)
		await first
		expect(store.results).toBeNull()
		expect(store.loading).toBe(false)
	})

	describe('items overview of one organisation', () => {
		const filters = { pilotId: 1, kind: 'month' as const, from: '2026-02', to: '2026-02', releasedOnly: false }
		const count = { componentId: 5, type: 'defect' as const, priority: 'high' as const, status: 'new' as const, count: 2 }
		const ofOrganisation = (organisationId: number): ItemsOverview => ({ ...items, organisations: [{ organisationId, counts: [count] }] })

		it('asks for the breakdown of the organisation picked, and for none across all', async () => {
			const store = useConsolidationStore()
			await store.load(filters)
			expect(fetchItemsOverview).toHaveBeenCalledExactlyOnceWith({ pilotId: 1, month: '2026-02' }, expect.any(AbortSignal))
			vi.mocked(fetchItemsOverview).mockResolvedValueOnce(ofOrganisation(3))
			await store.pickItemsOrganisation(3)
			expect(fetchItemsOverview).toHaveBeenLastCalledWith({ pilotId: 1, month: '2026-02', organisationId: 3 }, expect.any(AbortSignal))
			expect(store.itemsOrganisationId).toBe(3)
			expect(store.items?.organisations).toEqual([{ organisationId: 3, counts: [count] }])
			// all organisations: the counts across all are in the overview already
			await store.pickItemsOrganisation(0)
			expect(fetchItemsOverview).toHaveBeenCalledTimes(2)
			expect(store.itemsOrganisationId).toBe(0)
		})

		it('asks again for the picked organisation when the filters change, and forgets one the pilot does not have', async () => {
			const store = useConsolidationStore()
			await store.load(filters)
			vi.mocked(fetchItemsOverview).mockResolvedValueOnce(ofOrganisation(4))
			await store.pickItemsOrganisation(4)
			vi.mocked(fetchItemsOverview).mockResolvedValueOnce(items).mockResolvedValueOnce(ofOrganisation(4))
			await store.load({ ...filters, from: '2026-03', to: '2026-03' })
			expect(vi.mocked(fetchItemsOverview).mock.calls.slice(2).map((call) => call[0])).toEqual([
				{ pilotId: 1, month: '2026-03' },
				{ pilotId: 1, month: '2026-03', organisationId: 4 },
			])
			expect(store.items?.organisations?.[0]?.organisationId).toBe(4)

			vi.mocked(fetchItemsOverview).mockResolvedValueOnce({ ...items, pilotId: 2, organisationIds: [7] })
			await store.load({ ...filters, pilotId: 2 })
			expect(fetchItemsOverview).toHaveBeenCalledTimes(5)
			expect(store.itemsOrganisationId).toBe(0)
		})

		it('keeps the counts across all with the message when the organisation\'s cannot be loaded', async () => {
			const store = useConsolidationStore()
			await store.load(filters)
			vi.mocked(fetchItemsOverview).mockRejectedValueOnce(new Error('Network Error'))
			await store.pickItemsOrganisation(3)
			expect(store.itemsOrganisationId).toBe(0)
			expect(store.items).toEqual(items)
			expect(store.error).toBe('Could not load the consolidated results.')
		})

		it('drops an organisation\'s counts that arrive after newer filters', async () => {
			const store = useConsolidationStore()
			await store.load(filters)
			const late = deferred<ItemsOverview>()
			vi.mocked(fetchItemsOverview).mockReturnValueOnce(late.promise)
			const picking = store.pickItemsOrganisation(3)
			vi.mocked(fetchItemsOverview).mockResolvedValueOnce({ ...items, pilotId: 2 }).mockResolvedValueOnce({ ...ofOrganisation(3), pilotId: 2 })
			await store.load({ ...filters, pilotId: 2 })
			late.resolve(ofOrganisation(3))
			await picking
			expect(store.items?.pilotId).toBe(2)
			expect(store.items?.organisations?.[0]?.organisationId).toBe(3)
		})
	})
})
