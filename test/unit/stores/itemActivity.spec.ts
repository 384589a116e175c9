import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchItemActivity } from '../../../src/api/activity.ts'
import { useItemActivityStore } from '../../../src/stores/itemActivity.ts'

vi.mock('../../../src/api/activity.ts', () => ({ fetchItemActivity: vi.fn() }))

const entry = { activity_id: 3, subject: 'BMI changed the status of Upload fails to "In review"', datetime: '2026-12-01T10:00:00+00:00' }

describe('item activity store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.clearAllMocks()
	})

	it('loads the entries of an item', async () => {
		vi.mocked(fetchItemActivity).mockResolvedValue([entry])
		const store = useItemActivityStore()
		await store.load(7)
		expect(fetchItemActivity).toHaveBeenCalledWith(7, expect.any(AbortSignal))
		expect(store.entries).toEqual([entry])
		expect(store.itemId).toBe(7)
	})

	it('shows nothing when loading fails', async () => {
		vi.mocked(fetchItemActivity).mockResolvedValueOnce([entry]).mockRejectedValueOnce(new Error('offline'))
		const store = useItemActivityStore()
		await store.load(7)
		await store.load(8)
		expect(store.entries).toEqual([])
	})

	it('keeps the entries of the item opened last when an older answer arrives late', async () => {
		let answerFirst: (entries: typeof entry[]) => void = () => {}
		vi.mocked(fetchItemActivity)
			.mockReturnValueOnce(new Promise((resolve) => {
				answerFirst = resolve
			}))
			.mockResolvedValueOnce([])
		const store = useItemActivityStore()
		const first = store.load(7)
		await store.load(8)
		answerFirst([entry])
		await first
		expect(store.itemId).toBe(8)
		expect(store.entries).toEqual([])
	})
})
