import type { ItemComment, ItemCreatePayload, ItemDetail, ItemPage, ItemQuery, ItemSuggestion, ItemTriagePayload, ItemUpdatePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/** Sort keys GET /items understands. */
export type ItemSort = NonNullable<ItemQuery['sort']>

/**
 * Load one page of report items.
 *
 * @param params filters, sorting and pagination
 */
export async function fetchItems(params: ItemQuery): Promise<ItemPage> {
	return ocsData(await axios.get(ocsUrl('/items'), { params }))
}

/**
 * Load one report item with attachments, history and supporters.
 *
 * @param id the item
 */
export async function fetchItem(id: number): Promise<ItemDetail> {
	return ocsData(await axios.get(ocsUrl(`/items/${id}`)))
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
 * Change an item's status and consolidated priority (consolidators only).
 *
 * @param id the item
 * @param input status and consolidated priority
 */
export async function updateItemStatus(id: number, input: ItemTriagePayload): Promise<ItemDetail> {
	return ocsData(await axios.put(ocsUrl(`/items/${id}/status`), input))
}

/**
 * Find existing items whose title resembles the given text.
 *
 * @param q the text typed so far
 */
export async function fetchSuggestions(q: string): Promise<ItemSuggestion[]> {
	return ocsData(await axios.get(ocsUrl('/items/suggestions'), { params: { q } }))
}

/**
 * Mark an item as "concerns us too".
 *
 * @param id the item
 */
export async function supportItem(id: number): Promise<ItemDetail> {
	return ocsData(await axios.post(ocsUrl(`/items/${id}/support`)))
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
 */
export async function fetchComments(id: number): Promise<ItemComment[]> {
	return ocsData(await axios.get(ocsUrl(`/items/${id}/comments`)))
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
