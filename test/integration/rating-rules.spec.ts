/**
 * The rules of ratings against a real Nextcloud (issue 10, points 2 and 7; issue 7, point 5):
 * - a comment alone is kept as a draft but is no rating: the coordinator's progress and the
 *   consolidation's participation do not count it;
 * - every assessment carries a version; a save with an outdated one gets 409 and the current
 *   assessment; a save without a version overwrites;
 * - a release locks the organisation's ratings of the period until one of its coordinators
 *   reopens it (a tester, another organisation's coordinator and the consolidator cannot),
 *   and the history keeps who released and reopened, when;
 * - the coordinator is not listed among the organisation's testers;
 * - the rating sheet carries the tester's own scores of the previous period.
 * Each describe works in reporting periods of its own.
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, fixturePeriod, freshPeriod, seed, setPeriodStatus } from './setup/fixtures.ts'

interface Score { criterionId: number, score: number | null }
interface Assessment { componentId: number, userId: string, overall: number | null, comment: string, scores: Score[], rated: boolean, version: number }
interface Progress {
	members: { userId: string, displayName: string, ratedComponentIds: number[] }[]
	release: { userId: string } | null
	history: { action: string, userId: string, displayName: string, at: number }[]
}

let s: Seed
let component: number
const periods: Period[] = []

/** A period of its own, closed again after the suite. */
async function period(): Promise<Period> {
	const p = await freshPeriod()
	periods.push(p)
	return p
}

beforeAll(async () => {
	s = await seed()
	component = s.activePilots[0].componentIds[0]
})

afterAll(async () => {
	for (const p of periods) {
		await setPeriodStatus(p.id, 'closed')
	}
})

describe('a comment alone is no rating', () => {
	it('is kept as a draft, and counted neither in the progress nor in the participation', async () => {
		const p = await period()
		const draft = await expectApi<Assessment>(200, 'rki-tester1', 'PUT', `/ratings/${p.id}/${component}`, { overall: null, comment: 'Only a note so far', scores: [] })
		expect(draft).toMatchObject({ rated: false, comment: 'Only a note so far', overall: null })
		// "not assessed" everywhere is no score either
		const notAssessed = await expectApi<Assessment>(200, 'rki-tester2', 'PUT', `/ratings/${p.id}/${component}`, { overall: null, comment: '', scores: [{ criterionId: s.criteria[0].id, score: null }] })
		expect(notAssessed.rated).toBe(false)

		const rated = async (user: string): Promise<number[]> => {
			const progress = await expectApi<Progress>(200, 'rki-coord', 'GET', `/organisations/${s.rki.id}/progress?periodId=${p.id}`)
			return progress.members.find((m) => m.userId === user)?.ratedComponentIds ?? []
		}
		expect(await rated('rki-tester1')).not.toContain(component)
		expect(await rated('rki-tester2')).not.toContain(component)
		const participation = async (): Promise<{ testersWithAssessment: number, componentsRated: number, assessments: number } | undefined> => {
			const data = await expectApi<{ rows: { organisationId: number, month: string, testersWithAssessment: number, componentsRated: number, assessments: number }[] }>(
				200,
				'bmi',
				'GET',
				`/consolidation/participation?pilotId=${s.activePilots[0].id}&from=${p.month}&to=${p.month}`,
			)
			return data.rows.find((r) => r.organisationId === s.rki.id && r.month === p.month)
		}
		expect(await participation()).toMatchObject({ testersWithAssessment: 0, componentsRated: 0, assessments: 0 })

		// An overall score makes it a rating, counted everywhere.
		const full = await expectApi<Assessment>(200, 'rki-tester1', 'PUT', `/ratings/${p.id}/${component}`, { overall: 3, comment: 'Only a note so far', scores: [] })
		expect(full.rated).toBe(true)
		expect(await rated('rki-tester1')).toContain(component)
		expect(await participation()).toMatchObject({ testersWithAssessment: 1, componentsRated: 1, assessments: 1 })
		// So does a single criterion score.
		const one = await expectApi<Assessment>(200, 'rki-tester2', 'PUT', `/ratings/${p.id}/${component}`, { overall: null, comment: '', scores: [{ criterionId: s.criteria[0].id, score: 2 }] })
		expect(one.rated).toBe(true)
		expect(await rated('rki-tester2')).toContain(component)
	})
})

describe('assessment versions', () => {
	let p: Period
	const path = (): string => `/ratings/${p.id}/${component}`

	beforeAll(async () => {
		p = await period()
	})

	it('refuses an outdated version with 409 and the current assessment, and accepts the current one', async () => {
		const first = await expectApi<Assessment>(200, 'bsh-tester1', 'PUT', path(), { overall: 2, comment: 'tab A', scores: [], version: 0 })
		expect(first.version).toBe(1)
		// A second "first save" (another tab that had no assessment either) is a conflict.
		const again = await api<{ message: string, current: Assessment }>('bsh-tester1', 'PUT', path(), { overall: 5, comment: 'tab B', scores: [], version: 0 })
		expect(again.status).toBe(409)
		expect(again.data.current).toMatchObject({ version: 1, overall: 2, comment: 'tab A' })
		expect(again.data.message).toMatch(/changed meanwhile/)

		const second = await expectApi<Assessment>(200, 'bsh-tester1', 'PUT', path(), { overall: 3, comment: 'tab A again', scores: [], version: 1 })
		expect(second.version).toBe(2)
		const stale = await api<{ message: string, current: Assessment }>('bsh-tester1', 'PUT', path(), { overall: 5, comment: 'tab B, stale', scores: [], version: 1 })
		expect(stale.status).toBe(409)
		expect(stale.data.current).toMatchObject({ version: 2, overall: 3, comment: 'tab A again' })
		// Nothing of the refused save was written.
		const sheet = await expectApi<{ assessments: Assessment[] }>(200, 'bsh-tester1', 'GET', `/ratings?periodId=${p.id}`)
		expect(sheet.assessments.find((a) => a.componentId === component)).toMatchObject({ version: 2, overall: 3, comment: 'tab A again' })
	})

	it('lets a save without a version overwrite (last writer wins), raising the version', async () => {
		const saved = await expectApi<Assessment>(200, 'bsh-tester1', 'PUT', path(), { overall: 4, comment: 'no version', scores: [] })
		expect(saved).toMatchObject({ overall: 4, comment: 'no version', version: 3 })
	})

	it('refuses a version that is no number', async () => {
		for (const version of [-1, 'two', 1.5]) {
			const response = await api('bsh-tester1', 'PUT', path(), { overall: 4, comment: '', scores: [], version })
			expect(response.status, JSON.stringify(version)).toBe(400)
			expect(response.data.message).toMatch(/Version/)
		}
	})
})

describe('release lock and reopening', () => {
	let p: Period
	const save = (user: 'rki-tester1' | 'bsh-tester1', overall: number) => api(user, 'PUT', `/ratings/${p.id}/${component}`, { overall, comment: '', scores: [] })
	const reopen = (user: 'rki-tester1' | 'rki-coord' | 'bsh-coord' | 'bmi' | 'admin') => api(user, 'DELETE', `/organisations/${s.rki.id}/releases/${p.id}`)

	beforeAll(async () => {
		p = await period()
		expect((await save('rki-tester1', 3)).status).toBe(200)
	})

	it('does not list the coordinator among the organisation\'s testers', async () => {
		const progress = await expectApi<Progress>(200, 'rki-coord', 'GET', `/organisations/${s.rki.id}/progress?periodId=${p.id}`)
		const ids = progress.members.map((m) => m.userId)
		expect(ids).toContain('rki-tester1')
		expect(ids).toContain('rki-tester2')
		expect(ids).not.toContain('rki-coord')
	})

	it('locks the organisation\'s ratings of the period after the release, not those of others', async () => {
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: p.id })
		const refused = await save('rki-tester1', 5)
		expect(refused.status).toBe(403)
		expect(refused.data.message).toMatch(/released.*reopen/)
		const sheet = await expectApi<{ assessments: Assessment[], pilots: { id: number, componentIds: number[], locked: boolean }[] }>(200, 'rki-tester1', 'GET', `/ratings?periodId=${p.id}`)
		expect(sheet.assessments.find((a) => a.componentId === component)?.overall).toBe(3)
		expect(sheet.pilots.filter((pilot) => pilot.componentIds.includes(component)).map((pilot) => pilot.locked)).toEqual([true])
		// BSH did not release.
		expect((await save('bsh-tester1', 5)).status).toBe(200)
		expect((await expectApi<{ pilots: { locked: boolean }[] }>(200, 'bsh-tester1', 'GET', `/ratings?periodId=${p.id}`)).pilots.map((pilot) => pilot.locked)).not.toContain(true)
	})

	it('is reopened only by a coordinator of the organisation', async () => {
		for (const user of ['rki-tester1', 'bsh-coord', 'bmi'] as const) {
			const response = await reopen(user)
			expect(response.status, user).toBe(403)
			expect(response.data.message).toMatch(/Only the coordinators/)
		}
		expect((await save('rki-tester1', 5)).status).toBe(403)
	})

	it('reopens: the history keeps who released and reopened, and the tester can change the rating again', async () => {
		const progress = (await reopen('rki-coord'))
		expect(progress.status).toBe(200)
		expect(progress.data.release).toBeNull()
		expect(progress.data.history.map((e: { action: string, userId: string }) => [e.action, e.userId])).toEqual([['released', 'rki-coord'], ['reopened', 'rki-coord']])
		expect(progress.data.history[1].at).toBeGreaterThanOrEqual(progress.data.history[0].at)
		expect(progress.data.history[1].displayName).not.toBe('')
		expect((await save('rki-tester1', 5)).status).toBe(200)
		// Nothing to reopen any more; an unknown period is 404.
		expect((await reopen('rki-coord')).status).toBe(409)
		expect((await api('rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/999999`)).status).toBe(404)
		// Released again: the history grows, and the consolidator reads it too.
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: p.id })
		const again = await expectApi<Progress>(200, 'bmi', 'GET', `/organisations/${s.rki.id}/progress?periodId=${p.id}`)
		expect(again.history.map((e) => e.action)).toEqual(['released', 'reopened', 'released'])
	})
})

describe('last month\'s scores on the rating sheet', () => {
	it('carries the tester\'s own rated scores of the period before', async () => {
		// Two consecutive months of their own, after every other period (the sheet's default is the newest open one).
		const months = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((x) => x.month))
		let year = 3000 + Math.floor(Math.random() * 900)
		while (months.has(`${year}-01`) || months.has(`${year}-02`)) {
			year++
		}
		const january = await fixturePeriod(`${year}-01`)
		periods.push(january)
		const february = await fixturePeriod(`${year}-02`)
		periods.push(february)
		const criterion = s.criteria[0].id
		await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${january.id}/${component}`, { overall: 4, comment: '', scores: [{ criterionId: criterion, score: 2 }] })
		// someone else's and a comment-only draft do not show
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${january.id}/${component}`, { overall: 1, comment: '', scores: [] })
		const other = s.activePilots[0].componentIds[1] ?? s.activePilots[1].componentIds[0]
		await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${january.id}/${other}`, { overall: null, comment: 'draft', scores: [] })

		const sheet = await expectApi<{ period: Period, previousPeriod: Period | null, previous: { pilotId: number, componentId: number, overall: number | null, scores: Score[] }[] }>(200, 'rki-tester2', 'GET', `/ratings?periodId=${february.id}`)
		expect(sheet.previousPeriod?.id).toBe(january.id)
		expect(sheet.previous).toEqual([{ pilotId: s.activePilots[0].id, componentId: component, overall: 4, scores: [{ criterionId: criterion, score: 2 }] }])
	})
})
