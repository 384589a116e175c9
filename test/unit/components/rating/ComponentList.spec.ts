import type { RatingState } from '../../../../src/components/rating/ratingState.ts'
import type { RatingGroup } from '../../../../src/stores/ratings.ts'
import type { Component } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ComponentList from '../../../../src/components/rating/ComponentList.vue'

const components: Component[] = [10, 11, 12].map((id) => ({ id, name: `C${id}`, nameEn: `C${id}`, nameDe: `C${id}`, category: 'other', product: '', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [1] }))

/**
 * Pilots holding the given components, by title.
 *
 * @param pilots pilot title => component ids
 */
function groups(pilots: Record<string, number[]>): RatingGroup[] {
	return Object.entries(pilots).map(([title, ids], index) => ({
		pilotId: index + 1,
		title,
		slots: ids.map((id) => ({ key: `${index + 1}:${id}`, pilotId: index + 1, pilotTitle: title, component: components.find((c) => c.id === id)!, locked: false })),
	}))
}

const onePilot = groups({ 'PoC 1': [10, 11, 12] })
const states = new Map<string, RatingState>([['1:10', 'rated'], ['1:11', 'partly'], ['1:12', 'draft']])

/**
 * Mount the list with component 11 of pilot 1 shown.
 *
 * @param of the ratings pilot by pilot
 */
function mountList(of: RatingGroup[] = onePilot) {
	return mount(ComponentList, { props: { groups: of, states, selectedKey: '1:11' }, attachTo: document.body })
}

describe('ComponentList', () => {
	it('lists every component with its state and marks the shown one', () => {
		const wrapper = mountList()
		const buttons = wrapper.findAll('button')
		expect(buttons.map((b) => b.text())).toEqual(['C10Rated', 'C11Partly rated', 'C12Comment only, not counted'])
		expect(buttons[1].attributes('aria-current')).toBe('true')
		expect(buttons[0].attributes('aria-current')).toBeUndefined()
		expect(wrapper.findAll('h3')).toHaveLength(0)
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
		expect(wrapper.emitted('select')).toEqual([['1:10']])
		wrapper.unmount()
	})

	it('groups by pilot under headings, a component in two pilots in each, and moves across the pilots', async () => {
		const wrapper = mountList(groups({ 'PoC 1': [10, 11], 'PoC 3': [10] }))
		expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['PoC 1', 'PoC 3'])
		const buttons = wrapper.findAll('button')
		expect(buttons.map((b) => b.find('.component-list__name').text())).toEqual(['C10', 'C11', 'C10'])
		await buttons[1].trigger('keydown', { key: 'ArrowDown' })
		await new Promise((resolve) => setTimeout(resolve))
		expect(document.activeElement).toBe(buttons[2].element)
		await buttons[2].trigger('click')
		expect(wrapper.emitted('select')).toEqual([['2:10']])
		wrapper.unmount()
	})
})
