import type { ConsolidationQuery } from '../api/consolidation.ts'

/** How the months are chosen */
export type RangeKind = 'month' | 'quarter' | 'range'

/** The filters of the consolidation view, as kept in the URL */
export interface ConsolidationFilters {
	/** The pilot, null until chosen */
	pilotId: number | null
	/** How the months are chosen */
	kind: RangeKind
	/** The month (kind month), a month of the quarter (kind quarter), or the first month (kind range) */
	from: string
	/** The last month (kind range only) */
	to: string
	/** Only released feedback */
	releasedOnly: boolean
}

/** A month like 2026-03 */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * The quarter a month belongs to, like 2026-Q1.
 *
 * @param month a month like 2026-02
 */
export function quarterOf(month: string): string {
	const [year, m] = month.split('-')
	return `${year}-Q${Math.ceil(Number(m) / 3)}`
}

/**
 * The filters read from a route query; anything missing or malformed takes its default.
 *
 * @param query the route's query
 * @param currentMonth the month to start with, like 2026-03
 */
export function filtersFromQuery(query: Record<string, unknown>, currentMonth: string): ConsolidationFilters {
	const text = (key: string): string => (typeof query[key] === 'string' ? query[key] as string : '')
	const pilot = Number(text('pilot'))
	const kind = (['month', 'quarter', 'range'] as const).find((k) => k === text('kind')) ?? 'month'
	const from = MONTH.test(text('from')) ? text('from') : currentMonth
	const to = MONTH.test(text('to')) ? text('to') : from
	return {
		pilotId: Number.isInteger(pilot) && pilot > 0 ? pilot : null,
		kind,
		from,
		to,
		releasedOnly: text('released') === '1',
	}
}

/**
 * The route query that keeps the filters in the URL.
 *
 * @param filters the filters
 */
export function filtersToQuery(filters: ConsolidationFilters): Record<string, string> {
	return {
		...(filters.pilotId === null ? {} : { pilot: String(filters.pilotId) }),
		kind: filters.kind,
		from: filters.from,
		...(filters.kind === 'range' ? { to: filters.to } : {}),
		...(filters.releasedOnly ? { released: '1' } : {}),
	}
}

/**
 * The API parameters for the filters, or null while no pilot is chosen.
 *
 * @param filters the filters
 */
export function filtersToParams(filters: ConsolidationFilters): ConsolidationQuery | null {
	if (filters.pilotId === null) {
		return null
	}
	const months = filters.kind === 'month'
		? { month: filters.from }
		: filters.kind === 'quarter'
			? { quarter: quarterOf(filters.from) }
			: { from: filters.from, to: filters.to }
	return { pilotId: filters.pilotId, ...months, ...(filters.releasedOnly ? { releasedOnly: true } : {}) }
}
