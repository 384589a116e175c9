import type { Assessment, RatingSheet } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchRatingSheet, saveAssessment } from '../../../src/api/ratings.ts'
import { AUTOSAVE_DELAY_MS, useRatingsStore } from '../../../src/stores/ratings.ts'

vi.mock('../../../src/api/ratings.ts')
vi.mock('@nextcloud/dialogs')

/** A sheet with an open period, one criterion and two components, the first one rated */
function sheet(status: 'open' | 'closed' = 'open'): RatingSheet {
	return {
		period: { id: 7, month: '2025-03', status },
		criteria: [{ id: 1, name: 'Usability', description: '', sortOrder: 0, archived: false }],
		components: [
			{ id: 10, name: 'Files', category: 'filesharing', product: 'Nextcloud', description: '', archived: false, pilotIds: [1] },
			{ id: 11, name: 'Chat', category: 'messaging', product: 'Element', description: '', archived: false, pilotIds: [1] },
		],
		assessments: [assessment(10, 4)],
	}
}

/**
 * A saved assessment.
 *
 * @param componentId the rated component
 * @param overall the overall score
 */
function assessment(componentId: number, overall: number): Assessment {
	return { id: componentId, componentId, periodId: 7, userId: 'alice', organisationId: 1, overall, comment: '', scores: [], updatedAt: 0 }
}

describe('ratings store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.useFakeTimers()
	})

	afterEach(() => {
		vi.useRealTimers()
		vi.resetAllMocks()
	})

	it('lists the components not rated yet', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		const store = useRatingsStore()
		await store.load()
		expect(store.unratedComponentIds).toEqual([11])
		expect(store.editable).toBe(true)
	})

	it('is read-only when the period is closed or missing', async () => {
		const store = useRatingsStore()
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet('closed'))
		await store.load()
		expect(store.editable).toBe(false)
		vi.mocked(fetchRatingSheet).mockResolvedValue({ ...sheet(), period: null })
		await store.load()
		expect(store.editable).toBe(false)
	})

	it('saves only the last edit after the autosave delay', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		vi.mocked(saveAssessment).mockResolvedValue(assessment(11, 5))
		const store = useRatingsStore()
		await store.load()

		store.scheduleSave(11, { overall: 3, comment: 'a', scores: [] })
		store.scheduleSave(11, { overall: 5, comment: 'ab', scores: [{ criterionId: 1, score: 2 }] })
		expect(store.saveStates[11]).toBe('pending')
		expect(saveAssessment).not.toHaveBeenCalled()

		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
		expect(saveAssessment).toHaveBeenCalledWith(7, 11, { overall: 5, comment: 'ab', scores: [{ criterionId: 1, score: 2 }] })
		expect(store.saveStates[11]).toBe('saved')
		expect(store.unratedComponentIds).toEqual([])
	})

	it('marks a failed save as error', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		vi.mocked(saveAssessment).mockRejectedValue(new Error('offline'))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave(10, { overall: 1, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(store.saveStates[10]).toBe('error')
	})

	it('saves pending edits at once when flushed', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		vi.mocked(saveAssessment).mockResolvedValue(assessment(11, 2))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave(11, { overall: 2, comment: '', scores: [] })
		await store.flushPendingSaves()
		expect(saveAssessment).toHaveBeenCalledWith(7, 11, { overall: 2, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
	})
})
