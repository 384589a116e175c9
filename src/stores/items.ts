import type { ItemSort } from '../api/items.ts'
import type { ItemComment, ItemCreatePayload, ItemDetail, ItemPage, ItemQuery, ItemStatus, ItemSuggestion, ItemTriagePayload, ItemType, ItemUpdatePayload, Priority } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import * as api from '../api/items.ts'
import { reapply } from '../utils/itemConflict.ts'
import { latestRequest } from '../utils/latestRequest.ts'

/** An edit or triage of the current item that met someone else's change (409). */
export interface ItemConflict {
	/** Which write it was */
	kind: 'edit' | 'triage'
	/** The item as the user saw it when they made their change */
	base: ItemDetail
	/** The change the user tried to save */
	mine: Omit<ItemUpdatePayload, 'version'> | Omit<ItemTriagePayload, 'version'>
	/** The item as it is now */
	current: ItemDetail
}

/** Thrown by the store's writes when they met a conflict; the store's `conflict` describes it. */
export class ItemConflictError extends Error {
	constructor() {
		super('The item was changed by someone else in the meantime')
		this.name = 'ItemConflictError'
	}
}

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
	/** The last write of the current item that met someone else's change, until resolved */
	const conflict = ref<ItemConflict | null>(null)

	/** Each load aborts the one before of its kind: a late answer must not replace a newer one */
	const nextPageSignal = latestRequest()
	const nextItemSignal = latestRequest()
	const nextSuggestionSignal = latestRequest()

	/** Number of pages of the current list */
	const pageCount = computed(() => page.value ? Math.max(1, Math.ceil(page.value.total / page.value.limit)) : 0)

	/**
	 * Load the list page matching the filters.
	 *
	 * @param filters the chosen filters, sorting and page
	 */
	async function loadPage(filters: ItemFilters): Promise<void> {
		const signal = nextPageSignal()
		listLoading.value = true
		listError.value = null
		try {
			const loaded = await api.fetchItems(buildItemParams(filters), signal)
			if (signal.aborted) {
				return
			}
			page.value = loaded
		} catch (error) {
			if (signal.aborted) {
				return
			}
			listError.value = errorMessage(error, t('pilotfeedback', 'Could not load the items.'))
		}
		listLoading.value = false
	}

	/**
	 * Load an item and its comments for the detail page.
	 *
	 * @param id the item
	 */
	async function loadItem(id: number): Promise<void> {
		const signal = nextItemSignal()
		currentLoading.value = true
		currentError.value = null
		conflict.value = null
		try {
			const [item, itemComments] = await Promise.all([api.fetchItem(id, signal), api.fetchComments(id, signal)])
			if (signal.aborted) {
				return
			}
			current.value = item
			comments.value = itemComments
		} catch (error) {
			if (signal.aborted) {
				return
			}
			current.value = null
			currentError.value = errorMessage(error, t('pilotfeedback', 'Could not load the item.'))
		}
		currentLoading.value = false
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
	 * Send a write of the current item with its version. On a conflict (409) the current
	 * item becomes the server's, `conflict` holds both sides and ItemConflictError is thrown.
	 *
	 * @param kind which write
	 * @param mine the change without the version
	 */
	async function write(kind: ItemConflict['kind'], mine: ItemConflict['mine']): Promise<void> {
		const base = current.value
		if (!base) {
			return
		}
		try {
			current.value = kind === 'edit'
				? await api.updateItem(base.id, { ...(mine as Omit<ItemUpdatePayload, 'version'>), version: base.version })
				: await api.updateItemStatus(base.id, { ...(mine as Omit<ItemTriagePayload, 'version'>), version: base.version })
			conflict.value = null
		} catch (error) {
			const now = api.conflictCurrent(error)
			if (now === null) {
				throw error
			}
			// the user's side stays what they saw first, through repeated conflicts
			conflict.value = { kind, base: conflict.value?.base ?? base, mine, current: now }
			current.value = now
			throw new ItemConflictError()
		}
	}

	/**
	 * Save edits to the current item.
	 *
	 * @param input the item's new fields
	 */
	async function update(input: Omit<ItemUpdatePayload, 'version'>): Promise<void> {
		await write('edit', input)
	}

	/**
	 * Triage the current item: status, consolidated priority, duplicate-of, vendor reference.
	 *
	 * @param input the triage fields
	 */
	async function changeStatus(input: Omit<ItemTriagePayload, 'version'>): Promise<void> {
		await write('triage', input)
	}

	/**
	 * End a conflict: apply the user's change again on top of the current item (fields the
	 * user did not change keep the other person's values), or drop it.
	 *
	 * @param action what the user chose
	 */
	async function resolveConflict(action: 'reapply' | 'discard'): Promise<void> {
		const open = conflict.value
		if (!open) {
			return
		}
		if (action === 'discard') {
			conflict.value = null
			return
		}
		const change: Record<string, unknown> = reapply(open.base, open.mine, open.current)
		delete change.version // write() sends the current item's version, which is the one reapply named
		await write(open.kind, change as ItemConflict['mine'])
	}

	/**
	 * Items other than the current one whose titles resemble the text, to name an original;
	 * duplicates are left out, as the server refuses to merge into one.
	 *
	 * @param q the text typed so far; shorter than 3 characters finds nothing
	 */
	async function findOthers(q: string): Promise<ItemSuggestion[]> {
		if (q.trim().length < 3) {
			return []
		}
		const found = await api.fetchSuggestions(q.trim(), 10)
		return found.filter((item) => item.id !== current.value?.id && item.status !== 'duplicate')
	}

	/** Add or withdraw the current user's support of the current item. */
	async function toggleSupport(): Promise<void> {
		if (current.value) {
			const { id, supportedByMe } = current.value
			current.value = supportedByMe ? await api.unsupportItem(id) : await api.supportItem(id)
		}
	}

	/**
	 * Support the current item with the priority it has for the user's organisation, or, while
	 * supporting it, change that priority.
	 *
	 * @param priority the organisation's priority
	 */
	async function support(priority: Priority): Promise<void> {
		if (current.value) {
			current.value = await api.supportItem(current.value.id, priority)
		}
	}

	/** Withdraw the current user's support of the current item. */
	async function withdrawSupport(): Promise<void> {
		if (current.value) {
			current.value = await api.unsupportItem(current.value.id)
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
		const signal = nextSuggestionSignal()
		const q = title.trim()
		if (q.length < 3) {
			suggestions.value = []
			return
		}
		try {
			const found = await api.fetchSuggestions(q, undefined, signal)
			if (!signal.aborted) {
				suggestions.value = found
			}
		} catch {
			// Suggestions are a convenience: without them the form still works.
			if (!signal.aborted) {
				suggestions.value = []
			}
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
		conflict,
		loadPage,
		loadItem,
		create,
		update,
		changeStatus,
		resolveConflict,
		findOthers,
		toggleSupport,
		support,
		withdrawSupport,
		supportInstead,
		postComment,
		searchSuggestions,
	}
})
