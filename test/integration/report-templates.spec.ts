/**
 * The authority's layout: an administrator chooses an ODT and a DOCX letterhead (made by
 * LibreOffice: test/fixtures/templates) from their Files, and the reports made afterwards
 * carry its header with the logo and its footer, with the report's page numbers. A file that
 * cannot serve gets a 400 with the reason when it is chosen; only administrators choose.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, expectApi, seed, uid } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const FIXTURES = new URL('../fixtures/templates/', import.meta.url)
const folder = `pf-templates-${uid()}`
const work = mkdtempSync(join(tmpdir(), 'pf-templates-'))

interface Report { id: number, status: string, error: string | null, path: string | null }

function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

async function dav(method: string, user: string, password: string, path: string, body?: Buffer): Promise<Response> {
	return fetch(`${NEXTCLOUD_URL}/remote.php/dav/files/${user}/${path.split('/').map(encodeURIComponent).join('/')}`, { method, headers: { Authorization: basic(user, password) }, body: body === undefined ? undefined : new Uint8Array(body) })
}

async function upload(name: string, bytes: Buffer): Promise<string> {
	const response = await dav('PUT', 'admin', ADMIN_PASSWORD, `${folder}/${name}`, bytes)
	expect([201, 204]).toContain(response.status)
	return `${folder}/${name}`
}

async function report(fileFormat: string, pilotId: number, period: string): Promise<Buffer> {
	let made = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'monthly', pilotId, month: period, fileFormat, language: 'de' })
	for (let attempt = 0; attempt < 30 && (made.status === 'queued' || made.status === 'running'); attempt++) {
		execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'], { stdio: 'pipe', timeout: 120_000 })
		made = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${made.id}`)
	}
	expect(made.status, made.error ?? '').toBe('done')
	const file = await dav('GET', 'bmi', DEMO_PASSWORD, made.path!)
	expect(file.status).toBe(200)
	return Buffer.from(await file.arrayBuffer())
}

/** The text LibreOffice lays out on the document's pages, headers and footers included. */
function pdfText(bytes: Buffer, extension: string): string {
	const source = join(work, `report-${uid()}.${extension}`)
	writeFileSync(source, bytes)
	execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, source], { stdio: 'pipe', timeout: 180_000 })
	return execFileSync('pdftotext', ['-layout', source.replace(/\.\w+$/, '.pdf'), '-'], { encoding: 'utf8' })
}

beforeAll(async () => {
	expect((await dav('MKCOL', 'admin', ADMIN_PASSWORD, folder)).status).toBe(201)
})

afterAll(async () => {
	await api('admin', 'DELETE', '/settings/report-templates/odt')
	await api('admin', 'DELETE', '/settings/report-templates/docx')
	await dav('DELETE', 'admin', ADMIN_PASSWORD, folder)
	rmSync(work, { recursive: true, force: true })
})

describe('choosing a template', () => {
	it('is for administrators only', async () => {
		for (const login of ['bmi', 'rki-coord', 'rki-tester1'] as const) {
			expect((await api(login, 'GET', '/settings/report-templates')).status).toBe(403)
			expect((await api(login, 'PUT', '/settings/report-templates/odt', { path: 'x.odt' })).status).toBe(403)
			expect((await api(login, 'DELETE', '/settings/report-templates/odt')).status).toBe(403)
		}
		expect((await api(null, 'GET', '/settings/report-templates')).status).toBe(401)
	})

	it('refuses what cannot serve, with a reason, and keeps the built-in layout', async () => {
		const picture = await upload('logo.odt', Buffer.from('%PDF-1.7 this is no document'))
		const wrongKind = await upload('letterhead-as-docx.docx', readFileSync(new URL('letterhead.odt', FIXTURES)))
		const cases: [string, unknown, number, RegExp][] = [
			['odt', { path: picture }, 400, /no zip package/],
			['docx', { path: wrongKind }, 400, /no Word document/],
			['odt', { path: `${folder}/missing.odt` }, 404, /no file/],
			['odt', { path: folder }, 400, /is a folder/],
			['odt', {}, 400, /Choose a file/],
			['pdf', { path: picture }, 400, /odt or docx/],
		]
		for (const [format, body, status, message] of cases) {
			const response = await api('admin', 'PUT', `/settings/report-templates/${format}`, body)
			expect(response.status, `${format} ${JSON.stringify(body)}: ${response.text.slice(0, 300)}`).toBe(status)
			expect(response.text).toMatch(message)
		}
		expect(await expectApi(200, 'admin', 'GET', '/settings/report-templates')).toEqual({ odt: null, docx: null })
	})
})

describe.skipIf(SERVER_DIR === '')('reports in the chosen layout', () => {
	it('carry the letterhead\'s header, logo and footer, with page numbers, in ODT and DOCX', async () => {
		const s = await seed()
		const pilotId = s.activePilots[0]!.id
		const period = s.openPeriod.month
		for (const format of ['odt', 'docx'] as const) {
			const path = await upload(`Briefkopf.${format}`, readFileSync(new URL(`letterhead.${format}`, FIXTURES)))
			const chosen = await expectApi(200, 'admin', 'PUT', `/settings/report-templates/${format}`, { path })
			expect(chosen).toMatchObject({ format, name: `Briefkopf.${format}`, chosenBy: 'admin' })

			const text = pdfText(await report(format, pilotId, period), format)
			const pages = text.split('\f').filter((page) => page.trim() !== '')
			expect(pages.length).toBeGreaterThan(2)
			pages.forEach((page, index) => {
				expect(page, `${format} page ${index + 1}`).toContain('Bundesministerium des Innern')
				expect(page, `${format} page ${index + 1}`).toContain('Alt-Moabit 140, 10557 Berlin')
				expect(page, `${format} page ${index + 1}`).toContain(`Seite ${index + 1} von ${pages.length}`)
			})
			expect(text).toContain('Monatlicher Statusbericht')
		}
		const both = await expectApi(200, 'admin', 'GET', '/settings/report-templates')
		expect(both.odt.name).toBe('Briefkopf.odt')
		expect(both.docx.name).toBe('Briefkopf.docx')
	})

	it('go back to the built-in layout when the template is removed', async () => {
		const s = await seed()
		expect(await expectApi(200, 'admin', 'DELETE', '/settings/report-templates/odt')).toMatchObject({ odt: null })
		const text = pdfText(await report('odt', s.activePilots[0]!.id, s.openPeriod.month), 'odt')
		expect(text).not.toContain('Bundesministerium des Innern')
		expect(text).toContain('Seite 1 von')
	})
})
