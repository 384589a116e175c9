/**
 * Parallel writes (issue 11, point 3): saves that race for the database end as successes,
 * never as 5xx, and leave one of the written states, whole. Saves without a version are
 * last-writer-wins (all 200); saves that name the same version (two tabs, issue 7 point 5)
 * end with exactly one 200 and 409s for the others, never a 5xx. Database-agnostic: it only
 * uses the API, so it proves the same on SQLite, PostgreSQL and MariaDB. The racing
 * requests carry session cookies as a browser does (setup/cookieSession.ts): with basic auth on
 * each of them, Nextcloud itself would log in and write a session token per request.
 */
import type { DemoUser } from './setup/client.ts'
import type { RawResponse } from './setup/cookieSession.ts'
import type { Item, Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CookieSession } from './setup/cookieSession.ts'
import { createItem, expectApi, freshQuarterPeriod, seed, setPeriodStatus } from './setup/fixtures.ts'

interface Score { criterionId: number, score: number | null }
interface Assessment { componentId: number, userId: string, overall: number | null, comment: string, scores: Score[] }
interface Save { user: DemoUser, overall: number, comment: string, scores: Score[] }

/** 20 saves: the same tester 8 times (first saves of one assessment race), three more testers of two organisations 4 times each. */
const SAVERS: DemoUser[] = [
	...Array<DemoUser>(8).fill('rki-tester1'),
	...Array<DemoUser>(4).fill('rki-tester2'),
	...Array<DemoUser>(4).fill('bsh-tester1'),
	...Array<DemoUser>(4).fill('bsh-tester2'),
]

let s: Seed
let period: Period
const sessions = new Map<DemoUser, CookieSession>()

/** The logged-in session of a user, opened once before the races. */
function as(user: DemoUser): CookieSession {
	const session = sessions.get(user)
	if (session === undefined) {
		throw new Error(`No session for ${user}`)
	}
	return session
}

beforeAll(async () => {
	s = await seed()
	period = await freshQuarterPeriod()
	for (const user of [...new Set(SAVERS), 'bsh-coord', 'rki-coord'] as DemoUser[]) {
		sessions.set(user, await CookieSession.login(user))
	}
})

afterAll(async () => {
	await setPeriodStatus(period.id, 'closed')
})

function describeFailures(responses: RawResponse[]): string {
	return responses.filter((r) => r.status !== 200).map((r) => `${r.status}: ${r.text.slice(0, 300)}`).join('\n')
}

/** Starts every save at once and waits for all; each write differs in overall, comment and scores. */
async function race(componentId: number, round: number): Promise<Save[]> {
	const saves: Save[] = SAVERS.map((user, i) => ({
		user,
		overall: 1 + ((i + round) % 5),
		comment: `race ${round}.${i} by ${user}`,
		scores: s.criteria.map((c, k) => ({ criterionId: c.id, score: 1 + ((i + k + round) % 5) })),
	}))
	const responses = await Promise.all(saves.map((save) => as(save.user).api('PUT', `/ratings/${period.id}/${componentId}`, {
		overall: save.overall,
		comment: save.comment,
		scores: save.scores,
	})))
	expect(responses.map((r) => r.status), describeFailures(responses)).toEqual(saves.map(() => 200))
	return saves
}

/** Each tester's stored assessment is exactly one of their own writes: overall, comment and scores of the same save. */
async function expectOneOfTheWrites(componentId: number, saves: Save[]): Promise<void> {
	for (const user of new Set(saves.map((x) => x.user))) {
		const sheet = await expectApi<{ assessments: Assessment[] }>(200, user, 'GET', `/ratings?periodId=${period.id}`)
		const stored = sheet.assessments.filter((a) => a.componentId === componentId)
		expect(stored, user).toHaveLength(1)
		// The server lists scores by criterion id; the writes follow the criteria's sort order.
		const byCriterion = (scores: Score[]): Score[] => [...scores].sort((a, b) => a.criterionId - b.criterionId)
		const written = saves.filter((x) => x.user === user).map((x) => ({ overall: x.overall, comment: x.comment, scores: byCriterion(x.scores) }))
		const { overall, comment, scores } = stored[0]
		expect(written, `${user}: ${JSON.stringify(stored[0])}`).toContainEqual({ overall, comment, scores: byCriterion(scores) })
	}
}

describe('20 rating saves at the same moment', () => {
	it.each([1, 2, 3])('round %i: none fails, and each tester keeps one of their writes', async (round) => {
		// rounds 1 and 3 race on new assessments (first saves), round 2 on existing ones
		const first = s.activePilots[0].componentIds[0]
		const other = s.activePilots.flatMap((p) => p.componentIds).find((id) => id !== first)
		if (other === undefined) {
			throw new Error('The seed needs two components in active pilots')
		}
		const componentId = round === 3 ? other : first
		const saves = await race(componentId, round)
		await expectOneOfTheWrites(componentId, saves)
	})
})

describe('rating saves with the same version at the same moment', () => {
	it.each([0, 1])('version %i: exactly one save wins, the others get 409 with the winner\'s assessment', async (round) => {
		const componentId = s.activePilots[1].componentIds[0]
		const user: DemoUser = 'bsh-tester2'
		let version = 0
		if (round === 1) {
			// An existing assessment: every racer read the same version.
			const current = await expectApi<{ assessments: (Assessment & { version: number })[] }>(200, user, 'GET', `/ratings?periodId=${period.id}`)
			version = current.assessments.find((a) => a.componentId === componentId)?.version ?? 0
			expect(version).toBeGreaterThan(0)
		}
		const racers = Array.from({ length: 8 }, (_, i) => ({ overall: 1 + (i % 5), comment: `tab ${round}.${i}`, scores: [] as Score[], version }))
		const responses = await Promise.all(racers.map((body) => as(user).api('PUT', `/ratings/${period.id}/${componentId}`, body)))
		const statuses = responses.map((r) => r.status)
		expect(statuses.filter((x) => x >= 500), describeFailures(responses)).toEqual([])
		expect(statuses.filter((x) => x === 200), describeFailures(responses)).toHaveLength(1)
		expect(statuses.filter((x) => x === 409)).toHaveLength(racers.length - 1)
		const winner = racers[statuses.indexOf(200)]
		for (const response of responses.filter((r) => r.status === 409)) {
			expect(JSON.parse(response.text).ocs.data.current).toMatchObject({ comment: winner.comment, version: version + 1 })
		}
		const sheet = await expectApi<{ assessments: (Assessment & { version: number })[] }>(200, user, 'GET', `/ratings?periodId=${period.id}`)
		expect(sheet.assessments.find((a) => a.componentId === componentId)).toMatchObject({ comment: winner.comment, overall: winner.overall, version: version + 1 })
	})
})

describe('support at the same moment', () => {
	let item: Item

	beforeAll(async () => {
		item = await createItem('rki-tester1', s, { title: 'Raced support of a defect' })
	})

	it('ends with each supporter counted once and no 5xx', async () => {
		const supporters: DemoUser[] = ['rki-tester2', 'rki-tester2', 'rki-tester2', 'bsh-tester1', 'bsh-tester1', 'bsh-tester2', 'bsh-coord', 'rki-coord']
		const responses = await Promise.all(supporters.map((user) => as(user).api('POST', `/items/${item.id}/support`)))
		expect(responses.map((r) => r.status), describeFailures(responses)).toEqual(supporters.map(() => 200))
		const detail = await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)
		expect(detail.supportCount).toBe(new Set(supporters).size)
		expect(new Set(detail.supporters?.map((x) => x.userId))).toEqual(new Set(supporters))
	})
})

describe('a release while the organisation\'s testers save', () => {
	interface Stats { n: number, sum: number, distribution: number[], notAssessed: number }
	interface Results { organisations: { organisationId: number, components: { componentId: number, assessments: number, overall: Stats, criteria: (Stats & { criterionId: number })[] }[] }[] }

	/** RKI's figures in the suite's month: every rating, the released month, the released quarter (its only month). */
	async function rkiFigures(filter: string): Promise<unknown> {
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${s.activePilots[0].id}&${filter}`)
		return results.organisations.find((o) => o.organisationId === s.rki.id)?.components
	}

	it('counts every save that came before it and refuses the others, in the month and the quarter alike', async () => {
		// components that RKI has not rated this month: first saves make new total rows
		const components = s.activePilots[0].componentIds.slice(2, 5)
		expect(components.length, 'the seed needs five components in the first active pilot').toBeGreaterThan(0)
		const testers: DemoUser[] = ['rki-tester1', 'rki-tester2']
		const saves = components.flatMap((componentId, c) => testers.map((user, t) => ({ user, componentId, overall: 1 + ((c + t) % 5) })))
		const release = as('rki-coord').api('POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
		const responses = await Promise.all([
			...saves.map((save) => as(save.user).api('PUT', `/ratings/${period.id}/${save.componentId}`, {
				pilotId: s.activePilots[0].id,
				overall: save.overall,
				comment: null,
				scores: s.criteria.map((x, k) => ({ criterionId: x.id, score: 1 + ((save.overall + k) % 5) })),
			})),
			release,
		])
		const released = responses.pop()!
		expect(released.status, released.text).toBe(201)
		expect(responses.filter((r) => r.status !== 200 && r.status !== 403), describeFailures(responses)).toEqual([])

		const [year, m] = period.month.split('-').map(Number)
		const all = await rkiFigures(`month=${period.month}`)
		expect(await rkiFigures(`month=${period.month}&releasedOnly=true`)).toEqual(all)
		expect(await rkiFigures(`quarter=${year}-Q${Math.floor((m - 1) / 3) + 1}&releasedOnly=true`)).toEqual(all)

		expect((await as('rki-coord').api('DELETE', `/organisations/${s.rki.id}/releases/${period.id}`)).status).toBe(200)
	})
})
