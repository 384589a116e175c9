import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NotificationSettingsDialog from '../../../../src/components/settings/NotificationSettingsDialog.vue'

const settings = { status_changed: true, merged: true, commented: true, rating_reminder: true, release_missing: true, released: true }

const TESTER = ['The status of an item I filed or support changes', 'An item I filed or support is merged into another', 'Someone comments on an item I filed', 'Reminder to rate before a period closes']
const COORDINATOR = 'Coordinators: a period closed without my organisation\'s release'
const CONSOLIDATOR = 'Consolidators: an organisation released its feedback'

/**
 * The switches the dialog shows to a user.
 *
 * @param me the user and their roles
 */
function switchesFor(me: object | null): string[] {
	const wrapper = mount(NotificationSettingsDialog, {
		props: { open: true },
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-me': { me }, 'pilotfeedback-notification-settings': { settings } },
			})],
			stubs: {
				NcAppSettingsDialog: { template: '<div><slot /></div>' },
				NcAppSettingsSection: { template: '<section><slot /></section>' },
				NcCheckboxRadioSwitch: { template: '<label class="switch"><slot /></label>' },
			},
		},
	})
	return wrapper.findAll('.switch').map((label) => label.text())
}

describe('NotificationSettingsDialog', () => {
	it('shows a tester the switches of their items and the rating reminder only', () => {
		expect(switchesFor({ userId: 'rki-tester1', isConsolidator: false, organisations: [{ id: 1, name: 'RKI', shortName: 'RKI', isCoordinator: false }] })).toEqual(TESTER)
	})

	it('adds the missing release for a coordinator', () => {
		expect(switchesFor({ userId: 'rki-coord', isConsolidator: false, organisations: [{ id: 1, name: 'RKI', shortName: 'RKI', isCoordinator: true }] })).toEqual([...TESTER, COORDINATOR])
	})

	it('shows a consolidator the releases only', () => {
		expect(switchesFor({ userId: 'bmi', isConsolidator: true, organisations: [] })).toEqual([CONSOLIDATOR])
	})

	it('shows none before the user is known, and tells a user without a role', () => {
		expect(switchesFor(null)).toEqual([])
		const wrapper = mount(NotificationSettingsDialog, {
			props: { open: true },
			global: {
				plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-me': { me: { userId: 'admin', isConsolidator: false, organisations: [] } } } })],
				stubs: { NcAppSettingsDialog: { template: '<div><slot /></div>' }, NcAppSettingsSection: { template: '<section><slot /></section>' } },
			},
		})
		expect(wrapper.text()).toContain('Pilot Feedback sends you no notifications in your roles.')
	})
})
