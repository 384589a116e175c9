/**
 * Bulk triage (POST /items/bulk) against a real Nextcloud: one history entry per item and
 * changed field, consolidators only, at most 500 ids, and all or nothing: after every refused
 * batch the suite reads each item again and proves that nothing changed.
 */
import type { Item, Login, Seed } from './setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { api, asGermanUser, createItem, expectApi, seed, withVersion } from './setup/fixtures.ts'
import { TO_DONE } from './setup/ownPilot.ts'

interface Detail extends Item {
	consolidatedPriority: string | null
	vendorReference: string
	updatedAt: number
	history: { userId: string, userName: string, field: string, oldValue: string | null, newValue: string | null }[]
}

let s: Seed

beforeAll(async () => {
	s = await seed()
})

const read = (id: number): Promise<Detail> => expectApi<Detail>(200, 'bmi', 'GET', `/items/${id}`)

/** Files `count` new items as RKI and BSH testers. */
async function fileItems(count: number, fields: Record<string, unknown> = {}): Promise<Item[]> {
	const filed: Item[] = []
	for (let i = 0; i < count; i++) {
		filed.push(await createItem(i % 2 === 0 ? 'rki-tester1' : 'bsh-tester1', s, fields))
	}
	return filed
}

/** What must not change when a batch is refused: every field bulk writes, the history and the time of the last change. */
async function states(ids: number[]): Promise<unknown[]> {
	return Promise.all(ids.map(async (id) => {
		const item = await read(id)
		return { id, status: item.status, consolidatedPriority: item.consolidatedPriority, vendorReference: item.vendorReference, updatedAt: item.updatedAt, history: item.history }
	}))
}

describe('bulk triage by the consolidator', () => {
	it('sets the status of every item, one history entry each', async () => {
		const filed = await fileItems(3)
		const ids = filed.map((item) => item.id)
		const result = await expectApi(200, 'bmi', 'POST', '/items/bulk', { ids, status: 'in_review' })
		expect(result).toEqual({ ids, changed: 3, historyEntries: 3 })
		for (const id of ids) {
			const item = await read(id)
			expect(item.status).toBe('in_review')
			expect(item.history.filter((h) => h.field !== 'created')).toEqual([
				{ userId: 'bmi', userName: expect.any(String), field: 'status', oldValue: 'new', newValue: 'in_review' },
			].map((h) => expect.objectContaining(h)))
		}
	})

	it('sets consolidated priority and vendor reference together, an entry per changed field, and leaves items that have them already', async () => {
		const [a, b] = await fileItems(2)
		await expectApi(200, 'bmi', 'POST', '/items/bulk', { ids: [b!.id], consolidatedPriority: 'critical' })
		const result = await expectApi(200, 'bmi', 'POST', '/items/bulk', { ids: [a!.id, b!.id], consolidatedPriority: 'critical', vendorReference: 'VENDOR-42' })
		expect(result).toEqual({ ids: [a!.id, b!.id], changed: 2, historyEntries: 3 })
		const afterA = await read(a!.id)
		const afterB = await read(b!.id)
		expect([afterA.consolidatedPriority, afterA.vendorReference, afterA.status]).toEqual(['critical', 'VENDOR-42', 'new'])
		expect([afterB.consolidatedPriority, afterB.vendorReference]).toEqual(['critical', 'VENDOR-42'])
		expect(afterA.history.filter((h) => h.field !== 'created').map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
			['consolidatedPriority', null, 'critical'],
			['vendorReference', '', 'VENDOR-42'],
		])
		expect(afterB.history.filter((h) => h.field !== 'created').map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
			['consolidatedPriority', null, 'critical'],
			['vendorReference', '', 'VENDOR-42'],
		])
		// the list filters by the priority shown: both are critical now
		const listed = await expectApi<{ items: Item[] }>(200, 'bmi', 'GET', `/items?priority=critical&q=${encodeURIComponent(a!.title)}`)
		expect(listed.items.map((item) => item.id)).toEqual([a!.id])
	})

	it('null clears the consolidated priority and the vendor reference', async () => {
		const [a] = await fileItems(1)
		await expectApi(200, 'bmi', 'POST', '/items/bulk', { ids: [a!.id], consolidatedPriority: 'high', vendorReference: 'X-1' })
		await expectApi(200, 'bmi', 'POST', '/items/bulk', { ids: [a!.id], consolidatedPriority: null, vendorReference: null })
		const after = await read(a!.id)
		expect([after.consolidatedPriority, after.vendorReference]).toEqual([null, ''])
	})
})

describe('a refused batch changes nothing', () => {
	it('an invalid transition of one item refuses the whole batch, naming the item and its allowed statuses', async () => {
		const filed = await fileItems(3)
		const done = filed[1]!
		for (const status of TO_DONE) {
			await expectApi(200, 'bmi', 'PUT', `/items/${done.id}/status`, await withVersion(done.id, { status }))
		}
		const ids = filed.map((item) => item.id)
		const before = await states(ids)
		const response = await api('bmi', 'POST', '/items/bulk', { ids, status: 'in_review', consolidatedPriority: 'low', vendorReference: 'NOPE' })
		expect(response.status, response.text).toBe(400)
		expect(response.data.message).toBe(`Nothing was changed: item "${done.title}" (#${done.id}) cannot move from Done to In review. From Done it can move to: Verified, In progress.`)
		expect(await states(ids)).toEqual(before)

		await asGermanUser('bmi', async () => {
			const german = await api('bmi', 'POST', '/items/bulk', { ids, status: 'in_review' })
			expect(german.status).toBe(400)
			expect(german.data.message).toBe(`Es wurde nichts geändert: Die Meldung „${done.title}“ (#${done.id}) kann nicht von Erledigt zu In Prüfung wechseln. Von Erledigt aus ist möglich: Verifiziert, In Umsetzung.`)
		})
		expect(await states(ids)).toEqual(before)
	})

	it('an unknown id gets 404 naming it', async () => {
		const filed = await fileItems(2)
		const ids = filed.map((item) => item.id)
		const before = await states(ids)
		const unknown = 987654321
		const response = await api('bmi', 'POST', '/items/bulk', { ids: [ids[0], unknown, ids[1]], status: 'in_review' })
		expect(response.status, response.text).toBe(404)
		expect(response.data.message).toBe(`Item ${unknown} does not exist or you may not see it. Nothing was changed.`)
		expect(await states(ids)).toEqual(before)
	})

	it('status duplicate is refused: each duplicate needs the item it duplicates', async () => {
		const filed = await fileItems(2)
		const ids = filed.map((item) => item.id)
		const before = await states(ids)
		const response = await api('bmi', 'POST', '/items/bulk', { ids, status: 'duplicate' })
		expect(response.status).toBe(400)
		expect(response.data.message).toMatch(/cannot be marked as duplicates in bulk: each duplicate needs the item it duplicates/)
		expect(await states(ids)).toEqual(before)
	})

	it('at most 500 ids: 501 get a 400 with a message, 500 pass the limit', async () => {
		const [a] = await fileItems(1)
		const before = await states([a!.id])
		const many = (n: number): number[] => [a!.id, ...Array.from({ length: n - 1 }, (_, i) => 900000000 + i)]
		const over = await api('bmi', 'POST', '/items/bulk', { ids: many(501), status: 'in_review' })
		expect(over.status).toBe(400)
		expect(over.data.message).toBe('A bulk change covers at most 500 items; 501 were sent. Select fewer items, or change them in several steps.')
		// 500 are accepted by the limit; the first unknown of them refuses the batch
		const atLimit = await api('bmi', 'POST', '/items/bulk', { ids: many(500), status: 'in_review' })
		expect(atLimit.status).toBe(404)
		expect(atLimit.data.message).toMatch(/^Item 900000000 does not exist/)
		expect(await states([a!.id])).toEqual(before)
	})

	it('bad bodies: no ids, nothing to change, invalid values', async () => {
		const [a] = await fileItems(1)
		const before = await states([a!.id])
		const cases: [unknown, RegExp][] = [
			[{ status: 'in_review' }, /lacks required fields: ids/],
			[{ ids: [], status: 'in_review' }, /Select at least one item/],
			[{ ids: [a!.id] }, /Choose what to change/],
			[{ ids: a!.id, status: 'in_review' }, /must be a list of ids/],
			[{ ids: [a!.id], status: 'closed' }, /^Status must be one of/],
			[{ ids: [a!.id], consolidatedPriority: 'urgent' }, /^Consolidated priority must be one of/],
			[{ ids: [a!.id], vendorReference: 'x'.repeat(256) }, /^Vendor reference is too long/],
		]
		for (const [body, message] of cases) {
			const response = await api('bmi', 'POST', '/items/bulk', body)
			expect(response.status, JSON.stringify(body)).toBe(400)
			expect(response.data.message, JSON.stringify(body)).toMatch(message)
		}
		expect(await states([a!.id])).toEqual(before)
	})
})

describe('who may triage in bulk', () => {
	it.each(['rki-tester1', 'bsh-tester2', 'rki-coord', 'bsh-coord', 'admin'] as Login[])('%s gets 403 and nothing changes', async (login) => {
		const [a] = await fileItems(1)
		const before = await states([a!.id])
		const response = await api(login, 'POST', '/items/bulk', { ids: [a!.id], status: 'in_review' })
		expect(response.status).toBe(403)
		expect(await states([a!.id])).toEqual(before)
	})

	it('anonymous gets 401', async () => {
		const [a] = await fileItems(1)
		const response = await api(null, 'POST', '/items/bulk', { ids: [a!.id], status: 'in_review' })
		expect(response.status).toBe(401)
		expect((await read(a!.id)).status).toBe('new')
	})
})
