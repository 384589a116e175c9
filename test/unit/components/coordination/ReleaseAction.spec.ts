import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ReleaseAction from '../../../../src/components/coordination/ReleaseAction.vue'

/** Progress of an organisation whose feedback is not released */
const progress = {
	period: { id: 4, month: '2026-11', status: 'open' },
	organisationId: 1,
	componentIds: [11],
	members: [],
	release: null,
}

/**
 * Mount the action for a user who may or may not release.
 *
 * @param canRelease whether the user coordinates the organisation
 */
function mountAction(canRelease: boolean) {
	return mount(ReleaseAction, {
		props: { organisationName: 'RKI', progress, canRelease } as never,
		global: { plugins: [createTestingPinia({ createSpy: vi.fn })] },
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
})
