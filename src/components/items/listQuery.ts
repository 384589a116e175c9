import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ItemSort } from '../../api/items.ts'
import type { ItemFilters } from '../../stores/items.ts'
import type { ItemStatus, ItemType, Priority } from '../../types/index.ts'

import { priorityLevels } from '../../utils/priorities.ts'
import { itemStatusOptions, itemTypeOptions } from './labels.ts'

/** Sort keys the list offers. */
export const ITEM_SORTS: ItemSort[] = ['created', 'updated', 'priority', 'support', 'title']

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
 * A query value as a positive integer, if it is one.
 *
 * @param value the raw route query value
 */
function positiveInt(value: LocationQuery[string] | undefined): number | undefined {
	const number = Number(value)
	return typeof value === 'string' && Number.isInteger(number) && number > 0 ? number : undefined
}

/**
 * Read the list filters from the route query; unknown values are ignored.
 *
 * @param query the route's query
 */
export function filtersFromQuery(query: LocationQuery): ItemFilters {
	return {
		type: oneOf<ItemType>(query.type, itemTypeOptions().map((option) => option.value)),
		componentId: positiveInt(query.componentId),
		priority: oneOf<Priority>(query.priority, priorityLevels().map((level) => level.value)),
		status: oneOf<ItemStatus>(query.status, itemStatusOptions().map((option) => option.value)),
		organisationId: positiveInt(query.organisationId),
		mine: query.mine === '1' || undefined,
		sort: oneOf(query.sort, ITEM_SORTS),
		order: oneOf(query.order, ['asc', 'desc'] as const),
		page: positiveInt(query.page),
	}
}

/**
 * Write the list filters into a route query, leaving out what is not set.
 *
 * @param filters the chosen filters
 */
export function filtersToQuery(filters: ItemFilters): LocationQueryRaw {
	const query: LocationQueryRaw = {}
	for (const [key, value] of Object.entries(filters)) {
		if (value === true) {
			query[key] = '1'
		} else if (value !== undefined && value !== false && value !== null && value !== '') {
			query[key] = String(value)
		}
	}
	return query
}
