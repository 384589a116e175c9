import type { Ref } from 'vue'

import { ref } from 'vue'

/** The create and update actions of an admin resource store */
export interface EditableStore<Resource, Payload> {
	/** All records */
	records: Resource[]
	/** Create a record; null if the server refused */
	create: (payload: Payload) => Promise<Resource | null>
	/** Update a record; null if the server refused */
	update: (id: number, payload: Payload) => Promise<Resource | null>
}

/**
 * The state of the create/edit dialog of an admin section.
 *
 * @param store the resource store the dialog saves into
 */
export function useRecordEditor<Resource extends { id: number }, Payload>(store: EditableStore<Resource, Payload>) {
	/** Whether the dialog is shown */
	const open = ref(false)
	/** The record being edited; null while creating one */
	const editing = ref(null) as Ref<Resource | null>
	/** True while the dialog's fields are being saved */
	const saving = ref(false)

	/**
	 * Open the dialog.
	 *
	 * @param id the record to edit; null to create one
	 */
	function start(id: number | null) {
		editing.value = store.records.find((record) => record.id === id) ?? null
		open.value = true
	}

	/**
	 * Save the dialog's fields; the dialog stays open if the server refuses.
	 *
	 * @param payload the fields
	 */
	async function save(payload: Payload) {
		saving.value = true
		const saved = editing.value === null
			? await store.create(payload)
			: await store.update(editing.value.id, payload)
		saving.value = false
		if (saved !== null) {
			open.value = false
		}
	}

	/**
	 * Close the dialog without saving.
	 */
	function close() {
		open.value = false
	}

	return { open, editing, saving, start, save, close }
}
