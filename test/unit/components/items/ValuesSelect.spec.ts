import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ValuesSelect from '../../../../src/components/items/ValuesSelect.vue'

const options = [
	{ value: 'low', label: 'Low' },
	{ value: 'high', label: 'High' },
	{ value: 'critical', label: 'Critical' },
]

describe('ValuesSelect', () => {
	it('shows the chosen values as options of a multiple select', () => {
		const wrapper = mount(ValuesSelect, { props: { modelValue: ['critical', 'low'], label: 'Priority', options } })
		const select = wrapper.findComponent(NcSelect)
		expect((select.props() as Record<string, unknown>).multiple).toBe(true)
		expect(((select.props() as Record<string, unknown>).modelValue as { value: string }[]).map((option) => option.value)).toEqual(['low', 'critical'])
	})

	it('emits the values in the order of the options, and undefined for none', async () => {
		const wrapper = mount(ValuesSelect, { props: { modelValue: undefined, label: 'Priority', options } })
		const select = wrapper.findComponent(NcSelect)
		select.vm.$emit('update:modelValue', [options[2], options[0]])
		select.vm.$emit('update:modelValue', [])
		expect(wrapper.emitted('update:modelValue')).toEqual([[['low', 'critical']], [undefined]])
	})
})
