import { describe, expect, it } from 'vitest'
import { filtersFromQuery, filtersToQuery } from '../../../../src/components/items/listQuery.ts'

describe('item list route query', () => {
	it('round-trips the filters through the route query', () => {
		const filters = { type: 'security', componentId: 3, mine: true, sort: 'priority', order: 'asc', page: 2 } as const
		const query = filtersToQuery(filters)
		expect(query).toEqual({ type: 'security', componentId: '3', mine: '1', sort: 'priority', order: 'asc', page: '2' })
		expect(filtersFromQuery(query as Record<string, string>)).toMatchObject(filters)
	})

	it('ignores unknown values in a hand-edited link', () => {
		const filters = filtersFromQuery({ type: 'rumour', priority: 'urgent', componentId: '-1', page: 'x', sort: 'random', mine: '0' })
		expect(Object.values(filters).filter((value) => value !== undefined)).toEqual([])
	})
})
