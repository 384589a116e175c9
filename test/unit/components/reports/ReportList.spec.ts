import type { Report } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ReportList from '../../../../src/components/reports/ReportList.vue'
import { useReportsStore } from '../../../../src/stores/reports.ts'

/**
 * A report of the list.
 *
 * @param id its id
 * @param status its state
 * @param requestedBy who asked for it
 * @param origin asked for by a person, or made by the schedule
 */
function report(id: number, status: Report['status'], requestedBy: string, origin: Report['origin'] = 'request'): Report {
	return {
		id,
		type: 'monthly',
		pilotId: null,
		organisationId: null,
		period: '2026-11',
		format: 'odt',
		language: 'en',
		pseudonymised: true,
		releasedOnly: false,
		origin,
		requestedBy,
		requestedByName: requestedBy.toUpperCase(),
		status,
		error: status === 'failed' ? 'The report could not be made.' : null,
		fileId: status === 'done' ? 400 + id : null,
		fileName: status === 'done' ? `r${id}.odt` : null,
		path: null,
		createdAt: 1,
		finishedAt: null,
	}
}

/**
 * The list as a user sees it.
 *
 * @param userId the user
 * @param isConsolidator whether they are a consolidator
 * @param reports the reports listed
 */
function listAs(userId: string, isConsolidator: boolean, reports: Report[]) {
	return mount(ReportList, {
		props: { reports },
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me: { userId, displayName: userId, isAdmin: false, isConsolidator, organisations: [] } },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations: [], periods: [] } },
				},
			})],
		},
	})
}

/**
 * The buttons of each row, as "report period status: button names".
 *
 * @param wrapper the mounted list
 */
function actions(wrapper: ReturnType<typeof listAs>): string[] {
	return wrapper.findAll('tbody tr').map((row) => `${row.findAll('td')[0]!.text()} ${row.findAll('td')[2]!.text()} ${row.find('.report-list__status').text()}: ${row.findAll('button').map((b) => b.text()).join(', ')}`)
}

describe('ReportList', () => {
	const reports = [
		report(1, 'failed', 'rki-coord'),
		report(2, 'done', 'rki-coord'),
		report(3, 'failed', 'bmi2', 'cadence'),
		report(4, 'running', 'rki-coord'),
		report(5, 'failed', 'bmi2'),
	]

	it('offers "Try again" for failed and "Delete" for finished reports to the one who asked for them', () => {
		expect(actions(listAs('rki-coord', false, reports))).toEqual([
			'Monthly status report 2026-11 Failed: Try again, Delete',
			'Monthly status report 2026-11 Ready: Delete',
			'Monthly status report 2026-11 Failed: ',
			'Monthly status report 2026-11 Being made: ',
			'Monthly status report 2026-11 Failed: ',
		])
	})

	it('offers a consolidator the schedule\'s reports too, and no one else\'s', () => {
		expect(actions(listAs('bmi', true, reports)).map((row) => row.split(': ')[1])).toEqual(['', '', 'Try again, Delete', '', ''])
	})

	it('tries a report again, and deletes one only after a confirmation', async () => {
		const wrapper = listAs('rki-coord', false, reports)
		const store = useReportsStore()
		vi.mocked(store.retry).mockResolvedValue(report(1, 'queued', 'rki-coord'))
		vi.mocked(store.remove).mockResolvedValue(true)

		await wrapper.findAll('tbody tr')[0]!.findAll('button')[0]!.trigger('click')
		expect(store.retry).toHaveBeenCalledWith(1)

		await wrapper.findAll('tbody tr')[1]!.findAll('button')[0]!.trigger('click')
		expect(store.remove).not.toHaveBeenCalled()
		expect(wrapper.findComponent({ name: 'NcDialog' }).props('open')).toBe(true)
		expect(wrapper.findComponent({ name: 'NcDialog' }).props('message')).toBe('The report is removed from the list and its file "r2.odt" is moved to your deleted files.')
	})
})
