/**
 * Reports as PDF where Nextcloud can make them: through its file conversion API, when an app
 * provides a conversion from ODT to PDF (Nextcloud Office does). Without such a provider PDF is
 * not offered and asked for it gets a 400 that says what is missing. With the fixture app
 * pf_test_conversion (a provider that runs LibreOffice headless, copied into custom_apps and
 * enabled with occ for this suite only), a quarterly report made as PDF is a real PDF in the
 * requester's Files, with the report's title and the mean the suite's ratings give.
 *
 * Needs NEXTCLOUD_SERVER_DIR (occ, custom_apps) and soffice and pdftotext on the PATH.
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, expectApi, seed } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const APP = 'pf_test_conversion'

let s: Seed
let pilotId: number
let component: { id: number, name: string }
let quarter: string
let period: Period | undefined
const work = mkdtempSync(join(tmpdir(), 'pf-report-pdf-'))

interface Report { id: number, status: 'queued' | 'running' | 'done' | 'failed', error: string | null, fileName: string | null, path: string | null, format: string }

/** Runs occ on the server under test. */
function occ(...args: string[]): { status: number, stdout: string, stderr: string } {
	const result = spawnSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8', timeout: 180_000 })
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Waits until the server offers PDF (or no longer does) in several answers in a row. An app
 * enabled or disabled with occ is seen by a running app server only once its cached app config
 * expires (Nextcloud keeps it 3 s per server, in APCu); behind a balancer consecutive answers
 * come from each of the servers.
 */
async function untilPdfOffered(offered: boolean): Promise<void> {
	const deadline = Date.now() + 20_000
	let inARow = 0
	while (inARow < 4) {
		const documents = (await expectApi<{ documents: string[] }>(200, 'bmi', 'GET', '/reports/formats')).documents
		inARow = documents.includes('pdf') === offered ? inARow + 1 : 0
		if (inARow === 0) {
			expect(Date.now(), `PDF ${offered ? 'still not offered' : 'still offered'}: ${documents.join(', ')}`).toBeLessThan(deadline)
			await new Promise((resolve) => setTimeout(resolve, 250))
		}
	}
}

/** Asks for a report as bmi and waits until it is made (running the queued job with occ when it is queued). */
async function make(body: Record<string, unknown>): Promise<Report> {
	let report = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { pilotId, language: 'en', ...body })
	for (let attempt = 0; attempt < 20 && (report.status === 'queued' || report.status === 'running'); attempt++) {
		occ('background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob')
		report = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${report.id}`)
	}
	return report
}

/** The file's bytes from bmi's Files, over WebDAV. */
async function download(path: string): Promise<Buffer> {
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${path.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`bmi:${DEMO_PASSWORD}`).toString('base64')}` } })
	expect(response.status, `GET ${url}`).toBe(200)
	return Buffer.from(await response.arrayBuffer())
}

beforeAll(async () => {
	if (SERVER_DIR === '') {
		return
	}
	// This suite asks for several reports as bmi: lift the rate limit of POST /reports (as reports.spec.ts does).
	for (const [key, value] of [['limit', '100000'], ['period', '600']]) {
		occ('config:system:set', 'ratelimit_overwrite', 'pilotfeedback.report.create', 'user', key, `--value=${value}`, '--type=integer')
	}
	occ('app:disable', APP)
	await untilPdfOffered(false)
	s = await seed()
	const pilot = s.activePilots[0]!
	pilotId = pilot.id
	component = { id: pilot.componentIds[0]!, name: s.catalogue.components.find((c) => c.id === pilot.componentIds[0])!.name }
	// A quarter of its own, in a free year of the 18th century: two overall scores, 4 and 1, mean 2.5.
	const taken = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month))
	const year = Array.from({ length: 100 }, (_, i) => 1700 + i).sort(() => Math.random() - 0.5).find((y) => ['01', '02', '03'].every((m) => !taken.has(`${y}-${m}`)))!
	quarter = `${year}-Q1`
	period = await expectApi<Period>(201, 'admin', 'POST', '/periods', { month: `${year}-01` })
	for (const [user, overall] of [['rki-tester1', 4], ['bsh-tester1', 1]] as const) {
		await expectApi(200, user, 'PUT', `/ratings/${period.id}/${component.id}`, { overall, comment: null, scores: [] })
	}
})

afterAll(async () => {
	if (SERVER_DIR === '') {
		return
	}
	occ('app:disable', APP)
	rmSync(join(SERVER_DIR, 'custom_apps', APP), { recursive: true, force: true })
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
	rmSync(work, { recursive: true, force: true })
})

describe.skipIf(SERVER_DIR === '')('PDF through Nextcloud\'s file conversion', () => {
	it('without a conversion provider PDF is not offered, and asked for it is a 400 that says what is missing', async () => {
		const formats = await expectApi<{ documents: string[], exports: string[] }>(200, 'bmi', 'GET', '/reports/formats')
		expect(formats.documents).toContain('odt')
		expect(formats.documents).not.toContain('pdf')
		const refused = await api('bmi', 'POST', '/reports', { type: 'quarterly', fileFormat: 'pdf', quarter, pilotId, language: 'en' })
		expect(refused.status, refused.text.slice(0, 300)).toBe(400)
		expect(refused.data.message).toMatch(/PDF needs a file conversion provider such as Nextcloud Office/)
	})

	describe('with a provider (the fixture app pf_test_conversion, LibreOffice headless)', () => {
		beforeAll(async () => {
			cpSync(new URL(`../fixtures/apps/${APP}`, import.meta.url), join(SERVER_DIR, 'custom_apps', APP), { recursive: true })
			const enabled = occ('app:enable', APP)
			expect(enabled.status, enabled.stdout + enabled.stderr).toBe(0)
			await untilPdfOffered(true)
		})

		it('PDF is offered for reports, not for exports', async () => {
			const formats = await expectApi<{ documents: string[], exports: string[] }>(200, 'bmi', 'GET', '/reports/formats')
			expect(formats.documents).toContain('pdf')
			expect(formats.exports).not.toContain('pdf')
			const refused = await api('bmi', 'POST', '/reports', { type: 'export', fileFormat: 'pdf', quarter, pilotId, language: 'en' })
			expect(refused.status, refused.text.slice(0, 300)).toBe(400)
		})

		it('a quarterly report as PDF is a PDF in Files with the report\'s title and figures', async () => {
			const report = await make({ type: 'quarterly', fileFormat: 'pdf', quarter })
			expect(report.status, report.error ?? '').toBe('done')
			expect(report.format).toBe('pdf')
			expect(report.fileName).toMatch(/^Quarterly report - .*\.pdf$/)
			expect(report.path).toBe(`Pilot Feedback/Reports/${quarter}/${report.fileName}`)
			const bytes = await download(report.path!)
			expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
			const file = join(work, 'report.pdf')
			writeFileSync(file, bytes)
			const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
			expect(text).toContain('Quarterly report')
			expect(text).toContain('Mean overall score per component')
			expect(text).toMatch(new RegExp(`^\\s*${component.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+2\\.50?\\s*$`, 'm'))
		}, 300_000)
	})
})
