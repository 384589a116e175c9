import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NumberSettingsSection from '../../../../src/components/admin/NumberSettingsSection.vue'

/**
 * Mount the section with two fields and the given saved values.
 *
 * @param saved the saved values
 * @param save what saving resolves to
 */
function mountSection(saved: Record<string, number> | null, save = vi.fn().mockResolvedValue(true)) {
	const wrapper = mount(NumberSettingsSection, {
		props: {
			name: 'Numbers',
			description: 'Two numbers',
			fields: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }],
			saved,
			loadError: null,
			save,
		},
	})
	const inputs = () => wrapper.findAll('input').map((input) => input.element as HTMLInputElement)
	return { wrapper, save, inputs }
}

describe('NumberSettingsSection', () => {
	it('shows the saved values, and empty fields before they are loaded', async () => {
		const { wrapper, inputs } = mountSection(null)
		expect(inputs().map((input) => input.value)).toEqual(['', ''])
		await wrapper.setProps({ saved: { a: 2, b: 7 } })
		expect(inputs().map((input) => input.value)).toEqual(['2', '7'])
	})

	it('saves every typed value as a number', async () => {
		const { wrapper, save } = mountSection({ a: 2, b: 7 })
		await wrapper.findAll('input')[1]!.setValue('9')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).toHaveBeenCalledExactlyOnceWith({ a: 2, b: 9 })
	})

	it('does not save values that equal the saved ones', async () => {
		const { wrapper, save } = mountSection({ a: 2, b: 7 })
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).not.toHaveBeenCalled()
	})

	it('shows the saved values again for a blank or fractional value, without saving', async () => {
		const { wrapper, save, inputs } = mountSection({ a: 2, b: 7 })
		await wrapper.findAll('input')[0]!.setValue('1.5')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).not.toHaveBeenCalled()
		expect(inputs()[0]!.value).toBe('2')
		await wrapper.findAll('input')[1]!.setValue('')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).not.toHaveBeenCalled()
		expect(inputs()[1]!.value).toBe('7')
	})

	it('shows the saved values again when the server refuses', async () => {
		const { wrapper, save, inputs } = mountSection({ a: 2, b: 7 }, vi.fn().mockResolvedValue(false))
		await wrapper.findAll('input')[0]!.setValue('-1')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).toHaveBeenCalledExactlyOnceWith({ a: -1, b: 7 })
		expect(inputs()[0]!.value).toBe('2')
	})

	it('saves decimals in a field with a step, and gives the input its step and bounds', async () => {
		const save = vi.fn().mockResolvedValue(true)
		const wrapper = mount(NumberSettingsSection, {
			props: {
				name: 'Light',
				description: 'Two thresholds',
				fields: [{ key: 'green', label: 'Green', step: 0.1, min: 1, max: 5 }, { key: 'amber', label: 'Amber', step: 0.1, min: 1, max: 5 }],
				saved: { green: 4, amber: 3 },
				save,
			},
		})
		const input = wrapper.findAll('input')[0]!
		expect([input.attributes('step'), input.attributes('min'), input.attributes('max')]).toEqual(['0.1', '1', '5'])
		await input.setValue('4.5')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(save).toHaveBeenCalledExactlyOnceWith({ green: 4.5, amber: 3 })
	})

	it('shows why loading failed', () => {
		const { wrapper } = mountSection(null)
		expect(wrapper.text()).not.toContain('Server down')
		return wrapper.setProps({ loadError: 'Server down' }).then(() => expect(wrapper.text()).toContain('Server down'))
	})
})
