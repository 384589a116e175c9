import type { Period } from '../../types/index.ts'

import { getCanonicalLocale } from '@nextcloud/l10n'

/** The scores a criterion or the overall rating can take; anything else is "not assessed". */
export const SCORES = [1, 2, 3, 4, 5] as const

/**
 * Turn a radio value into a score; values outside 1–5 mean "not assessed".
 *
 * @param value the value of the chosen radio button
 */
export function parseScore(value: string | number | null | undefined): number | null {
	const score = Number(value)
	return (SCORES as readonly number[]).includes(score) ? score : null
}

/**
 * A period's month as the user reads it, e.g. "March 2025".
 *
 * @param period the period
 */
export function periodLabel(period: Period): string {
	const [year, month] = period.month.split('-').map(Number)
	return new Date(year, month - 1, 1).toLocaleDateString(getCanonicalLocale(), { month: 'long', year: 'numeric' })
}
