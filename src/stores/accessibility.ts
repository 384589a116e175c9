import type { AccessibilitySettings, AccessibilitySettingsPayload, AccessibilityStatement } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchAccessibilitySettings, fetchAccessibilityStatement, saveAccessibilitySettings } from '../api/accessibility.ts'
import { errorMessage } from '../api/client.ts'

export const useAccessibilityStore = defineStore('pilotfeedback-accessibility', () => {
	/** The statement as readers see it; null until loaded */
	const statement = ref<AccessibilityStatement | null>(null)
	/** The administrator's settings; null until loaded */
	const settings = ref<AccessibilitySettings | null>(null)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/**
	 * Load the statement in the reader's language.
	 */
	async function loadStatement(): Promise<void> {
		try {
			statement.value = await fetchAccessibilityStatement()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	/**
	 * Load the administrator's settings.
	 */
	async function loadSettings(): Promise<void> {
		try {
			settings.value = await fetchAccessibilitySettings()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	/**
	 * Save the settings; false if the server refused them.
	 *
	 * @param payload the values to change
	 */
	async function save(payload: AccessibilitySettingsPayload): Promise<boolean> {
		try {
			settings.value = await saveAccessibilitySettings(payload)
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	return { statement, settings, loadError, loadStatement, loadSettings, save }
})
