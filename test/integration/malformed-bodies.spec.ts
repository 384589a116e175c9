/**
 * A body that is not valid JSON is refused with 400 by every write endpoint, before
 * anything runs, and a re-read shows that nothing changed (issue 11, point 2). Before the
 * fix, Nextcloud took such a body as "no fields": PUT /settings with `{` removed every
 * consolidator, and a truncated PUT /ratings wiped the saved assessment.
 */
import type { Item, Login, Period, Seed } from './setup/fixtures.ts'

import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL } from './setup/client.ts'
import { API, api, asGermanUser, createItem, expectApi, freshPeriod, seed, uid } from './setup/fixtures.ts'

const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'))

/** Bodies that do not parse, or parse to no object. */
const MALFORMED: [string, RegExp][] = [
	['{', /not valid JSON/],
	['{"consolidatorGroup": "x", "overall": 1, "title": "x"', /not valid JSON/],
	['not json at all', /not valid JSON/],
	['[1, 2]', /JSON object/],
]

let s: Seed
let period: Period
/** Throwaway records, so that a server that wrongly takes a body damages nothing the other suites use. */
const ids = { pilot: 0, component: 0, criterion: 0, organisation: 0, item: 0 }
let settingsBefore: unknown
/** What the write endpoints could change, read before the first malformed request. */
let before: unknown

/** Who calls each write operation of the spec, and on which concrete path. */
function target(specPath: string): { login: Login, path: string } {
	const path = specPath
		.replace('/pilots/{id}', `/pilots/${ids.pilot}`)
		.replace('/components/{id}', `/components/${ids.component}`)
		.replace('/criteria/{id}', `/criteria/${ids.criterion}`)
		.replace('/organisations/{id}/releases/{periodId}', `/organisations/${s.rki.id}/releases/${period.id}`)
		.replace('/organisations/{id}/releases', `/organisations/${s.rki.id}/releases`)
		.replace('/organisations/{id}', `/organisations/${ids.organisation}`)
		.replace('/periods/{id}', `/periods/${period.id}`)
		.replace('/ratings/{periodId}/{componentId}', `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`)
		.replace('/items/{id}', `/items/${ids.item}`)
		.replace('/report-texts/{pilotId}/{period}', `/report-texts/${ids.pilot}/2026-Q4`)
		.replace('/settings/report-templates/{fileFormat}', '/settings/report-templates/odt')
		.replace('/components/{componentId}', `/components/${s.activePilots[0].componentIds[0]}`)
		// No report is touched: a malformed body is refused before the id is looked at.
		.replace('/reports/{id}', '/reports/999999999')
	const login: Login = specPath.startsWith('/ratings') || (specPath.startsWith('/items') && !specPath.endsWith('/status'))
		? 'rki-tester2'
		: specPath.endsWith('/status')
			? 'bmi'
			: specPath.endsWith('/releases') ? 'rki-coord' : 'admin'
	return { login, path }
}

/** Every write operation of openapi.json, as [verb, path relative to the API]. */
const WRITES: [string, string][] = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
	.flatMap(([path, operations]) => Object.keys(operations)
		.filter((verb) => ['post', 'put', 'patch', 'delete'].includes(verb))
		.map((verb): [string, string] => [verb.toUpperCase(), path.slice(API.length)]))

/** Everything the write endpoints could change, read back by those who see it. */
async function snapshot(): Promise<unknown> {
	const read = (login: Login, path: string): Promise<unknown> => expectApi(200, login, 'GET', path)
	const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'updatedAt' ? undefined : v)))
	const reads: Record<string, [Login, string]> = {
		settings: ['admin', '/settings'],
		templates: ['admin', '/settings/report-templates'],
		pilots: ['admin', '/pilots'],
		components: ['admin', '/components'],
		criteria: ['admin', '/criteria'],
		organisations: ['admin', '/organisations'],
		periods: ['admin', '/periods'],
		ratings: ['rki-tester2', `/ratings?periodId=${period.id}`],
		item: ['bmi', `/items/${ids.item}`],
		comments: ['bmi', `/items/${ids.item}/comments`],
		mine: ['rki-tester2', '/items?mine=1&limit=100'],
		progress: ['bmi', `/organisations/${s.rki.id}/progress?periodId=${period.id}`],
	}
	// One after the other: parallel requests can meet SQLite's lock.
	const values: Record<string, unknown> = {}
	for (const [key, [login, path]] of Object.entries(reads)) {
		values[key] = await read(login, path)
	}
	return strip(values)
}

/** Sends a raw body with Content-Type JSON as `login` (basic auth only), asking for a language. */
async function raw(login: Login, method: string, path: string, body: string, language: string): Promise<{ status: number, message: string }> {
	const headers: Record<string, string> = { 'OCS-APIRequest': 'true', Accept: 'application/json', 'Content-Type': 'application/json' }
	headers['Accept-Language'] = language
	const user = login as string
	headers.Authorization = `Basic ${Buffer.from(`${user}:${user === 'admin' ? 'admin' : 'Pilot-Feedback-2026'}`).toString('base64')}`
	const response = await fetch(`${NEXTCLOUD_URL}${API}${path}`, { method, headers, body })
	const text = await response.text()
	try {
		return { status: response.status, message: JSON.parse(text)?.ocs?.data?.message ?? '' }
	} catch {
		return { status: response.status, message: text.slice(0, 200) }
	}
}

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	ids.pilot = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title: `Malformed pilot ${uid()}`, status: 'planned', description: 'keep me', componentIds: [s.activePilots[0].componentIds[0]] })).id
	ids.component = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `Malformed component ${uid()}`, category: 'other', description: 'keep me' })).id
	ids.organisation = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/organisations', { name: `Malformed org ${uid()}`, shortName: 'MAL' })).id
	ids.criterion = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/criteria', { name: `Malformed criterion ${uid()}`, description: 'keep me', sortOrder: 77 })).id
	const item: Item = await createItem('rki-tester2', s, { title: `Malformed item ${uid()}`, body: 'keep me' })
	ids.item = item.id
	await expectApi(201, 'rki-tester2', 'POST', `/items/${item.id}/comments`, { message: 'keep me' })
	await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`, { overall: 4, comment: 'keep me', scores: [{ criterionId: s.criteria[0].id, score: 5 }] })
	settingsBefore = await expectApi(200, 'admin', 'GET', '/settings')
	before = await snapshot()
})

afterAll(async () => {
	// Should a broken server have taken a body, put back what the other suites rely on.
	await api('admin', 'PUT', '/settings', settingsBefore)
	await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	await api('admin', 'DELETE', `/pilots/${ids.pilot}`)
	await api('admin', 'DELETE', `/components/${ids.component}`)
	await api('admin', 'DELETE', `/criteria/${ids.criterion}`)
	await api('admin', 'DELETE', `/organisations/${ids.organisation}`)
})

describe('malformed request bodies', () => {
	it('the suite knows every write operation of the spec', () => {
		expect(WRITES.length).toBeGreaterThanOrEqual(20)
	})

	it.each(WRITES)('%s %s refuses every malformed body with 400', async (verb, specPath) => {
		const { login, path } = target(specPath)
		for (const [body, pattern] of MALFORMED) {
			// A string body is sent as it is, with Content-Type JSON (and the login's session, which is faster).
			const answer = await api(login, verb, path, body)
			expect(answer.status, `${verb} ${path} ${body}: ${answer.text.slice(0, 300)}`).toBe(400)
			expect(answer.data?.message, body).toMatch(pattern)
		}
	})

	it('changed nothing with all those requests: a re-read shows every record as it was', async () => {
		expect(await snapshot()).toEqual(before)
	})

	it('says so in German to a German client', async () => {
		const answer = await asGermanUser('bmi', () => raw('bmi', 'PUT', `/items/${ids.item}/status`, '{', 'de'))
		expect(answer).toEqual({ status: 400, message: 'Der Inhalt der Anfrage ist kein gültiges JSON.' })
	})

	it('keeps the consolidators when PUT /settings gets a broken body (the reported case)', async () => {
		expect((await api('admin', 'PUT', '/settings', '{')).status).toBe(400)
		expect(await expectApi(200, 'admin', 'GET', '/settings')).toEqual(settingsBefore)
		const me = await expectApi<{ isConsolidator: boolean }>(200, 'bmi', 'GET', '/me')
		expect(me.isConsolidator).toBe(true)
	})

	it('keeps the saved rating when PUT /ratings gets a truncated body (the reported case)', async () => {
		const path = `/ratings/${period.id}/${s.activePilots[0].componentIds[0]}`
		const answer = await api('rki-tester2', 'PUT', path, '{"overall": 2, "comment": "trunc')
		expect(answer.status).toBe(400)
		const sheet = await expectApi<{ assessments: { componentId: number, overall: number, comment: string, scores: unknown[] }[] }>(200, 'rki-tester2', 'GET', `/ratings?periodId=${period.id}`)
		expect(sheet.assessments.find((a) => a.componentId === s.activePilots[0].componentIds[0])).toMatchObject({ overall: 4, comment: 'keep me', scores: [{ criterionId: s.criteria[0].id, score: 5 }] })
	})

	it('leaves the catalogue\'s optional fields as they are when a PUT leaves them out', async () => {
		const pilot = (await expectApi<{ id: number, title: string }[]>(200, 'admin', 'GET', '/pilots')).find((p) => p.id === ids.pilot)!
		const updated = await expectApi<{ description: string, componentIds: number[] }>(200, 'admin', 'PUT', `/pilots/${ids.pilot}`, { title: pilot.title, status: 'active' })
		expect(updated).toMatchObject({ description: 'keep me', componentIds: [s.activePilots[0].componentIds[0]], status: 'active' })
		const cleared = await expectApi<{ description: string, componentIds: number[] }>(200, 'admin', 'PUT', `/pilots/${ids.pilot}`, { title: pilot.title, status: 'planned', description: '', componentIds: [] })
		expect(cleared).toMatchObject({ description: '', componentIds: [] })
		const criterion = await expectApi<{ description: string, sortOrder: number }>(200, 'admin', 'PUT', `/criteria/${ids.criterion}`, { name: `Renamed ${uid()}` })
		expect(criterion).toMatchObject({ description: 'keep me', sortOrder: 77 })
	})
})
