import type { Month, MonthItem, MonthRelease } from '../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import MonthView from '../../../src/views/MonthView.vue'
import { useMonthStore } from '../../../src/stores/month.ts'

/** The app's routes the view links to, each with an empty view */
const ROUTES = Object.entries({ month: '/', catalogue: '/catalogue', rate: '/rate', items: '/items', 'item-detail': '/items/:id', coordination: '/coordination', reports: '/reports' })
	.map(([name, path]) => ({ name, path, component: { template: '<div />' } }))

/**
 * An item of the start page.
 *
 * @param id the item
 * @param fields what differs
 */
function item(id: number, fields: Partial<MonthItem> = {}): MonthItem {
	return { id, title: `Item ${id}`, type: 'defect', priority: 'high', status: 'new', componentId: 1, organisationId: 1, createdAt: 1795000100, updatedAt: 1795000200, filedByMe: true, ...fields }
}

/**
 * An organisation's release state.
 *
 * @param organisationId the organisation
 * @param shortName its short name
 * @param state where its release stands
 */
function release(organisationId: number, shortName: string, state: MonthRelease['state']): MonthRelease {
	return { organisationId, name: `${shortName} authority`, shortName, state, release: null, unreleasedMonths: state === 'overdue' ? ['2026-10'] : [], coordinators: [{ userId: `${shortName.toLowerCase()}-coord`, displayName: `${shortName} Koordination` }] }
}

/**
 * A month with the given sections.
 *
 * @param sections the sections the user gets
 */
function monthWith(sections: Partial<Month> = {}): Month {
	return { period: { id: 5, month: '2026-11', status: 'open' }, deadline: '2026-11-30', daysLeft: 10, lastVisit: 1795000000, tester: null, coordinator: null, consolidator: null, ...sections }
}

/**
 * Mount the view with a loaded month (the store's actions are spies).
 *
 * @param state the month store's state
 */
async function mountView(state: Record<string, unknown>) {
	const router = createRouter({ history: createMemoryHistory(), routes: ROUTES })
	await router.push('/')
	const wrapper = mount(MonthView, {
		global: { plugins: [router, createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-month': state } })] },
	})
	await flushPromises()
	return { wrapper, store: useMonthStore() }
}

describe('MonthView', () => {
	it('loads the month and names the period, its deadline and the days left', async () => {
		const { wrapper, store } = await mountView({ month: monthWith({ tester: { toRate: [], componentCount: 0, ratedCount: 0, changedItems: [] } }) })
		expect(store.load).toHaveBeenCalledOnce()
		expect(wrapper.find('h2').text()).toBe('This month')
		expect(wrapper.text()).toContain('Deadline:')
		expect(wrapper.text()).toContain('10 days left')
	})

	it('lists a tester\'s components to rate by pilot, each linked to its rating sheet, and their changed items', async () => {
		const { wrapper } = await mountView({
			month: monthWith({
				tester: {
					toRate: [{ id: 4, name: 'Jitsi', pilotId: 2, pilotTitle: 'PoC 2' }, { id: 3, name: 'OnlyOffice', pilotId: 1, pilotTitle: 'PoC 1' }],
					componentCount: 6,
					ratedCount: 4,
					changedItems: [item(7, { title: 'Upload stalls', status: 'in_review' })],
				},
			}),
		})
		expect(wrapper.findAll('h4').map((h) => h.text())).toEqual(['PoC 2', 'PoC 1'])
		const links = wrapper.findAll('a').map((a) => [a.text().replace(/\s+/g, ' ').trim(), a.attributes('href')])
		expect(links).toContainEqual(['Jitsi', '/rate?component=4&pilot=2'])
		expect(links).toContainEqual(['OnlyOffice', '/rate?component=3&pilot=1'])
		expect(links.find(([, href]) => href === '/items/7')?.[0]).toContain('Upload stalls')
		expect(wrapper.text()).toContain('4 of 6 components rated')
		// A tester sees nothing of coordinators or consolidators.
		expect(wrapper.text()).not.toContain('Release board')
		expect(wrapper.find('[aria-labelledby^="month-organisation-"]').exists()).toBe(false)
	})

	it('says when everything is rated', async () => {
		const { wrapper } = await mountView({ month: monthWith({ tester: { toRate: [], componentCount: 6, ratedCount: 6, changedItems: [] } }) })
		expect(wrapper.text()).toContain('All components are rated for this period.')
		expect(wrapper.text()).toContain('Nothing changed since your last visit.')
	})

	it('shows a coordinator who of the organisation rated what, its release state and security findings', async () => {
		const { wrapper } = await mountView({
			month: monthWith({
				coordinator: {
					organisations: [{
						...release(1, 'RKI', 'overdue'),
						components: [{ id: 1, name: 'Files' }, { id: 2, name: 'Office' }],
						members: [{ userId: 'rki-tester1', displayName: 'RKI Tester 1', ratedComponentIds: [1] }, { userId: 'rki-tester2', displayName: 'RKI Tester 2', ratedComponentIds: [1, 2] }],
						securityFindings: { items: [item(9, { type: 'security', title: 'Token leaks' })], total: 1 },
					}],
				},
			}),
		})
		const card = wrapper.get('[aria-labelledby="month-organisation-1"]')
		expect(card.text()).toContain('Release overdue')
		expect(card.text()).toContain('Not released: October 2026')
		expect(card.text()).toContain('1 of 2 testers have rated every component')
		expect(card.text()).toContain('missing: Office')
		expect(card.text()).toContain('Open security findings (1)')
		expect(card.text()).toContain('Token leaks')
	})

	it('shows a consolidator the release board of every organisation, and reminds a coordinator', async () => {
		const { wrapper, store } = await mountView({
			month: monthWith({
				consolidator: {
					board: [release(1, 'RKI', 'released'), release(2, 'BSH', 'overdue'), { ...release(3, 'ZIT', 'pending'), coordinators: [] }],
					triage: { items: [item(11, { createdAt: 1795000500 }), item(12, { createdAt: 1794000000 })], total: 14 },
					urgent: { items: [], total: 0 },
					reports: [],
				},
			}),
			reminders: { 2: { sent: true, message: 'Reminder sent to 1 coordinator.' } },
		})
		const rows = wrapper.findAll('.release-board__row')
		expect(rows.map((row) => row.get('h4').text())).toEqual(['RKI authority (RKI)', 'BSH authority (BSH)', 'ZIT authority (ZIT)'])
		const remind = rows.map((row) => row.get('button'))
		// Released, or without coordinator: nothing to remind.
		expect(remind.map((button) => button.attributes('disabled') !== undefined)).toEqual([true, false, true])
		expect(remind[1]!.attributes('aria-label')).toBe('Remind the coordinators of BSH authority')
		await remind[1]!.trigger('click')
		expect(store.remind).toHaveBeenCalledWith(2)
		expect(rows[1]!.get('[role="status"]').text()).toBe('Reminder sent to 1 coordinator.')
		expect(rows[2]!.text()).toContain('No coordinator is named.')
		// Items filed since the last visit are marked new; the list links to all of them.
		expect(wrapper.text()).toContain('Waiting for triage (14)')
		expect(wrapper.text().match(/New since your last visit/g)).toHaveLength(1)
		expect(wrapper.findAll('a').map((a) => a.attributes('href'))).toContain('/items?status=new&sort=created&order=desc')
	})

	it('tells someone without a role in a pilot so', async () => {
		const { wrapper } = await mountView({ month: monthWith() })
		expect(wrapper.text()).toContain('Nothing to do here')
	})

	it('says when the month could not be loaded', async () => {
		const { wrapper } = await mountView({ loadError: 'The server could not be reached.' })
		expect(wrapper.text()).toContain('This month is not available')
		expect(wrapper.text()).toContain('The server could not be reached.')
	})
})
