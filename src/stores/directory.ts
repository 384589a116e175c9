import type { NcSelectUsersModel } from '@nextcloud/vue/components/NcSelectUsers'
import type { DirectoryGroup } from '../api/directory.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { searchGroups, searchUsers } from '../api/directory.ts'

export const useDirectoryStore = defineStore('pilotfeedback-directory', () => {
	/** Groups matching the last group search */
	const groups = ref<DirectoryGroup[]>([])
	/** Users matching the last user search */
	const users = ref<NcSelectUsersModel[]>([])
	/** True while a search runs */
	const searching = ref(false)

	/**
	 * Run a lookup, keeping the old results if it fails.
	 *
	 * @param lookup the request
	 */
	async function attempt(lookup: () => Promise<void>): Promise<void> {
		searching.value = true
		try {
			await lookup()
		} catch {
			// Lookups are a convenience: on failure the picker keeps its previous suggestions.
		} finally {
			searching.value = false
		}
	}

	/**
	 * Search Nextcloud groups by id or name.
	 *
	 * @param query the typed text
	 */
	async function findGroups(query: string): Promise<void> {
		await attempt(async () => {
			groups.value = await searchGroups(query)
		})
	}

	/**
	 * Search Nextcloud users by id or name.
	 *
	 * @param query the typed text
	 */
	async function findUsers(query: string): Promise<void> {
		await attempt(async () => {
			users.value = await searchUsers(query)
		})
	}

	return { groups, users, searching, findGroups, findUsers }
})
