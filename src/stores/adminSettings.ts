import type { AppSettings } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { installDefaultCatalogue } from '../api/catalogue.ts'
import { errorMessage } from '../api/client.ts'
import { fetchSettings, saveSettings } from '../api/settings.ts'

export const useAdminSettingsStore = defineStore('pilotfeedback-admin-settings', () => {
	/** The app settings; null until loaded */
	const settings = ref<AppSettings | null>(null)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/**
	 * Load the app settings.
	 */
	async function load(): Promise<void> {
		try {
			settings.value = await fetchSettings()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	/**
	 * Set the Nextcloud group of the consolidators; false if the server refused.
	 *
	 * @param consolidatorGroup group id, empty for none
	 */
	async function saveConsolidatorGroup(consolidatorGroup: string): Promise<boolean> {
		try {
			settings.value = await saveSettings({ consolidatorGroup })
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	/**
	 * Set below how many ratings a month's figure is flagged; false if the server refused.
	 *
	 * @param lowRatingThreshold a whole number from 1 to 1000
	 */
	async function saveLowRatingThreshold(lowRatingThreshold: number): Promise<boolean> {
		try {
			settings.value = await saveSettings({ lowRatingThreshold })
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	/**
	 * Set the reports' traffic light; false if the server refused (e.g. green not above amber).
	 *
	 * @param trafficLightGreen a mean from this is green (1 to 5)
	 * @param trafficLightAmber a mean from this, below green, is amber; below it red (1 to 5)
	 */
	async function saveTrafficLight(trafficLightGreen: number, trafficLightAmber: number): Promise<boolean> {
		try {
			settings.value = await saveSettings({ trafficLightGreen, trafficLightAmber })
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	/**
	 * Install the default catalogue; answers how many records were added, null on failure.
	 */
	async function installDefault(): Promise<number | null> {
		try {
			return (await installDefaultCatalogue()).created
		} catch (error) {
			showError(errorMessage(error))
			return null
		}
	}

	return { settings, loadError, load, saveConsolidatorGroup, saveLowRatingThreshold, saveTrafficLight, installDefault }
})
