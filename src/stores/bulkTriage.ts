import type { BulkTriageResult, ItemBulkTriagePayload } from '../types/index.ts'

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bulkTriageItems } from '../api/itemBulk.ts'

/** Most items one bulk change may cover (the server refuses more). */
export const MAX_BULK_ITEMS = 500

/** The changes a bulk triage sets: the fields left out stay as they are. */
export type BulkChanges = Omit<ItemBulkTriagePayload, 'ids'>

/**
 * The consolidator's selection in the item list and the bulk change applied to it.
 */
export const useBulkTriageStore = defineStore('pilotfeedback-bulk-triage', () => {
	/** Ids of the selected items (the list's table edits them) */
	const selected = ref<number[]>([])
	/** True while a bulk change is being saved */
	const applying = ref(false)

	/** How many items are selected */
	const count = computed(() => selected.value.length)

	/** Deselect everything. */
	function clear(): void {
		selected.value = []
	}

	/**
	 * Apply the changes to every selected item. The selection stays: the list clears it when
	 * it loads the changed items again. A refusal (its message names the item) is thrown.
	 *
	 * @param changes the fields to set
	 */
	async function apply(changes: BulkChanges): Promise<BulkTriageResult> {
		applying.value = true
		try {
			return await bulkTriageItems({ ids: [...selected.value], ...changes })
		} finally {
			applying.value = false
		}
	}

	return { selected, applying, count, clear, apply }
})
