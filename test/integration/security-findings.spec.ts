/**
 * Security findings are confidential (docs/api.md, "Roles and visibility"): only their
 * reporter, the coordinators of the reporter's organisation and the consolidators see them —
 * in every list, filter, count, suggestion, detail, comment, support, edit and status
 * endpoint (that section names lists, counts, suggestions, details and comments; this suite
 * holds the other endpoints to the same rule).
 */
import type { Item, Login, Seed } from './setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, listAll, seed, uid } from './setup/fixtures.ts'

let s: Seed
/** A word that occurs only in the secret finding's title. */
let secretWord: string
let secret: Item
/** A word that occurs only in the public defect's title. */
let publicWord: string
let publicItem: Item
/** The comments and supporters the secret has before the outsiders try anything. */
let commentsBefore: number
let supportBefore: number

/** Logged-in users who must never learn of the secret. */
const OUTSIDERS: { name: string, login: Login }[] = [
	{ name: 'BSH tester', login: 'bsh-tester1' },
	{ name: 'BSH coordinator', login: 'bsh-coord' },
	{ name: 'RKI tester of the same organisation', login: 'rki-tester2' },
]
/** Those who must see it. */
const INSIDERS: { name: string, login: Login }[] = [
	{ name: 'reporter', login: 'rki-tester1' },
	{ name: 'RKI coordinator', login: 'rki-coord' },
	{ name: 'consolidator', login: 'bmi' },
]

/** The list queries an outsider could try: filters, sorts, orders, mine. */
function listQueries(): Record<string, string | number>[] {
	return [
		{},
		{ type: 'security' },
		{ organisationId: s.rki.id },
		{ type: 'security', organisationId: s.rki.id },
		{ type: 'security', organisationId: s.rki.id, componentId: secret.componentId, priority: 'critical', status: 'new' },
		{ componentId: secret.componentId },
		{ priority: 'critical' },
		{ status: 'new' },
		{ sort: 'support' },
		{ sort: 'support', order: 'asc' },
		{ sort: 'priority' },
		{ sort: 'title', order: 'asc' },
		{ sort: 'updated' },
		{ mine: 1 },
		{ mine: 1, type: 'security' },
	]
}

describe('security findings stay with reporter, own coordinators and consolidators', () => {
	beforeAll(async () => {
		s = await seed()
		secretWord = `zqsecret${uid()}`
		publicWord = `zqpublic${uid()}`
		const pilot = s.activePilots[0]
		secret = await createItem('rki-tester1', s, {
			type: 'security',
			title: `Session token leaks ${secretWord}`,
			body: `Confidential details ${secretWord}`,
			pilotId: pilot.id,
			componentId: pilot.componentIds[0],
			priority: 'critical',
		})
		publicItem = await createItem('rki-tester1', s, {
			type: 'defect',
			title: `Upload fails ${publicWord}`,
			pilotId: pilot.id,
			componentId: pilot.componentIds[0],
			priority: 'critical',
		})
		// The coordinator supports and comments, so that support sorting and comments have something to hide.
		await expectApi(200, 'rki-coord', 'POST', `/items/${secret.id}/support`)
		await expectApi(201, 'rki-tester1', 'POST', `/items/${secret.id}/comments`, { message: `Comment ${secretWord}` })
		commentsBefore = (await expectApi<unknown[]>(200, 'bmi', 'GET', `/items/${secret.id}/comments`)).length
		supportBefore = (await expectApi<Item>(200, 'bmi', 'GET', `/items/${secret.id}`)).supportCount
	})

	it('is filed as confidential type "security" of RKI', () => {
		expect(secret).toMatchObject({ type: 'security', reporterId: 'rki-tester1', organisationId: s.rki.id, status: 'new' })
		expect(supportBefore).toBe(1)
		expect(commentsBefore).toBe(1)
	})

	describe.each(OUTSIDERS)('$name', ({ login }) => {
		it('never finds it in any list, filter, sort or page, and the totals agree with the lists', async () => {
			for (const query of listQueries()) {
				const { items, total } = await listAll(login, query)
				const ids = items.map((i) => i.id)
				expect(ids, JSON.stringify(query)).not.toContain(secret.id)
				// The total counts what the user may see, not what exists.
				expect(total, JSON.stringify(query)).toBe(items.length)
				// Every security finding the user sees is their own, or, for BSH's coordinator, one
				// of BSH's; never another organisation's (none of them coordinates RKI).
				for (const item of items.filter((i) => i.type === 'security')) {
					const own = item.reporterId === login || (login === 'bsh-coord' && item.organisationId === s.bsh.id)
					expect(own, `${JSON.stringify(query)}: ${item.reporterId} of ${item.organisationId}`).toBe(true)
				}
				expect(JSON.stringify(items)).not.toContain(secretWord)
			}
		})

		it('sees no RKI security finding at all', async () => {
			const { items, total } = await listAll(login, { type: 'security', organisationId: s.rki.id })
			expect(items.filter((i) => i.reporterId !== login)).toEqual([])
			expect(total).toBe(items.length)
		})

		it('gets no suggestion from its title', async () => {
			for (const q of [secretWord, `Session token leaks ${secretWord}`, 'Session token leaks']) {
				const suggestions = await expectApi<{ id: number }[]>(200, login, 'GET', `/items/suggestions?q=${encodeURIComponent(q)}&limit=20`)
				expect(suggestions.map((x) => x.id), q).not.toContain(secret.id)
			}
		})

		it('gets the same 404 for it as for an item that does not exist, from every item endpoint', async () => {
			const missing = 2_000_000_000
			const attempts: [string, string, unknown?][] = [
				['GET', ''],
				['GET', '/comments'],
				['POST', '/comments', { message: 'I should not be able to post this' }],
				['POST', '/support'],
				['DELETE', '/support'],
				['PUT', '', { version: 1, title: 'Hijacked', body: '', priority: 'low', pilotId: secret.pilotId, componentId: secret.componentId }],
				['PUT', '/status', { version: 1, status: 'rejected' }],
			]
			for (const [method, suffix, body] of attempts) {
				const hidden = await api(login, method, `/items/${secret.id}${suffix}`, body)
				const absent = await api(login, method, `/items/${missing}${suffix}`, body)
				expect(hidden.status, `${method} ${suffix}`).toBe(404)
				expect(absent.status, `${method} ${suffix} (missing)`).toBe(404)
				expect(hidden.data.message.replace(String(secret.id), 'N')).toBe(absent.data.message.replace(String(missing), 'N'))
				expect(hidden.text).not.toContain(secretWord)
				expect(hidden.text).not.toContain('Session token')
			}
		})

		it('sees the non-confidential defect of the same organisation', async () => {
			const detail = await expectApi<Item>(200, login, 'GET', `/items/${publicItem.id}`)
			expect(detail.title).toBe(publicItem.title)
			const { items } = await listAll(login, { organisationId: s.rki.id, type: 'defect' })
			expect(items.map((i) => i.id)).toContain(publicItem.id)
			const suggestions = await expectApi<{ id: number }[]>(200, login, 'GET', `/items/suggestions?q=${publicWord}`)
			expect(suggestions.map((x) => x.id)).toContain(publicItem.id)
			expect((await api(login, 'GET', `/items/${publicItem.id}/comments`)).status).toBe(200)
		})
	})

	it('was left untouched by the outsiders\' attempts', async () => {
		const detail = await expectApi<Item>(200, 'bmi', 'GET', `/items/${secret.id}`)
		expect(detail).toMatchObject({ title: secret.title, priority: 'critical', status: 'new', supportCount: supportBefore })
		expect(detail.supporters?.map((x) => x.userId)).toEqual(['rki-coord'])
		expect(detail.history?.map((h) => h.userId)).toEqual(['rki-tester1'])
		const comments = await expectApi<{ message: string }[]>(200, 'bmi', 'GET', `/items/${secret.id}/comments`)
		expect(comments.length).toBe(commentsBefore)
	})

	describe.each(INSIDERS)('$name', ({ login }) => {
		it('finds it in the lists, with the security filter and sorted by support', async () => {
			const queries: Record<string, string | number>[] = [{}, { type: 'security', organisationId: s.rki.id }, { sort: 'support' }, { status: 'new', priority: 'critical' }]
			for (const query of queries) {
				const { items, total } = await listAll(login, query)
				expect(items.map((i) => i.id), JSON.stringify(query)).toContain(secret.id)
				expect(total).toBe(items.length)
			}
		})

		it('opens it, its comments and finds it by its title', async () => {
			const detail = await expectApi<Item>(200, login, 'GET', `/items/${secret.id}`)
			expect(detail.title).toBe(secret.title)
			const comments = await expectApi<{ message: string }[]>(200, login, 'GET', `/items/${secret.id}/comments`)
			expect(comments.map((c) => c.message)).toContain(`Comment ${secretWord}`)
			const suggestions = await expectApi<{ id: number }[]>(200, login, 'GET', `/items/suggestions?q=${secretWord}`)
			expect(suggestions.map((x) => x.id)).toContain(secret.id)
		})
	})

	it('only the reporter finds it under "mine"', async () => {
		expect((await listAll('rki-tester1', { mine: 1, type: 'security' })).items.map((i) => i.id)).toContain(secret.id)
		expect((await listAll('rki-coord', { mine: 1 })).items.map((i) => i.id)).not.toContain(secret.id)
	})
})
