/**
 * Scheduled reports belong to the consolidators together (issue 17): the cadence saves a
 * report into the chosen consolidator's Files (bmi) and shares it read-only with the
 * consolidators' group, so that a second consolidator opens it (shares API, WebDAV) from the
 * link of their notification, which names whose Files hold it. With sharing off on the
 * server, the second consolidator is told whose Files hold it, without a link to a file they
 * cannot open.
 *
 * Needs NEXTCLOUD_SERVER_DIR for occ (scripts/test-integration.sh sets it).
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, NEXTCLOUD_URL } from './setup/client.ts'
import { api, asGermanUser, call, deleteUser, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

function occ(...args: string[]): { status: number, stdout: string, stderr: string } {
	const result = spawnSync('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8', timeout: 120_000 })
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

interface Report { id: number, origin: string, period: string, status: string, fileId: number | null, fileName: string | null, path: string | null, requestedBy: string }
interface Notification { object_type: string, object_id: string, subject: string, message: string, link: string }
interface Share { share_type: number, file_source: number, file_target: string, permissions: number, uid_owner: string, share_with: string }

/** The first Monday-to-Friday day of the month after `month` (YYYY-MM), when the cadence makes its report. */
function cadenceDay(month: string): string {
	const [year, number] = month.split('-').map(Number) as [number, number]
	let day = 1
	while ([0, 6].includes(new Date(Date.UTC(year, number, day)).getUTCDay())) {
		day++
	}
	return new Date(Date.UTC(year, number, day)).toISOString().slice(0, 10)
}

function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

describe.skipIf(SERVER_DIR === '')('scheduled reports are shared with the consolidators', () => {
	let s: Seed
	let documentFormat: string
	let group: string
	let groupName: string
	const periods: Period[] = []
	const second = { user: `pf-bmi2-${uid()}`, password: `Pf-${uid()}-${uid()}-Aa1!` }

	/** Runs the cadence for a fresh month and returns the report it made. */
	async function scheduledReport(): Promise<Report> {
		const period = await freshPeriod()
		periods.push(period)
		const run = occ('pilotfeedback:reports:cadence', `--date=${cadenceDay(period.month)}`)
		expect(run.status, run.stdout + run.stderr).toBe(0)
		expect(run.stdout).toContain(`monthly ${period.month} (pilot ${s.activePilots[0].id}): done`)
		const list = await expectApi<{ reports: Report[] }>(200, 'bmi', 'GET', '/reports?limit=100')
		const report = list.reports.find((r) => r.origin === 'cadence' && r.period === period.month)
		expect(report?.status).toBe('done')
		return report!
	}

	async function notices(login: 'bmi' | typeof second, reportId: number): Promise<Notification[]> {
		const response = await call<Notification[]>(login, 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
		expect(response.status, response.text).toBe(200)
		return response.data.filter((n) => n.object_type === 'report' && n.object_id === String(reportId))
	}

	async function sharedWithSecond(): Promise<Share[]> {
		const response = await call<Share[]>(second, 'GET', '/ocs/v2.php/apps/files_sharing/api/v1/shares?shared_with_me=true')
		expect(response.status, response.text).toBe(200)
		return response.data
	}

	beforeAll(async () => {
		s = await seed()
		// ODT and DOCX are written by the app itself: every server has them.
		documentFormat = (await expectApi<{ documents: string[] }>(200, 'bmi', 'GET', '/reports/formats')).documents[0]!
		expect(documentFormat).toBeDefined()
		group = (await expectApi<{ consolidatorGroup: string }>(200, 'admin', 'GET', '/settings')).consolidatorGroup
		expect(group).not.toBe('')
		const details = await call<{ groups: { id: string, displayname: string }[] }>('admin', 'GET', `/ocs/v2.php/cloud/groups/details?search=${encodeURIComponent(group)}`)
		groupName = details.data.groups.find((g) => g.id === group)?.displayname ?? group
		const created = await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: second.user, password: second.password, groups: [group] })
		expect(created.status, created.text).toBe(200)
		await expectApi(200, 'admin', 'PUT', '/settings/report-cadence', { monthly: true, quarterly: false, pilotIds: [s.activePilots[0].id], consolidator: 'bmi', fileFormat: documentFormat, language: 'en' })
	})

	afterAll(async () => {
		occ('config:app:delete', 'core', 'shareapi_enabled')
		await api('admin', 'PUT', '/settings/report-cadence', { monthly: false, quarterly: false })
		await deleteUser(second.user)
		for (const period of periods) {
			await setPeriodStatus(period.id, 'closed')
		}
	})

	it('shares the file read-only with the group: the second consolidator opens it from the notification', async () => {
		const report = await scheduledReport()
		const path = `Pilot Feedback/Reports/${report.period}/${report.fileName}`
		expect(report.path).toBe(path)

		// The owner: one notice (the runner's, replaced to name the group), with the link.
		const own = await notices('bmi', report.id)
		expect(own.map((n) => [n.subject, n.message])).toEqual([[`Your report "${report.fileName}" is ready.`, `Saved in your Files, shared with the group ${groupName}: ${path}`]])
		expect(own[0]!.link).toMatch(new RegExp(`/f/${report.fileId}$`))

		// The second consolidator: whose Files, which group, and the same link.
		const theirs = await notices(second, report.id)
		expect(theirs.map((n) => [n.subject, n.message])).toEqual([[`The report "${report.fileName}" is ready.`, `Saved in BMI Konsolidierung's Files, shared with the group ${groupName}: ${path}`]])
		expect(theirs[0]!.link).toMatch(new RegExp(`/f/${report.fileId}$`))
		await asGermanUser(second.user, async () => {
			expect((await notices(second, report.id)).map((n) => [n.subject, n.message])).toEqual([[`Der Bericht „${report.fileName}“ ist fertig.`, `In den Dateien von BMI Konsolidierung gespeichert, geteilt mit der Gruppe ${groupName}: ${path}`]])
		})

		const share = (await sharedWithSecond()).find((x) => x.file_source === report.fileId)
		expect(share, 'a share of the report file').toBeDefined()
		expect([share!.share_type, share!.share_with, share!.uid_owner, share!.permissions]).toEqual([1, group, 'bmi', 1])

		const url = `${NEXTCLOUD_URL}/remote.php/dav/files/${encodeURIComponent(second.user)}${share!.file_target.split('/').map(encodeURIComponent).join('/')}`
		const file = await fetch(url, { headers: { Authorization: basic(second.user, second.password) } })
		expect(file.status, `GET ${url}`).toBe(200)
		const bytes = Buffer.from(await file.arrayBuffer())
		const original = await fetch(`${NEXTCLOUD_URL}/remote.php/dav/files/bmi/${path.split('/').map(encodeURIComponent).join('/')}`, { headers: { Authorization: basic('bmi', DEMO_PASSWORD) } })
		expect(bytes.equals(Buffer.from(await original.arrayBuffer())), 'the same file as in bmi\'s Files').toBe(true)
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
		// Read-only: the second consolidator cannot overwrite bmi's file.
		const write = await fetch(url, { method: 'PUT', body: 'changed', headers: { Authorization: basic(second.user, second.password) } })
		expect(write.status).toBeGreaterThanOrEqual(400)
	})

	it('with sharing off on the server, tells the others whose Files hold it, without a link to the file', async () => {
		expect(occ('config:app:set', 'core', 'shareapi_enabled', '--value=no').status).toBe(0)
		let report: Report
		try {
			report = await scheduledReport()
		} finally {
			occ('config:app:delete', 'core', 'shareapi_enabled')
		}
		const path = `Pilot Feedback/Reports/${report.period}/${report.fileName}`

		const own = await notices('bmi', report.id)
		expect(own.map((n) => n.message)).toEqual([`Saved in your Files: ${path}`])
		expect(own[0]!.link).toMatch(new RegExp(`/f/${report.fileId}$`))

		const theirs = await notices(second, report.id)
		expect(theirs.map((n) => [n.subject, n.message])).toEqual([[`The report "${report.fileName}" is ready.`, `Saved in BMI Konsolidierung's Files: ${path}. It is not shared with you; ask BMI Konsolidierung for a copy.`]])
		expect(theirs[0]!.link).not.toContain('/f/')
		expect(theirs[0]!.link).toMatch(/\/apps\/pilotfeedback\/?#\/reports$/)
		expect((await sharedWithSecond()).filter((x) => x.file_source === report.fileId)).toEqual([])
	})
})
