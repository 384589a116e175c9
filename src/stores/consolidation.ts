import type { ConsolidationResults, ConsolidationTrend, ItemsOverview, Participation } from '../types/index.ts'
import type { ConsolidationFilters } from '../utils/consolidationFilters.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchItemsOverview, fetchParticipation, fetchResults, fetchTrend } from '../api/consolidation.ts'
import { filtersToParams } from '../utils/consolidationFilters.ts'

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

	/**
	 * Load every figure for the filters; nothing is loaded while no pilot is chosen.
	 * On failure the previous figures are cleared, so that no stale numbers stay on screen.
	 *
	 * @param filters the view's filters
	 */
	async function load(filters: ConsolidationFilters): Promise<void> {
		const params = filtersToParams(filters)
		if (params === null) {
			return
		}
		loading.value = true
		error.value = null
		try {
			const [r, tr, p, i] = await Promise.all([fetchResults(params), fetchTrend(params), fetchParticipation(params), fetchItemsOverview(params)])
			results.value = r
			trend.value = tr
			participation.value = p
			items.value = i
		} catch (failure) {
			results.value = null
			trend.value = null
			participation.value = null
			items.value = null
			error.value = errorMessage(failure, t('pilotfeedback', 'Could not load the consolidated results.'))
		} finally {
			loading.value = false
		}
	}

	return { results, trend, participation, items, loading, error, load }
})
