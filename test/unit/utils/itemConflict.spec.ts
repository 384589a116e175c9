import type { ItemDetail } from '../../../src/types/index.ts'

import { describe, expect, it } from 'vitest'
import { conflictRows, reapply } from '../../../src/utils/itemConflict.ts'

/**
 * An item with some fields replaced.
 *
 * @param fields the replaced fields
 */
function item(fields: Partial<ItemDetail> = {}): ItemDetail {
	return {
		id: 7,
		type: 'defect',
		title: 'Export fails',
		body: 'Steps',
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
		allowedStatuses: ['in_review', 'rejected', 'duplicate'],
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

describe('conflictRows', () => {
	it('lists the fields either side changed, with the value each side wants', () => {
		const base = item()
		const current = item({ status: 'in_review', version: 2 })
		const mine = { status: 'new', consolidatedPriority: 'critical', vendorReference: '', version: 1 }
		expect(conflictRows(base, mine, current)).toEqual([
			{ field: 'status', base: 'new', theirs: 'in_review', yours: 'new', changedByThem: true, changedByYou: false },
			{ field: 'consolidatedPriority', base: null, theirs: null, yours: 'critical', changedByThem: false, changedByYou: true },
		])
	})

	it('treats null and the empty text alike', () => {
		expect(conflictRows(item({ vendorReference: '' }), { vendorReference: null }, item({ version: 2 }))).toEqual([])
	})
})

describe('reapply', () => {
	it('keeps their change where the user changed nothing and the user\'s change where they did', () => {
		const base = item()
		const current = item({ status: 'in_review', vendorReference: 'VEN-1', version: 2 })
		const mine = { status: 'new', consolidatedPriority: 'critical', vendorReference: '', version: 1 }
		expect(reapply(base, mine, current)).toEqual({ status: 'in_review', consolidatedPriority: 'critical', vendorReference: 'VEN-1', version: 2 })
	})

	it('lets the user\'s value win where both changed the same field', () => {
		const current = item({ title: 'Their title', version: 3 })
		expect(reapply(item(), { title: 'My title', body: 'Steps', version: 1 }, current)).toEqual({ title: 'My title', body: 'Steps', version: 3 })
	})

	it('compares attachments by their file ids', () => {
		const base = item({ attachments: [{ fileId: 5, name: 'a.png', mimetype: 'image/png' }] })
		const current = item({ attachments: [{ fileId: 6, name: 'b.png', mimetype: 'image/png' }], version: 2 })
		expect(reapply(base, { attachmentIds: [5], title: 'New', version: 1 }, current)).toEqual({ attachmentIds: [6], title: 'New', version: 2 })
	})
})
