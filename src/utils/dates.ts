/**
 * A picked day as YYYY-MM-DD (local time), null if none.
 *
 * @param date the day from a date picker
 */
export function toIsoDate(date: Date | null): string | null {
	if (date === null || Number.isNaN(date.getTime())) {
		return null
	}
	const pad = (value: number) => String(value).padStart(2, '0')
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * A YYYY-MM-DD day as a Date at local midnight, null if none.
 *
 * @param isoDate the day as the API sends it
 */
export function fromIsoDate(isoDate: string | null): Date | null {
	if (isoDate === null || isoDate === '') {
		return null
	}
	const [year, month, day] = isoDate.split('-').map(Number)
	return new Date(year!, month! - 1, day)
}
