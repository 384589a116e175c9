import type { IntegrationSettings, IntegrationSettingsPayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * The reminder and data protection settings (admin).
 */
export async function fetchIntegrationSettings(): Promise<IntegrationSettings> {
	return ocsData(await axios.get(ocsUrl('/settings/integrations')))
}

/**
 * Save the reminder and data protection settings; settings left out keep their value.
 *
 * @param payload the settings to change
 */
export async function saveIntegrationSettings(payload: IntegrationSettingsPayload): Promise<IntegrationSettings> {
	return ocsData(await axios.put(ocsUrl('/settings/integrations'), payload))
}
