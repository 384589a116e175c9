import type { ItemSupporter, Priority } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemSupport from '../../../../src/components/items/ItemSupport.vue'
import { useItemsStore } from '../../../../src/stores/items.ts'

vi.mock('@nextcloud/dialogs')

/** Who looks at the item: their user id and the organisations they act for */
interface Viewer {
	userId: string
	isConsolidator?: boolean
	organisations?: { id: number, name: string, shortName: string, isCoordinator: boolean }[]
}

const BSH = { id: 2, name: 'Bundesamt für Seeschifffahrt und Hydrographie', shortName: 'BSH', isCoordinator: false }

/**
 * Mount the support section for an item of priority high filed by `reporterId`.
 *
 * @param reporterId who filed the item
 * @param viewer who looks at it
 * @param supporters the item's supporters
 */
function mountFor(reporterId: string, viewer: Viewer, supporters: ItemSupporter[] = []) {
	return mount(ItemSupport, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-items': {
						current: {
							id: 3,
							reporterId,
							priority: 'high',
							supportCount: supporters.length,
							supportedByMe: supporters.some((supporter) => supporter.userId === viewer.userId),
							supporters,
						},
					},
					'pilotfeedback-me': { me: { isConsolidator: false, organisations: [], ...viewer } },
				},
			})],
		},
	})
}

/**
 * The button with the given text, if any.
 *
 * @param wrapper the mounted section
 * @param text what it says
 */
function button(wrapper: ReturnType<typeof mountFor>, text: string) {
	return wrapper.findAll('button').find((candidate) => candidate.text() === text)
}

/**
 * A supporter row.
 *
 * @param userId who supports
 * @param priority the priority they gave
 */
function supporter(userId: string, priority: Priority): ItemSupporter {
	return { userId, displayName: `Name of ${userId}`, organisationId: 2, mergedFrom: null, priority }
}

describe('ItemSupport', () => {
	it('offers "Concerns us too" to the testers of an organisation', () => {
		expect(button(mountFor('rki-tester1', { userId: 'bsh-tester1', organisations: [BSH] }), 'Concerns us too')).toBeDefined()
	})

	it('offers it to coordinators too: they act for their organisation', () => {
		expect(button(mountFor('rki-tester1', { userId: 'bsh-coord', organisations: [{ ...BSH, isCoordinator: true }] }), 'Concerns us too')).toBeDefined()
	})

	it('does not offer it to the item\'s reporter', () => {
		const wrapper = mountFor('rki-tester1', { userId: 'rki-tester1', organisations: [{ ...BSH, id: 1, shortName: 'RKI' }] })
		expect(wrapper.text()).toContain('0 supporters')
		expect(wrapper.text()).not.toContain('Concerns us too')
	})

	it('does not offer it to a consolidator outside every organisation, whom the server would refuse (403)', () => {
		const wrapper = mountFor('rki-tester1', { userId: 'bmi', isConsolidator: true })
		expect(wrapper.text()).toContain('0 supporters')
		expect(button(wrapper, 'Concerns us too')).toBeUndefined()
	})

	it('asks for the organisation\'s priority, preset with the item\'s, before supporting', async () => {
		const wrapper = mountFor('rki-tester1', { userId: 'bsh-tester1', organisations: [BSH] })
		const items = useItemsStore()
		await button(wrapper, 'Concerns us too')!.trigger('click')
		expect(items.support).not.toHaveBeenCalled()
		expect((wrapper.find('input[name="support-priority"][value="high"]').element as HTMLInputElement).checked).toBe(true)
		await wrapper.find('input[name="support-priority"][value="critical"]').trigger('change')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(items.support).toHaveBeenCalledExactlyOnceWith('critical')
	})

	it('shows the priority given and lets the supporter change it', async () => {
		const wrapper = mountFor('rki-tester1', { userId: 'bsh-tester1', organisations: [BSH] }, [supporter('bsh-tester1', 'low')])
		const items = useItemsStore()
		expect(wrapper.text()).toContain('Priority for your organisation: Low')
		expect(wrapper.text()).toContain('Name of bsh-tester1 – Low')
		await button(wrapper, 'Change priority')!.trigger('click')
		expect((wrapper.find('input[name="support-priority"][value="low"]').element as HTMLInputElement).checked).toBe(true)
		await wrapper.find('input[name="support-priority"][value="medium"]').trigger('change')
		expect(button(wrapper, 'Save priority')).toBeDefined()
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(items.support).toHaveBeenLastCalledWith('medium')
	})

	it('withdraws the support with the pressed button', async () => {
		const wrapper = mountFor('rki-tester1', { userId: 'bsh-tester1', organisations: [BSH] }, [supporter('bsh-tester1', 'low')])
		const items = useItemsStore()
		await button(wrapper, 'Concerns us too')!.trigger('click')
		await flushPromises()
		expect(items.withdrawSupport).toHaveBeenCalledOnce()
		expect(items.support).not.toHaveBeenCalled()
	})
})
