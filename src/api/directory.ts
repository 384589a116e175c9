import type { NcSelectUsersModel } from '@nextcloud/vue/components/NcSelectUsers'

import axios from '@nextcloud/axios'
import { generateOcsUrl } from '@nextcloud/router'

/** How many matches a lookup asks for */
const LOOKUP_LIMIT = 20

/** A Nextcloud group as the pickers offer it */
export interface DirectoryGroup {
	/** Group id, what the app stores */
	id: string
	/** Name shown to people */
	displayName: string
}

/** One group of Nextcloud's /cloud/groups/details answer */
interface GroupDetails {
	/** Group id */
	id: string
	/** Name shown to people */
	displayname: string
}

/** One match of Nextcloud's /core/autocomplete/get answer */
interface AutocompleteMatch {
	/** User id */
	id: string
	/** Display name */
	label: string
	/** Disambiguation such as the e-mail address */
	shareWithDisplayNameUnique?: string
}

/**
 * Nextcloud groups whose id or name contains the search text (needs admin or sub-admin).
 *
 * @param search the text typed into the picker
 */
export async function searchGroups(search: string): Promise<DirectoryGroup[]> {
	const response = await axios.get<{ ocs: { data: { groups: GroupDetails[] } } }>(generateOcsUrl('/cloud/groups/details'), {
		params: { search, limit: LOOKUP_LIMIT },
	})
	return response.data.ocs.data.groups.map((group) => ({ id: group.id, displayName: group.displayname }))
}

/**
 * Nextcloud users matching the search text, shaped for NcSelectUsers.
 *
 * @param search the text typed into the picker
 */
export async function searchUsers(search: string): Promise<NcSelectUsersModel[]> {
	const response = await axios.get<{ ocs: { data: AutocompleteMatch[] } }>(generateOcsUrl('/core/autocomplete/get'), {
		params: { search, itemType: '', itemId: '', shareTypes: [0], limit: LOOKUP_LIMIT },
	})
	return response.data.ocs.data.map((match) => ({ id: match.id, user: match.id, displayName: match.label, subname: match.shareWithDisplayNameUnique }))
}

/** One user of Nextcloud's /cloud/groups/{id}/users/details answer */
interface UserDetails {
	/** User id */
	id: string
	/** Display name */
	displayname: string
	/** E-mail address, if any */
	email?: string | null
}

/** How many members of a group the coordinator picker lists first */
const MEMBER_LIMIT = 50

/**
 * Members of a Nextcloud group, shaped for NcSelectUsers (needs admin or sub-admin).
 *
 * @param groupId the group
 */
export async function groupMembers(groupId: string): Promise<NcSelectUsersModel[]> {
	const response = await axios.get<{ ocs: { data: { users: Record<string, UserDetails> | UserDetails[] } } }>(
		generateOcsUrl('/cloud/groups/{groupId}/users/details', { groupId }),
		{ params: { limit: MEMBER_LIMIT } },
	)
	return Object.values(response.data.ocs.data.users).map((user) => ({ id: user.id, user: user.id, displayName: user.displayname, subname: user.email ?? undefined }))
}

/**
 * The display name of a Nextcloud user (needs admin or sub-admin); the id if it has none.
 *
 * @param userId the user
 */
export async function userDisplayName(userId: string): Promise<string> {
	const response = await axios.get<{ ocs: { data: { id: string, displayname?: string | null } } }>(generateOcsUrl('/cloud/users/{userId}', { userId }))
	return response.data.ocs.data.displayname || userId
}

/**
 * The display name of a Nextcloud group (needs admin or sub-admin); the id if no group has exactly this id.
 *
 * @param groupId the group
 */
export async function groupDisplayName(groupId: string): Promise<string> {
	const found = await searchGroups(groupId)
	return found.find((group) => group.id === groupId)?.displayName || groupId
}
