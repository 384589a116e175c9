import type { ActivityEntry } from '../api/activity.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchItemActivity } from '../api/activity.ts'

export const useItemActivityStore = defineStore('pilotfeedback-item-activity', () => {
	/** The entries of the item last loaded, newest first */
	const entries = ref<ActivityEntry[]>([])
	/** The item they belong to, null before the first load */
	const itemId = ref<number | null>(null)

	/**
	 * Load the activity entries about an item; on failure the list stays empty (the section hides).
	 *
	 * @param id the item
	 */
	async function load(id: number): Promise<void> {
		itemId.value = id
		try {
			const loaded = await fetchItemActivity(id)
			if (itemId.value === id) {
				entries.value = loaded
			}
		} catch {
			entries.value = []
		}
	}

	return { entries, itemId, load }
})
