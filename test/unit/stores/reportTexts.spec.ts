import type * as ReportTextsApi from '../../../src/api/reportTexts.ts'
import type { ReportText } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchReportTextHistory, fetchReportTexts, ReportTextConflictError, saveReportText } from '../../../src/api/reportTexts.ts'
import { useReportTextsStore } from '../../../src/stores/reportTexts.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/reportTexts.ts', async (original) => ({
	ReportTextConflictError: (await original<typeof ReportTextsApi>()).ReportTextConflictError,
	fetchReportTexts: vi.fn(),
	fetchReportTextHistory: vi.fn(),
	saveReportText: vi.fn(),
}))

/**
 * A stored text.
 *
 * @param componentId the component; null for the foreword
 * @param body its Markdown
 * @param version its version
 * @param by who saved it
 */
function text(componentId: number | null, body: string, version: number, by = 'BMI'): ReportText {
	return { componentId, body, version, updatedBy: by.toLowerCase(), updatedByName: by, updatedAt: 1_764_000_000 + version }
}

describe('report texts store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.mocked(fetchReportTexts).mockReset()
		vi.mocked(fetchReportTextHistory).mockReset()
		vi.mocked(saveReportText).mockReset()
	})

	it('loads the foreword and the component comments of a pilot and period', async () => {
		vi.mocked(fetchReportTexts).mockResolvedValue({ pilotId: 3, period: '2026-Q4', foreword: text(null, 'Foreword', 2), components: [text(31, 'Mail', 1)] })
		const store = useReportTextsStore()
		await store.load(3, '2026-Q4')

		expect(fetchReportTexts).toHaveBeenCalledWith(3, '2026-Q4')
		expect(store.draft(null)).toBe('Foreword')
		expect(store.stored(31).version).toBe(1)
		expect(store.stored(32)).toMatchObject({ body: '', version: 0 })
		expect(store.isChanged(null)).toBe(false)
	})

	it('drops the answer of a load that a newer one replaced', async () => {
		const slow = deferred<Awaited<ReturnType<typeof fetchReportTexts>>>()
		vi.mocked(fetchReportTexts).mockReturnValueOnce(slow.promise).mockResolvedValueOnce({ pilotId: 4, period: '2026-11', foreword: text(null, 'Pilot 4', 1), components: [] })
		const store = useReportTextsStore()
		const first = store.load(3, '2026-11')
		await store.load(4, '2026-11')
		slow.resolve({ pilotId: 3, period: '2026-11', foreword: text(null, 'Pilot 3', 1), components: [] })
		await first
		expect(store.draft(null)).toBe('Pilot 4')
		expect(store.loading).toBe(false)
	})

	it('saves the draft with the stored version and says "saved" until the next edit', async () => {
		vi.mocked(fetchReportTexts).mockResolvedValue({ pilotId: 3, period: '2026-11', foreword: text(null, 'Old', 4), components: [] })
		vi.mocked(saveReportText).mockResolvedValue(text(null, 'New', 5))
		const store = useReportTextsStore()
		await store.load(3, '2026-11')
		store.setDraft(null, 'New ')
		expect(store.isChanged(null)).toBe(true)

		await store.save(null)
		expect(saveReportText).toHaveBeenCalledWith({ pilotId: 3, period: '2026-11', componentId: null }, 'New ', 4)
		expect(store.states.foreword).toBe('saved')
		expect(store.stored(null).version).toBe(5)
		expect(store.isChanged(null)).toBe(false)

		store.setDraft(null, 'Newer')
		expect(store.states.foreword).toBe('idle')
	})

	it('keeps the draft on a conflict and takes the stored version, so that saving again overwrites', async () => {
		vi.mocked(fetchReportTexts).mockResolvedValue({ pilotId: 3, period: '2026-11', foreword: text(null, '', 0), components: [text(31, 'Mine before', 1)] })
		vi.mocked(saveReportText)
			.mockRejectedValueOnce(new ReportTextConflictError('This text was changed meanwhile by Second.', text(31, 'Theirs', 2, 'Second')))
			.mockResolvedValueOnce(text(31, 'Mine', 3))
		const store = useReportTextsStore()
		await store.load(3, '2026-11')
		store.setDraft(31, 'Mine')

		await store.save(31)
		expect(store.states['component:31']).toBe('conflict')
		expect(store.messages['component:31']).toBe('This text was changed meanwhile by Second.')
		expect(store.draft(31)).toBe('Mine')
		expect(store.stored(31).body).toBe('Theirs')

		await store.save(31)
		expect(vi.mocked(saveReportText).mock.calls[1]).toEqual([{ pilotId: 3, period: '2026-11', componentId: 31 }, 'Mine', 2])
		expect(store.states['component:31']).toBe('saved')
	})

	it('shows the server\'s reason when a save fails, and keeps the draft', async () => {
		vi.mocked(fetchReportTexts).mockResolvedValue({ pilotId: 3, period: '2026-11', foreword: text(null, '', 0), components: [] })
		vi.mocked(saveReportText).mockRejectedValue(Object.assign(new Error('Request failed'), {
			isAxiosError: true,
			response: { status: 400, data: { ocs: { data: { message: 'Foreword is 20 001 characters long; at most 20 000 characters are allowed. Shorten it.' } } } },
		}))
		const store = useReportTextsStore()
		await store.load(3, '2026-11')
		store.setDraft(null, 'x')
		await store.save(null)
		expect(store.states.foreword).toBe('error')
		expect(store.messages.foreword).toBe('Foreword is 20 001 characters long; at most 20 000 characters are allowed. Shorten it.')
		expect(store.draft(null)).toBe('x')
	})

	it('loads the history, and loads it again after a save while it is shown', async () => {
		vi.mocked(fetchReportTexts).mockResolvedValue({ pilotId: 3, period: '2026-11', foreword: text(null, 'One', 1), components: [] })
		const one = { version: 1, body: 'One', changedBy: 'bmi', changedByName: 'BMI', changedAt: 1 }
		const two = { version: 2, body: 'Two', changedBy: 'bmi', changedByName: 'BMI', changedAt: 2 }
		vi.mocked(fetchReportTextHistory).mockResolvedValueOnce([one]).mockResolvedValueOnce([two, one])
		vi.mocked(saveReportText).mockResolvedValue(text(null, 'Two', 2))
		const store = useReportTextsStore()
		await store.load(3, '2026-11')
		await store.loadHistory(null)
		expect(store.histories.foreword).toEqual([one])

		store.setDraft(null, 'Two')
		await store.save(null)
		expect(fetchReportTextHistory).toHaveBeenLastCalledWith({ pilotId: 3, period: '2026-11', componentId: null })
		expect(store.histories.foreword).toEqual([two, one])
	})
})
