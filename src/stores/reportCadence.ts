import type { ReportCadence, ReportCadencePayload } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchReportCadence, saveReportCadence } from '../api/reports.ts'

export const useReportCadenceStore = defineStore('pilotfeedback-report-cadence', () => {
	/** The saved cadence; null until loaded */
	const cadence = ref<ReportCadence | null>(null)
	/** Message of the last failed load or save, null if none */
	const error = ref<string | null>(null)
	const saving = ref(false)

	/**
	 * Load the cadence.
	 */
	async function load(): Promise<void> {
		try {
			cadence.value = await fetchReportCadence()
			error.value = null
		} catch (e) {
			error.value = errorMessage(e, t('pilotfeedback', 'Could not load the report schedule.'))
		}
	}

	/**
	 * Save the cadence; true when the server took it, else the message is in `error`.
	 *
	 * @param payload the settings to change
	 */
	async function save(payload: ReportCadencePayload): Promise<boolean> {
		saving.value = true
		try {
			cadence.value = await saveReportCadence(payload)
			error.value = null
			return true
		} catch (e) {
			error.value = errorMessage(e, t('pilotfeedback', 'Could not save the report schedule.'))
			return false
		} finally {
			saving.value = false
		}
	}

	return { cadence, error, saving, load, save }
})
