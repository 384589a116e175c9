/**
 * No answer names an item the caller may not see (issue 11, point 1): not through
 * `duplicateOf`, not through the history (`field: duplicateOf`), not through lists
 * filtered by status or organisation, suggestions, comments or support. Testers and
 * coordinators of two organisations hunt for the other organisation's security finding
 * through every endpoint and every reference between items.
 */
import type { Item, Login, Seed } from './setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { api, asGermanUser, createItem, expectApi, listAll, seed, uid, withVersion } from './setup/fixtures.ts'

let s: Seed
/** RKI's security finding (rki-tester1) and BSH's (bsh-tester1). */
let rkiSecret: Item
let bshSecret: Item
/** A word only in the titles and bodies of RKI's and of BSH's finding. */
let rkiWord: string
let bshWord: string
/** Public defects: one the consolidator tries to mark a duplicate of RKI's finding, two it marks duplicates of each other. */
let publicVictim: Item
let publicOriginal: Item
let publicCopy: Item
/** The answers of the consolidator's attempts. */
let crossConfidentiality: { status: number, message: string }
let reverseCrossConfidentiality: { status: number, message: string }

/** Who may not see which secret: every tester and coordinator of the other organisation, and the reporter's colleague. */
function hiddenFrom(login: Login): number[] {
	return hiddenSecrets(login).map((secret) => secret.id)
}

function hiddenSecrets(login: Login): Item[] {
	const hidden: Item[] = []
	if (login !== 'rki-tester1' && login !== 'rki-coord') {
		hidden.push(rkiSecret)
	}
	if (login !== 'bsh-tester1' && login !== 'bsh-coord') {
		hidden.push(bshSecret)
	}
	return hidden
}

const VIEWERS: Login[] = ['rki-tester1', 'rki-tester2', 'rki-coord', 'bsh-tester1', 'bsh-tester2', 'bsh-coord']

/**
 * Every item id an answer names: the ids of items in lists and details, `duplicateOf`,
 * and the values of the history entries about duplicateOf.
 */
function namedItems(value: unknown): number[] {
	const found: number[] = []
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) {
			node.forEach(walk)
			return
		}
		if (node === null || typeof node !== 'object') {
			return
		}
		const record = node as Record<string, unknown>
		if (typeof record.duplicateOf === 'number') {
			found.push(record.duplicateOf)
		}
		if ('title' in record && typeof record.id === 'number') {
			found.push(record.id)
		}
		if (record.field === 'duplicateOf') {
			for (const v of [record.oldValue, record.newValue]) {
				if (typeof v === 'string') {
					found.push(Number(v))
				}
			}
		}
		Object.values(record).forEach(walk)
	}
	walk(value)
	return found
}

/** Fails when the answer names a hidden item or carries a hidden finding's word. */
function expectNothingHidden(login: Login, what: string, data: unknown): void {
	const leaked = namedItems(data).filter((id) => hiddenFrom(login).includes(id))
	expect(leaked, `${String(login)} ${what}`).toEqual([])
	for (const secret of hiddenSecrets(login)) {
		expect(JSON.stringify(data), `${String(login)} ${what}`).not.toContain(secret === rkiSecret ? rkiWord : bshWord)
	}
}

describe('references between items never name an item the caller may not see', () => {
	beforeAll(async () => {
		s = await seed()
		rkiWord = `zqrki${uid()}`
		bshWord = `zqbsh${uid()}`
		rkiSecret = await createItem('rki-tester1', s, { type: 'security', title: `RKI finding ${rkiWord}`, body: `Secret ${rkiWord}` })
		bshSecret = await createItem('bsh-tester1', s, { type: 'security', title: `BSH finding ${bshWord}`, body: `Secret ${bshWord}` })
		publicVictim = await createItem('rki-tester2', s, { type: 'defect', title: `Public victim ${uid()}` })
		publicOriginal = await createItem('bsh-tester2', s, { type: 'defect', title: `Public original ${uid()}` })
		publicCopy = await createItem('rki-tester2', s, { type: 'improvement', title: `Public copy ${uid()}` })

		// The consolidator tries to merge a public item into a security finding, and the reverse.
		const cross = await api('bmi', 'PUT', `/items/${publicVictim.id}/status`, await withVersion(publicVictim.id, { status: 'duplicate', duplicateOf: rkiSecret.id }))
		crossConfidentiality = { status: cross.status, message: cross.data?.message ?? '' }
		const reverse = await api('bmi', 'PUT', `/items/${bshSecret.id}/status`, await withVersion(bshSecret.id, { status: 'duplicate', duplicateOf: publicOriginal.id }))
		reverseCrossConfidentiality = { status: reverse.status, message: reverse.data?.message ?? '' }
		// (If the reverse was wrongly accepted, reopen it so that the next step starts from a clean state.)
		if (reverse.status === 200) {
			await expectApi(200, 'bmi', 'PUT', `/items/${bshSecret.id}/status`, await withVersion(bshSecret.id, { status: 'in_review' }))
		}

		// A security finding merged into another organisation's security finding: allowed, but each side keeps the other hidden.
		await expectApi(200, 'bmi', 'PUT', `/items/${bshSecret.id}/status`, await withVersion(bshSecret.id, { status: 'duplicate', duplicateOf: rkiSecret.id }))
		// Reopened: the history now holds duplicateOf → RKI's finding and back.
		await expectApi(200, 'bmi', 'PUT', `/items/${bshSecret.id}/status`, await withVersion(bshSecret.id, { status: 'in_review' }))
		await expectApi(200, 'bmi', 'PUT', `/items/${bshSecret.id}/status`, await withVersion(bshSecret.id, { status: 'duplicate', duplicateOf: rkiSecret.id }))

		// Two public items: the reference stays visible to everyone.
		await expectApi(200, 'bmi', 'PUT', `/items/${publicCopy.id}/status`, await withVersion(publicCopy.id, { status: 'duplicate', duplicateOf: publicOriginal.id }))

		// Something to find through comments and support.
		await expectApi(201, 'bsh-tester1', 'POST', `/items/${bshSecret.id}/comments`, { message: 'Same as elsewhere?' })
		await expectApi(200, 'bsh-coord', 'POST', `/items/${bshSecret.id}/support`)
	})

	it('refuses to mark a public item a duplicate of a security finding, naming the rule, and changes nothing', async () => {
		expect(crossConfidentiality.status).toBe(400)
		expect(crossConfidentiality.message).toContain('security finding can only be a duplicate of another security finding')
		const victim = await expectApi<Item & { duplicateOf: number | null }>(200, 'bmi', 'GET', `/items/${publicVictim.id}`)
		expect(victim.status).toBe('new')
		expect(victim.duplicateOf).toBeNull()
		expect(victim.history?.map((h) => h.field)).toEqual(['created'])
	})

	it('refuses to mark a security finding a duplicate of a public item', () => {
		expect(reverseCrossConfidentiality.status).toBe(400)
		expect(reverseCrossConfidentiality.message).toContain('security finding can only be a duplicate of another security finding')
	})

	it('answers the refusal in German for a German user', async () => {
		await expectApi(200, 'bmi', 'GET', '/me')
		const { version } = await expectApi<Item>(200, 'bmi', 'GET', `/items/${publicVictim.id}`)
		const response = await asGermanUser('bmi', () => fetch(`${process.env.NEXTCLOUD_URL}/ocs/v2.php/apps/pilotfeedback/api/v1/items/${publicVictim.id}/status`, {
			method: 'PUT',
			headers: {
				'OCS-APIRequest': 'true',
				Accept: 'application/json',
				'Accept-Language': 'de',
				'Content-Type': 'application/json',
				Authorization: `Basic ${Buffer.from('bmi:Pilot-Feedback-2026').toString('base64')}`,
			},
			body: JSON.stringify({ version, status: 'duplicate', duplicateOf: rkiSecret.id }),
		}))
		expect(response.status).toBe(400)
		const body = await response.json()
		expect(body.ocs.data.message).toContain('Sicherheitsbefund')
	})

	it('shows the consolidator every reference', async () => {
		const detail = await expectApi<Item & { duplicateOf: number | null }>(200, 'bmi', 'GET', `/items/${bshSecret.id}`)
		expect(detail.duplicateOf).toBe(rkiSecret.id)
		const values = detail.history?.filter((h) => h.field === 'duplicateOf').map((h) => [h.oldValue, h.newValue])
		expect(values).toEqual([[null, String(rkiSecret.id)], [String(rkiSecret.id), null], [null, String(rkiSecret.id)]])
	})

	it('shows a reference between public items to every tester', async () => {
		for (const login of VIEWERS) {
			const detail = await expectApi<Item & { duplicateOf: number | null }>(200, login, 'GET', `/items/${publicCopy.id}`)
			expect(detail.duplicateOf, String(login)).toBe(publicOriginal.id)
			expect(detail.history?.find((h) => h.field === 'duplicateOf')?.newValue, String(login)).toBe(String(publicOriginal.id))
		}
	})

	it('shows BSH\'s reporter and coordinator their finding as a duplicate, without naming RKI\'s finding', async () => {
		for (const login of ['bsh-tester1', 'bsh-coord'] as const) {
			const detail = await expectApi<Item & { duplicateOf: number | null }>(200, login, 'GET', `/items/${bshSecret.id}`)
			expect(detail.status).toBe('duplicate')
			expect(detail.duplicateOf, login).toBeNull()
			expect(detail.history?.filter((h) => h.field === 'duplicateOf'), login).toEqual([])
			// The status changes stay in the history.
			expect(detail.history?.filter((h) => h.field === 'status').map((h) => h.newValue), login).toEqual(['duplicate', 'in_review', 'duplicate'])
		}
	})

	describe.each(VIEWERS)('%s', (login) => {
		it('finds no hidden item in any list, filtered by status, organisation, type or nothing, and the totals agree', async () => {
			const queries: Record<string, string | number>[] = [
				{},
				{ status: 'duplicate' },
				{ status: 'new' },
				{ status: 'in_review' },
				{ organisationId: s.rki.id },
				{ organisationId: s.bsh.id },
				{ organisationId: s.rki.id, status: 'duplicate' },
				{ organisationId: s.bsh.id, status: 'duplicate' },
				{ type: 'security' },
				{ type: 'security', status: 'duplicate' },
				{ sort: 'support' },
				{ mine: 1 },
			]
			for (const query of queries) {
				const { items, total } = await listAll(login, query)
				expectNothingHidden(login, `GET /items ${JSON.stringify(query)}`, items)
				expect(total, JSON.stringify(query)).toBe(items.length)
			}
		})

		it('finds no hidden item through the details, comments, support and suggestions of the items it sees', async () => {
			const { items } = await listAll(login, {})
			const ours = items.filter((i) => [rkiSecret.id, bshSecret.id, publicVictim.id, publicOriginal.id, publicCopy.id].includes(i.id))
			expect(ours.length).toBeGreaterThanOrEqual(3)
			for (const item of ours) {
				expectNothingHidden(login, `GET /items/${item.id}`, await expectApi(200, login, 'GET', `/items/${item.id}`))
				expectNothingHidden(login, `GET /items/${item.id}/comments`, await expectApi(200, login, 'GET', `/items/${item.id}/comments`))
			}
			for (const q of [rkiWord, bshWord, 'finding', 'RKI finding', 'BSH finding', 'Public']) {
				expectNothingHidden(login, `suggestions ${q}`, await expectApi(200, login, 'GET', `/items/suggestions?q=${encodeURIComponent(q)}&limit=20`))
			}
			// Support and withdraw answer with the detail too (on an item someone else filed:
			// reporters don't support their own).
			const supported = ours.find((i) => i.reporterId !== login)!
			expectNothingHidden(login, 'POST support', await expectApi(200, login, 'POST', `/items/${supported.id}/support`))
			expectNothingHidden(login, 'DELETE support', await expectApi(200, login, 'DELETE', `/items/${supported.id}/support`))
		})

		it('gets the same 404 for each hidden item as for a missing one, from every item endpoint', async () => {
			const missing = 2_000_000_000
			for (const hidden of hiddenFrom(login)) {
				for (const [method, suffix, body] of [
					['GET', ''],
					['GET', '/comments'],
					['POST', '/comments', { message: 'probe' }],
					['POST', '/support'],
					['DELETE', '/support'],
					['PUT', '', { version: 1, title: 'probe', body: '', priority: 'low', componentId: 1, pilotId: 1 }],
					['PUT', '/status', { version: 1, status: 'rejected' }],
				] as [string, string, unknown?][]) {
					const a = await api(login, method, `/items/${hidden}${suffix}`, body)
					const b = await api(login, method, `/items/${missing}${suffix}`, body)
					expect([a.status, b.status], `${method} ${suffix}`).toEqual([404, 404])
					expect(a.data.message.replace(String(hidden), 'N')).toBe(b.data.message.replace(String(missing), 'N'))
				}
			}
		})
	})
})
