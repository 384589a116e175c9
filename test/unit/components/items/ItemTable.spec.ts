import type { Item } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemTable from '../../../../src/components/items/ItemTable.vue'

/**
 * An item as the list returns it, with the given priorities.
 *
 * @param priority the reporter's priority
 * @param consolidatedPriority the ministry's priority, if set
 */
function item(priority: Item['priority'], consolidatedPriority: Item['consolidatedPriority']): Item {
	return {
		id: 7,
		type: 'defect',
		title: 'Upload stalls',
		priority,
		consolidatedPriority,
		status: 'new',
		organisationId: 1,
		supportCount: 0,
	} as Item
}

/**
 * The text of the priority cell of the only row.
 *
 * @param row the item to show
 */
function priorityCell(row: Item): string {
	const wrapper = mount(ItemTable, {
		props: { items: [row] },
		global: { plugins: [createTestingPinia({ createSpy: vi.fn })], stubs: { RouterLink: RouterLinkStub } },
	})
	return wrapper.findAll('td')[2].text().replace(/\s+/g, ' ')
}

describe('ItemTable', () => {
	it('shows the consolidated priority and, where it differs, the reported one', () => {
		expect(priorityCell(item('low', 'critical'))).toBe('Critical (reported: Low)')
	})

	it('shows one priority when the ministry set none or the same', () => {
		expect(priorityCell(item('high', null))).toBe('High')
		expect(priorityCell(item('high', 'high'))).toBe('High')
	})
})
