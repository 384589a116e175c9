import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchSummary, fetchSummaryAvailability, requestSummary } from '../../../src/api/summaries.ts'
import { POLL_MS, useSummariesStore } from '../../../src/stores/summaries.ts'

vi.mock('../../../src/api/summaries.ts', () => ({ fetchSummary: vi.fn(), fetchSummaryAvailability: vi.fn(), requestSummary: vi.fn() }))
vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn() }))

describe('summaries store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.clearAllMocks()
		vi.useFakeTimers()
	})

	afterEach(() => vi.useRealTimers())

	it('is unavailable when the server says so or cannot be asked', async () => {
		const store = useSummariesStore()
		vi.mocked(fetchSummaryAvailability).mockResolvedValue({ available: false })
		await store.checkAvailable()
		expect(store.available).toBe(false)
		vi.mocked(fetchSummaryAvailability).mockResolvedValue({ available: true })
		await store.checkAvailable()
		expect(store.available).toBe(true)
		vi.mocked(fetchSummaryAvailability).mockRejectedValue(new Error('offline'))
		await store.checkAvailable()
		expect(store.available).toBe(false)
	})

	it('asks for a summary and follows it until it is written', async () => {
		vi.mocked(requestSummary).mockResolvedValue({ id: 5, status: 'scheduled', text: null, machineGenerated: true })
		vi.mocked(fetchSummary)
			.mockResolvedValueOnce({ id: 5, status: 'running', text: null, machineGenerated: true })
			.mockResolvedValueOnce({ id: 5, status: 'successful', text: 'Testers like it.', machineGenerated: true })
		const store = useSummariesStore()
		await store.request(3, 1)
		expect(requestSummary).toHaveBeenCalledWith({ componentId: 3, periodId: 1 })
		await vi.advanceTimersByTimeAsync(POLL_MS)
		expect(store.current?.status).toBe('running')
		await vi.advanceTimersByTimeAsync(POLL_MS)
		expect(store.current?.text).toBe('Testers like it.')
		await vi.advanceTimersByTimeAsync(3 * POLL_MS)
		expect(fetchSummary).toHaveBeenCalledTimes(2)
	})
})
