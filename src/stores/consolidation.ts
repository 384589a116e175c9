import type { ConsolidationQuery } from '../api/consolidation.ts'
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
	/**
	 * Items overview of the last load; null before. Its counts are across all organisations;
	 * with an organisation picked (itemsOrganisationId), it also holds that organisation's
	 * breakdown once it arrived.
	 */
	const items = ref<ItemsOverview | null>(null)
	/** The organisation whose item counts the overview shows, 0 for all organisations */
	const itemsOrganisationId = ref(0)
	/** True while loading */
	const loading = ref(false)
	/** Message of the last failed load (the server's, e.g. a range that is too long), null otherwise */
	const error = ref<string | null>(null)
	/** Each load aborts the one before: figures of the previous filters must not replace newer ones */
	const nextSignal = latestRequest()
	/** The same for the items overview of a picked organisation */
	const nextItemsSignal = latestRequest()
	/** The parameters of the last load, which a picked organisation's overview narrows */
	let lastParams: ConsolidationQuery | null = null

	/**
	 * Load every figure for the filters; nothing is loaded while no pilot is chosen.
	 * On failure the previous figures are cleared, so that no stale numbers stay on screen.
	 *
	 * @param filters the view's filters
	 */
	async function load(filters: ConsolidationFilters): Promise<void> {
		const signal = nextSignal()
		// an organisation's counts on their way belong to the previous filters
		nextItemsSignal()
		const params = filtersToParams(filters)
		lastParams = params
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
			if (!i.organisationIds.includes(itemsOrganisationId.value)) {
				itemsOrganisationId.value = 0
			}
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
		await loadItemsOrganisation()
	}

	/**
	 * Show the item counts of one organisation (0: of all organisations): the overview of all
	 * carries no breakdown, so the one of the picked organisation is asked for.
	 *
	 * @param organisationId the organisation, 0 for all
	 */
	async function pickItemsOrganisation(organisationId: number): Promise<void> {
		itemsOrganisationId.value = organisationId
		await loadItemsOrganisation()
	}

	/**
	 * Load the overview with the picked organisation's breakdown, unless all organisations are
	 * picked, the overview has it already, or the figures are still on their way (their load
	 * asks for it then). On failure the counts of all organisations show again.
	 */
	async function loadItemsOrganisation(): Promise<void> {
		const signal = nextItemsSignal()
		const organisationId = itemsOrganisationId.value
		if (organisationId === 0 || lastParams === null || loading.value || items.value === null
			|| items.value.organisations?.some((o) => o.organisationId === organisationId)) {
			return
		}
		try {
			const answer = await fetchItemsOverview({ ...lastParams, organisationId }, signal)
			if (!signal.aborted) {
				items.value = answer
			}
		} catch (failure) {
			if (!signal.aborted) {
				itemsOrganisationId.value = 0
				error.value = errorMessage(failure, t('pilotfeedback', 'Could not load the consolidated results.'))
			}
		}
	}

	return { results, trend, participation, items, itemsOrganisationId, loading, error, load, pickItemsOrganisation }
})
