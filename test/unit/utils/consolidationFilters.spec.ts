import { describe, expect, it } from 'vitest'
import { filtersFromQuery, filtersToParams, filtersToQuery, quarterOf } from '../../../src/utils/consolidationFilters.ts'

describe('consolidation filters', () => {
	it('default to this month without a pilot', () => {
		expect(filtersFromQuery({}, '2026-03')).toEqual({ pilotId: null, kind: 'month', from: '2026-03', to: '2026-03', releasedOnly: false })
		expect(filtersToParams(filtersFromQuery({}, '2026-03'))).toBeNull()
	})

	it('ignore malformed values in the URL', () => {
		expect(filtersFromQuery({ pilot: 'x', kind: 'decade', from: '2026-13', released: 'yes' }, '2026-03'))
			.toEqual({ pilotId: null, kind: 'month', from: '2026-03', to: '2026-03', releasedOnly: false })
	})

	it('survive a round trip through the URL', () => {
		const filters = { pilotId: 4, kind: 'range' as const, from: '2025-11', to: '2026-02', releasedOnly: true }
		expect(filtersToQuery(filters)).toEqual({ pilot: '4', kind: 'range', from: '2025-11', to: '2026-02', released: '1' })
		expect(filtersFromQuery(filtersToQuery(filters), '2026-03')).toEqual(filters)
	})

	it('become the API parameters of each range kind', () => {
		expect(filtersToParams({ pilotId: 2, kind: 'month', from: '2026-02', to: '2026-05', releasedOnly: false })).toEqual({ pilotId: 2, month: '2026-02' })
		expect(filtersToParams({ pilotId: 2, kind: 'quarter', from: '2026-05', to: '2026-05', releasedOnly: true })).toEqual({ pilotId: 2, quarter: '2026-Q2', releasedOnly: true })
		expect(filtersToParams({ pilotId: 2, kind: 'range', from: '2026-01', to: '2026-06', releasedOnly: false })).toEqual({ pilotId: 2, from: '2026-01', to: '2026-06' })
	})

	it('name the quarter of a month', () => {
		expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map(quarterOf))
			.toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-Q4'])
	})
})
