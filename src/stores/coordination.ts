import type { OrganisationProgress } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchProgress, releaseOrganisation } from '../api/coordination.ts'

export const useCoordinationStore = defineStore('pilotfeedback-coordination', () => {
	/** Progress in the open period per organisation id */
	const progress = ref<Record<number, OrganisationProgress>>({})
	/** Ids of organisations whose progress is being loaded */
	const loadingIds = ref<number[]>([])
	/** Message of the last failed load per organisation id */
	const errors = ref<Record<number, string>>({})

	/**
	 * Load an organisation's progress in the newest open period.
	 *
	 * @param organisationId the organisation
	 */
	async function load(organisationId: number): Promise<void> {
		loadingIds.value = [...loadingIds.value, organisationId]
		delete errors.value[organisationId]
		try {
			progress.value[organisationId] = await fetchProgress(organisationId)
		} catch (error) {
			errors.value[organisationId] = errorMessage(error, t('pilotfeedback', 'Could not load the progress of this organisation.'))
		} finally {
			loadingIds.value = loadingIds.value.filter((id) => id !== organisationId)
		}
	}

	/**
	 * Release an organisation's feedback for the period its progress shows.
	 *
	 * @param organisationId the organisation
	 */
	async function release(organisationId: number): Promise<void> {
		const shown = progress.value[organisationId]
		if (shown) {
			shown.release = await releaseOrganisation(organisationId, shown.period.id)
		}
	}

	return { progress, loadingIds, errors, load, release }
})
