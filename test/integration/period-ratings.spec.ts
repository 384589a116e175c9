/**
 * GET /periods/{id}/ratings: how many ratings closing a period freezes, as the admin
 * settings' confirmation says it. A rating has an overall score or at least one criterion
 * score; a comment alone, or only "not assessed", is none.
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, freshPeriod, seed, setPeriodStatus } from './setup/fixtures.ts'

let s: Seed
let period: Period

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	const [first, second] = s.activePilots[0]!.componentIds
	const criterion = s.criteria[0]!.id
	const rate = (user: 'rki-tester1' | 'rki-tester2' | 'bsh-tester1', component: number, body: Record<string, unknown>) => expectApi(200, user, 'PUT', `/ratings/${period.id}/${component}`, { overall: null, comment: null, scores: [], ...body })
	await rate('rki-tester1', first!, { overall: 4 })
	await rate('rki-tester2', first!, { scores: [{ criterionId: criterion, score: 2 }] })
	await rate('bsh-tester1', first!, { overall: 5, scores: [{ criterionId: criterion, score: 3 }] })
	// none of these is a rating
	await rate('rki-tester1', second!, { comment: 'only a comment' })
	await rate('bsh-tester1', second!, { scores: [{ criterionId: criterion, score: null }] })
})

afterAll(async () => {
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
})

describe('GET /periods/{id}/ratings', () => {
	it('counts the ratings with an overall or a criterion score, not comments or "not assessed" alone', async () => {
		expect(await expectApi(200, 'admin', 'GET', `/periods/${period.id}/ratings`)).toEqual({ periodId: period.id, ratings: 3 })
	})

	it('counts the same after the period is closed', async () => {
		await setPeriodStatus(period.id, 'closed')
		expect(await expectApi(200, 'admin', 'GET', `/periods/${period.id}/ratings`)).toEqual({ periodId: period.id, ratings: 3 })
		await setPeriodStatus(period.id, 'open')
	})

	it('answers 404 for an unknown period and 403 to non-admins', async () => {
		const missing = await api('admin', 'GET', '/periods/999999999/ratings')
		expect(missing.status).toBe(404)
		expect(missing.data?.message).toMatch(/\S/)
		expect((await api('bmi', 'GET', `/periods/${period.id}/ratings`)).status).toBe(403)
		expect((await api('rki-tester1', 'GET', `/periods/${period.id}/ratings`)).status).toBe(403)
	})
})
