import type { Summary } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchSummary, fetchSummaryAvailability, requestSummary } from '../api/summaries.ts'

/** How long to wait between two looks at a summary being written */
export const POLL_MS = 3000

export const useSummariesStore = defineStore('pilotfeedback-summaries', () => {
	/** Whether summaries can be asked for; false until known */
	const available = ref(false)
	/** The summary asked for last, null before */
	const current = ref<Summary | null>(null)
	let timer: ReturnType<typeof setTimeout> | null = null

	/**
	 * Find out whether summaries can be asked for; on failure they cannot.
	 */
	async function checkAvailable(): Promise<void> {
		try {
			available.value = (await fetchSummaryAvailability()).available
		} catch {
			available.value = false
		}
	}

	/**
	 * Look at the current summary again until it is done or failed.
	 */
	async function poll(): Promise<void> {
		timer = null
		const summary = current.value
		if (summary === null || summary.status === 'successful' || summary.status === 'failed') {
			return
		}
		try {
			current.value = await fetchSummary(summary.id)
		} catch (error) {
			showError(errorMessage(error))
			return
		}
		timer = setTimeout(poll, POLL_MS)
	}

	/**
	 * Ask for a summary of a component's feedback in a period, then follow it.
	 *
	 * @param componentId the component
	 * @param periodId the period
	 */
	async function request(componentId: number, periodId: number): Promise<void> {
		if (timer !== null) {
			clearTimeout(timer)
			timer = null
		}
		try {
			current.value = await requestSummary({ componentId, periodId })
		} catch (error) {
			showError(errorMessage(error))
			return
		}
		timer = setTimeout(poll, POLL_MS)
	}

	return { available, current, checkAvailable, request, poll }
})
