/**
 * Conflicts between a user's change of an item and someone else's: which fields each side
 * changed, and the change applied again on top of the current item.
 */
import type { ItemDetail } from '../types/index.ts'

/** A value of an item field as the forms send it */
export type FieldValue = string | number | number[] | null

/** A change the user tried to save: field name → the value the user chose */
export type ItemChange = Record<string, unknown>

/** One field in which the two changes differ from what the user saw */
export interface ConflictRow {
	/** The field's name in the API */
	field: string
	/** The value when the user loaded the item */
	base: FieldValue
	/** The value someone else saved meanwhile */
	theirs: FieldValue
	/** The value the user tried to save */
	yours: FieldValue
	/** Whether someone else changed it */
	changedByThem: boolean
	/** Whether the user changed it */
	changedByYou: boolean
}

/**
 * The value of a field of an item, normalised so that "none" is null whether the API says
 * null or ''; attachmentIds is read from the attachments.
 *
 * @param item the item
 * @param field the field's name in the API
 */
export function itemValue(item: ItemDetail, field: string): FieldValue {
	if (field === 'attachmentIds') {
		return item.attachments.map((attachment) => attachment.fileId)
	}
	return normalise((item as unknown as Record<string, unknown>)[field])
}

/**
 * A form value normalised as itemValue does.
 *
 * @param value what the form holds
 */
export function normalise(value: unknown): FieldValue {
	if (value === undefined || value === null || value === '') {
		return null
	}
	if (Array.isArray(value)) {
		return value.map(Number)
	}
	return typeof value === 'number' ? value : String(value)
}

/**
 * Whether two normalised values are the same.
 *
 * @param a one value
 * @param b the other
 */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
	return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The fields of a change in which the user or someone else changed something, in the
 * order of the change.
 *
 * @param base the item as the user loaded it
 * @param mine the change the user tried to save
 * @param current the item as it is now
 */
export function conflictRows(base: ItemDetail, mine: ItemChange, current: ItemDetail): ConflictRow[] {
	return Object.keys(mine).filter((field) => field !== 'version').map((field) => {
		const before = itemValue(base, field)
		const theirs = itemValue(current, field)
		const yours = normalise(mine[field])
		return { field, base: before, theirs, yours, changedByThem: !sameValue(before, theirs), changedByYou: !sameValue(before, yours) }
	}).filter((row) => row.changedByThem || row.changedByYou)
}

/**
 * The user's change applied again on top of the current item: every field the user changed
 * takes the user's value, every other field keeps the current one, and the version is the
 * current one.
 *
 * @param base the item as the user loaded it
 * @param mine the change the user tried to save
 * @param current the item as it is now
 */
export function reapply<T extends ItemChange>(base: ItemDetail, mine: T, current: ItemDetail): T & { version: number } {
	const result: ItemChange = {}
	for (const field of Object.keys(mine)) {
		if (field === 'version') {
			continue
		}
		const changedByYou = !sameValue(itemValue(base, field), normalise(mine[field]))
		result[field] = changedByYou ? mine[field] : (field === 'attachmentIds' ? itemValue(current, field) : (current as unknown as Record<string, unknown>)[field])
	}
	return { ...result, version: current.version } as T & { version: number }
}
