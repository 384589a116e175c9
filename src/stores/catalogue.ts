import type { Catalogue, Component, Pilot } from '../types/index.ts'

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { fetchCatalogue } from '../api/catalogue.ts'
import { errorMessage, errorStatus } from '../api/client.ts'
import { latestRequest } from '../utils/latestRequest.ts'

export const useCatalogueStore = defineStore('pilotfeedback-catalogue', () => {
	/** What the server answered; null until loaded */
	const catalogue = ref<Catalogue | null>(null)
	/** True while the catalogue is being loaded */
	const loading = ref(false)
	/** True if the server said the user belongs to no test organisation (403) */
	const notMember = ref(false)
	/** Message of the last failed load other than 403, null otherwise */
	const loadError = ref<string | null>(null)
	/** Each load aborts the one before (several views load it when opened): a late failure must not hide a newer answer */
	const nextSignal = latestRequest()

	/** Pilots the user may see */
	const pilots = computed(() => catalogue.value?.pilots ?? [])
	/** Components the user may see */
	const components = computed(() => catalogue.value?.components ?? [])
	/** Rating criteria, in their sort order */
	const criteria = computed(() => [...(catalogue.value?.criteria ?? [])].sort((a, b) => a.sortOrder - b.sortOrder))
	/** Test organisations */
	const organisations = computed(() => catalogue.value?.organisations ?? [])
	/** Reporting periods */
	const periods = computed(() => catalogue.value?.periods ?? [])

	/** The components taking part in a pilot (a getter, so it stays reactive) */
	const componentsOf = computed(() => (pilot: Pilot): Component[] => components.value
		.filter((component) => pilot.componentIds.includes(component.id)))

	/**
	 * Load the catalogue; a 403 marks the user as not being a member of any organisation.
	 */
	async function load(): Promise<void> {
		const signal = nextSignal()
		loading.value = true
		try {
			const loaded = await fetchCatalogue(signal)
			if (signal.aborted) {
				return
			}
			catalogue.value = loaded
			notMember.value = false
			loadError.value = null
		} catch (error) {
			if (signal.aborted) {
				return
			}
			notMember.value = errorStatus(error) === 403
			loadError.value = notMember.value ? null : errorMessage(error)
		}
		loading.value = false
	}

	return { catalogue, loading, notMember, loadError, pilots, components, criteria, organisations, periods, componentsOf, load }
})
