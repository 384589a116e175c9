/**
 * Reports that survive faults, against a real Nextcloud (the background jobs run with the
 * server's occ, NEXTCLOUD_SERVER_DIR):
 *
 * - a pilot with a title of 255 characters (umlauts, euro signs, dashes: more than 255 bytes)
 *   gets every report and export made, each file name at most 240 bytes and whole characters;
 * - a coordinator's export that waits in the queue while the coordinator loses the role fails
 *   with "You no longer have access to the data of …" when the job runs, and writes no file;
 * - a failed report is tried again and a report deleted through the API, by its requester only;
 * - a background job killed while it makes a report leaves nothing in the requester's Files;
 *   the stale-run job queues the report again, and the next run makes it; a queued report
 *   whose background job is gone gets a new one;
 * - asking for reports is rate limited: of 50 requests in a minute, those after the limit are
 *   answered 429 with a sentence and Retry-After.
 */
import type { ChildProcess } from 'node:child_process'
import type { Login, Period, Seed } from './setup/fixtures.ts'

import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL, passwordOf } from './setup/client.ts'
import { api, call, createUser, deleteUser, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

/** The Nextcloud server folder (for occ); scripts/test-integration.sh sets it. */
const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const GENERATE = 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'
const STALE = 'OCA\\PilotFeedback\\BackgroundJob\\StaleReportsJob'
/** The rate limit of POST /reports (ReportController::create): 40 in 10 minutes. */
const REPORT_LIMIT = 40
/** The longest file name the app makes, in bytes (ReportStorage::MAX_NAME_BYTES). */
const MAX_NAME_BYTES = 240

interface Report {
	id: number
	type: string
	status: 'queued' | 'running' | 'done' | 'failed'
	error: string | null
	fileId: number | null
	fileName: string | null
	path: string | null
	period: string
	organisationId: number | null
	requestedBy: string
}

let s: Seed
let period: Period
let pilotId: number
let formats: { documents: string[], exports: string[] }

/** Runs occ on the server under test and returns its output. */
function occ(...args: string[]): string {
	return execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', ...args], { encoding: 'utf8', timeout: 120_000 })
}

/** Runs one queued GenerateReportJob, if there is one. */
function runJob(): void {
	occ('background-job:worker', '--once', GENERATE)
}

/** The ids of the background jobs of a class, with their arguments. */
function jobsOf(jobClass: string): { id: string, argument: string }[] {
	return JSON.parse(occ('background-job:list', `--class=${jobClass}`, '--output=json', '--limit=500')) as { id: string, argument: string }[]
}

/** Runs the stale-run job now, whenever it last ran. */
function runStaleReportsJob(): void {
	const [job] = jobsOf(STALE)
	expect(job, 'StaleReportsJob is registered (appinfo/info.xml)').toBeDefined()
	occ('background-job:execute', '--force-execute', job!.id)
}

/** Reads a report as the consolidator (who sees every report), until it is no longer queued or running. */
async function finished(id: number): Promise<Report> {
	let report = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${id}`)
	for (let attempt = 0; attempt < 30 && (report.status === 'queued' || report.status === 'running'); attempt++) {
		runJob()
		report = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${id}`)
	}
	return report
}

/** The names in a folder of the user's Files (PROPFIND depth 1), or null when it does not exist. */
async function listFolder(login: { user: string, password: string }, path: string): Promise<string[] | null> {
	const url = `${NEXTCLOUD_URL}/remote.php/dav/files/${encodeURIComponent(login.user)}/${path.split('/').map(encodeURIComponent).join('/')}/`
	const response = await fetch(url, { method: 'PROPFIND', headers: { Depth: '1', Authorization: `Basic ${Buffer.from(`${login.user}:${login.password}`).toString('base64')}` } })
	if (response.status === 404) {
		return null
	}
	expect(response.status, `PROPFIND ${url}`).toBe(207)
	const xml = await response.text()
	return [...xml.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => decodeURIComponent(m[1]!)).slice(1).map((href) => href.replace(/\/$/, '').split('/').pop() as string)
}

const bmi = { user: 'bmi', password: passwordOf('bmi') }

/** The quarter of a month: 1957-08 → 1957-Q3. */
const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`

/** Makes `user` a coordinator of RKI (true) or takes the role away again (false). */
async function coordinatorOfRki(user: string, coordinator: boolean): Promise<void> {
	const org = s.rki
	const coordinatorIds = coordinator ? [...org.coordinatorIds, user] : org.coordinatorIds.filter((id) => id !== user)
	await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds, pilotIds: org.pilotIds })
}

beforeAll(async () => {
	s = await seed()
	formats = await expectApi(200, 'bmi', 'GET', '/reports/formats')
	await expectApi(200, 'bmi', 'PUT', '/reports/folder', { folder: '' })
	period = await freshPeriod()
	// 255 characters of one to three bytes each (no 4-byte characters: MySQL may store only 3)
	const title = `${uid()} ${'Überprüfung der Ärztekammer € – '.repeat(10)}`.slice(0, 255)
	expect([...title]).toHaveLength(255)
	expect(Buffer.byteLength(title)).toBeGreaterThan(255)
	pilotId = (await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title, status: 'active', componentIds: s.activePilots[0]!.componentIds.slice(0, 1) })).id
})

afterAll(async () => {
	if (pilotId !== undefined) {
		await api('admin', 'DELETE', `/pilots/${pilotId}`)
	}
	if (period !== undefined) {
		await setPeriodStatus(period.id, 'closed')
	}
})

describe.skipIf(SERVER_DIR === '')('a pilot with a title of 255 characters (needs NEXTCLOUD_SERVER_DIR for occ)', () => {
	it('gets every report and every export made, named within 240 bytes of whole characters', async () => {
		const requests = [
			...formats.documents.flatMap((fileFormat) => [
				{ type: 'monthly', fileFormat, month: period.month },
				{ type: 'quarterly', fileFormat, quarter: quarterOf(period.month) },
			]),
			...formats.exports.map((fileFormat) => ({ type: 'export', fileFormat, month: period.month, withNames: true })),
			...formats.exports.map((fileFormat) => ({ type: 'export', fileFormat, quarter: quarterOf(period.month), organisationId: s.rki.id })),
		]
		expect(requests.length).toBeGreaterThanOrEqual(3)
		for (const body of requests) {
			const asked = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { pilotId, language: 'de', ...body })
			const report = await finished(asked.id)
			expect(report.status, `${JSON.stringify(body)}: ${report.error}`).toBe('done')
			const name = report.fileName!
			expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(MAX_NAME_BYTES)
			expect(name).not.toContain('\uFFFD')
			expect(name.startsWith(body.type === 'monthly' ? 'Monatlicher Statusbericht' : body.type === 'quarterly' ? 'Quartalsbericht' : 'Datenexport'), name).toBe(true)
			expect(name, 'the period stays whole').toContain(report.period)
			expect(name.endsWith(`.${body.fileFormat}`), name).toBe(true)
			expect(name, 'the pilot title gave way').toContain('…')
			expect(await listFolder(bmi, `Pilot Feedback/Reports/${report.period}`)).toContain(name)
		}
	}, 600_000)
})

describe.skipIf(SERVER_DIR === '')('a coordinator who loses the role while the export waits (needs NEXTCLOUD_SERVER_DIR)', () => {
	let coordinator: { user: string, password: string }
	let failed: Report

	beforeAll(async () => {
		coordinator = await createUser('pf-coord')
		await coordinatorOfRki(coordinator.user, true)
	})

	afterAll(async () => {
		if (coordinator !== undefined) {
			await coordinatorOfRki(coordinator.user, false)
			await deleteUser(coordinator.user)
		}
	})

	it('gets no rows: the job fails with "You no longer have access to the data of …" and writes no file', async () => {
		const queued = await expectApi<Report>(200, coordinator, 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: period.month, language: 'en' })
		expect(queued).toMatchObject({ status: 'queued', organisationId: s.rki.id })
		await coordinatorOfRki(coordinator.user, false)

		failed = await finished(queued.id)

		expect(failed.status).toBe('failed')
		expect(failed.error).toBe(`You no longer have access to the data of ${s.rki.name}: you are no longer its coordinator. The report was not made.`)
		expect(failed.fileId).toBeNull()
		expect(await listFolder(coordinator, `Pilot Feedback/Reports/${period.month}`) ?? []).toEqual([])
		const notifications = await call<{ object_id: string, message: string }[]>(coordinator, 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
		expect(notifications.data.find((n) => n.object_id === String(queued.id))?.message).toMatch(/no longer have access/)
	})

	it('is tried again by its requester only, once the right is back, and deleted with its file', async () => {
		// without the role, and by others: refused
		expect((await api(coordinator, 'POST', `/reports/${failed.id}/retry`)).status).toBe(403)
		const byOther = await api('bmi', 'POST', `/reports/${failed.id}/retry`)
		expect(byOther.status).toBe(403)
		expect(byOther.data.message).toMatch(/only the reports you asked for/)
		expect((await api('rki-coord', 'POST', `/reports/${failed.id}/retry`)).status).toBe(403)

		await coordinatorOfRki(coordinator.user, true)
		const again = await expectApi<Report>(200, coordinator, 'POST', `/reports/${failed.id}/retry`)
		expect(again).toMatchObject({ id: failed.id, status: 'queued', error: null, requestedBy: coordinator.user })
		const done = await finished(failed.id)
		expect(done.status, done.error ?? '').toBe('done')
		expect(await listFolder(coordinator, `Pilot Feedback/Reports/${period.month}`)).toEqual([done.fileName])

		const twice = await api(coordinator, 'POST', `/reports/${failed.id}/retry`)
		expect(twice.status, 'only a failed report is tried again').toBe(409)
		expect(twice.data.message).toMatch(/Only a report that failed/)

		expect((await api('bsh-coord', 'DELETE', `/reports/${failed.id}`)).status).toBe(403)
		expect((await api('bmi', 'DELETE', `/reports/${failed.id}`)).status, 'not a scheduled report: not the consolidators\'').toBe(403)
		expect(await expectApi(200, coordinator, 'DELETE', `/reports/${failed.id}`)).toEqual({ id: failed.id, fileRemoved: true })
		await expectApi(404, coordinator, 'GET', `/reports/${failed.id}`)
		expect(await listFolder(coordinator, `Pilot Feedback/Reports/${period.month}`) ?? []).toEqual([])
	})
})

describe.skipIf(SERVER_DIR === '')('a report whose process dies (needs NEXTCLOUD_SERVER_DIR)', () => {
	beforeAll(() => {
		// A run counts as dead after 1 second here (15 minutes by default).
		occ('config:app:set', 'pilotfeedback', 'report_stale_after', '--value=1', '--type=integer')
	})

	afterAll(() => {
		occ('config:app:delete', 'pilotfeedback', 'report_stale_after')
	})

	/**
	 * Starts the background job and lets it run in slices of a few milliseconds (stopped in
	 * between with SIGSTOP) until the report is running, then kills it (SIGKILL), as cron killed
	 * mid-report. Returns false when the job was done before a slice found it running.
	 */
	async function killWhileRunning(id: number): Promise<boolean> {
		const worker: ChildProcess = spawn('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', GENERATE], { stdio: 'ignore' })
		const exited = new Promise<void>((resolve) => worker.on('exit', () => resolve()))
		try {
			for (let slice = 0; slice < 2000; slice++) {
				worker.kill('SIGSTOP')
				const report = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${id}`)
				if (report.status === 'running') {
					worker.kill('SIGKILL')
					await exited
					return true
				}
				if (report.status !== 'queued' || worker.exitCode !== null) {
					return false
				}
				worker.kill('SIGCONT')
				await sleep(5)
			}
			return false
		} finally {
			if (worker.exitCode === null && worker.signalCode === null) {
				worker.kill('SIGKILL')
				await exited
			}
		}
	}

	it('leaves nothing in the requester\'s Files; the stale-run job queues it again and the next run makes it', async () => {
		const folder = `Report tests/${uid()}`
		await expectApi(200, 'bmi', 'PUT', '/reports/folder', { folder })
		try {
			let killed: Report | null = null
			for (let attempt = 0; attempt < 5 && killed === null; attempt++) {
				const queued = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'export', fileFormat: 'xlsx', pilotId: null, quarter: quarterOf(period.month), language: 'en' })
				if (await killWhileRunning(queued.id)) {
					killed = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${queued.id}`)
				}
			}
			expect(killed, 'a run was killed while it made its report').not.toBeNull()
			expect(killed!.status, 'a killed run stays "running" until it is found stale').toBe('running')
			const left = await listFolder(bmi, `${folder}/${killed!.period}`) ?? []
			expect(left, 'nothing in Files, not even a hidden temporary file').toEqual([])

			await sleep(1500)
			runStaleReportsJob()
			const requeued = await expectApi<Report>(200, 'bmi', 'GET', `/reports/${killed!.id}`)
			expect(requeued.status).toBe('queued')
			expect(jobsOf(GENERATE).some((job) => JSON.parse(job.argument).reportId === killed!.id), 'handed to a background job again').toBe(true)

			const done = await finished(killed!.id)
			expect(done.status, done.error ?? '').toBe('done')
			expect(await listFolder(bmi, `${folder}/${done.period}`)).toEqual([done.fileName])
		} finally {
			await expectApi(200, 'bmi', 'PUT', '/reports/folder', { folder: '' })
		}
	}, 300_000)

	it('a queued report whose background job is gone gets a new one', async () => {
		const queued = await expectApi<Report>(200, 'bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: period.month, language: 'en' })
		const job = jobsOf(GENERATE).find((j) => JSON.parse(j.argument).reportId === queued.id)
		expect(job).toBeDefined()
		// it asks for a confirmation, even with --no-interaction (which answers no)
		execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-warnings', 'background-job:delete', job!.id], { input: 'y\n', encoding: 'utf8', stdio: 'pipe', timeout: 60_000 })
		expect(jobsOf(GENERATE).some((j) => JSON.parse(j.argument).reportId === queued.id)).toBe(false)

		await sleep(1500)
		runStaleReportsJob()

		expect(jobsOf(GENERATE).some((j) => JSON.parse(j.argument).reportId === queued.id)).toBe(true)
		expect((await finished(queued.id)).status).toBe('done')
	})
})

describe.skipIf(SERVER_DIR === '')('rate limits (needs NEXTCLOUD_SERVER_DIR to lift the suites\' own overwrite)', () => {
	let account: { user: string, password: string }
	let overwrite: string | null = null

	beforeAll(async () => {
		account = await createUser('pf-rate')
		// The suites may lift the limit for their own many requests (reports.spec.ts): the real one applies here.
		try {
			overwrite = occ('config:system:get', 'ratelimit_overwrite', 'pilotfeedback.report.create', '--output=json')
			occ('config:system:delete', 'ratelimit_overwrite', 'pilotfeedback.report.create')
		} catch {
			overwrite = null
		}
	})

	afterAll(async () => {
		if (overwrite !== null) {
			const { user } = JSON.parse(overwrite) as { user: { limit: number, period: number } }
			occ('config:system:set', 'ratelimit_overwrite', 'pilotfeedback.report.create', 'user', 'limit', `--value=${user.limit}`, '--type=integer')
			occ('config:system:set', 'ratelimit_overwrite', 'pilotfeedback.report.create', 'user', 'period', `--value=${user.period}`, '--type=integer')
		}
		if (account !== undefined) {
			await deleteUser(account.user)
		}
	})

	it('answers 50 report requests in a minute until the limit, then 429 with a sentence and Retry-After', async () => {
		const login: Login = account
		const statuses: number[] = []
		let refusal: { message: string, retryAfter: string | null } | null = null
		const started = Date.now()
		for (let i = 0; i < 50; i++) {
			const answer = await api(login, 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: period.month })
			statuses.push(answer.status)
			if (answer.status === 429 && refusal === null) {
				refusal = { message: answer.data?.message ?? '', retryAfter: answer.headers.get('retry-after') }
			}
		}
		expect(Date.now() - started).toBeLessThan(60_000)
		// an account without a role is refused (403) until the limit, then not even asked
		expect(statuses.slice(0, REPORT_LIMIT)).toEqual(Array(REPORT_LIMIT).fill(403))
		expect(statuses.slice(REPORT_LIMIT)).toEqual(Array(50 - REPORT_LIMIT).fill(429))
		expect(refusal!.message).toBe('You have sent this request too often in a short time. Wait 10 minutes, then try again.')
		expect(refusal!.retryAfter).toBe('600')
		// the limit is the account's: others still ask
		expect((await api('rki-coord', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: period.month })).status).toBe(200)
	}, 120_000)
})
