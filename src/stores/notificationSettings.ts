import type { NotificationSettings } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchNotificationSettings, saveNotificationSettings } from '../api/notificationSettings.ts'

/** A kind of notification the app sends. */
export type NotificationKind = keyof NotificationSettings

export const useNotificationSettingsStore = defineStore('pilotfeedback-notification-settings', () => {
	/** The user's switches; null until loaded */
	const settings = ref<NotificationSettings | null>(null)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/**
	 * Load the user's notification settings.
	 */
	async function load(): Promise<void> {
		try {
			settings.value = await fetchNotificationSettings()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	/**
	 * Switch one kind on or off; false if the server refused (the switch shows the saved state).
	 *
	 * @param kind the kind of notification
	 * @param on whether to send it
	 */
	async function set(kind: NotificationKind, on: boolean): Promise<boolean> {
		try {
			settings.value = await saveNotificationSettings({ settings: { [kind]: on } })
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	return { settings, loadError, load, set }
})
