import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import CoordinationView from '../../../src/views/CoordinationView.vue'

const organisations = [
	{ id: 1, name: 'Robert Koch-Institut', shortName: 'RKI' },
	{ id: 2, name: 'Bundesamt für Seeschifffahrt und Hydrographie', shortName: 'BSH' },
]

/**
 * Mount the view for a user, with the organisation cards stubbed to show their props.
 *
 * @param me the current user
 */
function mountView(me: Record<string, unknown>) {
	return mount(CoordinationView, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations, periods: [] } },
				},
			})],
			stubs: {
				OrganisationProgressCard: {
					props: ['organisation'],
					template: '<section class="card">{{ organisation.shortName }}:{{ organisation.isCoordinator }}</section>',
				},
			},
		},
	})
}

describe('CoordinationView', () => {
	it('shows a coordinator only the organisations they coordinate', () => {
		const wrapper = mountView({ userId: 'rki-coord', isConsolidator: false, organisations: [{ ...organisations[0], isCoordinator: true }] })
		expect(wrapper.findAll('.card').map((card) => card.text())).toEqual(['RKI:true'])
	})

	it('shows a consolidator every organisation, without the right to release them', () => {
		const wrapper = mountView({ userId: 'bmi', isConsolidator: true, organisations: [] })
		expect(wrapper.findAll('.card').map((card) => card.text())).toEqual(['RKI:false', 'BSH:false'])
		expect(wrapper.text()).not.toContain('No organisation to coordinate')
	})
})
