import type { ItemStatus, ItemType } from '../../types/index.ts'

import { t } from '@nextcloud/l10n'

/** A selectable value with its translated label. */
export interface LabelledOption<T extends string> {
	/** Value sent to and received from the API */
	value: T
	/** Translated label shown to the user */
	label: string
}

/** The four report item types with translated labels. */
export function itemTypeOptions(): LabelledOption<ItemType>[] {
	return [
		{ value: 'requirement', label: t('pilotfeedback', 'Requirement') },
		{ value: 'defect', label: t('pilotfeedback', 'Defect') },
		{ value: 'improvement', label: t('pilotfeedback', 'Improvement') },
		{ value: 'security', label: t('pilotfeedback', 'Security finding') },
	]
}

/** The workflow statuses in workflow order with translated labels. */
export function itemStatusOptions(): LabelledOption<ItemStatus>[] {
	return [
		{ value: 'new', label: t('pilotfeedback', 'New') },
		{ value: 'in_review', label: t('pilotfeedback', 'In review') },
		{ value: 'accepted', label: t('pilotfeedback', 'Accepted') },
		{ value: 'forwarded', label: t('pilotfeedback', 'Forwarded') },
		{ value: 'in_progress', label: t('pilotfeedback', 'In progress') },
		{ value: 'done', label: t('pilotfeedback', 'Done') },
		{ value: 'verified', label: t('pilotfeedback', 'Verified') },
		{ value: 'rejected', label: t('pilotfeedback', 'Rejected') },
		{ value: 'duplicate', label: t('pilotfeedback', 'Duplicate') },
	]
}

/**
 * Translated label of an item type.
 *
 * @param type the item type
 */
export function itemTypeLabel(type: ItemType): string {
	return itemTypeOptions().find((option) => option.value === type)?.label ?? type
}

/**
 * Translated label of an item status.
 *
 * @param status the item status
 */
export function itemStatusLabel(status: ItemStatus): string {
	return itemStatusOptions().find((option) => option.value === status)?.label ?? status
}
