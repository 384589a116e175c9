/** A reporting period as far as releasedOnlyDefault reads it */
interface PeriodLike {
	/** YYYY-MM */
	month: string
	/** open or closed */
	status: string
}

/**
 * Whether a report of these months counts released feedback only by default, as the server
 * decides when the flag is left out (lib/Report/ReportRequestChecker.php): yes when every
 * reporting period among the months is closed and at least one exists; months without a
 * period are skipped.
 *
 * @param months the months of the report, YYYY-MM
 * @param periods the reporting periods
 */
export function releasedOnlyDefault(months: string[], periods: PeriodLike[]): boolean {
	const inRange = periods.filter((period) => months.includes(period.month))
	return inRange.length > 0 && inRange.every((period) => period.status === 'closed')
}

/**
 * The months of a month (itself) or of the quarter it falls in.
 *
 * @param month a month, YYYY-MM
 * @param quarter whether the whole quarter is meant
 */
export function reportMonths(month: string, quarter: boolean): string[] {
	if (!quarter) {
		return [month]
	}
	const [year, number] = month.split('-')
	const first = Math.floor((Number(number) - 1) / 3) * 3 + 1
	return [0, 1, 2].map((offset) => `${year}-${String(first + offset).padStart(2, '0')}`)
}
