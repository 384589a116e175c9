import type { AccessibilitySettings, AccessibilitySettingsPayload, AccessibilityStatement } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * The accessibility statement in the reader's language, and where to report a barrier.
 */
export async function fetchAccessibilityStatement(): Promise<AccessibilityStatement> {
	return ocsData(await axios.get(ocsUrl('/accessibility-statement')))
}

/**
 * The statement's settings: both languages, the contact and the shipped templates (admin).
 */
export async function fetchAccessibilitySettings(): Promise<AccessibilitySettings> {
	return ocsData(await axios.get(ocsUrl('/settings/accessibility')))
}

/**
 * Save the statement's settings; values left out keep theirs, an empty statement shows the template.
 *
 * @param payload the values to change
 */
export async function saveAccessibilitySettings(payload: AccessibilitySettingsPayload): Promise<AccessibilitySettings> {
	return ocsData(await axios.put(ocsUrl('/settings/accessibility'), payload))
}
