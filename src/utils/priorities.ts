import type { Priority } from '../types/index.ts'

import { t } from '@nextcloud/l10n'

/** One of the four incident priority levels (Anlage 2, 3.1.5). */
export interface PriorityLevel {
	/** Value sent to and received from the API */
	value: Priority
	/** Short translated name, e.g. "High" */
	label: string
	/** Translated definition of when this level applies */
	definition: string
}

/** The four priority levels, lowest first, with translated names and definitions. */
export function priorityLevels(): PriorityLevel[] {
	return [
		{
			value: 'low',
			label: t('pilotfeedback', 'Low'),
			definition: t('pilotfeedback', 'Single users affected, business not restricted, a workaround exists.'),
		},
		{
			value: 'medium',
			label: t('pilotfeedback', 'Medium'),
			definition: t('pilotfeedback', 'Few users affected, no business-critical system, slight restrictions.'),
		},
		{
			value: 'high',
			label: t('pilotfeedback', 'High'),
			definition: t('pilotfeedback', 'Many users, business-critical systems affected, business restricted.'),
		},
		{
			value: 'critical',
			label: t('pilotfeedback', 'Critical'),
			definition: t('pilotfeedback', 'Many users, business-critical systems, business cannot go on, no workaround, cannot be postponed.'),
		},
	]
}

/**
 * Translated name of a priority level.
 *
 * @param priority the level
 */
export function priorityLabel(priority: Priority): string {
	return priorityLevels().find((level) => level.value === priority)?.label ?? priority
}
