import type { ItemComment, ItemCreatePayload, ItemDetail, ItemPage, ItemQuery, ItemSuggestion, ItemTriagePayload, ItemUpdatePayload, Priority } from '../types/index.ts'

import axios, { isAxiosError } from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * The item as it is now, if the error is the 409 of an edit or triage sent with an
 * outdated version; null for any other error.
 *
 * @param error whatever the request threw
 */
export function conflictCurrent(error: unknown): ItemDetail | null {
	if (!isAxiosError(error) || error.response?.status !== 409) {
		return null
	}
	const current = (error.response.data as { ocs?: { data?: { current?: ItemDetail } } } | undefined)?.ocs?.data?.current
	return current && typeof current.version === 'number' ? current : null
}

/** Sort keys GET /items understands. */
export type ItemSort = NonNullable<ItemQuery['sort']>

/**
 * Load one page of report items.
 *
 * @param params filters, sorting and pagination
 * @param signal aborts the request
 */
export async function fetchItems(params: ItemQuery, signal?: AbortSignal): Promise<ItemPage> {
	return ocsData(await axios.get(ocsUrl('/items'), { params, signal }))
}

/**
 * Load one report item with attachments, history and supporters.
 *
 * @param id the item
 * @param signal aborts the request
 */
export async function fetchItem(id: number, signal?: AbortSignal): Promise<ItemDetail> {
	return ocsData(await axios.get(ocsUrl(`/items/${id}`), { signal }))
}

/**
 * File a new report item.
 *
 * @param input the item's fields
 */
export async function createItem(input: ItemCreatePayload): Promise<ItemDetail> {
	return ocsData(await axios.post(ocsUrl('/items'), input))
}

/**
 * Edit a report item.
 *
 * @param id the item
 * @param input the item's new fields
 */
export async function updateItem(id: number, input: ItemUpdatePayload): Promise<ItemDetail> {
	return ocsData(await axios.put(ocsUrl(`/items/${id}`), input))
}

/**
 * Triage an item (consolidators only): status, consolidated priority, duplicate-of and
 * vendor reference; a status duplicate with duplicateOf merges the item into that one.
 *
 * @param id the item
 * @param input the triage fields and the version the user saw
 */
export async function updateItemStatus(id: number, input: ItemTriagePayload): Promise<ItemDetail> {
	return ocsData(await axios.put(ocsUrl(`/items/${id}/status`), input))
}

/**
 * Find existing items whose title resembles the given text.
 *
 * @param q the text typed so far
 * @param limit how many at most (1–20; the server's default is 5)
 * @param signal aborts the request
 */
export async function fetchSuggestions(q: string, limit?: number, signal?: AbortSignal): Promise<ItemSuggestion[]> {
	return ocsData(await axios.get(ocsUrl('/items/suggestions'), { params: limit === undefined ? { q } : { q, limit }, signal }))
}

/**
 * Mark an item as "concerns us too", with the priority it has for the user's organisation;
 * sent again while supporting, it changes that priority.
 *
 * @param id the item
 * @param priority the organisation's priority; left out: the item's
 */
export async function supportItem(id: number, priority?: Priority): Promise<ItemDetail> {
	return ocsData(await axios.post(ocsUrl(`/items/${id}/support`), priority === undefined ? undefined : { priority }))
}

/**
 * Withdraw the current user's support of an item.
 *
 * @param id the item
 */
export async function unsupportItem(id: number): Promise<ItemDetail> {
	return ocsData(await axios.delete(ocsUrl(`/items/${id}/support`)))
}

/**
 * Load the comments of an item, oldest first.
 *
 * @param id the item
 * @param signal aborts the request
 */
export async function fetchComments(id: number, signal?: AbortSignal): Promise<ItemComment[]> {
	return ocsData(await axios.get(ocsUrl(`/items/${id}/comments`), { signal }))
}

/**
 * Add a comment to an item.
 *
 * @param id the item
 * @param message the comment text
 */
export async function addComment(id: number, message: string): Promise<ItemComment> {
	return ocsData(await axios.post(ocsUrl(`/items/${id}/comments`), { message }))
}
