import type { IntegrationSettings, IntegrationSettingsPayload } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchIntegrationSettings, saveIntegrationSettings } from '../api/integrationSettings.ts'

export const useAdminIntegrationSettingsStore = defineStore('pilotfeedback-admin-integration-settings', () => {
	/** The reminder and data protection settings; null until loaded */
	const settings = ref<IntegrationSettings | null>(null)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/**
	 * Load the settings.
	 */
	async function load(): Promise<void> {
		try {
			settings.value = await fetchIntegrationSettings()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	/**
	 * Save some of the settings; false if the server refused.
	 *
	 * @param payload the settings to change
	 */
	async function save(payload: IntegrationSettingsPayload): Promise<boolean> {
		try {
			settings.value = await saveIntegrationSettings(payload)
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	return { settings, loadError, load, save }
})
