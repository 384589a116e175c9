import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AppNavigation from '../../../src/components/AppNavigation.vue'

/**
 * The names of the navigation entries offered for the given roles.
 *
 * @param canParticipate member or coordinator of an organisation
 * @param canCoordinate coordinator or consolidator
 */
function entries(canParticipate: boolean, canCoordinate: boolean): string {
	return mount(AppNavigation, {
		props: { canParticipate, canCoordinate },
		global: { stubs: { RouterLink: RouterLinkStub, NotificationSettingsDialog: true } },
	}).text()
}

describe('AppNavigation', () => {
	it('offers a tester rating and filing, but not coordination', () => {
		const text = entries(true, false)
		expect(text).toContain('Rate')
		expect(text).toContain('New item')
		expect(text).not.toContain('Coordination')
	})

	it('offers a consolidator outside the organisations neither rating nor filing', () => {
		const text = entries(false, true)
		expect(text).not.toContain('Rate')
		expect(text).not.toContain('New item')
		expect(text).toContain('Items')
		expect(text).toContain('Coordination')
	})

	it('offers everyone the settings (which notifications to get)', () => {
		expect(entries(false, false)).toContain('Settings')
	})
})
