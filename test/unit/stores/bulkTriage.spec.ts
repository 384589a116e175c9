import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bulkTriageItems } from '../../../src/api/itemBulk.ts'
import { useBulkTriageStore } from '../../../src/stores/bulkTriage.ts'

vi.mock('../../../src/api/itemBulk.ts')

describe('bulk triage store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
	})

	afterEach(() => {
		vi.resetAllMocks()
	})

	it('sends the selected ids with the changes and returns the result', async () => {
		vi.mocked(bulkTriageItems).mockResolvedValue({ ids: [3, 5], changed: 2, historyEntries: 2 })
		const store = useBulkTriageStore()
		store.selected = [3, 5]
		expect(store.count).toBe(2)
		const result = await store.apply({ status: 'in_review', consolidatedPriority: null })
		expect(bulkTriageItems).toHaveBeenCalledWith({ ids: [3, 5], status: 'in_review', consolidatedPriority: null })
		expect(result.changed).toBe(2)
		expect(store.applying).toBe(false)
	})

	it('keeps the selection and passes the refusal on when the server refuses', async () => {
		const refusal = new Error('Nothing was changed: item "A" (#3) cannot move from Done to New.')
		vi.mocked(bulkTriageItems).mockRejectedValue(refusal)
		const store = useBulkTriageStore()
		store.selected = [3]
		await expect(store.apply({ status: 'new' })).rejects.toBe(refusal)
		expect(store.selected).toEqual([3])
		expect(store.applying).toBe(false)
	})

	it('is applying while the request runs', async () => {
		let finish: (value: { ids: number[], changed: number, historyEntries: number }) => void = () => undefined
		vi.mocked(bulkTriageItems).mockReturnValue(new Promise((resolve) => {
			finish = resolve
		}))
		const store = useBulkTriageStore()
		store.selected = [1]
		const pending = store.apply({ vendorReference: 'X' })
		expect(store.applying).toBe(true)
		finish({ ids: [1], changed: 1, historyEntries: 1 })
		await pending
		expect(store.applying).toBe(false)
	})

	it('clear() deselects everything', () => {
		const store = useBulkTriageStore()
		store.selected = [1, 2]
		store.clear()
		expect(store.count).toBe(0)
	})
})
