import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ItemTypeChoice from '../../../../src/components/items/ItemTypeChoice.vue'

describe('ItemTypeChoice', () => {
	it('offers the four types as radio buttons while filing', () => {
		const wrapper = mount(ItemTypeChoice, { props: { modelValue: 'defect' } })
		expect(wrapper.findAll('input[name="item-type"]')).toHaveLength(4)
	})

	// Four disabled radios drew their text at half opacity, below WCAG's contrast minimum.
	it('shows a type that cannot change as text, with the confidentiality note of a security finding', () => {
		const wrapper = mount(ItemTypeChoice, { props: { modelValue: 'security', disabled: true } })
		expect(wrapper.findAll('input')).toHaveLength(0)
		expect(wrapper.text()).toContain('Security finding')
		expect(wrapper.text()).toContain('Confidential: only you')
	})
})
