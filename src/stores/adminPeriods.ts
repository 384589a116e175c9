import type { Period, PeriodStatus } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { createPeriod, deletePeriod, fetchPeriodRatings, fetchPeriods, setPeriodStatus } from '../api/periods.ts'

export const useAdminPeriodsStore = defineStore('pilotfeedback-admin-periods', () => {
	/** All reporting periods */
	const periods = ref<Period[]>([])
	/** True while the list is being loaded */
	const loading = ref(false)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/** The periods, newest month first */
	const newestFirst = computed(() => [...periods.value].sort((a, b) => b.month.localeCompare(a.month)))

	/**
	 * Load all periods.
	 */
	async function load(): Promise<void> {
		loading.value = true
		try {
			periods.value = await fetchPeriods()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		} finally {
			loading.value = false
		}
	}

	/**
	 * Open the period of a month; false if the server refused.
	 *
	 * @param month YYYY-MM
	 */
	async function create(month: string): Promise<boolean> {
		try {
			periods.value = [...periods.value, await createPeriod({ month })]
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	/**
	 * Open or close a period.
	 *
	 * @param id the period
	 * @param status its new status
	 */
	async function setStatus(id: number, status: PeriodStatus): Promise<void> {
		try {
			const saved = await setPeriodStatus(id, status)
			periods.value = periods.value.map((period) => period.id === id ? saved : period)
		} catch (error) {
			showError(errorMessage(error))
		}
	}

	/**
	 * How many ratings a period holds, as the server counts them; null (with an error shown) if it could not say.
	 *
	 * @param id the period
	 */
	async function ratingsOf(id: number): Promise<number | null> {
		try {
			return (await fetchPeriodRatings(id)).ratings
		} catch (error) {
			showError(errorMessage(error))
			return null
		}
	}

	/**
	 * Delete a period nobody has rated in; false (with the server's reason shown) if it refused.
	 *
	 * @param id the period
	 */
	async function remove(id: number): Promise<boolean> {
		try {
			await deletePeriod(id)
			periods.value = periods.value.filter((period) => period.id !== id)
			return true
		} catch (error) {
			showError(errorMessage(error))
			return false
		}
	}

	return { periods, loading, loadError, newestFirst, load, create, setStatus, ratingsOf, remove }
})
