import type { Month, MonthComponent } from '../../../src/types/index.ts'

import { AxiosError, AxiosHeaders } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchMonth, remindCoordinators } from '../../../src/api/month.ts'
import { useMonthStore } from '../../../src/stores/month.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/month.ts', () => ({ fetchMonth: vi.fn(), remindCoordinators: vi.fn() }))

/**
 * A component still to rate.
 *
 * @param id the component
 * @param pilotId the pilot it is rated in
 */
function component(id: number, pilotId: number): MonthComponent {
	return { id, name: `Component ${id}`, pilotId, pilotTitle: `Pilot ${pilotId}` }
}

/**
 * A month with the given sections.
 *
 * @param sections the sections the user gets
 */
function monthWith(sections: Partial<Pick<Month, 'tester' | 'coordinator' | 'consolidator'>> = {}): Month {
	return {
		period: { id: 5, month: '2026-11', status: 'open' },
		deadline: '2026-11-30',
		daysLeft: 10,
		lastVisit: 1795000000,
		tester: null,
		coordinator: null,
		consolidator: null,
		...sections,
	}
}

describe('month store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.mocked(fetchMonth).mockReset()
		vi.mocked(remindCoordinators).mockReset()
	})

	it('groups the components to rate by pilot, in the order the server sent them', async () => {
		vi.mocked(fetchMonth).mockResolvedValue(monthWith({ tester: { toRate: [component(4, 2), component(1, 1), component(5, 2)], componentCount: 6, ratedCount: 3, changedItems: [] } }))
		const store = useMonthStore()
		await store.load()
		expect(store.toRateByPilot.map((pilot) => [pilot.pilotId, pilot.title, pilot.components.map((c) => c.id)])).toEqual([[2, 'Pilot 2', [4, 5]], [1, 'Pilot 1', [1]]])
		expect(store.hasSections).toBe(true)
		expect(store.loading).toBe(false)
	})

	it('knows a user without any role has no section', async () => {
		vi.mocked(fetchMonth).mockResolvedValue(monthWith())
		const store = useMonthStore()
		await store.load()
		expect(store.hasSections).toBe(false)
		expect(store.toRateByPilot).toEqual([])
	})

	it('keeps the newer month when an older answer arrives late', async () => {
		const older = deferred<Month>()
		vi.mocked(fetchMonth).mockReturnValueOnce(older.promise).mockResolvedValueOnce(monthWith({ tester: { toRate: [], componentCount: 1, ratedCount: 1, changedItems: [] } }))
		const store = useMonthStore()
		const first = store.load()
		await store.load()
		expect(vi.mocked(fetchMonth).mock.calls[0]![0]!.aborted).toBe(true)
		older.resolve(monthWith())
		await first
		expect(store.month?.tester?.ratedCount).toBe(1)
	})

	it('says why the month could not be loaded', async () => {
		vi.mocked(fetchMonth).mockRejectedValue(new Error('offline'))
		const store = useMonthStore()
		await store.load()
		expect(store.loadError).toBe('Could not load what to do this month.')
		expect(store.loading).toBe(false)
	})

	it('reminds the coordinators for the period shown and says how many were notified', async () => {
		vi.mocked(fetchMonth).mockResolvedValue(monthWith())
		vi.mocked(remindCoordinators).mockResolvedValue({ organisationId: 1, periodId: 5, reminded: 2 })
		const store = useMonthStore()
		await store.load()
		const sending = store.remind(1)
		expect(store.remindingIds).toEqual([1])
		await sending
		expect(remindCoordinators).toHaveBeenCalledWith(1, 5)
		expect(store.remindingIds).toEqual([])
		expect(store.reminders[1]).toEqual({ sent: true, message: 'Reminder sent to 2 coordinators.' })
	})

	it('shows the server\'s reason when the reminder is refused', async () => {
		const config = { headers: new AxiosHeaders() }
		const refusal = new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, {}, {
			status: 403,
			statusText: '',
			headers: {},
			config,
			data: { ocs: { meta: { status: 'failure', statuscode: 403 }, data: { message: 'Only consolidators remind coordinators to release their feedback.' } } },
		})
		vi.mocked(remindCoordinators).mockRejectedValue(refusal)
		const store = useMonthStore()
		await store.remind(2)
		expect(store.reminders[2]).toEqual({ sent: false, message: 'Only consolidators remind coordinators to release their feedback.' })
		expect(store.remindingIds).toEqual([])
	})
})
