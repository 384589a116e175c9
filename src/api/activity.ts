import axios from '@nextcloud/axios'
import { generateOcsUrl } from '@nextcloud/router'
import { ocsData } from './client.ts'

/** One entry of Nextcloud's activity stream, as the activity app's API answers it. */
export interface ActivityEntry {
	/** Id of the entry */
	activity_id: number
	/** The sentence, in the user's language */
	subject: string
	/** When it happened (ISO 8601) */
	datetime: string
}

/**
 * The activity entries about one item that the activity app shows the current user, newest
 * first; an empty list when there are none or the activity app is not enabled.
 *
 * @param itemId the item
 * @param signal aborts the request
 */
export async function fetchItemActivity(itemId: number, signal?: AbortSignal): Promise<ActivityEntry[]> {
	const url = generateOcsUrl('/apps/activity/api/v2/activity/filter')
	const response = await axios.get(url, {
		params: { object_type: 'pilotfeedback_item', object_id: itemId, limit: 50 },
		validateStatus: (status) => status === 200 || status === 304 || status === 404,
		signal,
	})
	return response.status === 200 ? ocsData<ActivityEntry[]>(response) : []
}
