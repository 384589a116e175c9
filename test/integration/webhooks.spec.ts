/**
 * The app's events reach other systems through Nextcloud's webhook_listeners app (issue 9, 6;
 * issue 18): webhooks registered for every event class of the app are called with ids, types,
 * states, time stamps and the role the actor acted in, never with the title or text of an item
 * and never with a user id or display name. Nextcloud itself adds the acting user (`user`) to
 * every call; that block is not the app's, and docs/events.md tells operators what to do about it.
 * Needs occ (NEXTCLOUD_SERVER_DIR, set by scripts/test-integration.sh) to run the queued
 * webhook calls and exports and to let the server call a local address.
 */
import type { AddressInfo } from 'node:net'
import type { DemoUser } from './setup/client.ts'
import type { Item, Login, Period, Seed } from './setup/fixtures.ts'

import { execFile, spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createItem, expectApi, freshPeriod, itemEdit, seed, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

/** Every event class of lib/Event that webhook_listeners can forward (docs/events.md). */
const EVENT_CLASSES = [
	'ItemCreated',
	'ItemUpdated',
	'ItemStatusChanged',
	'ItemMerged',
	'ItemCommented',
	'ItemSupported',
	'AssessmentSaved',
	'PeriodReleased',
	'PeriodClosed',
	'ReportGenerated',
].map((name) => `OCA\\PilotFeedback\\Event\\${name}`)

/** The demo accounts (pilotfeedback:demo:seed) and the display names the seed gives them. */
const DEMO_USERS: DemoUser[] = ['admin', 'bmi', 'rki-coord', 'rki-tester1', 'rki-tester2', 'bsh-coord', 'bsh-tester1', 'bsh-tester2']
const SEEDED_NAMES = ['BMI Konsolidierung', 'RKI Koordination', 'RKI Tester 1', 'RKI Tester 2', 'BSH Koordination', 'BSH Tester 1', 'BSH Tester 2']

/** Payload fields that would name a person. */
const USER_FIELDS = ['actorId', 'userId', 'requestedBy', 'reporterId', 'user', 'uid', 'displayName', 'actorName', 'userName']

/** One call of a webhook as webhook_listeners sends it. */
interface WebhookCall {
	/** The app's part: getWebhookSerializable() plus `class`. */
	event: Record<string, any> & { class: string }
	/** Added by webhook_listeners itself: the user of the request that raised the event, null without one. */
	user: { uid: string, displayName: string } | null
	time: number
}

/** Runs occ on the server under test. */
function occ(...args: string[]): { status: number, stdout: string, stderr: string } {
	const result = spawnSync('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8' })
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Runs occ without blocking this process, so that the test's own HTTP server can answer the
 * webhook calls occ makes meanwhile; rejects on a non-zero exit code.
 */
async function occAsync(...args: string[]): Promise<string> {
	const { stdout } = await promisify(execFile)('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8' })
	return stdout
}

/**
 * Drops webhook_listeners' cache of which events have webhooks. It keeps that list per acting
 * user for 5 minutes in the distributed cache, and adding a webhook drops only the list of the
 * webhook's user filter (none here), not those of users who acted in the last 5 minutes: on a
 * server with a distributed cache (Redis, as every cluster has) their events would not be sent
 * until the lists expire. Without a distributed cache there is nothing to drop.
 */
function dropWebhookEventsCache(): void {
	const code = 'require $argv[1] . "/lib/base.php"; \\OCP\\Server::get(\\OCP\\ICacheFactory::class)->createDistributed()->clear("eventsUsedInWebhooks");'
	const result = spawnSync('php', ['-r', code, SERVER_DIR], { encoding: 'utf-8' })
	expect(result.status, result.stdout + result.stderr).toBe(0)
}

/** Every call the test's server received (module scope: deliverWebhooks waits for them). */
const received: WebhookCall[] = []

/**
 * Seconds to wait for background jobs that someone else may run: Nextcloud's cron (cron.php)
 * may take a queued job first, as in the cluster (every 30 s on one node), and then needs up to
 * one interval and its own run time.
 */
const BACKGROUND_JOBS_WAIT = 90_000

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs the queued jobs of a class now, as cron would: occ's worker takes only jobs nobody else
 * runs (a job cron has reserved is left to cron), so each job runs once.
 */
async function runQueued(jobClass: string): Promise<void> {
	await occAsync('background-job:worker', '--interval=0', jobClass)
}

/**
 * Waits until the test's server has received what `arrived` expects, making the queued webhook
 * calls meanwhile (those cron does not make first).
 */
async function deliverWebhooks(arrived: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + BACKGROUND_JOBS_WAIT
	for (;;) {
		await runQueued('OCA\\WebhookListeners\\BackgroundJobs\\WebhookCall')
		if (arrived()) {
			return
		}
		expect(Date.now(), `${what}: not all webhook calls arrived; got ${received.map((r) => r.event.class).join(', ')}`).toBeLessThan(deadline)
		await sleep(1000)
	}
}

/** Waits until a queued report (an export) is made, by the background job run now or by cron. */
async function runReportJob(login: Login, reportId: number): Promise<void> {
	const deadline = Date.now() + BACKGROUND_JOBS_WAIT
	for (;;) {
		await runQueued('OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob')
		const report = await expectApi<{ status: string, error: string | null }>(200, login, 'GET', `/reports/${reportId}`)
		if (report.status === 'done') {
			return
		}
		expect(report.status, report.error ?? '').not.toBe('failed')
		expect(Date.now(), `the report ${reportId} is still ${report.status}`).toBeLessThan(deadline)
		await sleep(1000)
	}
}

/** Matches `word` as a whole (a user id "admin", not the "admin" in "administrator"). */
function wholeWord(word: string): RegExp {
	return new RegExp(`(?<![A-Za-z0-9_.-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_.-])`, 'i')
}

/** Every key of a value, nested ones too. */
function keysOf(value: unknown): string[] {
	if (value === null || typeof value !== 'object') {
		return []
	}
	return Object.entries(value).flatMap(([key, nested]) => [key, ...keysOf(nested)])
}

describe.skipIf(SERVER_DIR === '')('webhook events', () => {
	const server = createServer((request, response) => {
		let body = ''
		request.on('data', (chunk) => {
			body += chunk
		})
		request.on('end', () => {
			received.push(JSON.parse(body))
			response.end('ok')
		})
	})
	const webhookIds: number[] = []
	let localBefore = ''
	let s: Seed
	let secret: Item
	let publicItem: Item
	const word = `zqhook${uid()}`

	/** The calls of one event class. */
	const callsOf = (name: string): WebhookCall[] => received.filter((r) => r.event.class === `OCA\\PilotFeedback\\Event\\${name}`)

	beforeAll(async () => {
		s = await seed()
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		const port = (server.address() as AddressInfo).port
		localBefore = occ('config:system:get', 'allow_local_remote_servers').stdout.trim()
		occ('config:system:set', 'allow_local_remote_servers', '--type=boolean', '--value=true')
		for (const event of EVENT_CLASSES) {
			const created = await call<{ id: number }>('admin', 'POST', '/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks', {
				httpMethod: 'POST',
				uri: `http://127.0.0.1:${port}/hook`,
				event,
			})
			expect(created.status, created.text).toBe(200)
			webhookIds.push(created.data.id)
		}
		dropWebhookEventsCache()
		secret = await createItem('rki-tester1', s, { type: 'security', title: `Token in logs ${word}`, body: `Secret body ${word}`, priority: 'critical' })
		publicItem = await createItem('bsh-tester1', s, { title: `Printing fails ${word}`, body: `Public body ${word}` })
	})

	afterAll(async () => {
		for (const id of webhookIds) {
			await call('admin', 'DELETE', `/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks/${id}`)
		}
		dropWebhookEventsCache()
		if (localBefore === '') {
			occ('config:system:delete', 'allow_local_remote_servers')
		} else {
			occ('config:system:set', 'allow_local_remote_servers', '--type=boolean', `--value=${localBefore === 'true' ? 'true' : 'false'}`)
		}
		server.close()
	})

	it('call the webhook with ids and metadata, never the title or text', async () => {
		await expectApi(200, 'bmi', 'PUT', `/items/${secret.id}/status`, await withVersion(secret.id, { status: 'in_review' }))
		await expectApi(200, 'bmi', 'PUT', `/items/${publicItem.id}/status`, await withVersion(publicItem.id, { status: 'in_review' }))
		const statusChanges = (): Record<string, any>[] => callsOf('ItemStatusChanged').map((r) => r.event).filter((e) => [secret.id, publicItem.id].includes(e.itemId))
		await deliverWebhooks(() => statusChanges().length >= 2, 'two status changes')
		const events = statusChanges()
		// each event once: a job run by occ here and by cron is still one call
		expect(events.map((e) => e.itemId).sort()).toEqual([secret.id, publicItem.id].sort())
		for (const event of events) {
			expect(event).toMatchObject({ status: 'in_review', oldStatus: 'new', actorRole: 'consolidator', actorOrganisationId: null })
			expect(event).not.toHaveProperty('actorId')
		}
		expect(events.find((e) => e.itemId === secret.id)).toMatchObject({ type: 'security', confidential: true, organisationId: s.rki.id })
		expect(JSON.stringify(received)).not.toContain(word)
	}, BACKGROUND_JOBS_WAIT + 60_000)

	describe('a scripted run: file, comment, support, triage, merge, rate, release, report, close', () => {
		let period: Period
		let duplicate: Item
		let bmiReport: { id: number, status: string }
		let coordExport: { id: number, status: string }
		/** Display names as the server has them (the seed keeps names an administrator changed). */
		const names = new Set(SEEDED_NAMES)

		beforeAll(async () => {
			for (const user of DEMO_USERS) {
				const answer = await call<{ displayname?: string }>('admin', 'GET', `/ocs/v2.php/cloud/users/${user}`)
				expect(answer.status, answer.text).toBe(200)
				if (answer.data.displayname) {
					names.add(answer.data.displayname)
				}
			}
			period = await freshPeriod()

			// file: a tester files and edits, another organisation's tester files the same need twice
			duplicate = await createItem('rki-tester2', s, { title: `Printing fails too ${word}`, body: `Copy ${word}` })
			await expectApi(200, 'rki-tester2', 'PUT', `/items/${duplicate.id}`, itemEdit(duplicate, { title: `Printing fails as well ${word}`, priority: 'high' }))
			// comment
			await expectApi(201, 'rki-coord', 'POST', `/items/${secret.id}/comments`, { message: `Confirmed by RKI Koordination ${word}` })
			await expectApi(201, 'bmi', 'POST', `/items/${publicItem.id}/comments`, { message: `BMI Konsolidierung asks ${word}` })
			// support, and withdrawn
			await expectApi(200, 'rki-tester2', 'POST', `/items/${publicItem.id}/support`)
			await expectApi(200, 'rki-coord', 'POST', `/items/${secret.id}/support`)
			await expectApi(200, 'rki-coord', 'DELETE', `/items/${secret.id}/support`)
			// triage
			await expectApi(200, 'bmi', 'PUT', `/items/${secret.id}/status`, await withVersion(secret.id, { status: 'accepted', consolidatedPriority: 'high', vendorReference: `VEN-${word}` }))
			// merge
			await expectApi(200, 'bmi', 'PUT', `/items/${duplicate.id}/status`, await withVersion(duplicate.id, { status: 'duplicate', duplicateOf: publicItem.id }))
			// rate and release
			const component = s.activePilots[0].componentIds[0]
			await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${component}`, {
				overall: 3,
				comment: `RKI Tester 1 thinks so ${word}`,
				scores: [{ criterionId: s.criteria[0].id, score: 4 }],
			})
			await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
			// report: a document made at once for the consolidator, an export made by the background job for a coordinator
			bmiReport = await expectApi(200, 'bmi', 'POST', '/reports', { type: 'monthly', fileFormat: 'odt', pilotId: null, month: s.openPeriod.month, language: 'en' })
			if (bmiReport.status === 'queued') {
				await runReportJob('bmi', bmiReport.id)
			}
			coordExport = await expectApi(200, 'rki-coord', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId: s.activePilots[0].id, month: s.openPeriod.month, organisationId: s.rki.id })
			await runReportJob('rki-coord', coordExport.id)
			// close the period
			await setPeriodStatus(period.id, 'closed')

			// every call the tests below look at
			const expected = [
				...EVENT_CLASSES.map((event) => () => received.some((r) => r.event.class === event)),
				() => callsOf('ItemCreated').some((c) => c.event.itemId === duplicate.id),
				() => callsOf('ItemUpdated').some((c) => c.event.itemId === duplicate.id && c.event.fields.includes('title')),
				() => callsOf('ItemUpdated').some((c) => c.event.itemId === secret.id),
				() => callsOf('ItemCommented').filter((c) => [secret.id, publicItem.id].includes(c.event.itemId)).length >= 2,
				() => callsOf('ItemSupported').some((c) => c.event.itemId === publicItem.id),
				() => callsOf('ItemSupported').some((c) => c.event.itemId === secret.id && c.event.supports === false),
				() => callsOf('ItemStatusChanged').some((c) => c.event.itemId === secret.id && c.event.status === 'accepted'),
				() => callsOf('ItemMerged').some((c) => c.event.itemId === duplicate.id),
				() => callsOf('AssessmentSaved').some((c) => c.event.periodId === period.id),
				() => callsOf('PeriodReleased').some((c) => c.event.periodId === period.id),
				() => [bmiReport.id, coordExport.id].every((id) => callsOf('ReportGenerated').some((c) => c.event.reportId === id)),
				() => callsOf('PeriodClosed').some((c) => c.event.periodId === period.id),
			]
			await deliverWebhooks(() => expected.every((arrived) => arrived()), 'the scripted run')
		}, 3 * BACKGROUND_JOBS_WAIT + 60_000)

		afterAll(async () => {
			if (period !== undefined) {
				await setPeriodStatus(period.id, 'closed')
			}
		})

		it('calls a webhook for every event class of the app', () => {
			expect([...new Set(received.map((r) => r.event.class))].sort()).toEqual([...EVENT_CLASSES].sort())
			expect(callsOf('ReportGenerated').map((r) => r.event.reportId)).toEqual(expect.arrayContaining([bmiReport.id, coordExport.id]))
			expect(callsOf('PeriodClosed').map((r) => r.event.periodId)).toContain(period.id)
		})

		it('makes each call once, whichever process runs the queued calls', () => {
			const calls = received.map((r) => JSON.stringify(r))
			expect(calls.filter((c, i) => calls.indexOf(c) !== i)).toEqual([])
		})

		it('never names a demo account in the app\'s part of any payload, by user id or display name', () => {
			expect(received.length).toBeGreaterThanOrEqual(EVENT_CLASSES.length)
			for (const { event } of received) {
				const json = JSON.stringify(event)
				for (const user of DEMO_USERS) {
					expect(json, `${event.class} names ${user}`).not.toMatch(wholeWord(user))
				}
				for (const name of names) {
					expect(json, `${event.class} names ${name}`).not.toMatch(wholeWord(name))
				}
				expect(keysOf(event).filter((key) => USER_FIELDS.includes(key)), event.class).toEqual([])
				expect(json, event.class).not.toContain(word)
			}
		})

		it('names the role the actor acted in instead', () => {
			const roleOf = (c: WebhookCall): [unknown, unknown] => [c.event.actorRole, c.event.actorOrganisationId]
			const rki = s.rki.id
			for (const c of callsOf('ItemStatusChanged')) {
				expect(roleOf(c)).toEqual(['consolidator', null])
			}
			const merged = callsOf('ItemMerged').find((c) => c.event.itemId === duplicate.id)
			expect(merged?.event).toMatchObject({ targetId: publicItem.id, status: 'duplicate', actorRole: 'consolidator' })
			const triaged = callsOf('ItemUpdated').find((c) => c.event.itemId === secret.id)
			expect(triaged?.event).toMatchObject({ fields: expect.arrayContaining(['consolidatedPriority', 'vendorReference']), actorRole: 'consolidator' })
			const rated = callsOf('AssessmentSaved').find((c) => c.event.periodId === period.id)
			expect(rated && roleOf(rated)).toEqual(['tester', rki])
			const released = callsOf('PeriodReleased').find((c) => c.event.periodId === period.id)
			expect(released && roleOf(released)).toEqual(['coordinator', rki])
			const closed = callsOf('PeriodClosed').find((c) => c.event.periodId === period.id)
			expect(closed && roleOf(closed)).toEqual(['administrator', null])
			// The item services pass the actor, so the role is exact.
			const expectRole = (c: WebhookCall | undefined, role: [string, number | null]): void => {
				expect(c, JSON.stringify(role)).toBeDefined()
				expect(roleOf(c!)).toEqual(role)
			}
			expectRole(callsOf('ItemCreated').find((c) => c.event.itemId === duplicate.id), ['tester', rki])
			expectRole(callsOf('ItemUpdated').find((c) => c.event.itemId === duplicate.id && c.event.fields.includes('title')), ['tester', rki])
			expectRole(callsOf('ItemCommented').find((c) => c.event.itemId === secret.id), ['coordinator', rki])
			expectRole(callsOf('ItemCommented').find((c) => c.event.itemId === publicItem.id), ['consolidator', null])
			expectRole(callsOf('ItemSupported').find((c) => c.event.itemId === publicItem.id), ['tester', rki])
			expectRole(callsOf('ItemSupported').find((c) => c.event.itemId === secret.id && c.event.supports === false), ['coordinator', rki])
			// A report made by a background job knows its requester's role only where the job passes it: unknown (null) or the role, never a user.
			const eitherUnknownOr = (c: WebhookCall | undefined, role: [string, number | null]): void => {
				expect(c, JSON.stringify(role)).toBeDefined()
				expect([JSON.stringify([null, null]), JSON.stringify(role)]).toContain(JSON.stringify(roleOf(c!)))
			}
			eitherUnknownOr(callsOf('ReportGenerated').find((c) => c.event.reportId === bmiReport.id), ['consolidator', null])
			eitherUnknownOr(callsOf('ReportGenerated').find((c) => c.event.reportId === coordExport.id), ['coordinator', rki])
		})

		it('is wrapped by webhook_listeners with the acting user, which the app cannot leave out (docs/events.md)', () => {
			// Not the app's part: Nextcloud adds the user of the request to every call.
			const filed = callsOf('ItemCreated').find((c) => c.event.itemId === duplicate.id)
			expect(filed?.user?.uid).toBe('rki-tester2')
			const triaged = callsOf('ItemStatusChanged').find((c) => c.event.itemId === secret.id && c.event.status === 'accepted')
			expect(triaged?.user?.uid).toBe('bmi')
		})
	})
})
