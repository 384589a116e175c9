import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import ReportsView from '../../../src/views/ReportsView.vue'

/** The report form, stubbed: a button that chooses a pilot and period as the real form reports them */
const FormStub = defineComponent({
	emits: ['selection'],
	template: '<div class="form"><button class="pick" @click="$emit(\'selection\', 3, \'2026-Q4\')" /><button class="clear" @click="$emit(\'selection\', null, \'\')" /></div>',
})

/**
 * Mount the view for a user, with its parts stubbed to show what they get.
 *
 * @param me the current user
 */
function mountView(me: Record<string, unknown>) {
	return mount(ReportsView, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations: [], periods: [] } },
				},
			})],
			stubs: {
				ReportRequestForm: FormStub,
				ReportFolderForm: true,
				ReportList: true,
				ReportCommentaryEditor: { props: ['pilotId', 'period'], template: '<p class="editor">{{ pilotId }}|{{ period }}</p>' },
			},
		},
	})
}

describe('ReportsView', () => {
	it('gives consolidators the texts for the pilot and period chosen in the form', async () => {
		const wrapper = mountView({ userId: 'bmi', displayName: 'BMI', isAdmin: false, isConsolidator: true, organisations: [] })
		expect(wrapper.find('.editor').text()).toBe('|')
		await wrapper.find('.pick').trigger('click')
		expect(wrapper.find('.editor').text()).toBe('3|2026-Q4')
		// A cleared month is no period to write for
		await wrapper.find('.clear').trigger('click')
		expect(wrapper.find('.editor').text()).toBe('|')
	})

	it('shows coordinators no editor: the texts are the consolidators\'', () => {
		const wrapper = mountView({ userId: 'rki-coord', displayName: 'RKI', isAdmin: false, isConsolidator: false, organisations: [{ id: 1, name: 'RKI', shortName: 'RKI', isCoordinator: true }] })
		expect(wrapper.find('.form').exists()).toBe(true)
		expect(wrapper.find('.editor').exists()).toBe(false)
	})
})
