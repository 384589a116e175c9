import type { Item } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemTable from '../../../../src/components/items/ItemTable.vue'

/**
 * An item as the list returns it.
 *
 * @param fields what differs from the default item
 */
function item(fields: Partial<Item> = {}): Item {
	return {
		id: 7,
		type: 'defect',
		title: 'Upload stalls',
		priority: 'medium',
		consolidatedPriority: null,
		status: 'new',
		organisationId: 1,
		componentId: 3,
		createdAt: Date.UTC(2026, 2, 14, 12) / 1000,
		supportCount: 0,
		...fields,
	} as Item
}

/**
 * The table mounted with a catalogue that names component 3 and organisation 1.
 *
 * @param props the table's props
 */
function mountTable(props: Record<string, unknown>) {
	return mount(ItemTable, {
		props: props as { items: Item[] },
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-catalogue': {
						catalogue: {
							pilots: [],
							criteria: [],
							periods: [],
							components: [{ id: 3, name: 'Mail client' }],
							organisations: [{ id: 1, name: 'Robert Koch-Institut', shortName: 'RKI' }],
						},
					},
				},
			})],
			stubs: { RouterLink: RouterLinkStub },
		},
	})
}

/**
 * The text of the priority cell of the only row.
 *
 * @param row the item to show
 */
function priorityCell(row: Item): string {
	return mountTable({ items: [row] }).find('.item-table__priority').text().replace(/\s+/g, ' ')
}

describe('ItemTable', () => {
	it('shows the consolidated priority and, where it differs, the reported one', () => {
		expect(priorityCell(item({ priority: 'low', consolidatedPriority: 'critical' }))).toBe('Critical (reported: Low)')
	})

	it('shows one priority when the ministry set none or the same', () => {
		expect(priorityCell(item({ priority: 'high', consolidatedPriority: null }))).toBe('High')
		expect(priorityCell(item({ priority: 'high', consolidatedPriority: 'high' }))).toBe('High')
	})

	it('has a component and a filed column, and the title is a link to the item', () => {
		const wrapper = mountTable({ items: [item()] })
		const headers = wrapper.findAll('th').map((th) => th.text())
		expect(headers).toEqual(['Type', 'Title', 'Component', 'Priority', 'Status', 'Organisation', 'Filed', 'Support'])
		expect(wrapper.find('.item-table__component').text()).toBe('Mail client')
		const time = wrapper.find('.item-table__filed time')
		expect(time.attributes('datetime')).toBe('2026-03-14T12:00:00.000Z')
		expect(time.text()).toMatch(/2026/)
		const link = wrapper.findComponent(RouterLinkStub)
		expect(link.props('to')).toBe('/items/7')
		expect(link.classes()).toContain('item-table__title')
	})

	it('offers no checkboxes unless selectable', () => {
		expect(mountTable({ items: [item()] }).findAll('input[type="checkbox"]')).toHaveLength(0)
	})

	it('selects single items and all items of the page, keeping those of other pages', async () => {
		const wrapper = mountTable({ items: [item({ id: 1 }), item({ id: 2 })], selectable: true, selected: [99] })
		const boxes = () => wrapper.findAll('input[type="checkbox"]')
		expect(boxes()).toHaveLength(3)
		expect(boxes()[1]!.attributes('aria-label')).toBe('Select “Upload stalls”')

		await boxes()[2]!.setValue(true)
		expect(wrapper.emitted('update:selected')!.at(-1)).toEqual([[99, 2]])
		await wrapper.setProps({ selected: [99, 2] })
		expect((boxes()[0]!.element as HTMLInputElement).indeterminate).toBe(true)

		await boxes()[0]!.setValue(true)
		expect(wrapper.emitted('update:selected')!.at(-1)).toEqual([[99, 1, 2]])
		await wrapper.setProps({ selected: [99, 1, 2] })
		expect((boxes()[0]!.element as HTMLInputElement).checked).toBe(true)
		expect(wrapper.findAll('tr.item-table__row--selected')).toHaveLength(2)

		await boxes()[0]!.setValue(false)
		expect(wrapper.emitted('update:selected')!.at(-1)).toEqual([[99]])
	})
})
