import type { NcSelectUsersModel } from '@nextcloud/vue/components/NcSelectUsers'
import type { DirectoryGroup } from '../api/directory.ts'

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { groupDisplayName, groupMembers, searchGroups, searchUsers, userDisplayName } from '../api/directory.ts'

export const useDirectoryStore = defineStore('pilotfeedback-directory', () => {
	/** Groups matching the last group search */
	const groups = ref<DirectoryGroup[]>([])
	/** Users matching the last user search */
	const users = ref<NcSelectUsersModel[]>([])
	/** True while a search runs */
	const searching = ref(false)
	/** Members of the groups last asked for by findMembers, in group order, each once */
	const members = ref<NcSelectUsersModel[]>([])
	/** Display names of users by id, as far as resolved */
	const userNames = ref<Record<string, string>>({})
	/** Display names of groups by id, as far as resolved */
	const groupNames = ref<Record<string, string>>({})

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
			for (const group of groups.value) {
				groupNames.value[group.id] = group.displayName
			}
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
			for (const user of users.value) {
				userNames.value[user.id] = user.displayName ?? user.id
			}
		})
	}

	/**
	 * Load the members of the given groups (the organisation's testers), listed first by the coordinator picker.
	 *
	 * @param groupIds the groups
	 */
	async function findMembers(groupIds: string[]): Promise<void> {
		if (groupIds.length === 0) {
			members.value = []
			return
		}
		await attempt(async () => {
			const found = (await Promise.all(groupIds.map((id) => groupMembers(id)))).flat()
			const seen = new Set<string>()
			members.value = found.filter((user) => !seen.has(user.id) && seen.add(user.id) !== undefined)
			for (const user of members.value) {
				userNames.value[user.id] = user.displayName ?? user.id
			}
		})
	}

	/**
	 * Look up the display names of users not known yet; an id that cannot be resolved keeps showing as itself.
	 *
	 * @param ids user ids
	 */
	async function resolveUsers(ids: string[]): Promise<void> {
		await Promise.all(ids.filter((id) => !(id in userNames.value)).map(async (id) => {
			try {
				userNames.value[id] = await userDisplayName(id)
			} catch {
				// a deleted account or no right to look it up: the id stays
			}
		}))
	}

	/**
	 * Look up the display names of groups not known yet; an id that cannot be resolved keeps showing as itself.
	 *
	 * @param ids group ids
	 */
	async function resolveGroups(ids: string[]): Promise<void> {
		await Promise.all(ids.filter((id) => !(id in groupNames.value)).map(async (id) => {
			try {
				groupNames.value[id] = await groupDisplayName(id)
			} catch {
				// no right to look it up: the id stays
			}
		}))
	}

	/** What to show for a group id: its display name as far as known, else the id (a getter, not an action) */
	const groupName = computed(() => (id: string): string => groupNames.value[id]
		?? groups.value.find((group) => group.id === id)?.displayName
		?? id)

	/** What to show for a user id: their display name as far as known, else the id (a getter, not an action) */
	const userName = computed(() => (id: string): string => userNames.value[id]
		?? [...members.value, ...users.value].find((user) => user.id === id)?.displayName
		?? id)

	return { groups, users, members, userNames, groupNames, searching, findGroups, findUsers, findMembers, resolveUsers, resolveGroups, groupName, userName }
})
