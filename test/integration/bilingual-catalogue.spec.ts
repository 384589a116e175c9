/**
 * A bilingual catalogue against a real Nextcloud: an administrator names a criterion in English
 * and German; the catalogue gives every reader the name in their own Nextcloud language, falling
 * back to the other one; the admin API refuses a criterion without any name with a message; and
 * a German report and export name the default criteria in German ("Bedienbarkeit"), an English
 * one in English ("Usability"). The criteria this suite creates are archived at its end.
 */
import type { Seed } from './setup/fixtures.ts'

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, asGermanUser, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

/** The Nextcloud server folder (for occ); scripts/test-integration.sh sets it. */
const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

interface Criterion {
	id: number
	name: string
	nameEn: string
	nameDe: string
	description: string
	descriptionEn: string
	descriptionDe: string
}
interface Report { id: number, status: string, error: string | null, path: string | null }

let s: Seed
const created: number[] = []
const work = mkdtempSync(join(tmpdir(), 'pf-bilingual-'))

/** The criterion with this id as `login` reads it in the catalogue. */
async function catalogueCriterion(login: 'rki-tester2', id: number): Promise<Criterion | undefined> {
	const catalogue = await expectApi<{ criteria: Criterion[] }>(200, login, 'GET', '/catalogue')
	return catalogue.criteria.find((c) => c.id === id)
}

/** Asks for a report as bmi, runs the queued job with occ and returns the text of every part of its file. */
async function reportText(body: Record<string, unknown>): Promise<string> {
	let report = await expectApi<Report>(200, 'bmi', 'POST', '/reports', body)
	for (let attempt = 0; attempt < 30 && (report.status === 'queued' || report.status === 'running'); attempt++) {
		execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'], { stdio: 'pipe', timeout: 120_000 })
		report = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${report.id}`)
	}
	expect(report.status, report.error ?? '').toBe('done')
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${report.path!.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`bmi:${DEMO_PASSWORD}`).toString('base64')}` } })
	expect(response.status, `GET ${url}`).toBe(200)
	const bytes = Buffer.from(await response.arrayBuffer())
	if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
		return bytes.toString('utf8')
	}
	const file = join(work, `${uid()}.zip`)
	writeFileSync(file, bytes)
	return execFileSync('unzip', ['-p', file], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')
}

/** The quarter (YYYY-Qn) of a month YYYY-MM. */
function quarterOf(month: string): string {
	const [year, m] = month.split('-').map(Number)
	return `${year}-Q${Math.floor((m! - 1) / 3) + 1}`
}

beforeAll(async () => {
	s = await seed()
})

afterAll(async () => {
	for (const id of created) {
		await api('admin', 'DELETE', `/criteria/${id}`)
	}
	rmSync(work, { recursive: true, force: true })
})

describe('a criterion named in English and German', () => {
	it('is saved with both names and descriptions', async () => {
		const suffix = uid()
		const criterion = await expectApi<Criterion>(201, 'admin', 'POST', '/criteria', {
			name: `Clarity ${suffix}`,
			nameDe: `Verständlichkeit ${suffix}`,
			description: 'How clear the screens are.',
			descriptionDe: 'Wie verständlich die Masken sind.',
			sortOrder: 9000,
		})
		created.push(criterion.id)
		expect(criterion).toMatchObject({ nameEn: `Clarity ${suffix}`, nameDe: `Verständlichkeit ${suffix}`, descriptionDe: 'Wie verständlich die Masken sind.' })

		// an English reader reads the English name
		expect(await catalogueCriterion('rki-tester2', criterion.id)).toMatchObject({ name: `Clarity ${suffix}`, description: 'How clear the screens are.' })
		// a German reader the German one, from the same endpoint
		const german = await asGermanUser('rki-tester2', () => catalogueCriterion('rki-tester2', criterion.id))
		expect(german).toMatchObject({ name: `Verständlichkeit ${suffix}`, description: 'Wie verständlich die Masken sind.' })
	})

	it('falls back to the other language when one name is missing', async () => {
		const suffix = uid()
		const criterion = await expectApi<Criterion>(201, 'admin', 'POST', '/criteria', { nameDe: `Datenschutz ${suffix}`, sortOrder: 9001 })
		created.push(criterion.id)
		expect(criterion.nameEn).toBe('')
		expect((await catalogueCriterion('rki-tester2', criterion.id))?.name).toBe(`Datenschutz ${suffix}`)

		// an update that sends only the English name keeps the German one
		const updated = await expectApi<Criterion>(200, 'admin', 'PUT', `/criteria/${criterion.id}`, { name: `Data protection ${suffix}` })
		expect([updated.nameEn, updated.nameDe]).toEqual([`Data protection ${suffix}`, `Datenschutz ${suffix}`])
	})

	it('is refused without any name, with a message that says what to do', async () => {
		const answer = await api('admin', 'POST', '/criteria', { name: ' ', nameDe: '', sortOrder: 9002 })
		expect(answer.status).toBe(400)
		expect(answer.data.message).toBe('Name must not be empty: enter it in English, in German or in both.')
		const tooLong = await api('admin', 'POST', '/criteria', { name: 'Fine', nameDe: 'ä'.repeat(256) })
		expect(tooLong.status).toBe(400)
		expect(tooLong.data.message).toMatch(/Name \(Deutsch\).*255/)
		// someone who may not manage the catalogue gets no further than before
		expect((await api('rki-tester2', 'POST', '/criteria', { name: 'Nope', nameDe: 'Nein' })).status).toBe(403)
	})
})

describe('the default catalogue', () => {
	it('names its criteria in the reader\'s language', async () => {
		const english = await expectApi<{ criteria: Criterion[] }>(200, 'rki-tester2', 'GET', '/catalogue')
		const german = await asGermanUser('rki-tester2', () => expectApi<{ criteria: Criterion[] }>(200, 'rki-tester2', 'GET', '/catalogue'))
		const usability = english.criteria.find((c) => c.nameEn === 'Usability')
		expect(usability?.name).toBe('Usability')
		expect(german.criteria.find((c) => c.id === usability?.id)?.name).toBe('Bedienbarkeit')
		expect(german.criteria.map((c) => c.name)).toEqual(expect.arrayContaining(['Funktionalität', 'Stabilität', 'Barrierefreiheit']))
	})
})

describe.skipIf(SERVER_DIR === '')('documents in the report\'s language', () => {
	it('a German quarterly report and export name the criteria in German, an English one in English', async () => {
		const pilotId = s.activePilots[0]!.id
		// A rating of a (closed, unreleased) period of its own, so that the report has a criterion row to name.
		const period = await freshPeriod()
		const usability = s.criteria.find((c) => c.name === 'Usability')!
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${s.activePilots[0]!.componentIds[0]}`, { overall: 4, comment: '', scores: [{ criterionId: usability.id, score: 4 }], pilotId })
		await setPeriodStatus(period.id, 'closed')
		const quarter = quarterOf(period.month)
		const formats = await expectApi<{ documents: string[], exports: string[] }>(200, 'bmi', 'GET', '/reports/formats')
		const document = formats.documents.includes('odt') ? 'odt' : formats.documents[0]!

		const germanReport = await reportText({ type: 'quarterly', fileFormat: document, pilotId, quarter, language: 'de', releasedOnly: false })
		expect(germanReport).toContain('Bedienbarkeit')
		expect(germanReport).not.toMatch(/>Usability</)
		const englishReport = await reportText({ type: 'quarterly', fileFormat: document, pilotId, quarter, language: 'en', releasedOnly: false })
		expect(englishReport).toContain('Usability')
		expect(englishReport).not.toContain('Bedienbarkeit')

		const germanExport = await reportText({ type: 'export', fileFormat: 'csv', pilotId, quarter, language: 'de' })
		expect(germanExport).toContain('Bedienbarkeit')
		expect(germanExport).not.toContain('Usability')
	}, 300_000)
})
