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
 * The month before a month: 2026-01 → 2025-12.
 *
 * @param month a month like 2026-01
 */
export function previousMonth(month: string): string {
	const [year, m] = month.split('-').map(Number)
	return m === 1 ? `${String(year! - 1).padStart(4, '0')}-12` : `${year}-${String(m! - 1).padStart(2, '0')}`
}

/** A pilot as far as activePilotId reads it */
interface PilotLike {
	id: number
	status: string
	archived: boolean
	startDate?: string | null
}

/**
 * The pilot the view opens on: the active one (not archived); of several, the one that
 * started last; null while there is none.
 *
 * @param pilots the pilots the user may see
 */
export function activePilotId(pilots: PilotLike[]): number | null {
	const active = pilots.filter((pilot) => pilot.status === 'active' && !pilot.archived)
	const newest = [...active].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0]
	return newest?.id ?? null
}

/**
 * The filters read from a route query; anything missing or malformed takes its default: the
 * given pilot, a month, and as the month the last complete one (the one before the current
 * month) or, for a quarter, the open quarter (the current month's).
 *
 * @param query the route's query
 * @param currentMonth the current month, like 2026-03
 * @param defaultPilotId the pilot when the query names none (activePilotId)
 */
export function filtersFromQuery(query: Record<string, unknown>, currentMonth: string, defaultPilotId: number | null = null): ConsolidationFilters {
	const text = (key: string): string => (typeof query[key] === 'string' ? query[key] as string : '')
	const pilot = Number(text('pilot'))
	const kind = (['month', 'quarter', 'range'] as const).find((k) => k === text('kind')) ?? 'month'
	const from = MONTH.test(text('from')) ? text('from') : (kind === 'quarter' ? currentMonth : previousMonth(currentMonth))
	const to = MONTH.test(text('to')) ? text('to') : from
	return {
		pilotId: Number.isInteger(pilot) && pilot > 0 ? pilot : defaultPilotId,
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
