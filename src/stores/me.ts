import type { Me } from '../types/index.ts'

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchMe } from '../api/me.ts'

export const useMeStore = defineStore('pilotfeedback-me', () => {
	/** The current user and their roles; null until loaded */
	const me = ref<Me | null>(null)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)

	/** True if the user may open the coordination view: a coordinator of some organisation or a consolidator */
	const canCoordinate = computed(() => me.value !== null
		&& (me.value.isConsolidator || me.value.organisations.some((organisation) => organisation.isCoordinator)))

	/** True if the user rates and files items: a member or coordinator of some organisation */
	const canParticipate = computed(() => me.value !== null && me.value.organisations.length > 0)

	/**
	 * Load the current user from the server.
	 */
	async function load(): Promise<void> {
		try {
			me.value = await fetchMe()
			loadError.value = null
		} catch (error) {
			loadError.value = errorMessage(error)
		}
	}

	return { me, loadError, canCoordinate, canParticipate, load }
})
