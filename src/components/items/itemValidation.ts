import type { Priority } from '../../types/index.ts'

import { t } from '@nextcloud/l10n'

/** Longest title the server accepts. */
export const TITLE_MAX_LENGTH = 255

/** Longest Markdown text the server accepts. */
export const BODY_MAX_LENGTH = 20000

/** The fields of the item form that are checked before sending. */
export interface ItemDraftFields {
	/** Title as typed */
	title: string
	/** Markdown text as typed */
	body: string
	/** Chosen component, null if none */
	componentId: number | null
	/** Chosen pilot, null if none */
	pilotId: number | null
	/** Chosen priority, null if none: a new item has none until the reporter chooses */
	priority: Priority | null
}

/** A translated message per invalid field; fields that are fine are absent. */
export type ItemDraftErrors = Partial<Record<keyof ItemDraftFields, string>>

/**
 * Check the item form as the server will; the server stays the authority.
 *
 * @param draft the form's fields
 */
export function validateItemDraft(draft: ItemDraftFields): ItemDraftErrors {
	const errors: ItemDraftErrors = {}
	const title = draft.title.trim()
	if (title === '') {
		errors.title = t('pilotfeedback', 'Please enter a title.')
	} else if (title.length > TITLE_MAX_LENGTH) {
		errors.title = t('pilotfeedback', 'The title may have at most {max} characters.', { max: TITLE_MAX_LENGTH })
	}
	if (draft.body.length > BODY_MAX_LENGTH) {
		errors.body = t('pilotfeedback', 'The text may have at most {max} characters.', { max: BODY_MAX_LENGTH })
	}
	if (draft.componentId === null) {
		errors.componentId = t('pilotfeedback', 'Please choose a component.')
	}
	if (draft.pilotId === null) {
		errors.pilotId = t('pilotfeedback', 'Please choose a pilot.')
	}
	if (draft.priority === null) {
		errors.priority = t('pilotfeedback', 'Please choose a priority.')
	}
	return errors
}
