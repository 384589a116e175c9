/**
 * Exports of a range of months against a real Nextcloud: the suite rates in twelve months of
 * its own (December to November of a free year of the 18th century), asks for an export of the
 * whole range and for one export per month, runs the queued jobs with the server's occ and reads
 * the files from the requester's Files over WebDAV. The range's CSV holds the rows of all twelve
 * months and equals the monthly CSVs put together (testers' pseudonyms aside, which each export
 * numbers afresh); its ODS and XLSX hold as many rows when LibreOffice reads them, and name the
 * range in their file name, metadata and last sheet, in the report's language. A bad range gets
 * a 400 that says what to send; coordinators get their own organisation's rows only, another
 * organisation's security finding never, testers and anonymous callers nothing.
 */
import type { Item, Period, Seed } from './setup/fixtures.ts'

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { parseCsv } from './setup/csv.ts'
import { api, createItem, expectApi, fixturePeriod, seed, uid } from './setup/fixtures.ts'

/** The Nextcloud server folder (for occ); scripts/test-integration.sh sets it. */
const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path))

type Tester = 'rki-tester1' | 'rki-tester2' | 'bsh-tester1' | 'bsh-tester2'
const TESTERS: Tester[] = ['rki-tester1', 'bsh-tester1', 'rki-tester2', 'bsh-tester2']

interface Report {
	id: number
	status: 'queued' | 'running' | 'done' | 'failed'
	error: string | null
	fileName: string | null
	path: string | null
	period: string
}

let s: Seed
let pilotId: number
let componentId: number
let criteria: { id: number, name: string }[]
const periods: Period[] = []
/** The twelve months, oldest first */
let months: string[]
let from: string
let to: string
let ratingCount = 0
let secret: Item | undefined
const work = mkdtempSync(join(tmpdir(), 'pf-export-ranges-'))

/** Runs the app's queued report jobs with occ. */
function runJobs(): void {
	execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'], { stdio: 'pipe', timeout: 120_000 })
}

/** Asks for an export as `login` and waits until it is made. */
async function make(body: Record<string, unknown>, login: 'bmi' | 'rki-coord' = 'bmi'): Promise<Report> {
	let report = await expectApi<Report>(200, login, 'POST', '/reports', { type: 'export', pilotId, language: 'en', ...body })
	for (let attempt = 0; attempt < 30 && (report.status === 'queued' || report.status === 'running'); attempt++) {
		runJobs()
		report = await expectApi<Report>(200, login, 'GET', `/reports/${report.id}`)
	}
	expect(report.status, report.error ?? '').toBe('done')
	return report
}

/** The file's bytes from the owner's Files, over WebDAV. */
async function download(user: string, path: string): Promise<Buffer> {
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/${encodeURIComponent(user)}/${path.split('/').map(encodeURIComponent).join('/')}`
	const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`${user}:${DEMO_PASSWORD}`).toString('base64')}` } })
	expect(response.status, `GET ${url}`).toBe(200)
	return Buffer.from(await response.arrayBuffer())
}

/** The ratings of a CSV export: the rows after the header. */
async function csvRows(report: Report, user = 'bmi'): Promise<string[][]> {
	const rows = parseCsv((await download(user, report.path!)).toString('utf8'))
	expect(rows[0]!.slice(0, 4)).toEqual(['Pilot', 'Month', 'Organisation', 'Tester'])
	return rows.slice(1)
}

/** One part of a zip package (ods, xlsx) as text. */
function partOf(bytes: Buffer, part: string): string {
	const file = join(work, `${uid()}.zip`)
	writeFileSync(file, bytes)
	return execFileSync('unzip', ['-p', file, part], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8')
}

/** Every part of a zip package as text. */
function allParts(bytes: Buffer): string {
	const file = join(work, `${uid()}.zip`)
	writeFileSync(file, bytes)
	return execFileSync('unzip', ['-p', file], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')
}

/** The first sheet of a spreadsheet as LibreOffice reads it (converted to CSV), as rows. */
function firstSheetBySoffice(bytes: Buffer, extension: string): string[][] {
	const dir = mkdtempSync(join(work, 'soffice-'))
	const file = join(dir, `export.${extension}`)
	writeFileSync(file, bytes)
	execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', join(dir, 'out'), file], { stdio: 'pipe', timeout: 180_000 })
	return parseCsv(readFileSync(join(dir, 'out', 'export.csv'), 'utf8')).filter((row) => row.some((cell) => cell !== ''))
}

beforeAll(async () => {
	for (const [key, value] of [['limit', '100000'], ['period', '600']]) {
		execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'config:system:set', 'ratelimit_overwrite', 'pilotfeedback.report.create', 'user', key, `--value=${value}`, '--type=integer'], { stdio: 'pipe', timeout: 60_000 })
	}
	s = await seed()
	const pilot = s.activePilots[0]!
	pilotId = pilot.id
	componentId = pilot.componentIds[0]!
	criteria = s.criteria.slice(0, 2)
	await expectApi(200, 'bmi', 'PUT', '/reports/folder', { folder: '' })
	await expectApi(200, 'rki-coord', 'PUT', '/reports/folder', { folder: '' })

	// December of a free year of the 18th century to November of the next: twelve months of our own.
	const taken = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month))
	const monthsOf = (year: number): string[] => Array.from({ length: 12 }, (_, i) => i === 0 ? `${year}-12` : `${year + 1}-${String(i).padStart(2, '0')}`)
	const years = Array.from({ length: 98 }, (_, i) => 1700 + i).sort(() => Math.random() - 0.5)
	const year = years.find((y) => monthsOf(y).every((m) => !taken.has(m)))!
	months = monthsOf(year)
	from = months[0]!
	to = months[11]!
	for (const month of months) {
		periods.push(await fixturePeriod(month))
	}
	// One or two ratings a month, by testers of both organisations in turn, two criteria each.
	for (const [i, period] of periods.entries()) {
		for (const tester of i % 3 === 0 ? [TESTERS[i % 4]!, TESTERS[(i + 1) % 4]!] : [TESTERS[i % 4]!]) {
			await expectApi(200, tester, 'PUT', `/ratings/${period.id}/${componentId}`, {
				pilotId,
				overall: 1 + (i % 5),
				comment: `Month ${i + 1}`,
				scores: criteria.map((c, k) => ({ criterionId: c.id, score: 1 + ((i + k) % 5) })),
			})
			ratingCount++
		}
	}
}, 300_000)

afterAll(async () => {
	for (const period of periods) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
	rmSync(work, { recursive: true, force: true })
})

describe('an export of twelve months', () => {
	let range: Report
	let rangeRows: string[][]

	it('holds the rows of all twelve months, in one file named after the range', async () => {
		range = await make({ fileFormat: 'csv', from, to })
		expect(range.period).toBe(`${from}--${to}`)
		expect(range.path).toBe(`Pilot Feedback/Reports/${from}--${to}/${range.fileName}`)
		expect(range.fileName).toMatch(new RegExp(`^Data export - ${from} to ${to} - .+\\.csv$`))
		rangeRows = await csvRows(range)
		expect([...new Set(rangeRows.map((row) => row[1]))]).toEqual(months)
		expect(rangeRows).toHaveLength(ratingCount * criteria.length)
		expect(new Set(rangeRows.map((row) => row[3])).size, 'one pseudonym per tester across the months').toBe(TESTERS.length)
	})

	it('equals the twelve monthly exports put together', async () => {
		const monthly: string[][] = []
		for (const month of months) {
			monthly.push(...await csvRows(await make({ fileFormat: 'csv', month })))
		}
		// each export numbers its testers afresh (T1, T2 … in order of first appearance)
		const withoutTester = (rows: string[][]): string[][] => rows.map((row) => row.filter((_, i) => i !== 3))
		expect(withoutTester(rangeRows)).toEqual(withoutTester(monthly))
	}, 300_000)

	it('holds as many rows as ODS and XLSX as LibreOffice reads them, and says the range in their metadata and last sheet', async () => {
		for (const format of ['ods', 'xlsx']) {
			const report = await make({ fileFormat: format, from, to })
			const bytes = await download('bmi', report.path!)
			const title = report.fileName!.replace(/\.[a-z]+$/, '').replaceAll('&', '&amp;')
			const parts = allParts(bytes)
			expect(parts.includes(`<dc:title>${title}</dc:title>`), `${format}: the title in the metadata`).toBe(true)
			expect(parts.includes('About this export'), `${format}: the last sheet`).toBe(true)
			expect(parts.includes(`${from} to ${to}`), `${format}: the range`).toBe(true)
			if (SOFFICE !== undefined) {
				const sheet = firstSheetBySoffice(bytes, format)
				expect(sheet[0]!.slice(0, 2), format).toEqual(['Pilot', 'Month'])
				expect(sheet.length - 1, format).toBe(ratingCount * criteria.length)
				expect([...new Set(sheet.slice(1).map((row) => row[1]))], format).toEqual(months)
			}
		}
	}, 600_000)

	it('says the range in German in a German export', async () => {
		const report = await make({ fileFormat: 'ods', from, to, language: 'de' })
		expect(report.fileName).toMatch(new RegExp(`^Datenexport - ${from} bis ${to} - .+\\.ods$`))
		const content = partOf(await download('bmi', report.path!), 'content.xml')
		expect(content).toContain('Über diesen Export')
		expect(content).toContain(`${from} bis ${to}`)
	})
})

describe('a range that is wrong gets a 400 that says what to send', () => {
	it.each([
		['a range that ends before it starts', () => ({ from: '2026-11', to: '2025-12' }), /starts in 2026-11, after it ends in 2025-12/],
		['a range longer than 36 months', () => ({ from: '2023-01', to: '2026-11' }), /47 months; at most 36/],
		['a malformed first month', () => ({ from: '2026-13', to: '2026-12' }), /From must be a month like 2026-01/],
		['a malformed last month', () => ({ from: '2026-01', to: 'December' }), /To must be a month like 2026-01/],
		['a range without its end', () => ({ from: '2026-01' }), /both from and to/],
		['a range and a month', () => ({ from, to, month: from }), /either month=YYYY-MM, quarter=YYYY-Qn, or from=YYYY-MM together with to=YYYY-MM/],
		['a range for a monthly report', () => ({ type: 'monthly', fileFormat: 'odt', from, to }), /for data exports only/],
	])('%s', async (_what, body, message) => {
		const answer = await api('bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, ...body() })
		expect(answer.status, answer.text.slice(0, 300)).toBe(400)
		expect(answer.data.message).toMatch(message)
	})

	it('a range without any reporting period is a 404 that names it', async () => {
		const answer = await api('bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, from: '1500-01', to: '1500-12' })
		expect(answer.status, answer.text.slice(0, 300)).toBe(404)
		expect(answer.data.message).toMatch(/1500-01 to 1500-12/)
	})
})

describe('who gets which rows of a range', () => {
	beforeAll(async () => {
		// a security finding of BSH, filed now: in the range that ends with the current month
		secret = await createItem('bsh-tester1', s, { type: 'security', title: `Secret ${uid()}` })
	})

	it('a coordinator gets the rows of their organisation only', async () => {
		const report = await make({ fileFormat: 'csv', from, to }, 'rki-coord')
		const rows = await csvRows(report, 'rki-coord')
		expect(rows.length).toBeGreaterThan(0)
		expect(new Set(rows.map((row) => row[2]))).toEqual(new Set([s.rki.name]))
		expect(rows.length).toBeLessThan(ratingCount * criteria.length)
	})

	it('another organisation\'s security finding is in no coordinator\'s export, and in the consolidator\'s', async () => {
		const now = new Date().toISOString().slice(0, 7)
		const yearAgo = `${Number(now.slice(0, 4)) - 1}-${now.slice(5, 7)}`
		const coordinator = await make({ fileFormat: 'xlsx', from: yearAgo, to: now }, 'rki-coord')
		expect(allParts(await download('rki-coord', coordinator.path!))).not.toContain(secret!.title)
		const consolidator = await make({ fileFormat: 'xlsx', from: yearAgo, to: now })
		expect(allParts(await download('bmi', consolidator.path!))).toContain(secret!.title)
	})

	it.each([
		['another organisation, by a coordinator', 'rki-coord', () => ({ organisationId: s.bsh.id }), 403],
		['tester names, by a coordinator', 'rki-coord', () => ({ withNames: true }), 403],
		['a tester', 'rki-tester1', () => ({}), 403],
		['an anonymous caller', null, () => ({}), 401],
	] as const)('%s is refused', async (_what, login, body, status) => {
		const answer = await api(login, 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, from, to, ...body() })
		expect(answer.status, answer.text.slice(0, 300)).toBe(status)
	})
})
