/**
 * The management summary and "released feedback only" of the monthly and quarterly reports,
 * against a real Nextcloud: the traffic light's thresholds are the admin's alone (403 for a
 * consolidator, a coordinator and a tester; 400 with a message for thresholds out of range or
 * green not above amber); a report's releasedOnly defaults to whether its period is closed,
 * is in the report's JSON and on its title page; and the summary's sentence counts the lights
 * of the consolidated results the API gives for the same pilot, period and feedback.
 *
 * The suite rates in a month of its own (18th century): RKI rates the first component 5 and
 * releases the month, BSH rates the second 2 and does not.
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, expectApi, fixturePeriod, freeMonth, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

/** The Nextcloud server folder (for occ); scripts/test-integration.sh sets it. */
const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

interface Settings { consolidatorGroup: string, lowRatingThreshold: number, trafficLightGreen: number, trafficLightAmber: number }
interface Report { id: number, status: string, error: string | null, path: string | null, releasedOnly: boolean }
interface Results { releasedOnly: boolean, components: { componentId: number, overall: { mean: number | null, n: number } }[] }

let s: Seed
let pilotId: number
let componentIds: number[]
let period: Period
let saved: Settings
const work = mkdtempSync(join(tmpdir(), 'pf-summary-'))

/** The text of a document's content.xml (tags dropped, spaces collapsed), read from the requester's Files. */
async function documentText(report: Report): Promise<string> {
	expect(report.status, report.error ?? '').toBe('done')
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${report.path!.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`bmi:${DEMO_PASSWORD}`).toString('base64')}` } })
	expect(response.status, `GET ${url}`).toBe(200)
	const file = join(work, `${uid()}.odt`)
	writeFileSync(file, Buffer.from(await response.arrayBuffer()))
	const xml = execFileSync('unzip', ['-p', file, 'content.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8')
	return xml.replace(/<text:s\/>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ')
}

/** A monthly report of the suite's month as bmi, in English, as ODT. */
function monthly(extra: Record<string, unknown> = {}): Promise<Report> {
	return expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'monthly', fileFormat: 'odt', pilotId, month: period.month, language: 'en', ...extra })
}

/** The summary's sentence for the API's results with the given thresholds. */
function sentence(results: Results, green: number, amber: number, urgent: number): string {
	const means = results.components.filter((c) => componentIds.includes(c.componentId)).map((c) => c.overall.mean)
	const count = (test: (mean: number) => boolean): number => means.filter((m) => m !== null && test(m)).length
	const none = means.filter((m) => m === null).length
	const lights = `${count((m) => m >= green)} of ${means.length} components green, ${count((m) => m < green && m >= amber)} amber, ${count((m) => m < amber)} red`
	return `${lights}${none > 0 ? `, ${none} without data` : ''}; open critical or high items: ${urgent}.`
}

/**
 * How many of the pilot's components the summary lists: those of its results (the catalogue's
 * list may also hold a component another suite archived, which has no figures).
 *
 * @param results the consolidated results of the report's scope
 */
function shown(results: Results): number {
	return results.components.filter((c) => componentIds.includes(c.componentId)).length
}

beforeAll(async () => {
	if (SERVER_DIR !== '') {
		for (const [key, value] of [['limit', '100000'], ['period', '600']]) {
			execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'config:system:set', 'ratelimit_overwrite', 'pilotfeedback.report.create', 'user', key, `--value=${value}`, '--type=integer'], { stdio: 'pipe', timeout: 60_000 })
		}
	}
	s = await seed()
	const pilot = s.activePilots.find((p) => p.componentIds.length >= 2)!
	pilotId = pilot.id
	componentIds = pilot.componentIds
	saved = await expectApi<Settings>(200, 'admin', 'GET', '/settings')
	await expectApi(200, 'admin', 'PUT', '/settings', { trafficLightGreen: 4, trafficLightAmber: 3 })
	period = await fixturePeriod(await freeMonth(1700, 100))
	await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${componentIds[0]}`, { overall: 5, comment: '', scores: [], pilotId })
	await expectApi(200, 'bsh-tester1', 'PUT', `/ratings/${period.id}/${componentIds[1]}`, { overall: 2, comment: '', scores: [], pilotId })
	await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
})

afterAll(async () => {
	if (saved !== undefined) {
		await api('admin', 'PUT', '/settings', { trafficLightGreen: saved.trafficLightGreen, trafficLightAmber: saved.trafficLightAmber })
	}
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
	rmSync(work, { recursive: true, force: true })
})

describe('the traffic light thresholds', () => {
	it('are part of the admin settings', async () => {
		const settings = await expectApi<Settings>(200, 'admin', 'GET', '/settings')
		expect(settings.trafficLightGreen).toBe(4)
		expect(settings.trafficLightAmber).toBe(3)
	})

	it.each([['bmi'], ['rki-coord'], ['rki-tester1']] as const)('%s may not change them (403), and nothing changes', async (login) => {
		const answer = await api(login, 'PUT', '/settings', { trafficLightGreen: 2, trafficLightAmber: 1 })
		expect(answer.status, answer.text.slice(0, 300)).toBe(403)
		const settings = await expectApi<Settings>(200, 'admin', 'GET', '/settings')
		expect([settings.trafficLightGreen, settings.trafficLightAmber]).toEqual([4, 3])
	})

	it.each([
		['green not above amber', { trafficLightGreen: 3, trafficLightAmber: 3.5 }, /green above amber/],
		['green above 5', { trafficLightGreen: 5.5 }, /Green from.*1.*5/],
		['amber below 1', { trafficLightAmber: 0 }, /Amber from.*1.*5/],
		['not a number', { trafficLightGreen: 'high' }, /Green from/],
		['green below the saved amber', { trafficLightGreen: 2.5 }, /green above amber/],
	])('%s is refused with a message (400)', async (_what, body, message) => {
		const answer = await api('admin', 'PUT', '/settings', body)
		expect(answer.status, answer.text.slice(0, 300)).toBe(400)
		expect(answer.data.message).toMatch(message)
		const settings = await expectApi<Settings>(200, 'admin', 'GET', '/settings')
		expect([settings.trafficLightGreen, settings.trafficLightAmber]).toEqual([4, 3])
	})

	it('an admin sets them, and reports use them', async () => {
		const settings = await expectApi<Settings>(200, 'admin', 'PUT', '/settings', { trafficLightGreen: 4.5, trafficLightAmber: '2.5' })
		expect([settings.trafficLightGreen, settings.trafficLightAmber]).toEqual([4.5, 2.5])
		try {
			const text = await documentText(await monthly({ releasedOnly: false }))
			expect(text).toContain('green from a mean of 4.5, ▲ amber from 2.5')
			const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&month=${period.month}&releasedOnly=false`)
			expect(text).toContain(sentence(results, 4.5, 2.5, 0))
		} finally {
			await expectApi(200, 'admin', 'PUT', '/settings', { trafficLightGreen: 4, trafficLightAmber: 3 })
		}
	})
})

describe('released feedback only', () => {
	it('is off by default while the period is open, and the summary counts all feedback', async () => {
		await setPeriodStatus(period.id, 'open')
		const report = await monthly()
		expect(report.releasedOnly).toBe(false)
		const text = await documentText(report)
		expect(text).toContain('Figures: all feedback, released or not')
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&month=${period.month}&releasedOnly=false`)
		// 5 (green) and 2 (red) from RKI and BSH; the other components have no scores
		expect(text).toContain(sentence(results, 4, 3, 0))
		expect(text).toContain(`1 of ${shown(results)} components green, 0 amber, 1 red`)
		expect(text).toContain('Management summary')
	})

	it('is on by default once the period is closed, and the summary counts released feedback only', async () => {
		await setPeriodStatus(period.id, 'closed')
		const report = await monthly()
		expect(report.releasedOnly).toBe(true)
		expect((await expectApi<Report>(200, 'bmi', 'GET', `/reports/${report.id}`)).releasedOnly).toBe(true)
		const text = await documentText(report)
		expect(text).toContain('Figures: released feedback only')
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&month=${period.month}&releasedOnly=true`)
		expect(results.releasedOnly).toBe(true)
		// only RKI released: its 5 stays, BSH's 2 is not counted
		expect(text).toContain(sentence(results, 4, 3, 0))
		expect(text).toContain(`1 of ${shown(results)} components green, 0 amber, 0 red`)
	})

	it('follows the request when it is given', async () => {
		const report = await monthly({ releasedOnly: false })
		expect(report.releasedOnly).toBe(false)
		expect(await documentText(report)).toContain('Figures: all feedback, released or not')
		const quarter = `${period.month.slice(0, 4)}-Q${Math.floor((Number(period.month.slice(5)) - 1) / 3) + 1}`
		const quarterly = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'quarterly', fileFormat: 'odt', pilotId, quarter, language: 'en', releasedOnly: true })
		expect(quarterly.releasedOnly).toBe(true)
		expect(await documentText(quarterly)).toContain('Figures: released feedback only')
	})

	it('must be true or false (400)', async () => {
		const answer = await api('bmi', 'POST', '/reports', { type: 'monthly', fileFormat: 'odt', pilotId, month: period.month, releasedOnly: 'sometimes' })
		expect(answer.status, answer.text.slice(0, 300)).toBe(400)
		expect(answer.data.message).toMatch(/Released feedback only/)
	})
})
