import type { ItemFilters } from '../../../../src/stores/items.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ItemActiveFilters from '../../../../src/components/items/ItemActiveFilters.vue'

/**
 * The chips shown for the filters, with the filters they leave when closed.
 *
 * @param filters the filters in effect
 */
function mountChips(filters: ItemFilters) {
	return mount(ItemActiveFilters, { props: { modelValue: filters } })
}

describe('ItemActiveFilters', () => {
	it('shows nothing without filters, sorting alone is no filter', () => {
		expect(mountChips({}).html()).not.toContain('item-active-filters')
		expect(mountChips({ sort: 'title', order: 'asc', page: 2 }).html()).not.toContain('item-active-filters')
	})

	it('shows the filters a link sets that the bar has no field for, as sentences', () => {
		const wrapper = mountChips({ pilotId: 1, open: true, filedFrom: '2026-01', filedTo: '2026-03', closedFrom: '2026-02', closedTo: '2026-02' })
		expect(wrapper.findAll('.nc-chip__text, [class*="chip__text"]').map((chip) => chip.text())).toEqual([
			'Open items only',
			'Filed from January 2026 to March 2026',
			'Closed in February 2026',
		])
	})

	it('words ranges open at one end', () => {
		const texts = (filters: ItemFilters) => mountChips(filters).findAll('[class*="chip__text"]').map((chip) => chip.text())
		expect(texts({ filedFrom: '2026-01' })).toEqual(['Filed in January 2026 or later'])
		expect(texts({ filedTo: '2026-12' })).toEqual(['Filed in December 2026 or earlier'])
		expect(texts({ closedFrom: '2025-11', closedTo: '2026-01' })).toEqual(['Closed from November 2025 to January 2026'])
		expect(texts({ closedTo: '2026-04' })).toEqual(['Closed in April 2026 or earlier'])
	})

	it('closing a chip removes its filters and goes back to the first page', async () => {
		const wrapper = mountChips({ open: true, filedFrom: '2026-01', filedTo: '2026-01', priority: ['high'], page: 3 })
		const close = wrapper.findAll('button').find((button) => button.attributes('aria-label') === 'Remove filter: Filed in January 2026')!
		await close.trigger('click')
		expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([{ open: true, priority: ['high'], page: undefined }])
	})

	it('"Clear all filters" keeps only the sorting', async () => {
		const wrapper = mountChips({ q: 'mail', type: ['defect'], sort: 'priority', order: 'asc', page: 2 })
		expect(wrapper.findAll('[class*="chip__text"]')).toHaveLength(0)
		const clear = wrapper.findAll('button').find((button) => button.text() === 'Clear all filters')!
		await clear.trigger('click')
		expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([{ sort: 'priority', order: 'asc' }])
	})
})
