import type { VueWrapper } from '@vue/test-utils'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ConsolidatorSection from '../../../../src/components/admin/ConsolidatorSection.vue'
import { useAdminSettingsStore } from '../../../../src/stores/adminSettings.ts'
import { useDirectoryStore } from '../../../../src/stores/directory.ts'

/** Groups the directory found */
const groups = [
	{ id: 'ministry', displayName: 'Coordinating ministry' },
	{ id: 'auditors', displayName: 'Auditors' },
]

/**
 * Mount the section with the settings store in the given state.
 *
 * @param settings initial state of the settings store
 */
function mountSection(settings: Record<string, unknown> = { settings: { consolidatorGroup: 'ministry' } }) {
	const wrapper = mount(ConsolidatorSection, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-admin-settings': settings, 'pilotfeedback-directory': { groups } },
			})],
		},
	})
	return { wrapper, store: useAdminSettingsStore(), directory: useDirectoryStore() }
}

/**
 * A prop of a select, read untyped: NcSelect declares its props in a way test-utils cannot name.
 *
 * @param select the select's wrapper
 * @param name the prop
 */
function selectProp(select: VueWrapper, name: string): unknown {
	return (select.props() as Record<string, unknown>)[name]
}

describe('ConsolidatorSection', () => {
	it('shows the saved group by its display name, not its id, and offers the groups found', () => {
		const { wrapper, directory } = mountSection()
		const select = wrapper.findComponent(NcSelect)
		expect(selectProp(select, 'modelValue')).toEqual({ id: 'ministry', label: 'Coordinating ministry' })
		expect(wrapper.text()).toContain('Coordinating ministry')
		expect(directory.resolveGroups).toHaveBeenCalledWith(['ministry'])
		expect(selectProp(select, 'options')).toEqual([
			{ id: 'ministry', label: 'Coordinating ministry' },
			{ id: 'auditors', label: 'Auditors' },
		])
		expect(directory.findGroups).toHaveBeenCalledWith('')
	})

	it('shows no group while none is set', () => {
		const { wrapper } = mountSection({ settings: { consolidatorGroup: '' } })
		expect(selectProp(wrapper.findComponent(NcSelect), 'modelValue')).toBeNull()
	})

	it('shows why the settings could not be loaded instead of the picker', () => {
		const { wrapper } = mountSection({ settings: null, loadError: 'The server could not be reached.' })
		expect(wrapper.text()).toContain('The server could not be reached.')
		expect(wrapper.findComponent(NcSelect).exists()).toBe(false)
	})

	it('saves the chosen group id', async () => {
		const { wrapper, store } = mountSection()
		vi.mocked(store.saveConsolidatorGroup).mockResolvedValue(true)
		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', { id: 'auditors', label: 'Auditors' })
		await flushPromises()
		expect(store.saveConsolidatorGroup).toHaveBeenCalledExactlyOnceWith('auditors')
		expect(selectProp(wrapper.findComponent(NcSelect), 'modelValue')).toEqual({ id: 'auditors', label: 'Auditors' })
	})

	it('saves an empty id when the group is cleared', async () => {
		const { wrapper, store } = mountSection()
		vi.mocked(store.saveConsolidatorGroup).mockResolvedValue(true)
		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', null)
		await flushPromises()
		expect(store.saveConsolidatorGroup).toHaveBeenCalledExactlyOnceWith('')
	})

	it('shows the saved group again when the server refuses', async () => {
		const { wrapper, store } = mountSection()
		vi.mocked(store.saveConsolidatorGroup).mockResolvedValue(false)
		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', { id: 'auditors', label: 'Auditors' })
		await flushPromises()
		expect(store.saveConsolidatorGroup).toHaveBeenCalledExactlyOnceWith('auditors')
		expect(selectProp(wrapper.findComponent(NcSelect), 'modelValue')).toEqual({ id: 'ministry', label: 'Coordinating ministry' })
	})

	it('follows the settings when they arrive', async () => {
		const { wrapper, store } = mountSection({ settings: null })
		expect(selectProp(wrapper.findComponent(NcSelect), 'modelValue')).toBeNull()
		store.settings = { consolidatorGroup: 'auditors', lowRatingThreshold: 3, trafficLightGreen: 4, trafficLightAmber: 3 }
		await flushPromises()
		expect(selectProp(wrapper.findComponent(NcSelect), 'modelValue')).toEqual({ id: 'auditors', label: 'Auditors' })
	})
})
