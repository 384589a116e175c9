import type { Month, ReleaseReminder } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Load what to do this month: the open period with its deadline and a section per role of the user.
 *
 * @param signal aborts the request
 */
export async function fetchMonth(signal?: AbortSignal): Promise<Month> {
	return ocsData(await axios.get(ocsUrl('/month'), { signal }))
}

/**
 * Remind an organisation's coordinators to release its feedback (consolidators only).
 *
 * @param organisationId the organisation
 * @param periodId the period to release; the newest open one when left out
 */
export async function remindCoordinators(organisationId: number, periodId?: number): Promise<ReleaseReminder> {
	return ocsData(await axios.post(ocsUrl(`/organisations/${organisationId}/reminders`), periodId === undefined ? {} : { periodId }))
}
