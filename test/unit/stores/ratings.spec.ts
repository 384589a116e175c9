import type { Assessment, RatingSheet } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AssessmentConflictError, fetchRatingSheet, saveAssessment } from '../../../src/api/ratings.ts'
import { AUTOSAVE_DELAY_MS, useRatingsStore } from '../../../src/stores/ratings.ts'

vi.mock('../../../src/api/ratings.ts', async (importOriginal) => {
	const original = await importOriginal<Record<string, unknown>>()
	return { ...original, fetchRatingSheet: vi.fn(), saveAssessment: vi.fn() }
})
vi.mock('@nextcloud/dialogs')

/** A sheet with an open period, one criterion and two components in one pilot, the first one rated */
function sheet(status: 'open' | 'closed' = 'open'): RatingSheet {
	return {
		period: { id: 7, month: '2025-03', status },
		criteria: [{ id: 1, name: 'Usability', nameEn: 'Usability', nameDe: 'Usability', description: '', descriptionEn: '', descriptionDe: '', sortOrder: 0, archived: false }],
		components: [
			{ id: 10, name: 'Files', nameEn: 'Files', nameDe: 'Files', category: 'filesharing', product: 'Nextcloud', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [1] },
			{ id: 11, name: 'Chat', nameEn: 'Chat', nameDe: 'Chat', category: 'messaging', product: 'Element', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [1] },
		],
		pilots: [{ id: 1, title: 'PoC 1', organisationId: 1, componentIds: [10, 11], locked: false }],
		assessments: [assessment(10, 4)],
		previousPeriod: null,
		previous: [],
	}
}

/**
 * A saved assessment.
 *
 * @param componentId the rated component
 * @param overall the overall score
 * @param version its version
 * @param comment its comment
 * @param pilotId the pilot it was rated in
 */
function assessment(componentId: number, overall: number | null, version = 1, comment = '', pilotId = 1): Assessment {
	return { id: componentId + 100 * pilotId, pilotId, componentId, periodId: 7, userId: 'alice', organisationId: 1, overall, comment, scores: [], rated: overall !== null, version, updatedAt: 0 }
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
		expect(store.unratedKeys).toEqual(['1:11'])
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

		store.scheduleSave('1:11', { overall: 3, comment: 'a', scores: [] })
		store.scheduleSave('1:11', { overall: 5, comment: 'ab', scores: [{ criterionId: 1, score: 2 }] })
		expect(store.saveStates['1:11']).toBe('pending')
		expect(saveAssessment).not.toHaveBeenCalled()

		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
		// A first save says "version 0": there was none yet.
		expect(saveAssessment).toHaveBeenCalledWith(7, 11, { pilotId: 1, overall: 5, comment: 'ab', scores: [{ criterionId: 1, score: 2 }], version: 0 })
		expect(store.saveStates['1:11']).toBe('saved')
		expect(store.unratedKeys).toEqual([])
	})

	it('marks a failed save as error', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		vi.mocked(saveAssessment).mockRejectedValue(new Error('offline'))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave('1:10', { overall: 1, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(store.saveStates['1:10']).toBe('error')
	})

	it('saves pending edits at once when flushed', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		vi.mocked(saveAssessment).mockResolvedValue(assessment(11, 2))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave('1:11', { overall: 2, comment: '', scores: [] })
		await store.flushPendingSaves()
		expect(saveAssessment).toHaveBeenCalledWith(7, 11, { pilotId: 1, overall: 2, comment: '', scores: [], version: 0 })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
	})

	it('does not count a comment alone as a rating', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue({ ...sheet(), assessments: [assessment(10, 4), assessment(11, null, 1, 'just a note')] })
		const store = useRatingsStore()
		await store.load()
		expect(store.unratedKeys).toEqual(['1:11'])
		expect(store.states.get('1:11')).toBe('draft')
		// An overall score without the criterion's score: rated, but only partly.
		expect(store.states.get('1:10')).toBe('partly')
	})

	it('opens the first unrated component', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		const store = useRatingsStore()
		await store.load()
		expect(store.selectedKey).toBe('1:11')
	})

	it('sends the version of the assessment on the sheet, and the new one after its own save', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		let resolveFirst: (value: Assessment) => void = () => undefined
		vi.mocked(saveAssessment)
			.mockImplementationOnce(() => new Promise((resolve) => {
				resolveFirst = resolve
			}))
			.mockResolvedValueOnce(assessment(10, 2, 3))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave('1:10', { overall: 1, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenLastCalledWith(7, 10, { pilotId: 1, overall: 1, comment: '', scores: [], version: 1 })
		// A second edit while the first save is under way waits for it and sends its version.
		store.scheduleSave('1:10', { overall: 2, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
		resolveFirst(assessment(10, 1, 2))
		await vi.advanceTimersByTimeAsync(0)
		expect(saveAssessment).toHaveBeenCalledTimes(2)
		expect(saveAssessment).toHaveBeenLastCalledWith(7, 10, { pilotId: 1, overall: 2, comment: '', scores: [], version: 2 })
		expect(store.saveStates['1:10']).toBe('saved')
	})

	it('turns a refused save into a conflict that keeps what the user typed', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		const theirs = assessment(10, 5, 2, 'from the other tab')
		vi.mocked(saveAssessment).mockRejectedValueOnce(new AssessmentConflictError('Changed meanwhile', theirs))
		const store = useRatingsStore()
		await store.load()
		const mine = { overall: 1, comment: 'mine', scores: [] }
		store.scheduleSave('1:10', mine)
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(store.saveStates['1:10']).toBe('conflict')
		expect(store.conflicts['1:10']).toEqual({ mine, theirs, message: 'Changed meanwhile' })
		expect(store.edits['1:10']).toEqual(mine)
		// Further typing is kept with the conflict and not sent until the user chooses.
		const more = { overall: 2, comment: 'mine, more', scores: [] }
		store.scheduleSave('1:10', more)
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledTimes(1)
		expect(store.conflicts['1:10'].mine).toEqual(more)
	})

	it('overwrites with mine: saves the edit with the version of theirs', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		const theirs = assessment(10, 5, 2, 'from the other tab')
		vi.mocked(saveAssessment)
			.mockRejectedValueOnce(new AssessmentConflictError('Changed meanwhile', theirs))
			.mockResolvedValueOnce(assessment(10, 1, 3, 'mine'))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave('1:10', { overall: 1, comment: 'mine', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		await store.overwriteWithMine('1:10')
		expect(saveAssessment).toHaveBeenLastCalledWith(7, 10, { pilotId: 1, overall: 1, comment: 'mine', scores: [], version: 2 })
		expect(store.conflicts['1:10']).toBeUndefined()
		expect(store.saveStates['1:10']).toBe('saved')
		expect(store.assessmentsByKey.get('1:10')?.version).toBe(3)
	})

	it('loads theirs: the sheet shows the stored assessment and the form starts again', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue(sheet())
		const theirs = assessment(10, 5, 2, 'from the other tab')
		vi.mocked(saveAssessment).mockRejectedValueOnce(new AssessmentConflictError('Changed meanwhile', theirs))
		const store = useRatingsStore()
		await store.load()
		store.scheduleSave('1:10', { overall: 1, comment: 'mine', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		store.loadTheirs('1:10')
		expect(store.assessmentsByKey.get('1:10')).toEqual(theirs)
		expect(store.edits['1:10']).toBeUndefined()
		expect(store.conflicts['1:10']).toBeUndefined()
		expect(store.formGenerations['1:10']).toBe(1)
	})

	it('keeps a loaded sheet shown while it loads again, and restarts only forms changed elsewhere', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValueOnce(sheet())
		const store = useRatingsStore()
		await store.load()
		let resolve: (value: RatingSheet) => void = () => undefined
		vi.mocked(fetchRatingSheet).mockImplementationOnce(() => new Promise((r) => {
			resolve = r
		}))
		const again = store.load()
		expect(store.loading).toBe(false)
		expect(store.sheet?.assessments).toHaveLength(1)
		resolve({ ...sheet(), assessments: [assessment(10, 2, 5)] })
		await again
		expect(store.assessmentsByKey.get('1:10')?.version).toBe(5)
		expect(store.formGenerations['1:10']).toBe(1)
		expect(store.formGenerations['1:11']).toBeUndefined()
	})

	it('rates a component in two pilots separately', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue({
			...sheet(),
			pilots: [
				{ id: 1, title: 'PoC 1', organisationId: 1, componentIds: [10, 11], locked: false },
				{ id: 3, title: 'PoC 3', organisationId: 1, componentIds: [10], locked: true },
			],
		})
		vi.mocked(saveAssessment).mockResolvedValue(assessment(10, 5, 1, '', 3))
		const store = useRatingsStore()
		await store.load()
		expect(store.groups.map((group) => [group.title, group.slots.map((slot) => slot.key)])).toEqual([['PoC 1', ['1:10', '1:11']], ['PoC 3', ['3:10']]])
		expect(store.slotsByKey.get('3:10')?.locked).toBe(true)
		// rated in PoC 1, not yet in PoC 3
		expect(store.unratedKeys).toEqual(['1:11', '3:10'])
		store.scheduleSave('3:10', { overall: 5, comment: '', scores: [] })
		await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
		expect(saveAssessment).toHaveBeenCalledWith(7, 10, { overall: 5, comment: '', scores: [], pilotId: 3, version: 0 })
		expect(store.assessmentsByKey.get('3:10')?.overall).toBe(5)
		expect(store.assessmentsByKey.get('1:10')?.overall).toBe(4)
		expect(store.unratedKeys).toEqual(['1:11'])
	})

	it('opens a linked component in its pilot, or in the first that holds it', async () => {
		vi.mocked(fetchRatingSheet).mockResolvedValue({
			...sheet(),
			pilots: [
				{ id: 1, title: 'PoC 1', organisationId: 1, componentIds: [10, 11], locked: false },
				{ id: 3, title: 'PoC 3', organisationId: 1, componentIds: [11], locked: false },
			],
		})
		const store = useRatingsStore()
		store.selectComponent(11, 3)
		await store.load()
		expect(store.selectedKey).toBe('3:11')
		store.selectComponent(10, null)
		expect(store.selectedKey).toBe('1:10')
	})
})
