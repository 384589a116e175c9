import type { Item, OrganisationProgress } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchProgress, releaseOrganisation, reopenRelease } from '../api/coordination.ts'
import { fetchItems } from '../api/items.ts'
import { latestRequest } from '../utils/latestRequest.ts'

/** The statuses of items still being worked on. */
export const OPEN_STATUSES: Item['status'][] = ['new', 'in_review', 'accepted', 'forwarded', 'in_progress']

/** How many of an organisation's items the Coordination view loads (highest priority first). */
export const ITEMS_SHOWN = 100

/** An organisation's open items, split into security findings and the rest. */
export interface OrganisationItems {
	/** Open security findings */
	security: Item[]
	/** Open items of every other type */
	open: Item[]
	/** How many items the organisation has in all (open or not) */
	total: number
}

export const useCoordinationStore = defineStore('pilotfeedback-coordination', () => {
	/** Progress in the open period per organisation id */
	const progress = ref<Record<number, OrganisationProgress>>({})
	/** Ids of organisations whose progress is being loaded */
	const loadingIds = ref<number[]>([])
	/** Message of the last failed load per organisation id */
	const errors = ref<Record<number, string>>({})
	/** Open items and security findings per organisation id */
	const items = ref<Record<number, OrganisationItems>>({})
	/** Message of the last failed item load per organisation id */
	const itemErrors = ref<Record<number, string>>({})
	/** Per organisation, each load aborts the one before (the view opened again): a late answer must not replace a newer one */
	const nextItemsSignal = latestRequest<number>()
	const nextProgressSignal = latestRequest<number>()

	/**
	 * Load an organisation's open items and security findings (those the user may see).
	 *
	 * @param organisationId the organisation
	 */
	async function loadItems(organisationId: number): Promise<void> {
		const signal = nextItemsSignal(organisationId)
		delete itemErrors.value[organisationId]
		try {
			const page = await fetchItems({ organisationId, sort: 'priority', order: 'desc', limit: ITEMS_SHOWN }, signal)
			if (signal.aborted) {
				return
			}
			const open = page.items.filter((item) => OPEN_STATUSES.includes(item.status))
			items.value[organisationId] = {
				security: open.filter((item) => item.type === 'security'),
				open: open.filter((item) => item.type !== 'security'),
				total: page.total,
			}
		} catch (error) {
			if (!signal.aborted) {
				itemErrors.value[organisationId] = errorMessage(error, t('pilotfeedback', 'Could not load the items of this organisation.'))
			}
		}
	}

	/**
	 * Load an organisation's progress in the newest open period.
	 *
	 * @param organisationId the organisation
	 */
	async function load(organisationId: number): Promise<void> {
		const signal = nextProgressSignal(organisationId)
		if (!loadingIds.value.includes(organisationId)) {
			loadingIds.value = [...loadingIds.value, organisationId]
		}
		delete errors.value[organisationId]
		try {
			const loaded = await fetchProgress(organisationId, undefined, signal)
			if (signal.aborted) {
				return
			}
			progress.value[organisationId] = loaded
		} catch (error) {
			if (signal.aborted) {
				return
			}
			errors.value[organisationId] = errorMessage(error, t('pilotfeedback', 'Could not load the progress of this organisation.'))
		}
		loadingIds.value = loadingIds.value.filter((id) => id !== organisationId)
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
			// The history (who released, when) comes with the progress.
			progress.value[organisationId] = await fetchProgress(organisationId, shown.period.id)
		}
	}

	/**
	 * Reopen an organisation's released feedback for the period its progress shows.
	 *
	 * @param organisationId the organisation
	 */
	async function reopen(organisationId: number): Promise<void> {
		const shown = progress.value[organisationId]
		if (shown) {
			progress.value[organisationId] = await reopenRelease(organisationId, shown.period.id)
		}
	}

	return { progress, loadingIds, errors, items, itemErrors, load, loadItems, release, reopen }
})
