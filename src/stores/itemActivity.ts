import type { ActivityEntry } from '../api/activity.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchItemActivity } from '../api/activity.ts'
import { latestRequest } from '../utils/latestRequest.ts'

export const useItemActivityStore = defineStore('pilotfeedback-item-activity', () => {
	/** The entries of the item last loaded, newest first */
	const entries = ref<ActivityEntry[]>([])
	/** The item they belong to, null before the first load */
	const itemId = ref<number | null>(null)
	/** Each load aborts the one before: entries of the item opened before must not replace newer ones */
	const nextSignal = latestRequest()

	/**
	 * Load the activity entries about an item; on failure the list stays empty (the section hides).
	 *
	 * @param id the item
	 */
	async function load(id: number): Promise<void> {
		const signal = nextSignal()
		itemId.value = id
		try {
			const loaded = await fetchItemActivity(id, signal)
			if (!signal.aborted) {
				entries.value = loaded
			}
		} catch {
			if (!signal.aborted) {
				entries.value = []
			}
		}
	}

	return { entries, itemId, load }
})
