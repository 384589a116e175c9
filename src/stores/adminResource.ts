import type { Ref } from 'vue'

import { showError } from '@nextcloud/dialogs'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'

/** The four admin endpoints of one catalogue resource */
export interface ResourceApi<Resource, Payload> {
	/** List all records, archived ones included */
	fetchAll: () => Promise<Resource[]>
	/** Create a record */
	create: (payload: Payload) => Promise<Resource>
	/** Replace the fields of a record; archived: false restores an archived one */
	update: (id: number, payload: Payload & { archived?: boolean }) => Promise<Resource>
	/** Archive a record */
	archive: (id: number) => Promise<Resource>
	/**
	 * The fields a restore sends besides archived: false (default: the whole record). Records whose
	 * names the server gives in the reader's language send only what the update requires, so
	 * that a restore never writes a displayed name over the English or German one.
	 */
	restorePayload?: (record: Resource) => Payload
}

/**
 * Define the admin store of one catalogue resource (pilots, components, criteria, organisations).
 * Failed changes are shown with showError and answered with null.
 *
 * @param id the Pinia store id
 * @param api the endpoints of the resource
 */
export function defineAdminResourceStore<Resource extends Payload & { id: number }, Payload>(id: string, api: ResourceApi<Resource, Payload>) {
	return defineStore(id, () => {
		/** All records, archived ones included, in server order */
		const records = ref([]) as Ref<Resource[]>
		/** True while the list is being loaded */
		const loading = ref(false)
		/** Message of the last failed load, null if it succeeded */
		const loadError = ref<string | null>(null)

		/**
		 * Put a record the server answered in place of the one with the same id.
		 *
		 * @param record the record as saved
		 */
		function replace(record: Resource): Resource {
			records.value = records.value.map((existing) => existing.id === record.id ? record : existing)
			return record
		}

		/**
		 * Run a change and show the server's message if it fails.
		 *
		 * @param change the request
		 */
		async function attempt(change: () => Promise<Resource>): Promise<Resource | null> {
			try {
				return await change()
			} catch (error) {
				showError(errorMessage(error))
				return null
			}
		}

		/**
		 * Load all records.
		 */
		async function load(): Promise<void> {
			loading.value = true
			try {
				records.value = await api.fetchAll()
				loadError.value = null
			} catch (error) {
				loadError.value = errorMessage(error)
			} finally {
				loading.value = false
			}
		}

		/**
		 * Create a record; null if the server refused.
		 *
		 * @param payload its fields
		 */
		async function create(payload: Payload): Promise<Resource | null> {
			return attempt(async () => {
				const created = await api.create(payload)
				records.value = [...records.value, created]
				return created
			})
		}

		/**
		 * Update a record; null if the server refused.
		 *
		 * @param recordId the record
		 * @param payload its new fields
		 */
		async function update(recordId: number, payload: Payload & { archived?: boolean }): Promise<Resource | null> {
			return attempt(async () => replace(await api.update(recordId, payload)))
		}

		/**
		 * Archive a record; null if the server refused.
		 *
		 * @param recordId the record
		 */
		async function archive(recordId: number): Promise<Resource | null> {
			return attempt(async () => replace(await api.archive(recordId)))
		}

		/**
		 * Restore an archived record with its fields as they are; null if the server refused.
		 *
		 * @param recordId the record
		 */
		async function restore(recordId: number): Promise<Resource | null> {
			const record = records.value.find((existing) => existing.id === recordId)
			if (record === undefined) {
				return null
			}
			const fields = api.restorePayload ? api.restorePayload(record) : record
			return attempt(async () => replace(await api.update(recordId, { ...fields, archived: false })))
		}

		return { records, loading, loadError, load, create, update, archive, restore }
	})
}
