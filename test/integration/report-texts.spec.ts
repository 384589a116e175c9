/**
 * The consolidators' texts for reports (foreword and a comment per component) through the API:
 * consolidators write and read them, coordinators read them, nobody else does either; bad
 * input is refused with a sentence; a save over a newer version is refused (409) with the
 * current text; the history names who saved each version.
 */
import type { Endpoint, RoleAccounts } from './setup/roleTable.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, uid } from './setup/fixtures.ts'
import { closeRoleAccounts, itAnswersAsTheRoleTableSays, openRoleAccounts } from './setup/roleTable.ts'

interface ReportText { componentId: number | null, body: string, version: number, updatedBy: string | null, updatedByName: string | null, updatedAt: number | null }
interface ReportTexts { pilotId: number, period: string, foreword: ReportText, components: ReportText[] }
interface Version { version: number, body: string, changedBy: string, changedByName: string, changedAt: number }

interface Fixture extends RoleAccounts { pilotId: number, componentId: number, foreignComponentId: number, period: string, month: string }
let fx: Fixture

/**
 * A period no earlier run wrote to: the texts are kept with their history, so a fixed period
 * would carry the versions of the last run.
 */
function unusedYear(): number {
	return 3000 + Math.floor(Math.random() * 6000)
}

const texts = () => `/report-texts?pilotId=${fx.pilotId}&period=${fx.period}`
const foreword = (period = fx.period, pilotId = fx.pilotId) => `/report-texts/${pilotId}/${period}/foreword`
const comment = (componentId = fx.componentId) => `/report-texts/${fx.pilotId}/${fx.period}/components/${componentId}`

/** The foreword's current version, for a save that is not stale. */
async function currentForewordVersion(period: string): Promise<number> {
	const current = await expectApi<ReportTexts>(200, 'bmi', 'GET', `/report-texts?pilotId=${fx.pilotId}&period=${period}`)
	return current.foreword.version
}

/** Consolidators and both coordinators 200, anonymous 401, everyone else 403. */
const readers = { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 }

const ENDPOINTS: Endpoint[] = [
	{ name: 'GET /report-texts', method: 'GET', path: texts, expect: readers, otherwise: 403 },
	{
		// Its own month, so that the saves of the role table leave the other tests' texts alone.
		name: 'PUT /report-texts/{pilot}/{month}/foreword',
		method: 'PUT',
		path: () => foreword(fx.month),
		body: async () => ({ body: `Foreword ${uid()}`, version: await currentForewordVersion(fx.month) }),
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
	{
		name: 'PUT /report-texts/{pilot}/{month}/components/{id}',
		method: 'PUT',
		path: () => `/report-texts/${fx.pilotId}/${fx.month}/components/${fx.componentId}`,
		body: () => ({ body: '', version: 0 }),
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
	{ name: 'GET /report-texts/{pilot}/{period}/foreword/history', method: 'GET', path: () => `${foreword()}/history`, expect: readers, otherwise: 403 },
	{ name: 'GET /report-texts/{pilot}/{period}/components/{id}/history', method: 'GET', path: () => `${comment()}/history`, expect: readers, otherwise: 403 },
]

describe('report texts', () => {
	beforeAll(async () => {
		const { s, noOrg } = await openRoleAccounts()
		const pilot = s.activePilots[0]
		const foreign = s.catalogue.components.find((c) => !pilot.componentIds.includes(c.id))
		if (foreign === undefined) {
			throw new Error('The seed needs a component outside the first active pilot')
		}
		const year = unusedYear()
		fx = { s, noOrg, pilotId: pilot.id, componentId: pilot.componentIds[0], foreignComponentId: foreign.id, period: `${year}-Q4`, month: `${year}-11` }
	})

	afterAll(async () => {
		await closeRoleAccounts(fx)
	})

	describe('role × endpoint → HTTP status', () => {
		itAnswersAsTheRoleTableSays(ENDPOINTS, () => fx)
	})

	it('a consolidator writes a foreword and a component comment, and reads them back with author and version', async () => {
		const before = await expectApi<ReportTexts>(200, 'bmi', 'GET', texts())
		expect(before).toEqual({ pilotId: fx.pilotId, period: fx.period, foreword: { componentId: null, body: '', version: 0, updatedBy: null, updatedByName: null, updatedAt: null }, components: [] })

		const saved = await expectApi<ReportText>(200, 'bmi', 'PUT', foreword(), { body: '## Foreword\n\nThe quarter **in our words**. <script>x</script>', version: 0 })
		expect(saved).toMatchObject({ componentId: null, version: 1, updatedBy: 'bmi' })
		expect(saved.body).toBe('## Foreword\n\nThe quarter **in our words**. <script>x</script>')
		await expectApi(200, 'bmi', 'PUT', comment(), { body: 'Mail works.', version: 0 })

		const after = await expectApi<ReportTexts>(200, 'rki-coord', 'GET', texts())
		expect(after.foreword).toMatchObject({ body: saved.body, version: 1, updatedBy: 'bmi' })
		expect(typeof after.foreword.updatedByName).toBe('string')
		expect(after.components).toEqual([expect.objectContaining({ componentId: fx.componentId, body: 'Mail works.', version: 1 })])
	})

	it('testers and coordinators may not write; anonymous callers are asked to log in', async () => {
		for (const login of ['rki-tester1', 'bsh-coord', 'rki-coord'] as const) {
			const answer = await api(login, 'PUT', comment(), { body: 'Not mine to write', version: 1 })
			expect(answer.status, login).toBe(403)
			expect(answer.data.message).toBe('Only consolidators write the texts for reports.')
		}
		expect((await api(null, 'PUT', comment(), { body: 'x', version: 1 })).status).toBe(401)
		expect((await api('rki-tester1', 'GET', texts())).status).toBe(403)
		const still = await expectApi<ReportTexts>(200, 'bmi', 'GET', texts())
		expect(still.components.map((c) => c.body)).toEqual(['Mail works.'])
	})

	it('refuses bad input with a sentence', async () => {
		const unknownPilot = await api('bmi', 'PUT', foreword(fx.period, 999999999), { body: 'x', version: 0 })
		expect(unknownPilot.status).toBe(404)
		expect(unknownPilot.data.message).toBe('No pilot with id 999999999 exists.')

		for (const period of ['2026-11-01', '2026-13', '2026-Q5', 'Q4']) {
			const bad = await api('bmi', 'PUT', foreword(period), { body: 'x', version: 0 })
			expect(bad.status, period).toBe(400)
			expect(bad.data.message).toBe('Period must be a month like 2026-11 or a quarter like 2026-Q4.')
		}
		const badRead = await api('bmi', 'GET', `/report-texts?pilotId=${fx.pilotId}&period=last-quarter`)
		expect(badRead.status).toBe(400)

		const oversized = await api('bmi', 'PUT', comment(), { body: 'x'.repeat(20_001), version: 1 })
		expect(oversized.status).toBe(400)
		expect(oversized.data.message).toBe('Comment is 20 001 characters long; at most 20 000 characters are allowed. Shorten it.')

		const foreign = await api('bmi', 'PUT', comment(fx.foreignComponentId), { body: 'x', version: 0 })
		expect(foreign.status).toBe(400)
		expect(foreign.data.message).toContain('is not part of the pilot')

		const noVersion = await api('bmi', 'PUT', comment(), { body: 'x' })
		expect(noVersion.status).toBe(400)
	})

	it('refuses a save over a newer version with the current text (409), and keeps both versions with their authors in the history', async () => {
		const start = await expectApi<ReportTexts>(200, 'bmi', 'GET', texts())
		const version = start.components[0].version
		await expectApi(200, 'bmi', 'PUT', comment(), { body: 'Mail works well now.', version })

		const stale = await api('bmi', 'PUT', comment(), { body: 'Edited in an old tab', version })
		expect(stale.status).toBe(409)
		expect(stale.data.message).toMatch(/changed meanwhile by/)
		expect(stale.data.current).toMatchObject({ componentId: fx.componentId, body: 'Mail works well now.', version: version + 1 })

		const history = await expectApi<Version[]>(200, 'bsh-coord', 'GET', `${comment()}/history`)
		expect(history.map((v) => [v.version, v.body, v.changedBy])).toEqual([
			[version + 1, 'Mail works well now.', 'bmi'],
			[version, 'Mail works.', 'bmi'],
		])
		expect(history.every((v) => typeof v.changedByName === 'string' && v.changedAt > 0)).toBe(true)
	})

	it('an empty text removes it; its history stays', async () => {
		const current = (await expectApi<ReportTexts>(200, 'bmi', 'GET', texts())).foreword
		const removed = await expectApi<ReportText>(200, 'bmi', 'PUT', foreword(), { body: '', version: current.version })
		expect(removed).toMatchObject({ body: '', version: current.version + 1 })
		const history = await expectApi<Version[]>(200, 'bmi', 'GET', `${foreword()}/history`)
		expect(history.map((v) => v.body === '')).toEqual([true, false])
	})
})
