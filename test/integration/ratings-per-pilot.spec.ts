/**
 * A rating belongs to one pilot (issue 16) against a real Nextcloud: a component that is part
 * of two active pilots, both of which RKI takes part in, is rated in each separately.
 * - saving it without naming the pilot is refused (400, naming both pilots); an unknown pilot
 *   is 404, a pilot RKI does not take part in 403, a pilot without the component 400;
 * - the rating sheet lists the component in both pilots, the assessment in one;
 * - the consolidation counts the rating in its own pilot (n = 1) and not in the other (n = 0),
 *   and the CSV export of the other pilot has no row of it (needs NEXTCLOUD_SERVER_DIR to run
 *   the report job with occ).
 * The suite works in a reporting period and two pilots of its own, removed afterwards.
 */
import type { Organisation, Period, Seed } from './setup/fixtures.ts'

import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

interface Stats { n: number, mean: number | null }
interface Results { components: { componentId: number, assessments: number, overall: Stats }[] }
interface Sheet {
	pilots: { id: number, title: string, componentIds: number[] }[]
	assessments: { pilotId: number, componentId: number, overall: number | null, rated: boolean }[]
}
interface Report { id: number, status: string, error: string | null, path: string | null }

let s: Seed
let period: Period
let component: { id: number, name: string }
let other: number
let pilotA: { id: number, title: string }
let pilotB: { id: number, title: string }
/** A pilot with the component that RKI does not take part in */
let foreign: { id: number }
const restore: Organisation[] = []

/** Consolidated results of a pilot in the suite's month. */
async function results(pilotId: number): Promise<Results> {
	return expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&month=${period.month}`)
}

/** How many overall scores of the component a pilot's results count. */
async function n(pilotId: number): Promise<number> {
	return (await results(pilotId)).components.find((c) => c.componentId === component.id)?.overall.n ?? 0
}

/** Runs the queued report jobs with occ until the report is done or failed. */
async function finished(report: Report): Promise<Report> {
	let current = report
	for (let attempt = 0; attempt < 30 && (current.status === 'queued' || current.status === 'running'); attempt++) {
		execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'], { stdio: 'pipe', timeout: 120_000 })
		current = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${report.id}`)
	}
	return current
}

/** The CSV export of a pilot in the suite's month, as text. */
async function exportOf(pilotId: number): Promise<string> {
	const report = await finished(await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: period.month, language: 'en' }))
	expect(report.status, report.error ?? '').toBe('done')
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${report.path!.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`bmi:${DEMO_PASSWORD}`).toString('base64')}` } })
	expect(response.status, `GET ${url}`).toBe(200)
	return response.text()
}

/** The rows of every table of the monthly ODT report of the suite's month, by the caption above it. */
async function reportTables(): Promise<Map<string, string[][]>> {
	const report = await finished(await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'monthly', fileFormat: 'odt', month: period.month, language: 'en', releasedOnly: false }))
	expect(report.status, report.error ?? '').toBe('done')
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${report.path!.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`bmi:${DEMO_PASSWORD}`).toString('base64')}` } })
	const file = join(tmpdir(), `pf-per-pilot-${uid()}.odt`)
	writeFileSync(file, Buffer.from(await response.arrayBuffer()))
	const content = execFileSync('unzip', ['-p', file, 'content.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8')
	rmSync(file)
	const text = (xml: string): string => xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim()
	const tables = new Map<string, string[][]>()
	for (const match of content.matchAll(/<text:p text:style-name="[^"]*caption[^"]*">(.*?)<\/text:p>(?:(?!<text:p).)*?<table:table (.*?)<\/table:table>/gs)) {
		const rows = [...match[2]!.matchAll(/<table:table-row[^>]*>(.*?)<\/table:table-row>/gs)]
			.map((row) => [...row[1]!.matchAll(/<table:table-cell[^>]*?(?:\/>|>(.*?)<\/table:table-cell>)/gs)].map((cell) => text(cell[1] ?? '')))
		tables.set(text(match[1]!), rows)
	}
	return tables
}

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	const name = `Shared component ${uid()}`
	component = { id: (await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name, category: 'other' })).id, name }
	other = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `Other component ${uid()}`, category: 'other' })).id
	const pilot = async (title: string, componentIds: number[]): Promise<{ id: number, title: string }> => {
		const created = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title, status: 'active', componentIds })
		return { id: created.id, title }
	}
	pilotA = await pilot(`Per-pilot A ${uid()}`, [component.id, other])
	pilotB = await pilot(`Per-pilot B ${uid()}`, [component.id])
	foreign = await pilot(`Per-pilot foreign ${uid()}`, [component.id])
	for (const [org, pilotIds] of [[s.rki, [pilotA.id, pilotB.id]], [s.bsh, [foreign.id]]] as const) {
		restore.push(org)
		await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: [...org.pilotIds, ...pilotIds] })
	}
})

afterAll(async () => {
	for (const org of restore) {
		await api('admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: org.pilotIds })
	}
	for (const pilot of [pilotA, pilotB, foreign]) {
		if (pilot !== undefined) {
			await api('admin', 'DELETE', `/pilots/${pilot.id}`)
		}
	}
	if (period !== undefined) {
		await setPeriodStatus(period.id, 'closed')
	}
})

describe('saving names the pilot when the component is in several', () => {
	it('refuses a save without the pilot, naming both pilots', async () => {
		const answer = await api('rki-tester1', 'PUT', `/ratings/${period.id}/${component.id}`, { overall: 4, comment: '', scores: [] })
		expect(answer.status, answer.text.slice(0, 300)).toBe(400)
		expect(answer.data.message).toContain('several pilots')
		expect(answer.data.message).toContain(pilotA.title)
		expect(answer.data.message).toContain(pilotB.title)
		expect(answer.data.message).toContain('pilotId')
	})

	it('needs no pilot for a component in one pilot only', async () => {
		const saved = await expectApi<{ pilotId: number }>(200, 'rki-tester2', 'PUT', `/ratings/${period.id}/${other}`, { overall: 2, comment: '', scores: [] })
		expect(saved.pilotId).toBe(pilotA.id)
	})

	it.each([
		['an unknown pilot', () => 999999999, 404],
		['a pilot RKI does not take part in', () => foreign.id, 403],
		['a pilot without the component', () => s.activePilots.find((p) => !p.componentIds.includes(component.id))!.id, 400],
	])('refuses %s with a message', async (_name, pilotId, status) => {
		const answer = await api('rki-tester1', 'PUT', `/ratings/${period.id}/${component.id}`, { overall: 4, comment: '', scores: [], pilotId: pilotId() })
		expect(answer.status, answer.text.slice(0, 300)).toBe(status)
		expect(answer.data.message.length).toBeGreaterThan(10)
	})
})

describe('a rating counts in its own pilot only', () => {
	beforeAll(async () => {
		const saved = await expectApi<{ pilotId: number, componentId: number }>(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${component.id}`, { overall: 4, comment: 'Rated in pilot A', scores: [{ criterionId: s.criteria[0].id, score: 5 }], pilotId: pilotA.id })
		expect(saved).toMatchObject({ pilotId: pilotA.id, componentId: component.id })
	})

	it('the sheet lists the component in both pilots and the assessment in one', async () => {
		const sheet = await expectApi<Sheet>(200, 'rki-tester1', 'GET', `/ratings?periodId=${period.id}`)
		expect(sheet.pilots.find((p) => p.id === pilotA.id)?.componentIds).toContain(component.id)
		expect(sheet.pilots.find((p) => p.id === pilotB.id)?.componentIds).toEqual([component.id])
		expect(sheet.pilots.map((p) => p.id)).not.toContain(foreign.id)
		expect(sheet.assessments.filter((a) => a.componentId === component.id)).toEqual([expect.objectContaining({ pilotId: pilotA.id, overall: 4, rated: true })])
	})

	it('the consolidation counts it in pilot A (n = 1) and not in pilot B (n = 0)', async () => {
		expect(await n(pilotA.id)).toBe(1)
		expect(await n(pilotB.id)).toBe(0)
	})

	it.skipIf(SERVER_DIR === '')('the export of pilot A has the rating, that of pilot B no row of the component, and a draft is in neither', async () => {
		// a draft (a comment alone) in pilot B by another tester: never exported
		await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${period.id}/${component.id}`, { overall: null, comment: 'A draft in pilot B', scores: [], pilotId: pilotB.id })
		const a = await exportOf(pilotA.id)
		expect(a).toContain(component.name)
		expect(a).toContain('Rated in pilot A')
		const b = await exportOf(pilotB.id)
		expect(b).not.toContain(component.name)
		expect(b).not.toContain('A draft in pilot B')
		expect(a).not.toContain('A draft in pilot B')
	})

	it.skipIf(SERVER_DIR === '')('the monthly report counts it in pilot A\'s summary and not in pilot B\'s', async () => {
		const tables = await reportTables()
		const summaryOf = (pilot: { title: string }): string[] | undefined => tables.get(`Management summary of ${pilot.title} in ${period.month}`)?.find((row) => row[0] === component.name)
		// component, mean, n, change, trend, light, open critical/high
		expect(summaryOf(pilotA)?.slice(0, 3)).toEqual([component.name, '4.00', '1'])
		expect(summaryOf(pilotB)?.slice(0, 3)).toEqual([component.name, 'no data', '0'])
	})

	it('a second rating in pilot B is a separate assessment, counted there only', async () => {
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${component.id}`, { overall: 2, comment: '', scores: [], pilotId: pilotB.id, version: 0 })
		expect(await n(pilotA.id)).toBe(1)
		expect(await n(pilotB.id)).toBe(1)
		const a = (await results(pilotA.id)).components.find((c) => c.componentId === component.id)
		expect(a?.overall.mean).toBe(4)
		const sheet = await expectApi<Sheet>(200, 'rki-tester1', 'GET', `/ratings?periodId=${period.id}`)
		expect(sheet.assessments.filter((x) => x.componentId === component.id).map((x) => [x.pilotId, x.overall]).sort()).toEqual([[pilotA.id, 4], [pilotB.id, 2]].sort())
	})
})
