import { t } from '@nextcloud/l10n'

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

/** The longest range of months an export may cover, as the server checks it (lib/Model/MonthRange.php) */
export const MAX_RANGE_MONTHS = 36

/** Between the first and the last month of a range, as the API records a range export's period */
const RANGE_SEPARATOR = '--'

/**
 * How many months a range covers, both ends included; 0 when it ends before it starts or a month is missing.
 *
 * @param from the first month, YYYY-MM
 * @param to the last month, YYYY-MM
 */
export function rangeLength(from: string, to: string): number {
	if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) {
		return 0
	}
	const index = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
	return Math.max(0, index(to) - index(from) + 1)
}

/**
 * The months of a range, oldest first; empty when the range is not one an export may cover.
 *
 * @param from the first month, YYYY-MM
 * @param to the last month, YYYY-MM
 */
export function rangeMonths(from: string, to: string): string[] {
	const length = rangeLength(from, to)
	return length > MAX_RANGE_MONTHS ? [] : Array.from({ length }, (_, i) => addMonths(from, i))
}

/**
 * What is wrong with a range of months for an export, in words a person can act on; '' when nothing is.
 *
 * @param from the first month, YYYY-MM
 * @param to the last month, YYYY-MM
 */
export function rangeError(from: string, to: string): string {
	if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) {
		return t('pilotfeedback', 'Choose the first and the last month.')
	}
	if (from > to) {
		return t('pilotfeedback', 'The range ends before it starts. Choose a last month on or after {from}.', { from })
	}
	const length = rangeLength(from, to)
	if (length > MAX_RANGE_MONTHS) {
		return t('pilotfeedback', 'The range covers {months} months; at most {max} are allowed. Choose a shorter range.', { months: String(length), max: String(MAX_RANGE_MONTHS) })
	}
	return ''
}

/**
 * The period of a range as the API records it: the month alone for one month, else "from--to".
 *
 * @param from the first month, YYYY-MM
 * @param to the last month, YYYY-MM
 */
export function rangePeriod(from: string, to: string): string {
	return from === to ? from : `${from}${RANGE_SEPARATOR}${to}`
}

/**
 * A report's period for people: a month or quarter as it is, a range as "2025-12 – 2026-11".
 *
 * @param period 2026-03, 2026-Q1 or 2025-12--2026-11
 */
export function periodLabel(period: string): string {
	const [from, to] = period.split(RANGE_SEPARATOR)
	return to === undefined ? period : `${from} – ${to}`
}
