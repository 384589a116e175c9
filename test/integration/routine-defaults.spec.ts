/**
 * Issue 19, part 3 ("defaults and words that fit the routine") through the API: which months
 * an administrator may open and delete as reporting periods, that testers rate only in the
 * periods opened so, the priority a supporting organisation gives ("concerns us too"), and
 * that a new item needs the priority its reporter chose.
 */
import type { Item, Period, Seed } from './setup/fixtures.ts'
import type { Endpoint, RoleAccounts } from './setup/roleTable.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, asGermanUser, createItem, expectApi, freeMonth, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'
import { monthFromNow, ownPilot } from './setup/ownPilot.ts'
import { closeRoleAccounts, itAnswersAsTheRoleTableSays, openRoleAccounts } from './setup/roleTable.ts'

let s: Seed

beforeAll(async () => {
	s = await seed()
})

/** The periods as the administrator lists them */
async function periods(): Promise<Period[]> {
	return expectApi<Period[]>(200, 'admin', 'GET', '/periods')
}

describe('reporting periods: which months can be opened', () => {
	it('refuses a month more than one month ahead with a 400 that says up to which month', async () => {
		const twoAhead = monthFromNow(2)
		const refused = await api('admin', 'POST', '/periods', { month: twoAhead })
		expect(refused.status, refused.text).toBe(400)
		expect(refused.data.message).toBe(`Month: ${twoAhead} is more than one month ahead. Open a month up to ${monthFromNow(1)}.`)
		expect((await periods()).map((p) => p.month)).not.toContain(twoAhead)
	})

	it('opens the next month, and deletes it again while nobody has rated in it', async () => {
		const next = monthFromNow(1)
		const existing = (await periods()).find((p) => p.month === next)
		const period = existing ?? await expectApi<Period>(201, 'admin', 'POST', '/periods', { month: next })
		expect(period.month).toBe(next)
		if (existing === undefined) {
			// Deleted at once: the newest open period is the one the other suites' rating sheets show.
			expect(await expectApi<Period>(200, 'admin', 'DELETE', `/periods/${period.id}`)).toEqual(period)
			expect((await periods()).map((p) => p.month)).not.toContain(next)
		}
	})

	it('refuses a month before the first pilot starts, naming the pilot, and opens it once no pilot starts later', async () => {
		const month = await freeMonth(1800, 100)
		const title = `Routine dated pilot ${uid()}`
		const pilot = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title, status: 'planned', startDate: `${monthFromNow(0)}-01` })
		try {
			const refused = await api('admin', 'POST', '/periods', { month })
			expect(refused.status, refused.text).toBe(400)
			expect(refused.data.message).toBe(`Month: ${month} is before the pilot "${title}" starts (${monthFromNow(0)}-01). Open a month from ${monthFromNow(0)} on.`)
			expect((await periods()).map((p) => p.month)).not.toContain(month)
		} finally {
			// archived, the pilot no longer bounds the months (and no other suite meets it)
			await expectApi(200, 'admin', 'DELETE', `/pilots/${pilot.id}`)
		}
		const opened = await expectApi<Period>(201, 'admin', 'POST', '/periods', { month })
		await expectApi(200, 'admin', 'DELETE', `/periods/${opened.id}`)
	})

	it('says so in German too', async () => {
		const twoAhead = monthFromNow(2)
		const refused = await asGermanUser('admin', () => api('admin', 'POST', '/periods', { month: twoAhead }))
		expect(refused.status).toBe(400)
		expect(refused.data.message).toBe(`Monat: ${twoAhead} liegt mehr als einen Monat in der Zukunft. Eröffnen Sie einen Monat bis ${monthFromNow(1)}.`)
	})
})

describe('reporting periods: deleting one nobody rated in', () => {
	const made: Period[] = []

	afterAll(async () => {
		for (const period of made) {
			await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
		}
	})

	it('deletes a period without ratings (200, the period as it was) and 404 afterwards', async () => {
		const period = await freshPeriod()
		expect(await expectApi<Period>(200, 'admin', 'DELETE', `/periods/${period.id}`)).toEqual(period)
		expect((await periods()).map((p) => p.id)).not.toContain(period.id)
		expect((await api('admin', 'DELETE', `/periods/${period.id}`)).status).toBe(404)
		// and nobody rates in it any more
		expect((await api('rki-tester1', 'PUT', `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`, { overall: 3, comment: '', scores: [] })).status).toBe(404)
	})

	it('refuses with 409 while the period holds a rating, and keeps it', async () => {
		const period = await freshPeriod()
		made.push(period)
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`, { overall: 4, comment: '', scores: [] })
		const refused = await api('admin', 'DELETE', `/periods/${period.id}`)
		expect(refused.status, refused.text).toBe(409)
		expect(refused.data.message).toBe(`${period.month} holds ratings (1), so it cannot be deleted. Close it instead: that freezes them.`)
		expect((await periods()).find((p) => p.id === period.id)).toEqual(period)
		expect((await expectApi<{ ratings: number }>(200, 'admin', 'GET', `/periods/${period.id}/ratings`)).ratings).toBe(1)
	})

	it('refuses with 409 while a tester saved a comment in it (a draft, no rating)', async () => {
		const period = await freshPeriod()
		made.push(period)
		await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`, { overall: null, comment: 'A note for later', scores: [] })
		const refused = await api('admin', 'DELETE', `/periods/${period.id}`)
		expect(refused.status, refused.text).toBe(409)
		expect(refused.data.message).toMatch(/Testers have saved comments/)
		expect((await periods()).map((p) => p.id)).toContain(period.id)
	})

	it('refuses with 409 once an organisation released its feedback for it', async () => {
		const period = await freshPeriod()
		made.push(period)
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${period.id}`)
		const refused = await api('admin', 'DELETE', `/periods/${period.id}`)
		expect(refused.status, refused.text).toBe(409)
		expect(refused.data.message).toMatch(/released their feedback/)
	})

	describe('who may delete a period', () => {
		let accounts: RoleAccounts | undefined
		let period: Period

		beforeAll(async () => {
			accounts = await openRoleAccounts()
			period = await freshPeriod()
		})

		afterAll(async () => {
			await closeRoleAccounts(accounts)
			// the administrator's row deleted it; close it should that have failed
			await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
		})

		const endpoints: Endpoint[] = [{
			name: 'DELETE /periods/{id}',
			method: 'DELETE',
			path: () => `/periods/${period.id}`,
			expect: { anonymous: 401, admin: 200 },
			otherwise: 403,
		}]
		itAnswersAsTheRoleTableSays(endpoints, () => accounts!)
	})
})

describe('testers rate only in the periods an administrator opened', () => {
	it('refuses a rating in a period that does not exist (404) or is closed (400)', async () => {
		const component = s.activePilots[0].componentIds[0]
		expect((await api('rki-tester1', 'PUT', `/ratings/999999999/${component}`, { overall: 3, comment: '', scores: [] })).status).toBe(404)
		const period = await freshPeriod()
		await setPeriodStatus(period.id, 'closed')
		const refused = await api('rki-tester1', 'PUT', `/ratings/${period.id}/${component}`, { overall: 3, comment: '', scores: [] })
		expect(refused.status).toBe(400)
		expect(refused.data.message).toMatch(/is closed/)
	})

	it('gives testers no way to open a period', async () => {
		expect((await api('rki-tester1', 'POST', '/periods', { month: monthFromNow(0) })).status).toBe(403)
		expect((await api('rki-coord', 'POST', '/periods', { month: monthFromNow(0) })).status).toBe(403)
	})
})

describe('a new item needs the priority its reporter chose', () => {
	const body = () => ({ type: 'defect', title: `Routine no priority ${uid()}`, body: '', pilotId: s.activePilots[0].id, componentId: s.activePilots[0].componentIds[0] })

	it.each([
		['left out', {}, 'The request lacks required fields: priority.'],
		['null', { priority: null }, 'Priority is required: choose one of low, medium, high, critical.'],
		['empty', { priority: '' }, 'Priority is required: choose one of low, medium, high, critical.'],
	])('refuses an item with the priority %s: 400 naming the field', async (_, priority, message) => {
		const refused = await api('rki-tester1', 'POST', '/items', { ...body(), ...priority })
		expect(refused.status, refused.text).toBe(400)
		expect(refused.data.message).toBe(message)
	})

	it('files it with the priority chosen', async () => {
		const item = await expectApi<Item>(201, 'rki-tester1', 'POST', '/items', { ...body(), priority: 'high' })
		expect(item.priority).toBe('high')
	})
})

describe('"concerns us too" with the supporting organisation\'s own priority', () => {
	let own: Awaited<ReturnType<typeof ownPilot>>
	let item: Item

	beforeAll(async () => {
		own = await ownPilot(s, 'Routine')
		item = await createItem('rki-tester1', s, { type: 'requirement', title: `Routine support ${uid()}`, pilotId: own.pilotId, componentId: own.components[0], priority: 'low' })
	})

	afterAll(async () => {
		await own?.restore()
	})

	it('records the priority the supporter chose, beside the item\'s', async () => {
		const supported = await expectApi<Item & Required<Pick<Item, 'supporters'>>>(200, 'bsh-tester1', 'POST', `/items/${item.id}/support`, { priority: 'critical' })
		expect(supported).toMatchObject({ supportCount: 1, supportedByMe: true, priority: 'low' })
		expect(supported.supporters).toEqual([expect.objectContaining({ userId: 'bsh-tester1', organisationId: s.bsh.id, priority: 'critical' })])
		expect(supported.priorityPerOrganisation).toEqual([
			{ organisationId: s.rki.id, priority: 'low' },
			{ organisationId: s.bsh.id, priority: 'critical' },
		].sort((a, b) => a.organisationId - b.organisationId))
	})

	it('weighs the ranking with it: RKI low (1) and BSH critical (8)', async () => {
		const overview = await expectApi<{ ranking: { id: number, score: number, organisations: number }[] }>(200, 'bmi', 'GET', `/consolidation/items?pilotId=${own.pilotId}&month=${s.openPeriod.month}`)
		expect(overview.ranking.find((entry) => entry.id === item.id)).toMatchObject({ score: 9, organisations: 2 })
	})

	it('lets the supporter change it later, without counting them twice', async () => {
		const changed = await expectApi<Item & Required<Pick<Item, 'supporters'>>>(200, 'bsh-tester1', 'POST', `/items/${item.id}/support`, { priority: 'medium' })
		expect(changed.supportCount).toBe(1)
		expect(changed.supporters.map((x) => [x.userId, x.priority])).toEqual([['bsh-tester1', 'medium']])
		// sent again without a priority, the one given stays
		const again = await expectApi<Item & Required<Pick<Item, 'supporters'>>>(200, 'bsh-tester1', 'POST', `/items/${item.id}/support`)
		expect(again.supporters.map((x) => x.priority)).toEqual(['medium'])
	})

	it('takes the item\'s priority when none is chosen', async () => {
		const supported = await expectApi<Item & Required<Pick<Item, 'supporters'>>>(200, 'rki-tester2', 'POST', `/items/${item.id}/support`)
		expect(supported.supporters.find((x) => x.userId === 'rki-tester2')?.priority).toBe('low')
		await expectApi(200, 'rki-tester2', 'DELETE', `/items/${item.id}/support`)
	})

	it('refuses an unknown priority with 400 naming the field, and changes nothing', async () => {
		const refused = await api('bsh-tester2', 'POST', `/items/${item.id}/support`, { priority: 'urgent' })
		expect(refused.status).toBe(400)
		expect(refused.data.message).toBe('Priority must be one of: low, medium, high, critical.')
		expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)).supportCount).toBe(1)
	})

	it('answers 403 to those the support button is not shown to: the reporter and a consolidator outside every organisation', async () => {
		expect((await api('rki-tester1', 'POST', `/items/${item.id}/support`, { priority: 'high' })).status).toBe(403)
		const consolidator = await api('bmi', 'POST', `/items/${item.id}/support`, { priority: 'high' })
		expect(consolidator.status).toBe(403)
		expect(consolidator.data.message).toBe('Only testers of an organisation support items.')
		const me = await expectApi<{ organisations: unknown[] }>(200, 'bmi', 'GET', '/me')
		expect(me.organisations, 'the UI hides the button for a user without organisations').toEqual([])
	})
})
