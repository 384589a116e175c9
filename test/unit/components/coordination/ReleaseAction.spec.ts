import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ReleaseAction from '../../../../src/components/coordination/ReleaseAction.vue'
import { useCoordinationStore } from '../../../../src/stores/coordination.ts'

/** Progress of an organisation whose feedback is not released: tester 2 lacks one of two components */
const progress = {
	period: { id: 4, month: '2026-11', status: 'open' },
	organisationId: 1,
	componentIds: [11, 12],
	members: [
		{ userId: 'rki-tester1', displayName: 'Tester One', ratedComponentIds: [11, 12] },
		{ userId: 'rki-tester2', displayName: 'Tester Two', ratedComponentIds: [12] },
	],
	release: null,
	history: [],
}

/** The same, released and reopened once and released again */
const released = {
	...progress,
	release: { organisationId: 1, periodId: 4, userId: 'rki-coord', releasedAt: 1_800_000_200 },
	history: [
		{ action: 'released', userId: 'rki-coord', displayName: 'Coordinator', at: 1_800_000_000 },
		{ action: 'reopened', userId: 'rki-coord', displayName: 'Coordinator', at: 1_800_000_100 },
		{ action: 'released', userId: 'rki-coord', displayName: 'Coordinator', at: 1_800_000_200 },
	],
}

/**
 * Mount the action.
 *
 * @param canRelease whether the user coordinates the organisation
 * @param shown the progress to show
 */
function mountAction(canRelease: boolean, shown: object = progress) {
	return mount(ReleaseAction, {
		props: { organisationName: 'RKI', progress: shown, canRelease } as never,
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [{ id: 11, name: 'Files' }, { id: 12, name: 'Chat' }], criteria: [], organisations: [], periods: [] } } },
			})],
			stubs: { NcDialog: { props: ['open', 'name'], template: '<div v-if="open" class="dialog-stub"><h2>{{ name }}</h2><slot /></div>' } },
		},
	})
}

describe('ReleaseAction', () => {
	it('offers the coordinator the release', () => {
		expect(mountAction(true).text()).toContain('Release feedback')
	})

	it('shows others the state only', () => {
		const text = mountAction(false).text()
		expect(text).toContain('Not released yet')
		expect(text).not.toContain('Release feedback')
	})

	it('shows in the confirmation who has not rated which components', async () => {
		const wrapper = mountAction(true)
		await wrapper.find('button').trigger('click')
		const dialog = wrapper.find('.dialog-stub')
		expect(dialog.text()).toContain('3 of 4 ratings given.')
		expect(dialog.text()).toContain('Tester Two: 1 component unrated (Files)')
		expect(dialog.text()).not.toContain('Tester One')
	})

	it('lists who released and reopened, and lets the coordinator reopen', async () => {
		const wrapper = mountAction(true, released)
		const history = wrapper.findAll('.release-action__history li').map((li) => li.text())
		expect(history).toHaveLength(3)
		expect(history[0]).toContain('Released by Coordinator on')
		expect(history[1]).toContain('Reopened by Coordinator on')
		const reopen = wrapper.findAll('button').find((b) => b.text() === 'Reopen release')
		expect(reopen).toBeDefined()
		await reopen?.trigger('click')
		expect(useCoordinationStore().reopen).toHaveBeenCalledWith(1)
	})

	it('offers no reopening to those who may not release', () => {
		const wrapper = mountAction(false, released)
		expect(wrapper.text()).not.toContain('Reopen release')
		expect(wrapper.text()).toContain('Released by Coordinator on')
	})
})

describe('ReleaseAction with the real dialog', () => {
	/** The open dialogs of the document (NcDialog renders into <body>) */
	function dialogs(): Element[] {
		return [...document.querySelectorAll('[role="dialog"]')]
	}

	it('after "Release anyway" and "Reopen release" the confirmation stays closed', async () => {
		const wrapper = mount(ReleaseAction, {
			props: { organisationName: 'RKI', progress, canRelease: true } as never,
			attachTo: document.body,
			global: {
				plugins: [createTestingPinia({
					createSpy: vi.fn,
					initialState: { 'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [{ id: 11, name: 'Files' }, { id: 12, name: 'Chat' }], criteria: [], organisations: [], periods: [] } } },
				})],
			},
		})
		const coordination = useCoordinationStore()
		// The store answers at once: the release is shown before the dialog's closing animation ends.
		vi.mocked(coordination.release).mockImplementation(async () => {
			await wrapper.setProps({ progress: released } as never)
		})
		vi.mocked(coordination.reopen).mockImplementation(async () => {
			await wrapper.setProps({ progress: { ...released, release: null } } as never)
		})

		await wrapper.findAll('button').find((b) => b.text() === 'Release feedback')!.trigger('click')
		await flushPromises()
		expect(dialogs()).toHaveLength(1)
		const releaseAnyway = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find((b) => b.textContent?.trim() === 'Release anyway')
		releaseAnyway!.click()
		await flushPromises()
		expect(coordination.release).toHaveBeenCalledWith(1)
		// Past the dialog's closing animation (300 ms)
		await new Promise((resolve) => setTimeout(resolve, 400))
		await flushPromises()
		expect(dialogs()).toHaveLength(0)

		await wrapper.findAll('button').find((b) => b.text() === 'Reopen release')!.trigger('click')
		await flushPromises()
		expect(coordination.reopen).toHaveBeenCalledWith(1)
		expect(wrapper.text()).toContain('Release feedback')
		await new Promise((resolve) => setTimeout(resolve, 400))
		await flushPromises()
		expect(dialogs()).toHaveLength(0)
		wrapper.unmount()
	})
})
