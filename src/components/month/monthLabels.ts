import type { MonthItem, MonthRelease } from '../../types/index.ts'

import { getCanonicalLocale, n, t } from '@nextcloud/l10n'
import { priorityLabel } from '../../utils/priorities.ts'
import { itemStatusLabel, itemTypeLabel } from '../items/labels.ts'

/**
 * A day of the API (YYYY-MM-DD) as the user reads it, e.g. "30 November 2026".
 *
 * @param isoDate the day
 */
export function dayLabel(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number)
	return new Date(year!, month! - 1, day).toLocaleDateString(getCanonicalLocale(), { day: 'numeric', month: 'long', year: 'numeric' })
}

/**
 * How much time is left until a deadline.
 *
 * @param daysLeft days until the deadline: 0 on the day itself, negative once it has passed
 */
export function daysLeftLabel(daysLeft: number): string {
	if (daysLeft === 0) {
		return t('pilotfeedback', 'Due today')
	}
	return daysLeft > 0
		? n('pilotfeedback', '%n day left', '%n days left', daysLeft)
		: n('pilotfeedback', '%n day overdue', '%n days overdue', -daysLeft)
}

/**
 * Where an organisation's release stands, in words.
 *
 * @param state the state the server computed
 */
export function releaseStateLabel(state: MonthRelease['state']): string {
	switch (state) {
		case 'released':
			return t('pilotfeedback', 'Released')
		case 'pending':
			return t('pilotfeedback', 'Not released yet')
		case 'overdue':
			return t('pilotfeedback', 'Release overdue')
		case 'none':
			return t('pilotfeedback', 'No open period')
	}
}

/**
 * An item's type, status and priority, as the item lists show them.
 *
 * @param item the item
 */
export function itemFacts(item: MonthItem): string {
	return `${itemTypeLabel(item.type)} · ${itemStatusLabel(item.status)} · ${priorityLabel(item.priority)}`
}
