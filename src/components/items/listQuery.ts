import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ItemSort } from '../../api/items.ts'
import type { ItemFilters } from '../../stores/items.ts'
import type { ItemStatus, ItemType, Priority } from '../../types/index.ts'

import { priorityLevels } from '../../utils/priorities.ts'
import { itemStatusOptions, itemTypeOptions } from './labels.ts'

/** Sort keys the list offers. */
export const ITEM_SORTS: ItemSort[] = ['created', 'updated', 'priority', 'support', 'title']

/** Longest search text the server accepts. */
export const MAX_SEARCH_LENGTH = 200

/** A month as the list filters take it: YYYY-MM. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The filters that take a month. */
export const MONTH_FILTERS = ['filedFrom', 'filedTo', 'closedFrom', 'closedTo'] as const

/**
 * A query value as one string, if it is one of the allowed values.
 *
 * @param value the raw route query value
 * @param allowed the accepted values
 */
function oneOf<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T | undefined {
	return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? value as T : undefined
}

/**
 * A comma-separated query value ("critical,high") as the allowed values it names, in the
 * order of `allowed`, each once; undefined when it names none.
 *
 * @param value the raw route query value
 * @param allowed the accepted values
 */
function anyOf<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T[] | undefined {
	if (typeof value !== 'string') {
		return undefined
	}
	const named = new Set(value.split(',').map((part) => part.trim()))
	const chosen = allowed.filter((option) => named.has(option))
	return chosen.length > 0 ? chosen : undefined
}

/**
 * A query value as a positive integer, if it is one.
 *
 * @param value the raw route query value
 */
function positiveInt(value: LocationQuery[string] | undefined): number | undefined {
	const number = Number(value)
	return typeof value === 'string' && Number.isInteger(number) && number > 0 ? number : undefined
}

/**
 * A query value as a month YYYY-MM, if it is one.
 *
 * @param value the raw route query value
 */
function month(value: LocationQuery[string] | undefined): string | undefined {
	return typeof value === 'string' && MONTH.test(value) ? value : undefined
}

/**
 * A query value as a search text: trimmed, at most MAX_SEARCH_LENGTH characters, undefined when blank.
 *
 * @param value the raw route query value
 */
function searchText(value: LocationQuery[string] | undefined): string | undefined {
	const text = typeof value === 'string' ? value.trim().slice(0, MAX_SEARCH_LENGTH) : ''
	return text === '' ? undefined : text
}

/**
 * Read the list filters from the route query (docs/api.md, "Item list filters"); unknown
 * values are ignored.
 *
 * @param query the route's query
 */
export function filtersFromQuery(query: LocationQuery): ItemFilters {
	return {
		pilotId: positiveInt(query.pilotId),
		q: searchText(query.q),
		type: anyOf<ItemType>(query.type, itemTypeOptions().map((option) => option.value)),
		componentId: positiveInt(query.componentId),
		priority: anyOf<Priority>(query.priority, priorityLevels().map((level) => level.value)),
		status: anyOf<ItemStatus>(query.status, itemStatusOptions().map((option) => option.value)),
		organisationId: positiveInt(query.organisationId),
		mine: query.mine === '1' || undefined,
		open: query.open === '1' || undefined,
		filedFrom: month(query.filedFrom),
		filedTo: month(query.filedTo),
		closedFrom: month(query.closedFrom),
		closedTo: month(query.closedTo),
		sort: oneOf(query.sort, ITEM_SORTS),
		order: oneOf(query.order, ['asc', 'desc'] as const),
		page: positiveInt(query.page),
	}
}

/**
 * Write the list filters into a route query, leaving out what is not set; lists become
 * comma-separated values.
 *
 * @param filters the chosen filters
 */
export function filtersToQuery(filters: ItemFilters): LocationQueryRaw {
	const query: LocationQueryRaw = {}
	for (const [key, value] of Object.entries(filters)) {
		if (value === true) {
			query[key] = '1'
		} else if (Array.isArray(value)) {
			if (value.length > 0) {
				query[key] = value.join(',')
			}
		} else if (value !== undefined && value !== false && value !== null && value !== '') {
			query[key] = String(value)
		}
	}
	return query
}
