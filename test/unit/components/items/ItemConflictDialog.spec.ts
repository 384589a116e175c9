import type { ItemDetail } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NcDialog from '@nextcloud/vue/components/NcDialog'
import ItemConflictDialog from '../../../../src/components/items/ItemConflictDialog.vue'
import { useItemsStore } from '../../../../src/stores/items.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn(), showSuccess: vi.fn() }))

/**
 * An item with some fields replaced.
 *
 * @param fields the replaced fields
 */
function detail(fields: Partial<ItemDetail> = {}): ItemDetail {
	return {
		id: 7,
		type: 'defect',
		title: 'Export fails',
		body: '',
		componentId: 1,
		pilotId: 2,
		priority: 'high',
		consolidatedPriority: null,
		status: 'new',
		reporterId: 'rki-tester1',
		reporterName: 'RKI Tester 1',
		organisationId: 1,
		duplicateOf: null,
		vendorReference: '',
		vendorUrl: '',
		supportCount: 0,
		supportedByMe: false,
		canEdit: true,
		allowedStatuses: [],
		version: 1,
		createdAt: 1,
		updatedAt: 1,
		attachments: [],
		history: [],
		supporters: [],
		canChangeStatus: true,
		mergedDuplicates: [],
		priorityPerOrganisation: [],
		...fields,
	}
}

/**
 * Mount the dialog with a conflict, or none.
 *
 * @param conflict the store's conflict
 */
function mountDialog(conflict: unknown) {
	return mount(ItemConflictDialog, {
		attachTo: document.body,
		global: {
			plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-items': { conflict } } })],
		},
	})
}

const conflict = {
	kind: 'triage',
	base: detail(),
	mine: { status: 'new', consolidatedPriority: 'critical', vendorReference: '' },
	current: detail({
		status: 'in_review',
		version: 2,
		history: [{ id: 1, userId: 'bmi2', userName: 'Second consolidator', field: 'status', oldValue: 'new', newValue: 'in_review', createdAt: 2 }],
	}),
}

describe('ItemConflictDialog', () => {
	it('is closed without a conflict', () => {
		expect(mountDialog(null).findComponent(NcDialog).props('open')).toBe(false)
	})

	it('names who changed the item and shows their and the user\'s changed fields', async () => {
		const wrapper = mountDialog(conflict)
		expect(wrapper.findComponent(NcDialog).props('open')).toBe(true)
		const text = document.body.textContent ?? ''
		expect(text).toContain('Second consolidator changed this item')
		const rows = [...document.body.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()))
		expect(rows).toEqual([
			['Status', 'In review (changed from New)', 'unchanged'],
			['Consolidated priority', '–', 'Critical'],
		])
		wrapper.unmount()
	})

	it('applies the change again or discards it through the store, and cannot be closed otherwise', async () => {
		const wrapper = mountDialog(conflict)
		const dialog = wrapper.findComponent(NcDialog)
		expect(dialog.props('noClose')).toBe(true)
		const buttons = dialog.props('buttons') as { label: string, callback: () => Promise<unknown> }[]
		// false: the dialog stays until the store's conflict ends (it may meet another change)
		expect(await buttons.find((button) => button.label === 'Apply my change again')!.callback()).toBe(false)
		expect(useItemsStore().resolveConflict).toHaveBeenCalledWith('reapply')
		expect(await buttons.find((button) => button.label === 'Discard my change')!.callback()).toBe(false)
		expect(useItemsStore().resolveConflict).toHaveBeenCalledWith('discard')
		wrapper.unmount()
	})
})
