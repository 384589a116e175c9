/**
 * The quarter a month falls in, as the API names it: 2026-05 → 2026-Q2.
 *
 * @param month a month, YYYY-MM
 */
export function quarterOf(month: string): string {
	const [year, number] = month.split('-')
	return `${year}-Q${Math.floor((Number(number) - 1) / 3) + 1}`
}

/**
 * The month a number of months before or after a month: (2026-01, -1) → 2025-12.
 *
 * @param month a month, YYYY-MM
 * @param months how many months later (negative: earlier)
 */
export function addMonths(month: string, months: number): string {
	const [year, number] = month.split('-').map(Number)
	const index = year! * 12 + (number! - 1) + months
	return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String(index % 12 + 1).padStart(2, '0')}`
}

/** A reporting period as far as the proposals below read it */
interface PeriodLike {
	month: string
	status: string
}

/**
 * The month a report proposes: for a monthly report the last closed month, the newest
 * closed period before the current month (else simply the month before the current one);
 * for a quarterly report the last month of the last quarter that has ended.
 *
 * @param currentMonth the current month, YYYY-MM
 * @param periods the reporting periods
 * @param quarterly whether a quarter is asked for
 */
export function proposedReportMonth(currentMonth: string, periods: PeriodLike[], quarterly: boolean): string {
	if (quarterly) {
		const [, number] = currentMonth.split('-').map(Number)
		return addMonths(currentMonth, -((number! - 1) % 3) - 1)
	}
	const closed = periods
		.filter((period) => period.status === 'closed' && period.month < currentMonth)
		.map((period) => period.month)
		.sort()
	return closed.at(-1) ?? addMonths(currentMonth, -1)
}

/** A pilot as far as openableMonths reads it */
interface PilotLike {
	title: string
	startDate?: string | null
	archived: boolean
}

/**
 * The months an administrator may open as reporting periods, as the server checks them
 * (lib/Catalogue/PeriodService.php): from the month the first pilot (not archived, with a
 * start date) starts in, without a lower bound while no pilot has a start date, up to the
 * month after the current one.
 *
 * @param pilots the pilots
 * @param currentMonth the current month, YYYY-MM
 */
export function openableMonths(pilots: PilotLike[], currentMonth: string): { first: string | null, last: string, pilot: string | null } {
	const dated = pilots
		.filter((pilot) => !pilot.archived && typeof pilot.startDate === 'string' && pilot.startDate !== '')
		.sort((a, b) => a.startDate!.localeCompare(b.startDate!))
	const first = dated[0]
	return {
		first: first === undefined ? null : first.startDate!.slice(0, 7),
		last: addMonths(currentMonth, 1),
		pilot: first?.title ?? null,
	}
}

/**
 * The document language for a Nextcloud language code: German for every German variant, else English.
 *
 * @param language a Nextcloud language code like de_DE or en
 */
export function documentLanguage(language: string): 'de' | 'en' {
	return language.toLowerCase().startsWith('de') ? 'de' : 'en'
}
