import type { NotificationSettings, NotificationSettingsPayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Which kinds of notifications the current user gets.
 */
export async function fetchNotificationSettings(): Promise<NotificationSettings> {
	return ocsData(await axios.get(ocsUrl('/me/notifications')))
}

/**
 * Switch kinds of notifications on or off; kinds left out keep their setting.
 *
 * @param payload the kinds to change
 */
export async function saveNotificationSettings(payload: NotificationSettingsPayload): Promise<NotificationSettings> {
	return ocsData(await axios.put(ocsUrl('/me/notifications'), payload))
}
