/**
 * Triage of one item: versions and conflict detection, merging duplicates and undoing it,
 * the vendor reference, and who may do which. Expected supporters are computed here from
 * what the suite did, not read back from the app.
 */
import type { DemoUser } from './setup/client.ts'
import type { Item, Seed } from './setup/fixtures.ts'

import { beforeAll, describe, expect, it } from 'vitest'
import { CookieSession } from './setup/cookieSession.ts'
import { api, asGermanUser, createItem, expectApi, itemEdit, seed, uid, withVersion } from './setup/fixtures.ts'

let s: Seed

beforeAll(async () => {
	s = await seed()
})

/** The item as the consolidator sees it. */
function load(id: number): Promise<Item> {
	return expectApi<Item>(200, 'bmi', 'GET', `/items/${id}`)
}

/** Supporter user ids of an item as the consolidator sees them, sorted. */
async function supporterIds(id: number): Promise<string[]> {
	return ((await load(id)).supporters ?? []).map((s) => s.userId).sort()
}

describe('item versions', () => {
	it('are in every item answer and rise with each edit and triage, not with support', async () => {
		const created = await createItem('rki-tester1', s)
		expect(created.version).toBe(1)
		const edited = await expectApi<Item>(200, 'rki-tester1', 'PUT', `/items/${created.id}`, itemEdit(created, { title: `${created.title} (edited)` }))
		expect(edited.version).toBe(2)
		const triaged = await expectApi<Item>(200, 'bmi', 'PUT', `/items/${created.id}/status`, { version: 2, status: 'in_review' })
		expect(triaged.version).toBe(3)
		const supported = await expectApi<Item>(200, 'bsh-tester1', 'POST', `/items/${created.id}/support`)
		expect(supported.version).toBe(3)
		const row = (await expectApi<{ items: Item[] }>(200, 'bmi', 'GET', '/items?limit=100&sort=updated')).items.find((i) => i.id === created.id)
		expect(row?.version).toBe(3)
	})

	it('are required for edits and triage: without one the answer is 400 naming the field, and nothing changes', async () => {
		const item = await createItem('rki-tester1', s)
		const { version, ...edit } = itemEdit(item, { title: 'Without version' })
		expect(version).toBe(1)
		const refusedEdit = await api('rki-tester1', 'PUT', `/items/${item.id}`, edit)
		expect(refusedEdit.status).toBe(400)
		expect(refusedEdit.data.message).toMatch(/version/)
		const refusedTriage = await api('bmi', 'PUT', `/items/${item.id}/status`, { status: 'in_review' })
		expect(refusedTriage.status).toBe(400)
		expect(refusedTriage.data.message).toMatch(/version/)
		expect(await load(item.id)).toMatchObject({ title: item.title, status: 'new', version: 1 })
	})

	it('refuse an outdated version with 409, a sentence and the current item, and save nothing', async () => {
		const item = await createItem('rki-tester1', s)
		await expectApi(200, 'bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'in_review', consolidatedPriority: 'high' })
		const stale = await api('rki-coord', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'Stale edit' }))
		expect(stale.status).toBe(409)
		expect(stale.data.message).toMatch(/changed by someone else in the meantime/)
		expect(stale.data.current).toMatchObject({ id: item.id, version: 2, status: 'in_review', consolidatedPriority: 'high', title: item.title })
		const staleTriage = await api('bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'rejected' })
		expect(staleTriage.status).toBe(409)
		expect(staleTriage.data.current.version).toBe(2)
		const after = await load(item.id)
		expect(after).toMatchObject({ title: item.title, status: 'in_review', version: 2 })
		expect(after.history?.map((h) => h.field)).toEqual(['created', 'status', 'consolidatedPriority'])
	})

	it('say so in German to a German user', async () => {
		const item = await createItem('rki-tester1', s)
		await expectApi(200, 'bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'in_review' })
		const stale = await asGermanUser('bmi', () => api('bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'rejected' }))
		expect(stale.status).toBe(409)
		expect(stale.data.message).toMatch(/zwischenzeitlich von jemand anderem geändert/)
	})

	it('let exactly one of two sessions that saw the same version write; the other gets 409 and can apply its change on top', async () => {
		const item = await createItem('rki-tester1', s)
		// Logged in one after the other: two logins at once can find Nextcloud's SQLite database
		// locked (core writes the session token); the race under test is the two saves below.
		const first = await CookieSession.login('bmi')
		const second = await CookieSession.login('bmi')
		for (let round = 0; round < 3; round++) {
			const { version } = await load(item.id)
			const answers = await Promise.all([
				first.api('PUT', `/items/${item.id}/status`, { version, status: 'new', consolidatedPriority: 'high' }),
				second.api('PUT', `/items/${item.id}/status`, { version, status: 'new', vendorReference: `VEN-${round}` }),
			])
			expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
			const loser = answers.find((a) => a.status === 409)!
			expect(loser.data.current.version).toBe(version + 1)
			// the loser applies its change on top of the current version
			const body = answers[0].status === 409
				? { version: loser.data.current.version, status: 'new', consolidatedPriority: 'high' }
				: { version: loser.data.current.version, status: 'new', vendorReference: `VEN-${round}` }
			expect((await (answers[0].status === 409 ? first : second).api('PUT', `/items/${item.id}/status`, body)).status).toBe(200)
			const after = await load(item.id)
			expect(after).toMatchObject({ version: version + 2, consolidatedPriority: 'high', vendorReference: `VEN-${round}` })
			await expectApi(200, 'bmi', 'PUT', `/items/${item.id}/status`, { version: version + 2, status: 'new', consolidatedPriority: null, vendorReference: null })
		}
	})
})

describe('merging duplicates', () => {
	let a: Item
	let b: Item
	/** Supporters of A before the merge, as this suite gave them */
	const supportersOfA: DemoUser[] = ['bsh-tester2']
	/** Supporters of B, as this suite gave them */
	const supportersOfB: DemoUser[] = ['bsh-tester2', 'rki-tester2', 'rki-coord']

	beforeAll(async () => {
		a = await createItem('rki-tester1', s, { type: 'requirement', priority: 'low', title: `Original ${uid()}` })
		b = await createItem('bsh-tester1', s, { type: 'requirement', priority: 'critical', title: `Copy ${uid()}` })
		for (const user of supportersOfA) {
			await expectApi(200, user, 'POST', `/items/${a.id}/support`)
		}
		for (const user of supportersOfB) {
			await expectApi(200, user, 'POST', `/items/${b.id}/support`)
		}
	})

	it('refuses testers and coordinators (403) and guests (401), changing nothing', async () => {
		for (const user of ['rki-tester1', 'bsh-tester1', 'rki-coord', 'bsh-coord'] as const) {
			const answer = await api(user, 'PUT', `/items/${b.id}/status`, await withVersion(b.id, { status: 'duplicate', duplicateOf: a.id }))
			expect(answer.status, user).toBe(403)
		}
		expect((await api(null, 'PUT', `/items/${b.id}/status`, await withVersion(b.id, { status: 'duplicate', duplicateOf: a.id }))).status).toBe(401)
		expect(await supporterIds(a.id)).toEqual([...supportersOfA].sort())
		expect((await load(b.id)).status).toBe('new')
	})

	it('moves the reporter and supporters of the duplicate to the original, each user once, and links both', async () => {
		const before = await load(a.id)
		const merged = await expectApi<Item>(200, 'bmi', 'PUT', `/items/${b.id}/status`, await withVersion(b.id, { status: 'duplicate', duplicateOf: a.id }))
		expect(merged).toMatchObject({ status: 'duplicate', duplicateOf: a.id })

		const expected = new Set<string>([...supportersOfA, b.reporterId, ...supportersOfB])
		expected.delete(a.reporterId)
		const original = await load(a.id)
		expect(original.supporters?.map((s) => s.userId).sort()).toEqual([...expected].sort())
		expect(original.supportCount).toBe(expected.size)
		expect(original.version).toBe(before.version + 1)
		expect(original.mergedDuplicates?.map((d) => d.id)).toEqual([b.id])
		// moved rows name their source; A's own supporters do not
		for (const supporter of original.supporters ?? []) {
			expect(supporter.mergedFrom, supporter.userId).toBe((supportersOfA as string[]).includes(supporter.userId) ? null : b.id)
		}
		// RKI filed A as low and supported B (critical); BSH filed B as critical
		expect(original.priorityPerOrganisation).toEqual([
			{ organisationId: s.rki.id, priority: 'critical' },
			{ organisationId: s.bsh.id, priority: 'critical' },
		].sort((x, y) => x.organisationId - y.organisationId))
		expect(original.history?.filter((h) => h.field === 'merged').map((h) => h.newValue)).toEqual([String(b.id)])
		const duplicate = await load(b.id)
		expect(duplicate.history?.filter((h) => h.field === 'duplicateOf').map((h) => h.newValue)).toEqual([String(a.id)])
		expect(duplicate.supporters?.map((s) => s.userId).sort()).toEqual([...supportersOfB].sort())
	})

	it('refuses a cycle, a chain and a self-merge, changing nothing', async () => {
		const c = await createItem('bsh-tester2', s, { type: 'requirement', title: `Third ${uid()}` })
		const versionA = (await load(a.id)).version
		// A into C while B is merged into A
		const cycle = await api('bmi', 'PUT', `/items/${a.id}/status`, await withVersion(a.id, { status: 'duplicate', duplicateOf: b.id }))
		expect(cycle.status).toBe(400)
		expect(cycle.data.message).toMatch(new RegExp(`#${b.id} is itself a duplicate`))
		const chainUp = await api('bmi', 'PUT', `/items/${a.id}/status`, await withVersion(a.id, { status: 'duplicate', duplicateOf: c.id }))
		expect(chainUp.status).toBe(400)
		expect(chainUp.data.message).toMatch(new RegExp(`merged into this one \\(#${b.id}\\)`))
		const chainDown = await api('bmi', 'PUT', `/items/${c.id}/status`, await withVersion(c.id, { status: 'duplicate', duplicateOf: b.id }))
		expect(chainDown.status).toBe(400)
		const self = await api('bmi', 'PUT', `/items/${c.id}/status`, await withVersion(c.id, { status: 'duplicate', duplicateOf: c.id }))
		expect(self.status).toBe(400)
		expect(self.data.message).toMatch(/duplicate of itself/)
		expect(await load(a.id)).toMatchObject({ status: 'new', version: versionA })
		expect(await load(c.id)).toMatchObject({ status: 'new', version: 1, supportCount: 0 })
	})

	it('is undone by a tester or coordinator never (403), by the consolidator setting the duplicate back to in review', async () => {
		for (const user of ['bsh-tester1', 'rki-coord'] as const) {
			expect((await api(user, 'PUT', `/items/${b.id}/status`, await withVersion(b.id, { status: 'in_review' }))).status, user).toBe(403)
		}
		const reopened = await expectApi<Item>(200, 'bmi', 'PUT', `/items/${b.id}/status`, await withVersion(b.id, { status: 'in_review' }))
		expect(reopened).toMatchObject({ status: 'in_review', duplicateOf: null })
		const original = await load(a.id)
		expect(original.supporters?.map((s) => s.userId).sort()).toEqual([...supportersOfA].sort())
		expect(original.supporters?.every((s) => s.mergedFrom === null)).toBe(true)
		expect(original.supportCount).toBe(supportersOfA.length)
		expect(original.mergedDuplicates).toEqual([])
		expect(original.priorityPerOrganisation).toEqual([
			{ organisationId: s.rki.id, priority: 'low' },
			{ organisationId: s.bsh.id, priority: 'low' },
		].sort((x, y) => x.organisationId - y.organisationId))
		expect(original.history?.filter((h) => h.field === 'unmerged').map((h) => h.oldValue)).toEqual([String(b.id)])
		expect(await supporterIds(b.id)).toEqual([...supportersOfB].sort())
	})
})

describe('a merged security finding', () => {
	let bshFinding: Item
	let rkiFinding: Item

	beforeAll(async () => {
		bshFinding = await createItem('bsh-tester1', s, { type: 'security', priority: 'medium', title: `BSH finding ${uid()}` })
		rkiFinding = await createItem('rki-tester1', s, { type: 'security', priority: 'critical', title: `RKI finding zq${uid()}` })
		// RKI's coordinator sees the finding and supports it
		await expectApi(200, 'rki-coord', 'POST', `/items/${rkiFinding.id}/support`)
		await expectApi(200, 'bmi', 'PUT', `/items/${rkiFinding.id}/status`, await withVersion(rkiFinding.id, { status: 'duplicate', duplicateOf: bshFinding.id }))
	})

	it('shows BSH nothing of RKI\'s finding through the merged duplicates, supporters, priorities or history', async () => {
		for (const user of ['bsh-tester1', 'bsh-coord'] as const) {
			const seen = await expectApi<Item>(200, user, 'GET', `/items/${bshFinding.id}`)
			expect(seen.mergedDuplicates, user).toEqual([])
			expect(seen.supporters?.map((s) => s.userId), user).toEqual([])
			expect(seen.priorityPerOrganisation, user).toEqual([{ organisationId: s.bsh.id, priority: 'medium' }])
			expect(seen.history?.map((h) => h.field), user).toEqual(['created'])
			const json = JSON.stringify(seen)
			expect(json, user).not.toContain(rkiFinding.title)
			expect(json, user).not.toContain('rki-')
			expect(json, user).not.toMatch(new RegExp(`"${rkiFinding.id}"|:${rkiFinding.id}[,}]`))
		}
	})

	it('shows the consolidator the merge', async () => {
		const seen = await load(bshFinding.id)
		expect(seen.mergedDuplicates?.map((d) => d.id)).toEqual([rkiFinding.id])
		expect(seen.supporters?.map((s) => s.userId).sort()).toEqual(['rki-coord', 'rki-tester1'])
		expect(seen.priorityPerOrganisation).toEqual([
			{ organisationId: s.rki.id, priority: 'critical' },
			{ organisationId: s.bsh.id, priority: 'medium' },
		].sort((x, y) => x.organisationId - y.organisationId))
	})

	it('never merges with an item that is not a security finding', async () => {
		const plain = await createItem('bsh-tester2', s, { type: 'defect' })
		const answer = await api('bmi', 'PUT', `/items/${plain.id}/status`, await withVersion(plain.id, { status: 'duplicate', duplicateOf: bshFinding.id }))
		expect(answer.status).toBe(400)
		expect(answer.data.message).toMatch(/security finding/)
		expect((await load(bshFinding.id)).mergedDuplicates?.map((d) => d.id)).toEqual([rkiFinding.id])
	})
})

describe('triage answers', () => {
	it('offer the consolidator the allowed next statuses and everyone else none', async () => {
		const item = await createItem('rki-tester1', s)
		expect((await load(item.id)).allowedStatuses).toEqual(['in_review', 'rejected', 'duplicate'])
		for (const user of ['rki-tester1', 'rki-coord', 'bsh-tester1'] as const) {
			expect((await expectApi<Item>(200, user, 'GET', `/items/${item.id}`)).allowedStatuses, user).toEqual([])
		}
	})

	it('refuse a transition with the statuses\' names, in German too', async () => {
		const item = await createItem('rki-tester1', s)
		const refused = await api('bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'done' })
		expect(refused.status).toBe(400)
		expect(refused.data.message).toBe('This item cannot go from "New" to "Done". It can go to: "In review", "Rejected", "Duplicate".')
		const german = await asGermanUser('bmi', () => api('bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'done' }))
		expect(german.data.message).toBe('Diese Meldung kann nicht von „Neu“ zu „Erledigt“ wechseln. Möglich sind: „In Prüfung“, „Abgelehnt“, „Duplikat“.')
	})

	it('keep a vendor reference with an https URL and refuse any other URL', async () => {
		const item = await createItem('rki-tester1', s)
		for (const vendorUrl of ['http://vendor.example/1', 'javascript:alert(1)', 'https://', `https://vendor.example/${'a'.repeat(500)}`, 'https://vendor.example/a\u0001b']) {
			const refused = await api('bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'new', vendorReference: 'VEN-1', vendorUrl })
			expect(refused.status, vendorUrl).toBe(400)
			expect(refused.data.message, vendorUrl).toMatch(/Vendor URL/)
		}
		const saved = await expectApi<Item>(200, 'bmi', 'PUT', `/items/${item.id}/status`, { version: 1, status: 'new', vendorReference: 'VEN-1', vendorUrl: 'https://vendor.example/issues/1' })
		expect(saved).toMatchObject({ vendorReference: 'VEN-1', vendorUrl: 'https://vendor.example/issues/1', version: 2 })
		expect((await expectApi<Item>(200, 'bsh-tester1', 'GET', `/items/${item.id}`)).vendorUrl).toBe('https://vendor.example/issues/1')
	})
})
