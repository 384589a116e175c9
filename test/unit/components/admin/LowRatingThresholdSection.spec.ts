import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import LowRatingThresholdSection from '../../../../src/components/admin/LowRatingThresholdSection.vue'
import { useAdminSettingsStore } from '../../../../src/stores/adminSettings.ts'

/**
 * Mount the section with the given saved threshold.
 *
 * @param lowRatingThreshold the saved threshold
 */
function mountSection(lowRatingThreshold = 3) {
	const wrapper = mount(LowRatingThresholdSection, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-admin-settings': { settings: { consolidatorGroup: 'ministry', lowRatingThreshold } } },
			})],
		},
	})
	return { wrapper, store: useAdminSettingsStore() }
}

describe('LowRatingThresholdSection', () => {
	it('shows the saved threshold', () => {
		const { wrapper } = mountSection(4)
		expect((wrapper.find('input').element as HTMLInputElement).value).toBe('4')
	})

	it('saves a changed threshold as a number', async () => {
		const { wrapper, store } = mountSection()
		vi.mocked(store.saveLowRatingThreshold).mockResolvedValue(true)
		await wrapper.find('input').setValue('5')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(store.saveLowRatingThreshold).toHaveBeenCalledExactlyOnceWith(5)
	})

	it('shows the saved threshold again when the server refuses', async () => {
		const { wrapper, store } = mountSection()
		vi.mocked(store.saveLowRatingThreshold).mockResolvedValue(false)
		await wrapper.find('input').setValue('0')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(store.saveLowRatingThreshold).toHaveBeenCalledExactlyOnceWith(0)
		expect((wrapper.find('input').element as HTMLInputElement).value).toBe('3')
	})
})
