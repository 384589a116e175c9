/**
 * The role table the permission suites share: the roles of the demo data plus an account in
 * no organisation, the endpoints with the HTTP status each role must get, and the test that
 * sends every role × endpoint pair and checks the answer.
 */
import type { Login, Seed } from './fixtures.ts'

import { expect, it } from 'vitest'
import { api, createUser, deleteUser, seed } from './fixtures.ts'

export type Role = 'anonymous' | 'admin' | 'consolidator' | 'rkiTester' | 'rkiCoord' | 'bshTester' | 'bshCoord' | 'noOrg'
export const ROLES: Role[] = ['anonymous', 'admin', 'consolidator', 'rkiTester', 'rkiCoord', 'bshTester', 'bshCoord', 'noOrg']

/** An account that exists but belongs to no organisation. */
export interface Account { user: string, password: string }

/** What every role table needs: the seeded catalogue and the account outside every organisation. */
export interface RoleAccounts {
	s: Seed
	noOrg: Account
}

/**
 * Reads the seed and creates the account outside every organisation (`pf-noorg-…`);
 * closeRoleAccounts() deletes it again.
 */
export async function openRoleAccounts(): Promise<RoleAccounts> {
	const s = await seed()
	const noOrg = await createUser('pf-noorg')
	return { s, noOrg }
}

/** Deletes the account made by openRoleAccounts(); does nothing if it was never made. */
export async function closeRoleAccounts(accounts: RoleAccounts | undefined): Promise<void> {
	if (accounts !== undefined) {
		await deleteUser(accounts.noOrg.user)
	}
}

/**
 * The login of a role.
 *
 * @param role the role
 * @param noOrg the account outside every organisation
 */
export function loginOf(role: Role, noOrg: Account): Login {
	switch (role) {
		case 'anonymous': return null
		case 'admin': return 'admin'
		case 'consolidator': return 'bmi'
		case 'rkiTester': return 'rki-tester1'
		case 'rkiCoord': return 'rki-coord'
		case 'bshTester': return 'bsh-tester1'
		case 'bshCoord': return 'bsh-coord'
		case 'noOrg': return noOrg
	}
}

/** One row of a role table: a request and the status each role must get. */
export interface Endpoint {
	name: string
	method: string
	path: () => string
	/** The request body; may be read fresh from the server (an item's current version) */
	body?: () => unknown | Promise<unknown>
	/** Expected status per role; roles left out expect `otherwise`. */
	expect: Partial<Record<Role, number>>
	otherwise: number
}

/** One role × endpoint pair with the status it must answer. */
export interface RoleCase {
	endpoint: Endpoint
	role: Role
	status: number
}

/**
 * Every role × endpoint pair of the endpoints, in the order endpoint by endpoint, role by role.
 *
 * @param endpoints the table's rows
 */
export function roleCases(endpoints: Endpoint[]): RoleCase[] {
	return endpoints.flatMap((endpoint) => ROLES.map((role) => ({
		endpoint,
		role,
		status: endpoint.expect[role] ?? endpoint.otherwise,
	})))
}

/**
 * Declares one test per role × endpoint pair (inside the caller's describe): the request as
 * that role answers with the expected status and JSON, and an app-made refusal (403) says
 * why in a sentence.
 *
 * @param endpoints the table's rows
 * @param accounts the accounts, read when the tests run (after beforeAll)
 */
export function itAnswersAsTheRoleTableSays(endpoints: Endpoint[], accounts: () => RoleAccounts): void {
	it.each(roleCases(endpoints))('$endpoint.name as $role → $status', async ({ endpoint, role, status }) => {
		const response = await api(loginOf(role, accounts().noOrg), endpoint.method, endpoint.path(), await endpoint.body?.())
		expect(response.status, response.text.slice(0, 300)).toBe(status)
		expect(response.headers.get('content-type') ?? '').toContain('application/json')
		if (status === 403 && response.data?.message !== undefined) {
			// App-made refusals say why in a sentence.
			expect(typeof response.data.message).toBe('string')
			expect(response.data.message.length).toBeGreaterThan(10)
		}
	})
}
