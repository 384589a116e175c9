import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ItemSearchField from '../../../../src/components/items/ItemSearchField.vue'

/**
 * The search field with the search in effect.
 *
 * @param modelValue the search in effect
 */
function mountField(modelValue?: string) {
	return mount(ItemSearchField, { props: { modelValue, delay: 300 } })
}

describe('ItemSearchField', () => {
	beforeEach(() => {
		vi.useFakeTimers()
	})

	afterEach(() => {
		vi.useRealTimers()
	})

	it('sends the search once typing pauses, trimmed, and only once', async () => {
		const wrapper = mountField()
		const input = wrapper.find('input')
		await input.setValue('ma')
		await input.setValue('mail ')
		vi.advanceTimersByTime(299)
		expect(wrapper.emitted('update:modelValue')).toBeUndefined()
		vi.advanceTimersByTime(1)
		expect(wrapper.emitted('update:modelValue')).toEqual([['mail']])
	})

	it('Enter searches at once', async () => {
		const wrapper = mountField()
		await wrapper.find('input').setValue('export')
		await wrapper.find('input').trigger('keydown', { key: 'Enter' })
		expect(wrapper.emitted('update:modelValue')).toEqual([['export']])
		vi.runAllTimers()
		expect(wrapper.emitted('update:modelValue')).toHaveLength(1)
	})

	it('an emptied field or Escape removes the search', async () => {
		const wrapper = mountField('mail')
		expect(wrapper.find('input').element.value).toBe('mail')
		await wrapper.find('input').trigger('keydown', { key: 'Escape' })
		expect(wrapper.emitted('update:modelValue')).toEqual([[undefined]])
		expect(wrapper.find('input').element.value).toBe('')
	})

	it('shows a search that the URL changed', async () => {
		const wrapper = mountField('mail')
		await wrapper.setProps({ modelValue: 'calendar' })
		expect(wrapper.find('input').element.value).toBe('calendar')
		await wrapper.setProps({ modelValue: undefined })
		expect(wrapper.find('input').element.value).toBe('')
	})

	it('is labelled and limited to 200 characters', () => {
		const wrapper = mountField()
		expect(wrapper.find('label').text()).toBe('Search in title and text')
		expect(wrapper.find('input').attributes('maxlength')).toBe('200')
		expect(wrapper.find('input').attributes('type')).toBe('search')
	})
})
