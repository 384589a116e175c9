import type { RatingState } from '../../../../src/components/rating/ratingState.ts'
import type { Component } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ComponentList from '../../../../src/components/rating/ComponentList.vue'

const components: Component[] = [10, 11, 12].map((id) => ({ id, name: `C${id}`, category: 'other', product: '', description: '', archived: false, pilotIds: [1] }))
const states = new Map<number, RatingState>([[10, 'rated'], [11, 'partly'], [12, 'draft']])

/**
 * Mount the list with component 11 shown.
 */
function mountList() {
	return mount(ComponentList, { props: { components, states, selectedId: 11 }, attachTo: document.body })
}

describe('ComponentList', () => {
	it('lists every component with its state and marks the shown one', () => {
		const wrapper = mountList()
		const buttons = wrapper.findAll('button')
		expect(buttons.map((b) => b.text())).toEqual(['C10Rated', 'C11Partly rated', 'C12Comment only, not counted'])
		expect(buttons[1].attributes('aria-current')).toBe('true')
		expect(buttons[0].attributes('aria-current')).toBeUndefined()
		wrapper.unmount()
	})

	it('is one tab stop: the shown component', () => {
		const wrapper = mountList()
		expect(wrapper.findAll('button').map((b) => b.attributes('tabindex'))).toEqual(['-1', '0', '-1'])
		wrapper.unmount()
	})

	it('moves the focus with the arrow keys and opens a component on click', async () => {
		const wrapper = mountList()
		const buttons = wrapper.findAll('button')
		await buttons[1].trigger('keydown', { key: 'ArrowDown' })
		await new Promise((resolve) => setTimeout(resolve))
		expect(document.activeElement).toBe(buttons[2].element)
		await buttons[2].trigger('keydown', { key: 'Home' })
		await new Promise((resolve) => setTimeout(resolve))
		expect(document.activeElement).toBe(buttons[0].element)
		await buttons[0].trigger('click')
		expect(wrapper.emitted('select')).toEqual([[10]])
		wrapper.unmount()
	})
})
