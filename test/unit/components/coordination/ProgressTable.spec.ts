import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ProgressTable from '../../../../src/components/coordination/ProgressTable.vue'

const progress = {
	period: { id: 4, month: '2026-11', status: 'open' },
	organisationId: 1,
	componentIds: [11, 12, 13],
	members: [
		{ userId: 'rki-tester1', displayName: 'Tester One', ratedComponentIds: [11, 13] },
		{ userId: 'rki-tester2', displayName: 'Tester Two', ratedComponentIds: [] },
	],
	release: null,
	history: [],
}

describe('ProgressTable', () => {
	it('keeps the members and their count in view while the components scroll', () => {
		const wrapper = mount(ProgressTable, {
			props: { progress } as never,
			global: {
				plugins: [createTestingPinia({
					createSpy: vi.fn,
					initialState: { 'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [{ id: 11, name: 'Files' }, { id: 12, name: 'Chat' }, { id: 13, name: 'Mail' }], criteria: [], organisations: [], periods: [] } } },
				})],
			},
		})
		const frame = wrapper.find('.pf-scroll-frame')
		expect(frame.classes()).toEqual(expect.arrayContaining(['pf-scroll-frame--sticky-first', 'pf-scroll-frame--sticky-last']))
		// The first and the last column are the member and the count
		const headers = wrapper.findAll('thead th').map((th) => th.text())
		expect(headers).toEqual(['Member', 'Files', 'Chat', 'Mail', 'Rated'])
		const rows = wrapper.findAll('tbody tr')
		expect(rows[0]!.find('th').text()).toBe('Tester One')
		expect(rows[0]!.findAll('td').at(-1)!.text()).toBe('2 of 3')
		expect(rows[1]!.findAll('td').at(-1)!.text()).toBe('0 of 3')
	})
})
