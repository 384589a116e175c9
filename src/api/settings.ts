import type { AppSettings, SettingsPayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * The app settings (admin).
 */
export async function fetchSettings(): Promise<AppSettings> {
	return ocsData(await axios.get(ocsUrl('/settings')))
}

/**
 * Save the app settings.
 *
 * @param payload the new settings
 */
export async function saveSettings(payload: SettingsPayload): Promise<AppSettings> {
	return ocsData(await axios.put(ocsUrl('/settings'), payload))
}
