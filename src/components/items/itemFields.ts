/**
 * The names of an item's fields and their values as people read them, shared by the
 * history and the conflict dialog.
 */
import type { ItemStatus, ItemType, Priority } from '../../types/index.ts'
import type { FieldValue } from '../../utils/itemConflict.ts'

import { t } from '@nextcloud/l10n'
import { priorityLabel } from '../../utils/priorities.ts'
import { itemStatusLabel, itemTypeLabel } from './labels.ts'

/** Names of records that values may refer to */
export interface FieldNames {
	/** Name of a component by id */
	component?: (id: number) => string | undefined
	/** Title of a pilot by id */
	pilot?: (id: number) => string | undefined
}

/**
 * The translated name of an item field as the API and the history call it.
 *
 * @param field the field's name
 */
export function itemFieldLabel(field: string): string {
	const labels: Record<string, string> = {
		created: t('pilotfeedback', 'Report'),
		type: t('pilotfeedback', 'Type'),
		title: t('pilotfeedback', 'Title'),
		body: t('pilotfeedback', 'Description'),
		componentId: t('pilotfeedback', 'Component'),
		pilotId: t('pilotfeedback', 'Pilot'),
		priority: t('pilotfeedback', 'Priority'),
		consolidatedPriority: t('pilotfeedback', 'Consolidated priority'),
		status: t('pilotfeedback', 'Status'),
		duplicateOf: t('pilotfeedback', 'Duplicate of'),
		vendorReference: t('pilotfeedback', 'Vendor reference'),
		vendorUrl: t('pilotfeedback', 'Vendor URL'),
		attachments: t('pilotfeedback', 'Attachments'),
		attachmentIds: t('pilotfeedback', 'Attachments'),
		merged: t('pilotfeedback', 'Merged duplicate'),
		unmerged: t('pilotfeedback', 'Merged duplicate'),
	}
	return labels[field] ?? field
}

/**
 * A value of an item field as the user reads it: statuses, types and priorities are
 * translated, ids of other items shown as #id, none as a dash.
 *
 * @param field the field's name
 * @param value the value
 * @param names names of components and pilots, where known
 */
export function itemFieldValue(field: string, value: FieldValue | string | null, names: FieldNames = {}): string {
	if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
		return '–'
	}
	switch (field) {
		case 'status':
			return itemStatusLabel(value as ItemStatus)
		case 'type':
			return itemTypeLabel(value as ItemType)
		case 'priority':
		case 'consolidatedPriority':
			return priorityLabel(value as Priority)
		case 'duplicateOf':
		case 'merged':
		case 'unmerged':
			return `#${value}`
		case 'componentId':
			return names.component?.(Number(value)) ?? String(value)
		case 'pilotId':
			return names.pilot?.(Number(value)) ?? String(value)
		case 'attachmentIds':
			return (value as number[]).map((id) => `#${id}`).join(', ')
		default:
			return String(value)
	}
}
