import type { ConsolidationResults, ConsolidationTrend, ItemsOverview, Participation } from '../types/index.ts'
import type { ConsolidationFilters } from '../utils/consolidationFilters.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchItemsOverview, fetchParticipation, fetchResults, fetchTrend } from '../api/consolidation.ts'
import { filtersToParams } from '../utils/consolidationFilters.ts'
import { latestRequest } from '../utils/latestRequest.ts'

export const useConsolidationStore = defineStore('pilotfeedback-consolidation', () => {
	/** Rating results of the last load; null before */
	const results = ref<ConsolidationResults | null>(null)
	/** Trend of the last load; null before */
	const trend = ref<ConsolidationTrend | null>(null)
	/** Participation of the last load; null before */
	const participation = ref<Participation | null>(null)
	/** Items overview of the last load; null before */
	const items = ref<ItemsOverview | null>(null)
	/** True while loading */
	const loading = ref(false)
	/** Message of the last failed load (the server's, e.g. a range that is too long), null otherwise */
	const error = ref<string | null>(null)
	/** Each load aborts the one before: figures of the previous filters must not replace newer ones */
	const nextSignal = latestRequest()

	/**
	 * Load every figure for the filters; nothing is loaded while no pilot is chosen.
	 * On failure the previous figures are cleared, so that no stale numbers stay on screen.
	 *
	 * @param filters the view's filters
	 */
	async function load(filters: ConsolidationFilters): Promise<void> {
		const signal = nextSignal()
		const params = filtersToParams(filters)
		if (params === null) {
			// figures still on their way belong to a pilot no longer chosen
			loading.value = false
			return
		}
		loading.value = true
		error.value = null
		try {
			const [r, tr, p, i] = await Promise.all([fetchResults(params, signal), fetchTrend(params, signal), fetchParticipation(params, signal), fetchItemsOverview(params, signal)])
			if (signal.aborted) {
				return
			}
			results.value = r
			trend.value = tr
			participation.value = p
			items.value = i
		} catch (failure) {
			if (signal.aborted) {
				return
			}
			results.value = null
			trend.value = null
			participation.value = null
			items.value = null
			error.value = errorMessage(failure, t('pilotfeedback', 'Could not load the consolidated results.'))
		}
		loading.value = false
	}

	return { results, trend, participation, items, loading, error, load }
})
