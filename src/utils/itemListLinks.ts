import type { RouteLocationRaw } from 'vue-router'
import type { ItemCount, ItemsOverview, ItemStatus, ItemType, Priority } from '../types/index.ts'

/**
 * Links from the numbers of the Consolidation view's items overview to the item list, with
 * exactly the filters that select the items a number counts: the list accepts these filters
 * in its route query and in GET /api/v1/items (docs/api.md, "Item list filters").
 */

/** The filters of the item list a link can set */
export interface ItemListFilter {
	/** Items of this pilot */
	pilotId: number
	/** Any of these types */
	type?: ItemType[]
	/** Any of these priorities (the consolidated priority where set, else the reporter's) */
	priority?: Priority[]
	/** Any of these statuses */
	status?: ItemStatus[]
	/** Items of this component */
	componentId?: number
	/** Items of this organisation */
	organisationId?: number
	/** Filed in this month or later, YYYY-MM */
	filedFrom?: string
	/** Filed in this month or earlier, YYYY-MM */
	filedTo?: string
	/** Closed (done, rejected, duplicate) in this month or later, YYYY-MM */
	closedFrom?: string
	/** Closed in this month or earlier, YYYY-MM */
	closedTo?: string
}

/** Statuses of items still being worked on, as the overview's open critical and high items count them */
export const OPEN_STATUSES: ItemStatus[] = ['new', 'in_review', 'accepted', 'forwarded', 'in_progress']

/** The order of the query parameters, so that equal filters give equal URLs */
const KEYS = ['pilotId', 'componentId', 'organisationId', 'type', 'priority', 'status', 'filedFrom', 'filedTo', 'closedFrom', 'closedTo'] as const

/**
 * The route query of the item list for the filters; lists become comma-separated values,
 * empty and missing filters are left out.
 *
 * @param filter the filters
 */
export function itemListQuery(filter: ItemListFilter): Record<string, string> {
	const query: Record<string, string> = {}
	for (const key of KEYS) {
		const value = filter[key]
		if (Array.isArray(value)) {
			if (value.length > 0) {
				query[key] = value.join(',')
			}
		} else if (value !== undefined && value !== '') {
			query[key] = String(value)
		}
	}
	return query
}

/**
 * A router link to the item list with the filters.
 *
 * @param filter the filters
 */
export function itemListLink(filter: ItemListFilter): RouteLocationRaw {
	return { name: 'items', query: itemListQuery(filter) }
}

/**
 * The items one count of the overview counts: the pilot's items filed within the overview's
 * months, of that component, type, priority and status, and of the organisation when the
 * count belongs to an organisation's breakdown.
 *
 * @param overview the overview the count belongs to
 * @param count the count
 * @param organisationId the organisation of the breakdown, or 0 for all organisations
 */
export function countLink(overview: ItemsOverview, count: ItemCount, organisationId: number): RouteLocationRaw {
	return itemListLink({
		pilotId: overview.pilotId,
		componentId: count.componentId,
		...(organisationId > 0 ? { organisationId } : {}),
		type: [count.type],
		priority: [count.priority],
		status: [count.status],
		filedFrom: overview.range.from,
		filedTo: overview.range.to,
	})
}

/**
 * The open critical and high items of the overview: still open, filed up to the last month.
 *
 * @param overview the overview
 */
export function openUrgentLink(overview: ItemsOverview): RouteLocationRaw {
	return itemListLink({
		pilotId: overview.pilotId,
		priority: ['critical', 'high'],
		status: OPEN_STATUSES,
		filedTo: overview.range.to,
	})
}

/**
 * The items filed in a month.
 *
 * @param overview the overview
 * @param month the month, YYYY-MM
 */
export function filedLink(overview: ItemsOverview, month: string): RouteLocationRaw {
	return itemListLink({ pilotId: overview.pilotId, filedFrom: month, filedTo: month })
}

/**
 * The items closed in a month.
 *
 * @param overview the overview
 * @param month the month, YYYY-MM
 */
export function closedLink(overview: ItemsOverview, month: string): RouteLocationRaw {
	return itemListLink({ pilotId: overview.pilotId, closedFrom: month, closedTo: month })
}
