import { describe, expect, it } from 'vitest'
import { activePilotId, filtersFromQuery, filtersToParams, filtersToQuery, previousMonth, quarterOf } from '../../../src/utils/consolidationFilters.ts'

describe('consolidation filters', () => {
	it('default to the active pilot and the last complete month', () => {
		expect(filtersFromQuery({}, '2026-03', 4)).toEqual({ pilotId: 4, kind: 'month', from: '2026-02', to: '2026-02', releasedOnly: false })
		expect(filtersFromQuery({}, '2026-01', 4).from).toBe('2025-12')
		expect(filtersToParams(filtersFromQuery({}, '2026-03', 4))).toEqual({ pilotId: 4, month: '2026-02' })
	})

	it('default to the open quarter when a quarter is asked for', () => {
		expect(filtersFromQuery({ kind: 'quarter' }, '2026-05', 4)).toEqual({ pilotId: 4, kind: 'quarter', from: '2026-05', to: '2026-05', releasedOnly: false })
		expect(filtersToParams(filtersFromQuery({ kind: 'quarter' }, '2026-05', 4))).toEqual({ pilotId: 4, quarter: '2026-Q2' })
	})

	it('load nothing while there is no pilot', () => {
		expect(filtersFromQuery({}, '2026-03')).toEqual({ pilotId: null, kind: 'month', from: '2026-02', to: '2026-02', releasedOnly: false })
		expect(filtersToParams(filtersFromQuery({}, '2026-03'))).toBeNull()
	})

	it('keep the pilot of the URL over the active one', () => {
		expect(filtersFromQuery({ pilot: '7', from: '2025-11' }, '2026-03', 4)).toMatchObject({ pilotId: 7, from: '2025-11' })
	})

	it('ignore malformed values in the URL', () => {
		expect(filtersFromQuery({ pilot: 'x', kind: 'decade', from: '2026-13', released: 'yes' }, '2026-03'))
			.toEqual({ pilotId: null, kind: 'month', from: '2026-02', to: '2026-02', releasedOnly: false })
	})

	it('open on the active pilot: not planned, closed or archived; the newest of several', () => {
		const pilot = (id: number, status: string, startDate: string | null, archived = false) => ({ id, status, startDate, archived })
		expect(activePilotId([pilot(1, 'planned', null), pilot(2, 'active', '2026-01-01'), pilot(3, 'closed', '2025-01-01')])).toBe(2)
		expect(activePilotId([pilot(2, 'active', '2026-01-01'), pilot(5, 'active', '2026-04-01'), pilot(6, 'active', '2026-09-01', true)])).toBe(5)
		expect(activePilotId([pilot(1, 'planned', null), pilot(3, 'closed', null)])).toBeNull()
		expect(activePilotId([])).toBeNull()
	})

	it('name the month before a month', () => {
		expect(['2026-01', '2026-02', '2026-12', '2000-10'].map(previousMonth)).toEqual(['2025-12', '2026-01', '2026-11', '2000-09'])
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
