import type { ItemSort } from '../api/items.ts'
import type { ItemComment, ItemCreatePayload, ItemDetail, ItemPage, ItemQuery, ItemStatus, ItemSuggestion, ItemTriagePayload, ItemType, ItemUpdatePayload, Priority } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import * as api from '../api/items.ts'

/** Items per page of the list. */
export const ITEMS_PER_PAGE = 25

/**
 * What the item list is filtered and sorted by, as the user chose it or a link gave it
 * (docs/api.md, "Item list filters"). The keys are those of the route query and of GET /items.
 */
export interface ItemFilters {
	/** Only items of this pilot */
	pilotId?: number
	/** Text searched in title and body */
	q?: string
	/** Only items of these types */
	type?: ItemType[]
	/** Only items of this component */
	componentId?: number
	/** Only items whose shown priority (consolidated, else the reporter's) is one of these */
	priority?: Priority[]
	/** Only items in these statuses */
	status?: ItemStatus[]
	/** Only items of this organisation */
	organisationId?: number
	/** Only items the current user reported */
	mine?: boolean
	/** Only items whose status is not a closing one (done, rejected, duplicate) */
	open?: boolean
	/** Filed in this month (YYYY-MM) or later */
	filedFrom?: string
	/** Filed in this month (YYYY-MM) or earlier */
	filedTo?: string
	/** Closed in this month (YYYY-MM) or later */
	closedFrom?: string
	/** Closed in this month (YYYY-MM) or earlier */
	closedTo?: string
	/** Sort key; default: created */
	sort?: ItemSort
	/** Sort direction; default: descending */
	order?: 'asc' | 'desc'
	/** Page number, starting at 1 */
	page?: number
}

/**
 * Turn the user's filters into the query parameters of GET /items.
 *
 * @param filters the chosen filters
 */
export function buildItemParams(filters: ItemFilters): ItemQuery {
	const params: ItemQuery = {
		sort: filters.sort ?? 'created',
		order: filters.order ?? 'desc',
		page: Math.max(1, filters.page ?? 1),
		limit: ITEMS_PER_PAGE,
	}
	for (const key of ['pilotId', 'componentId', 'organisationId'] as const) {
		if (filters[key]) {
			params[key] = filters[key]
		}
	}
	for (const key of ['q', 'filedFrom', 'filedTo', 'closedFrom', 'closedTo'] as const) {
		if (filters[key]) {
			params[key] = filters[key]
		}
	}
	for (const key of ['type', 'priority', 'status'] as const) {
		if (filters[key]?.length) {
			params[key] = filters[key].join(',')
		}
	}
	if (filters.mine) {
		params.mine = 1
	}
	if (filters.open) {
		params.open = 1
	}
	return params
}

export const useItemsStore = defineStore('pilotfeedback-items', () => {
	/** The loaded page of the item list; null before the first load */
	const page = ref<ItemPage | null>(null)
	/** True while a list page is being loaded */
	const listLoading = ref(false)
	/** Message of the last failed list load */
	const listError = ref<string | null>(null)
	/** The item shown on the detail page */
	const current = ref<ItemDetail | null>(null)
	/** True while the current item is being loaded */
	const currentLoading = ref(false)
	/** Message of the last failed item load */
	const currentError = ref<string | null>(null)
	/** Comments of the current item, oldest first */
	const comments = ref<ItemComment[]>([])
	/** Existing items resembling the title being typed */
	const suggestions = ref<ItemSuggestion[]>([])

	/** Number of the last suggestion request, so stale answers are dropped */
	let suggestionRequest = 0

	/** Number of pages of the current list */
	const pageCount = computed(() => page.value ? Math.max(1, Math.ceil(page.value.total / page.value.limit)) : 0)

	/**
	 * Load the list page matching the filters.
	 *
	 * @param filters the chosen filters, sorting and page
	 */
	async function loadPage(filters: ItemFilters): Promise<void> {
		listLoading.value = true
		listError.value = null
		try {
			page.value = await api.fetchItems(buildItemParams(filters))
		} catch (error) {
			listError.value = errorMessage(error, t('pilotfeedback', 'Could not load the items.'))
		} finally {
			listLoading.value = false
		}
	}

	/**
	 * Load an item and its comments for the detail page.
	 *
	 * @param id the item
	 */
	async function loadItem(id: number): Promise<void> {
		currentLoading.value = true
		currentError.value = null
		try {
			const [item, itemComments] = await Promise.all([api.fetchItem(id), api.fetchComments(id)])
			current.value = item
			comments.value = itemComments
		} catch (error) {
			current.value = null
			currentError.value = errorMessage(error, t('pilotfeedback', 'Could not load the item.'))
		} finally {
			currentLoading.value = false
		}
	}

	/**
	 * File a new item; it becomes the current item.
	 *
	 * @param input the item's fields
	 */
	async function create(input: ItemCreatePayload): Promise<ItemDetail> {
		current.value = await api.createItem(input)
		comments.value = []
		return current.value
	}

	/**
	 * Save edits to the current item.
	 *
	 * @param input the item's new fields
	 */
	async function update(input: ItemUpdatePayload): Promise<void> {
		if (current.value) {
			current.value = await api.updateItem(current.value.id, input)
		}
	}

	/**
	 * Change status and consolidated priority of the current item.
	 *
	 * @param input status and consolidated priority
	 */
	async function changeStatus(input: ItemTriagePayload): Promise<void> {
		if (current.value) {
			current.value = await api.updateItemStatus(current.value.id, input)
		}
	}

	/** Add or withdraw the current user's support of the current item. */
	async function toggleSupport(): Promise<void> {
		if (current.value) {
			const { id, supportedByMe } = current.value
			current.value = supportedByMe ? await api.unsupportItem(id) : await api.supportItem(id)
		}
	}

	/**
	 * Support an existing item instead of filing a new one.
	 *
	 * @param id the item to support
	 */
	async function supportInstead(id: number): Promise<void> {
		current.value = await api.supportItem(id)
	}

	/**
	 * Comment on the current item.
	 *
	 * @param message the comment text
	 */
	async function postComment(message: string): Promise<void> {
		if (current.value) {
			comments.value = [...comments.value, await api.addComment(current.value.id, message)]
		}
	}

	/**
	 * Look up items resembling a title; texts shorter than 3 characters clear the list.
	 *
	 * @param title the title typed so far
	 */
	async function searchSuggestions(title: string): Promise<void> {
		const request = ++suggestionRequest
		const q = title.trim()
		if (q.length < 3) {
			suggestions.value = []
			return
		}
		try {
			const found = await api.fetchSuggestions(q)
			if (request === suggestionRequest) {
				suggestions.value = found
			}
		} catch {
			// Suggestions are a convenience: without them the form still works.
			suggestions.value = []
		}
	}

	return {
		page,
		listLoading,
		listError,
		pageCount,
		current,
		currentLoading,
		currentError,
		comments,
		suggestions,
		loadPage,
		loadItem,
		create,
		update,
		changeStatus,
		toggleSupport,
		supportInstead,
		postComment,
		searchSuggestions,
	}
})
