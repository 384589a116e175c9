import { describe, expect, it } from 'vitest'
import { filtersFromQuery, filtersToQuery } from '../../../../src/components/items/listQuery.ts'

describe('item list route query', () => {
	it('round-trips the filters through the route query', () => {
		const filters = { type: ['security'], componentId: 3, mine: true, sort: 'priority', order: 'asc', page: 2 } as const
		const query = filtersToQuery({ ...filters, type: [...filters.type] })
		expect(query).toEqual({ type: 'security', componentId: '3', mine: '1', sort: 'priority', order: 'asc', page: '2' })
		expect(filtersFromQuery(query as Record<string, string>)).toMatchObject(filters)
	})

	it('round-trips every filter of the contract (docs/api.md), lists comma-separated', () => {
		const query = {
			pilotId: '4',
			q: 'Export fails',
			type: 'defect,security',
			componentId: '3',
			priority: 'critical,high',
			status: 'new,in_review',
			organisationId: '2',
			open: '1',
			filedFrom: '2026-01',
			filedTo: '2026-03',
			closedFrom: '2026-02',
			closedTo: '2026-02',
		}
		const filters = filtersFromQuery(query)
		expect(filters).toMatchObject({
			pilotId: 4,
			q: 'Export fails',
			type: ['defect', 'security'],
			priority: ['high', 'critical'],
			status: ['new', 'in_review'],
			open: true,
			filedFrom: '2026-01',
			closedTo: '2026-02',
		})
		// lists come back in the order of the values (priorities low to critical), each once
		expect(filtersToQuery(filters)).toEqual({ ...query, priority: 'high,critical' })
	})

	it('ignores unknown values in a hand-edited link', () => {
		const filters = filtersFromQuery({
			type: 'rumour',
			priority: 'urgent',
			componentId: '-1',
			page: 'x',
			sort: 'random',
			mine: '0',
			open: 'yes',
			pilotId: '1.5',
			filedFrom: '2026-13',
			filedTo: '2026-1',
			closedFrom: '26-01',
			closedTo: '2026-01-31',
			q: '   ',
		})
		expect(Object.values(filters).filter((value) => value !== undefined)).toEqual([])
	})

	it('keeps the known values of a list and drops the unknown ones, each once', () => {
		expect(filtersFromQuery({ status: 'done, bogus,done' }).status).toEqual(['done'])
		expect(filtersFromQuery({ type: ',,' }).type).toBeUndefined()
	})

	it('trims the search text and cuts it to 200 characters', () => {
		expect(filtersFromQuery({ q: '  login  ' }).q).toBe('login')
		expect(filtersFromQuery({ q: 'x'.repeat(250) }).q).toHaveLength(200)
	})

	it('leaves out empty lists and unset flags', () => {
		expect(filtersToQuery({ type: [], open: false, mine: undefined, q: '' })).toEqual({})
	})
})
