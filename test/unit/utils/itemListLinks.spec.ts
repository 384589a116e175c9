import type { ItemsOverview } from '../../../src/types/index.ts'

import { describe, expect, it } from 'vitest'
import { closedLink, countLink, filedLink, itemListQuery, openUrgentLink } from '../../../src/utils/itemListLinks.ts'

const overview = {
	pilotId: 4,
	range: { from: '2026-01', to: '2026-03', months: ['2026-01', '2026-02', '2026-03'] },
} as ItemsOverview

const count = { componentId: 3, type: 'defect', priority: 'high', status: 'in_review', count: 2 } as const

describe('itemListQuery', () => {
	it('writes lists comma-separated and leaves out what is not set', () => {
		expect(itemListQuery({ pilotId: 1, type: ['defect', 'security'], priority: [], status: undefined, filedFrom: '' })).toEqual({ pilotId: '1', type: 'defect,security' })
	})

	it('writes every filter of the contract', () => {
		expect(itemListQuery({
			pilotId: 1,
			componentId: 2,
			organisationId: 3,
			type: ['requirement'],
			priority: ['critical', 'high'],
			status: ['new'],
			filedFrom: '2026-01',
			filedTo: '2026-02',
			closedFrom: '2026-03',
			closedTo: '2026-04',
		})).toEqual({
			pilotId: '1',
			componentId: '2',
			organisationId: '3',
			type: 'requirement',
			priority: 'critical,high',
			status: 'new',
			filedFrom: '2026-01',
			filedTo: '2026-02',
			closedFrom: '2026-03',
			closedTo: '2026-04',
		})
	})
})

describe('links of the items overview', () => {
	it('a count across all organisations: pilot, component, type, priority, status, filed within the range', () => {
		expect(countLink(overview, count, 0)).toEqual({
			name: 'items',
			query: { pilotId: '4', componentId: '3', type: 'defect', priority: 'high', status: 'in_review', filedFrom: '2026-01', filedTo: '2026-03' },
		})
	})

	it('a count of an organisation\'s breakdown adds the organisation', () => {
		expect(countLink(overview, count, 9)).toEqual({
			name: 'items',
			query: { pilotId: '4', componentId: '3', organisationId: '9', type: 'defect', priority: 'high', status: 'in_review', filedFrom: '2026-01', filedTo: '2026-03' },
		})
	})

	it('filed and closed in a month', () => {
		expect(filedLink(overview, '2026-02')).toEqual({ name: 'items', query: { pilotId: '4', filedFrom: '2026-02', filedTo: '2026-02' } })
		expect(closedLink(overview, '2026-02')).toEqual({ name: 'items', query: { pilotId: '4', closedFrom: '2026-02', closedTo: '2026-02' } })
	})

	it('open critical and high items: the open statuses, filed up to the last month', () => {
		expect(openUrgentLink(overview)).toEqual({
			name: 'items',
			query: { pilotId: '4', priority: 'critical,high', status: 'new,in_review,accepted,forwarded,in_progress', filedTo: '2026-03' },
		})
	})
})
