import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ItemStatusForm from '../../../../src/components/items/ItemStatusForm.vue'
import ValueSelect from '../../../../src/components/items/ValueSelect.vue'
import { useItemsStore } from '../../../../src/stores/items.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn(), showSuccess: vi.fn() }))

/**
 * Mount the triage form for an item in the given status.
 *
 * @param status the saved status
 * @param allowedStatuses what the server allows next
 * @param duplicateOf the original, for a duplicate
 */
function mountForm(status: string, allowedStatuses: string[], duplicateOf: number | null = null) {
	return mount(ItemStatusForm, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-items': {
						current: { id: 7, status, allowedStatuses, duplicateOf, consolidatedPriority: null, vendorReference: 'VEN-1', vendorUrl: '', version: 3 },
					},
				},
			})],
		},
	})
}

/**
 * The status values the form offers.
 *
 * @param wrapper the mounted form
 */
function offered(wrapper: ReturnType<typeof mountForm>): string[] {
	return (prop(wrapper.findAllComponents(ValueSelect)[0], 'options') as { value: string }[]).map((option) => option.value)
}

/**
 * A prop of a mounted child component, untyped (generic components type their props as never).
 *
 * @param child the child
 * @param child.props its props
 * @param name the prop
 */
function prop(child: { props: () => unknown }, name: string): unknown {
	return (child.props() as Record<string, unknown>)[name]
}

describe('ItemStatusForm', () => {
	it('offers the saved status and only the allowed next ones, in workflow order', () => {
		expect(offered(mountForm('new', ['in_review', 'rejected', 'duplicate']))).toEqual(['new', 'in_review', 'rejected', 'duplicate'])
		expect(offered(mountForm('done', ['verified', 'in_progress']))).toEqual(['in_progress', 'done', 'verified'])
	})

	it('asks for the original when the status becomes duplicate, and sends it', async () => {
		const wrapper = mountForm('in_review', ['accepted', 'new', 'rejected', 'duplicate'])
		expect(wrapper.findComponent(NcSelect).exists()).toBe(true) // the status select
		await wrapper.findAllComponents(ValueSelect)[0].vm.$emit('update:modelValue', 'duplicate')
		const picker = wrapper.findAllComponents(NcSelect).find((select) => prop(select, 'inputLabel') === 'Original item')
		expect(picker).toBeDefined()
		expect(wrapper.text()).toContain('merges it into the original')
		await picker!.vm.$emit('update:modelValue', { id: 12, label: '#12 Export fails' })
		await wrapper.find('form').trigger('submit')
		expect(useItemsStore().changeStatus).toHaveBeenCalledWith({
			status: 'duplicate',
			consolidatedPriority: null,
			duplicateOf: 12,
			vendorReference: 'VEN-1',
			vendorUrl: '',
		})
	})

	it('searches item titles for the original through the store', async () => {
		const wrapper = mountForm('new', ['in_review', 'rejected', 'duplicate'])
		const store = useItemsStore()
		vi.mocked(store.findOthers).mockResolvedValue([{ id: 12, title: 'Export fails', type: 'defect', status: 'new', supportCount: 0 }])
		await wrapper.findAllComponents(ValueSelect)[0].vm.$emit('update:modelValue', 'duplicate')
		const picker = wrapper.findAllComponents(NcSelect).find((select) => prop(select, 'inputLabel') === 'Original item')!
		await picker.vm.$emit('search', 'export')
		await flushPromises()
		expect(store.findOthers).toHaveBeenCalledWith('export')
		expect(prop(picker, 'options')).toEqual([{ id: 12, label: '#12 Export fails' }])
	})

	it('says that another status undoes the merge of a duplicate', async () => {
		const wrapper = mountForm('duplicate', ['in_review'], 12)
		await wrapper.findAllComponents(ValueSelect)[0].vm.$emit('update:modelValue', 'in_review')
		expect(wrapper.text()).toContain('undoes the merge')
		expect(wrapper.text()).toContain('#12')
	})

	it('shows the saved state again when the server refuses the change', async () => {
		const wrapper = mountForm('new', ['in_review', 'rejected', 'duplicate'])
		vi.mocked(useItemsStore().changeStatus).mockRejectedValue(new Error('refused'))
		await wrapper.findAllComponents(ValueSelect)[0].vm.$emit('update:modelValue', 'rejected')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(prop(wrapper.findAllComponents(ValueSelect)[0], 'modelValue')).toBe('new')
	})
})
