import type { ComponentCategory, PeriodStatus, PilotStatus } from '../types/index.ts'

import { t } from '@nextcloud/l10n'

/**
 * The name people read for a component category.
 *
 * @param category the category
 */
export function categoryLabel(category: ComponentCategory): string {
	const labels: Record<ComponentCategory, string> = {
		groupware: t('pilotfeedback', 'Groupware'),
		filesharing: t('pilotfeedback', 'File sharing'),
		weboffice: t('pilotfeedback', 'Web office'),
		messaging: t('pilotfeedback', 'Messaging, audio, video and chat'),
		identity: t('pilotfeedback', 'Identity management'),
		portal: t('pilotfeedback', 'Portal'),
		other: t('pilotfeedback', 'Other'),
	}
	return labels[category]
}

/** Every component category, in the order the forms offer them */
export const COMPONENT_CATEGORIES: ComponentCategory[] = ['groupware', 'filesharing', 'weboffice', 'messaging', 'identity', 'portal', 'other']

/**
 * The name people read for a pilot status.
 *
 * @param status the status
 */
export function pilotStatusLabel(status: PilotStatus): string {
	const labels: Record<PilotStatus, string> = {
		planned: t('pilotfeedback', 'Planned'),
		active: t('pilotfeedback', 'Active'),
		closed: t('pilotfeedback', 'Closed'),
	}
	return labels[status]
}

/** Every pilot status, in their natural order */
export const PILOT_STATUSES: PilotStatus[] = ['planned', 'active', 'closed']

/**
 * The name people read for a period status.
 *
 * @param status the status
 */
export function periodStatusLabel(status: PeriodStatus): string {
	return status === 'open' ? t('pilotfeedback', 'Open') : t('pilotfeedback', 'Closed')
}
