/**
 * Consolidated results, trend and participation against a real Nextcloud: the suite rates
 * through the API in four months of its own (a free year of the 18th century, so that no
 * other suite's ratings fall into the range), computes every figure itself from what it
 * sent, and compares each with the server's. Then who may see which breakdown, and bad input.
 */
import type { ApiResponse, Login, Organisation, Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, call, expectApi, seed } from './setup/fixtures.ts'

/** rki-coord is in RKI's group: a coordinator counts as a tester in a month they rated. */
type Tester = 'rki-tester1' | 'rki-tester2' | 'bsh-tester1' | 'bsh-tester2' | 'rki-coord'

/** One rating the suite sends: who, which of its months and components, the scores. */
interface Rating {
	user: Tester
	month: number
	component: number
	overall: number | null
	/** Score per criterion index (0..2); undefined: the criterion is not sent at all. */
	scores: (number | null | undefined)[]
}

interface Stats { mean: number | null, n: number, sum: number, distribution: number[], notAssessed: number }
interface ComponentResult { componentId: number, assessments: number, overall: Stats, criteria: (Stats & { criterionId: number })[] }
interface Results {
	pilotId: number
	range: { from: string, to: string, months: string[] }
	releasedOnly: boolean
	components: ComponentResult[]
	organisations: { organisationId: number, components: ComponentResult[] }[]
}
interface Trend {
	organisationId: number | null
	lowRatingThreshold: number
	range: { months: string[] }
	series: { componentId: number, criterionId: number | null, points: { month: string, mean: number | null, n: number, lowN: boolean }[] }[]
}
interface ParticipationRow {
	organisationId: number
	month: string
	periodId: number | null
	testers: number
	testersWithAssessment: number
	componentsRated: number
	assessments: number
	release: { userId: string, displayName: string, releasedAt: number } | null
}
interface Participation { componentsInPilot: number, rows: ParticipationRow[] }

/** The ratings: two months of RKI and BSH with gaps, not-assessed scores and unsent criteria. */
const RATINGS: Rating[] = [
	{ user: 'rki-tester1', month: 0, component: 0, overall: 4, scores: [5, 3, null] },
	{ user: 'rki-tester2', month: 0, component: 0, overall: 2, scores: [2, 3, 4] },
	{ user: 'bsh-tester1', month: 0, component: 0, overall: 5, scores: [4, undefined, 1] },
	{ user: 'rki-tester1', month: 0, component: 1, overall: null, scores: [1, 1, 1] },
	{ user: 'bsh-tester2', month: 0, component: 1, overall: 3, scores: [null, null, 5] },
	{ user: 'rki-tester1', month: 1, component: 0, overall: 3, scores: [4, 4, 2] },
	{ user: 'bsh-tester1', month: 1, component: 0, overall: 1, scores: [1, 2, null] },
	{ user: 'bsh-tester2', month: 1, component: 0, overall: 4, scores: [5, 5, 5] },
	{ user: 'rki-tester2', month: 1, component: 1, overall: 5, scores: [3, undefined, 2] },
	{ user: 'bsh-tester1', month: 3, component: 0, overall: 2, scores: [2, 1, 3] },
	{ user: 'rki-coord', month: 3, component: 1, overall: 4, scores: [4, null, 3] },
]

const ORG_OF: Record<Tester, 'rki' | 'bsh'> = { 'rki-tester1': 'rki', 'rki-tester2': 'rki', 'bsh-tester1': 'bsh', 'bsh-tester2': 'bsh', 'rki-coord': 'rki' }

let s: Seed
let pilotId: number
/** The two components rated (of the pilot). */
let components: number[]
/** The three criteria scored. */
let criteria: number[]
/** Four consecutive months of a free year, January to April, each with a period. */
let periods: Period[]
let year: number
/** RKI released its first month; nobody else released anything. */
const RELEASED = { org: 'rki' as const, month: 0 }

/** Only the ratings matching the filter. */
function select(filter: { months?: number[], org?: 'rki' | 'bsh', releasedOnly?: boolean }): Rating[] {
	return RATINGS.filter((r) => (filter.months === undefined || filter.months.includes(r.month))
		&& (filter.org === undefined || ORG_OF[r.user] === filter.org)
		&& (!filter.releasedOnly || (ORG_OF[r.user] === RELEASED.org && r.month === RELEASED.month)))
}

/** The figures of a list of values, computed here, independently of the server. */
function stats(values: (number | null)[]): Omit<Stats, 'mean'> & { exactMean: number | null } {
	const scores = values.filter((v): v is number => v !== null)
	const sum = scores.reduce((a, b) => a + b, 0)
	return {
		n: scores.length,
		sum,
		exactMean: scores.length === 0 ? null : sum / scores.length,
		distribution: [1, 2, 3, 4, 5].map((k) => scores.filter((v) => v === k).length),
		notAssessed: values.filter((v) => v === null).length,
	}
}

/** Compares one server figure with the one computed here; the mean is rounded to two decimals. */
function expectStats(actual: Stats, values: (number | null)[], where: string): void {
	const expected = stats(values)
	expect({ n: actual.n, sum: actual.sum, distribution: actual.distribution, notAssessed: actual.notAssessed }, where)
		.toEqual({ n: expected.n, sum: expected.sum, distribution: expected.distribution, notAssessed: expected.notAssessed })
	if (expected.exactMean === null) {
		expect(actual.mean, where).toBeNull()
	} else {
		expect(Math.abs((actual.mean as number) - expected.exactMean), where).toBeLessThanOrEqual(0.005 + 1e-9)
	}
}

/** Compares every figure of every component with the ratings selected. */
function expectComponents(actual: ComponentResult[], ratings: Rating[], where: string): void {
	for (const [index, componentId] of components.entries()) {
		const result = actual.find((c) => c.componentId === componentId)
		expect(result, `${where}: component ${componentId}`).toBeDefined()
		const mine = ratings.filter((r) => r.component === index)
		expect(result!.assessments, `${where}: assessments of ${componentId}`).toBe(mine.length)
		expectStats(result!.overall, mine.map((r) => r.overall), `${where}: overall of ${componentId}`)
		for (const [c, criterionId] of criteria.entries()) {
			const criterion = result!.criteria.find((x) => x.criterionId === criterionId)
			expect(criterion, `${where}: criterion ${criterionId}`).toBeDefined()
			const values = mine.filter((r) => r.scores[c] !== undefined).map((r) => r.scores[c] as number | null)
			expectStats(criterion!, values, `${where}: criterion ${criterionId} of component ${componentId}`)
		}
	}
}

function org(short: 'rki' | 'bsh'): Organisation {
	return short === 'rki' ? s.rki : s.bsh
}

function query(params: Record<string, string | number | undefined>): string {
	return new URLSearchParams(Object.entries({ pilotId, ...params })
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => [k, String(v)])).toString()
}

const month = (i: number): string => `${year}-${String(i + 1).padStart(2, '0')}`

beforeAll(async () => {
	s = await seed()
	const pilot = s.activePilots.find((p) => p.componentIds.length >= 2)
	if (pilot === undefined) {
		throw new Error('The seed needs an active pilot with two components')
	}
	pilotId = pilot.id
	components = pilot.componentIds.slice(0, 2)
	criteria = s.criteria.slice(0, 3).map((c) => c.id)
	expect(criteria).toHaveLength(3)

	const taken = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month))
	const years = Array.from({ length: 100 }, (_, i) => 1700 + i).sort(() => Math.random() - 0.5)
	year = years.find((y) => [1, 2, 3, 4, 5].every((m) => !taken.has(`${y}-0${m}`))) as number
	periods = []
	for (let i = 0; i < 4; i++) {
		periods.push(await expectApi<Period>(201, 'admin', 'POST', '/periods', { month: month(i) }))
	}
	for (const r of RATINGS) {
		await expectApi(200, r.user, 'PUT', `/ratings/${periods[r.month].id}/${components[r.component]}`, {
			overall: r.overall,
			comment: 'consolidation suite',
			scores: r.scores.flatMap((score, c) => score === undefined ? [] : [{ criterionId: criteria[c], score }]),
		})
	}
	await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: periods[RELEASED.month].id })
})

afterAll(async () => {
	for (const period of periods ?? []) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
})

describe('results: every figure equals the one computed from the ratings sent', () => {
	it('one month, across all organisations and per organisation (consolidator)', async () => {
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ month: month(0) })}`)
		expect(results.range).toEqual({ from: month(0), to: month(0), months: [month(0)] })
		expect(results.pilotId).toBe(pilotId)
		expect(results.releasedOnly).toBe(false)
		expectComponents(results.components, select({ months: [0] }), 'all')
		const orgIds = results.organisations.map((o) => o.organisationId)
		expect(orgIds).toEqual(expect.arrayContaining([s.rki.id, s.bsh.id]))
		for (const short of ['rki', 'bsh'] as const) {
			const breakdown = results.organisations.find((o) => o.organisationId === org(short).id)!
			expectComponents(breakdown.components, select({ months: [0], org: short }), short)
		}
	})

	it('a quarter and a from–to range cover their months only', async () => {
		const quarter = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ quarter: `${year}-Q1` })}`)
		expect(quarter.range.months).toEqual([month(0), month(1), month(2)])
		expectComponents(quarter.components, select({ months: [0, 1, 2] }), 'quarter')
		const fromTo = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(1), to: month(3) })}`)
		expect(fromTo.range.months).toEqual([month(1), month(2), month(3)])
		expectComponents(fromTo.components, select({ months: [1, 2, 3] }), 'from–to')
		for (const short of ['rki', 'bsh'] as const) {
			const breakdown = fromTo.organisations.find((o) => o.organisationId === org(short).id)!
			expectComponents(breakdown.components, select({ months: [1, 2, 3], org: short }), `from–to ${short}`)
		}
	})

	it('a whole quarter and the month after it add up (the quarter\'s rows and the month\'s, in one query)', async () => {
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(0), to: month(3) })}`)
		expect(results.range.months).toEqual([month(0), month(1), month(2), month(3)])
		expectComponents(results.components, select({ months: [0, 1, 2, 3] }), 'quarter and April')
		for (const short of ['rki', 'bsh'] as const) {
			const breakdown = results.organisations.find((o) => o.organisationId === org(short).id)!
			expectComponents(breakdown.components, select({ months: [0, 1, 2, 3], org: short }), `quarter and April ${short}`)
		}
	})

	it('released feedback only: just RKI\'s released month counts', async () => {
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(0), to: month(3), releasedOnly: 1 })}`)
		expect(results.releasedOnly).toBe(true)
		expectComponents(results.components, select({ releasedOnly: true }), 'released')
		const bsh = results.organisations.find((o) => o.organisationId === s.bsh.id)!
		expectComponents(bsh.components, [], 'released BSH')
	})

	it('a month without ratings has zero figures and no mean', async () => {
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ month: month(2) })}`)
		expectComponents(results.components, [], 'empty month')
	})
})

describe('trend: month by month mean and n, few ratings flagged', () => {
	async function expectTrend(login: Login, org?: 'rki' | 'bsh'): Promise<void> {
		const trend = await expectApi<Trend>(200, login, 'GET', `/consolidation/trend?${query({ from: month(0), to: month(3), organisationId: org === undefined ? undefined : s[org].id })}`)
		expect(trend.range.months).toEqual([0, 1, 2, 3].map(month))
		expect(trend.organisationId).toBe(org === undefined ? null : s[org].id)
		const threshold = trend.lowRatingThreshold
		for (const [index, componentId] of components.entries()) {
			for (const criterionIndex of [-1, 0, 1, 2]) {
				const criterionId = criterionIndex === -1 ? null : criteria[criterionIndex]
				const series = trend.series.find((x) => x.componentId === componentId && x.criterionId === criterionId)
				expect(series, `series ${componentId}/${criterionId}`).toBeDefined()
				expect(series!.points.map((p) => p.month)).toEqual([0, 1, 2, 3].map(month))
				for (const [m, point] of series!.points.entries()) {
					const ratings = select({ months: [m], org }).filter((r) => r.component === index)
					const values = criterionIndex === -1
						? ratings.map((r) => r.overall)
						: ratings.filter((r) => r.scores[criterionIndex] !== undefined).map((r) => r.scores[criterionIndex] as number | null)
					const expected = stats(values)
					const where = `${org ?? 'all'} ${componentId}/${criterionId} ${point.month}`
					expect(point.n, where).toBe(expected.n)
					expect(point.lowN, where).toBe(expected.n < threshold)
					if (expected.exactMean === null) {
						expect(point.mean, where).toBeNull()
					} else {
						expect(Math.abs((point.mean as number) - expected.exactMean), where).toBeLessThanOrEqual(0.005 + 1e-9)
					}
				}
			}
		}
	}

	it('across all organisations for the consolidator and each coordinator', async () => {
		await expectTrend('bmi')
		await expectTrend('bsh-coord')
		await expectTrend('rki-coord')
	})

	it('per organisation for the consolidator, and for a coordinator their own', async () => {
		await expectTrend('bmi', 'rki')
		await expectTrend('bmi', 'bsh')
		await expectTrend('bsh-coord', 'bsh')
		await expectTrend('rki-coord', 'rki')
	})

	it('the threshold comes from the admin settings (default 3)', async () => {
		const before = await expectApi<{ lowRatingThreshold: number }>(200, 'admin', 'GET', '/settings')
		expect(before.lowRatingThreshold).toBeGreaterThanOrEqual(1)
		try {
			await expectApi(200, 'admin', 'PUT', '/settings', { lowRatingThreshold: 2 })
			const trend = await expectApi<Trend>(200, 'bmi', 'GET', `/consolidation/trend?${query({ month: month(0) })}`)
			expect(trend.lowRatingThreshold).toBe(2)
			// Component 0, overall score in month 0: three ratings, so not flagged at 2 (nor at 3).
			const overall0 = trend.series.find((x) => x.componentId === components[0] && x.criterionId === null)!
			expect(overall0.points[0]).toMatchObject({ n: 3, lowN: false })
			// Component 1, overall score in month 0: one score (the other is "not assessed").
			const overall1 = trend.series.find((x) => x.componentId === components[1] && x.criterionId === null)!
			expect(overall1.points[0]).toMatchObject({ n: 1, lowN: true })
			// Criterion 1 of component 0 in month 0: two scores, flagged at 3, not at 2.
			const c1 = trend.series.find((x) => x.componentId === components[0] && x.criterionId === criteria[1])!
			expect(c1.points[0]).toMatchObject({ n: 2, lowN: false })
			await expectApi(200, 'admin', 'PUT', '/settings', { lowRatingThreshold: 3 })
			const at3 = await expectApi<Trend>(200, 'bmi', 'GET', `/consolidation/trend?${query({ month: month(0) })}`)
			expect(at3.series.find((x) => x.componentId === components[0] && x.criterionId === criteria[1])!.points[0]).toMatchObject({ n: 2, lowN: true })
		} finally {
			await expectApi(200, 'admin', 'PUT', '/settings', { lowRatingThreshold: before.lowRatingThreshold })
		}
	})

	it('refuses a threshold below 1 and saves nothing', async () => {
		const before = await expectApi(200, 'admin', 'GET', '/settings')
		const response = await api('admin', 'PUT', '/settings', { lowRatingThreshold: 0 })
		expect(response.status).toBe(400)
		expect(response.data.message).toMatch(/Low rating threshold/)
		expect(await expectApi(200, 'admin', 'GET', '/settings')).toEqual(before)
	})
})

describe('participation per organisation and month', () => {
	/** Members of the organisation's groups, read through Nextcloud's provisioning API. */
	async function groupMembers(o: Organisation): Promise<Set<string>> {
		const users = new Set<string>()
		for (const group of o.groupIds) {
			const response = await call<{ users: string[] }>('admin', 'GET', `/ocs/v2.php/cloud/groups/${encodeURIComponent(group)}/users`)
			expect(response.status).toBe(200)
			response.data.users.forEach((u) => users.add(u))
		}
		return users
	}

	/** The organisation's testers in a month: its group members, its coordinators only if they rated then. */
	function testersOf(o: Organisation, members: Set<string>, raters: Set<string>): number {
		return [...members].filter((u) => !o.coordinatorIds.includes(u) || raters.has(u)).length
	}

	async function expectParticipation(login: Login, orgs: ('rki' | 'bsh')[], releasedOnly = false): Promise<void> {
		const data = await expectApi<Participation>(200, login, 'GET', `/consolidation/participation?${query({ from: month(0), to: month(3), releasedOnly: releasedOnly ? 'true' : undefined })}`)
		// The pilot's components that are not archived (the catalogue lists only those).
		const pilot = s.catalogue.pilots.find((p) => p.id === pilotId)!
		const active = pilot.componentIds.filter((id) => s.catalogue.components.some((c) => c.id === id))
		expect(data.componentsInPilot).toBe(active.length)
		const mine = data.rows.filter((r) => r.organisationId === s.rki.id || r.organisationId === s.bsh.id)
		expect(new Set(mine.map((r) => r.organisationId))).toEqual(new Set(orgs.map((o) => s[o].id)))
		for (const short of orgs) {
			const members = await groupMembers(s[short])
			for (let m = 0; m < 4; m++) {
				const row = mine.find((r) => r.organisationId === s[short].id && r.month === month(m))
				expect(row, `${short} ${month(m)}`).toBeDefined()
				const ratings = select({ months: [m], org: short, releasedOnly })
				const testers = testersOf(s[short], members, new Set(ratings.map((r) => r.user)))
				expect(row, `${short} ${month(m)}`).toEqual({
					organisationId: s[short].id,
					month: month(m),
					periodId: periods[m].id,
					testers,
					testersWithAssessment: new Set(ratings.map((r) => r.user)).size,
					componentsRated: new Set(ratings.map((r) => r.component)).size,
					assessments: ratings.length,
					release: short === RELEASED.org && m === RELEASED.month ? { userId: 'rki-coord', displayName: 'RKI Koordination', releasedAt: expect.any(Number) } : null,
				})
			}
		}
	}

	it('the consolidator sees every organisation', async () => {
		await expectParticipation('bmi', ['rki', 'bsh'])
	})

	it('released only counts the released month', async () => {
		await expectParticipation('bmi', ['rki', 'bsh'], true)
	})

	it('a coordinator sees their own organisation only', async () => {
		await expectParticipation('bsh-coord', ['bsh'])
		await expectParticipation('rki-coord', ['rki'])
	})
})

describe('who sees what', () => {
	const ENDPOINTS = ['results', 'trend', 'participation']

	it('a BSH coordinator gets the figure across all organisations and BSH\'s breakdown, never RKI\'s', async () => {
		const bmi = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ quarter: `${year}-Q1` })}`)
		const bsh = await expectApi<Results>(200, 'bsh-coord', 'GET', `/consolidation/results?${query({ quarter: `${year}-Q1` })}`)
		expect(bsh.components).toEqual(bmi.components)
		expect(bsh.organisations.map((o) => o.organisationId)).toEqual([s.bsh.id])
		expect(bsh.organisations[0]).toEqual(bmi.organisations.find((o) => o.organisationId === s.bsh.id))
	})

	it('an RKI coordinator gets RKI\'s breakdown only', async () => {
		const rki = await expectApi<Results>(200, 'rki-coord', 'GET', `/consolidation/results?${query({ quarter: `${year}-Q1` })}`)
		expect(rki.organisations.map((o) => o.organisationId)).toEqual([s.rki.id])
		expectComponents(rki.organisations[0].components, select({ months: [0, 1, 2], org: 'rki' }), 'rki-coord')
	})

	it.each(ENDPOINTS)('%s: a coordinator asking for another organisation gets 403 with a message', async (endpoint) => {
		for (const [login, other] of [['bsh-coord', 'rki'], ['rki-coord', 'bsh']] as const) {
			const response = await api(login, 'GET', `/consolidation/${endpoint}?${query({ month: month(0), organisationId: s[other].id })}`)
			expect(response.status, response.text).toBe(403)
			expect(response.data.message).toMatch(/organisations you coordinate only/)
		}
	})

	it.each(ENDPOINTS)('%s: the consolidator may ask for any organisation', async (endpoint) => {
		for (const short of ['rki', 'bsh'] as const) {
			await expectApi(200, 'bmi', 'GET', `/consolidation/${endpoint}?${query({ month: month(0), organisationId: s[short].id })}`)
		}
	})

	it.each(ENDPOINTS)('%s: testers and the administrator get 403, anonymous 401', async (endpoint) => {
		for (const login of ['rki-tester1', 'rki-tester2', 'bsh-tester1', 'bsh-tester2', 'admin'] as const) {
			const response = await api(login, 'GET', `/consolidation/${endpoint}?${query({ month: month(0) })}`)
			expect(response.status, `${login}: ${response.text}`).toBe(403)
			expect(response.data.message).toMatch(/Only consolidators and the coordinators/)
		}
		expect((await api(null, 'GET', `/consolidation/${endpoint}?${query({ month: month(0) })}`)).status).toBe(401)
	})
})

describe('bad input gets a 4xx with a message', () => {
	function refused(response: ApiResponse, status: number, pattern: RegExp): void {
		expect(response.status, response.text.slice(0, 300)).toBe(status)
		expect(response.data?.message, response.text.slice(0, 300)).toMatch(pattern)
	}

	it.each(['results', 'trend', 'participation'])('%s', async (endpoint) => {
		const get = (params: Record<string, string | number | undefined>): Promise<ApiResponse> => api('bmi', 'GET', `/consolidation/${endpoint}?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`)
		refused(await get({ month: month(0) }), 400, /Choose a pilot/)
		refused(await get({ pilotId: 999999999, month: month(0) }), 404, /No pilot with id 999999999/)
		refused(await get({ pilotId: 'abc', month: month(0) }), 400, /Pilot/)
		refused(await get({ pilotId }), 400, /Choose the months/)
		refused(await get({ pilotId, from: month(3), to: month(0) }), 400, new RegExp(`starts in ${month(3)}, after it ends in ${month(0)}`))
		refused(await get({ pilotId, from: `${year}-01`, to: `${year + 3}-01` }), 400, /covers 37 months; at most 36/)
		refused(await get({ pilotId, from: month(0) }), 400, /both from and to/)
		refused(await get({ pilotId, month: month(0), quarter: `${year}-Q1` }), 400, /only one/)
		refused(await get({ pilotId, month: '1600-13' }), 400, /Month must be a month like/)
		refused(await get({ pilotId, quarter: '2026-Q7' }), 400, /Quarter must be a quarter like/)
		refused(await get({ pilotId, month: month(4) }), 404, new RegExp(`no reporting period from ${month(4)} to ${month(4)}`))
		refused(await get({ pilotId, month: month(0), organisationId: 999999999 }), 404, /No organisation with id 999999999/)
		refused(await get({ pilotId, month: month(0), releasedOnly: 'maybe' }), 400, /Released only must be true or false/)
	})
})

describe('released only over a whole quarter (read from the released quarter rows, whatever part of it each organisation released)', () => {
	const BSH_RELEASED = [0, 1, 2]
	const fromRatings = (bshMonths: number[], rkiMonths: number[]): Rating[] => RATINGS.filter((r) => (ORG_OF[r.user] === 'bsh' ? bshMonths : rkiMonths).includes(r.month))

	async function expectReleased(ratings: Rating[], where: string): Promise<void> {
		for (const [range, months] of [[{ quarter: `${year}-Q1` }, [0, 1, 2]], [{ from: month(0), to: month(3) }, [0, 1, 2, 3]]] as const) {
			const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ ...range, releasedOnly: 1 })}`)
			const inRange = ratings.filter((r) => (months as readonly number[]).includes(r.month))
			expectComponents(results.components, inRange, `${where} ${JSON.stringify(range)}`)
			const bsh = results.organisations.find((o) => o.organisationId === s.bsh.id)
			expectComponents(bsh!.components, inRange.filter((r) => ORG_OF[r.user] === 'bsh'), `${where}, BSH ${JSON.stringify(range)}`)
		}
	}

	afterAll(async () => {
		for (const m of BSH_RELEASED) {
			await api('bsh-coord', 'DELETE', `/organisations/${s.bsh.id}/releases/${periods[m].id}`)
		}
		await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: periods[RELEASED.month].id })
	})

	it('every month released counts, whichever rows it is read from', async () => {
		for (const m of BSH_RELEASED) {
			await expectApi(201, 'bsh-coord', 'POST', `/organisations/${s.bsh.id}/releases`, { periodId: periods[m].id })
		}
		// RKI released January alone: part of its quarter
		await expectReleased(fromRatings(BSH_RELEASED, [RELEASED.month]), 'BSH January to March, RKI January')

		// RKI takes January back: BSH released the whole quarter, RKI none of it
		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${periods[RELEASED.month].id}`)
		await expectReleased(fromRatings(BSH_RELEASED, []), 'BSH January to March')

		// RKI releases April, after the quarter: BSH's quarter rows and RKI's April add up
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: periods[3].id })
		await expectReleased(fromRatings(BSH_RELEASED, [3]), 'BSH January to March, RKI April')
		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${periods[3].id}`)

		// BSH takes February back: part of its quarter again
		await expectApi(200, 'bsh-coord', 'DELETE', `/organisations/${s.bsh.id}/releases/${periods[1].id}`)
		await expectReleased(fromRatings([0, 2], []), 'BSH January and March')
	})
})

describe('a quarter covered in part is read whole while its other months add nothing', () => {
	// January to April: the second quarter holds April alone until May is a period with ratings
	async function expectJanuaryToApril(where: string): Promise<void> {
		const all = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(0), to: month(3) })}`)
		expectComponents(all.components, select({ months: [0, 1, 2, 3] }), `${where}, all`)
		const rki = all.organisations.find((o) => o.organisationId === s.rki.id)!
		expectComponents(rki.components, select({ months: [0, 1, 2, 3], org: 'rki' }), `${where}, RKI`)
		const released = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(0), to: month(3), releasedOnly: 1 })}`)
		expectComponents(released.components, select({ releasedOnly: true }), `${where}, released`)
	}

	it('counts April only, whatever May holds and whether it is released', async () => {
		await expectJanuaryToApril('May no period')
		periods.push(await expectApi<Period>(201, 'admin', 'POST', '/periods', { month: month(4) }))
		const may = periods[4]
		await expectJanuaryToApril('May an empty period')
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${may.id}/${components[0]}`, { overall: 5, comment: 'May', scores: [{ criterionId: criteria[0], score: 5 }] })
		await expectJanuaryToApril('May rated')
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: may.id })
		await expectJanuaryToApril('May released')
		const withMay = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query({ from: month(0), to: month(4), releasedOnly: 1 })}`)
		const mayRating: Rating = { user: 'rki-tester1', month: 4, component: 0, overall: 5, scores: [5] }
		expectComponents(withMay.components, [...select({ releasedOnly: true }), mayRating], 'January to May, released')
		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${may.id}`)
	})
})
