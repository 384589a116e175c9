/**
 * A node dies (issue 21): node A's PHP-FPM, master and workers, is killed (SIGKILL, as in a
 * crash; `scripts/cluster.sh node kill a`) while it makes a report and while 20 rating saves of
 * four testers race through the balancer, and started again at the end (`node start a`), so
 * that later suites have both nodes.
 *
 * - Only requests in flight on A may fail, and only with a gateway error (502/503/504), never
 *   a 500 or a 4xx; the failed ones are counted. Every save acknowledged (200) is in the
 *   database, read back through node B: one assessment per tester and component, under the id
 *   and with a version at least the acknowledged one; no two acknowledged saves of one
 *   assessment share a version; the stored one is that of the newest acknowledged save or of a
 *   later one, and always one of the saves sent.
 * - After the kill the balancer sends everything to node B: saves (PUT), new items (POST) and
 *   reads all succeed, each answered by node B.
 * - The report node A was making when it died stays "running" until the stale-report job
 *   (StaleReportsJob, with report_stale_after lowered to 2 s) queues it again; the next
 *   background run (GenerateReportJob, on the jobs' side as node b's cron) finishes it, and it
 *   downloads through node B.
 *
 * Runs only against a cluster made by scripts/cluster.sh (NODE_A_URL, NODE_B_URL and
 * PILOTFEEDBACK_CLUSTER_DIR set by its --run); otherwise skipped.
 */
import type { DemoUser } from '../integration/setup/client.ts'
import type { Period, Seed } from '../integration/setup/fixtures.ts'
import type { Answer } from './nodeSession.mjs'

import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, NEXTCLOUD_URL, passwordOf } from '../integration/setup/client.ts'
import { freshPeriod, seed, setPeriodStatus } from '../integration/setup/fixtures.ts'
import { API, NodeSession } from './nodeSession.mjs'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const NODE_A = (process.env.NODE_A_URL ?? '').replace(/\/+$/, '')
const NODE_B = (process.env.NODE_B_URL ?? '').replace(/\/+$/, '')
const CLUSTER_DIR = process.env.PILOTFEEDBACK_CLUSTER_DIR ?? ''
const IN_CLUSTER = NODE_A !== '' && NODE_B !== '' && CLUSTER_DIR !== ''
const TESTERS: DemoUser[] = ['rki-tester1', 'rki-tester2', 'bsh-tester1', 'bsh-tester2']
/** What a request that was in flight on the dead node may get from the balancer. */
const GATEWAY_ERRORS = [502, 503, 504]

interface Assessment { id: number, pilotId: number, componentId: number, overall: number | null, comment: string, version: number }
interface Report { id: number, status: 'queued' | 'running' | 'done' | 'failed', path: string | null, error: string | null }
interface Save { user: DemoUser, pilotId: number, componentId: number, overall: number, comment: string }

/** A login's cookies (the session is in Redis: it holds on every node); answers carry their node. */
const login = (user: DemoUser): Promise<NodeSession> => new NodeSession(user, passwordOf(user)).open(NEXTCLOUD_URL)

function occ(...args: string[]): string {
	return execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', ...args], { encoding: 'utf8', stdio: 'pipe', timeout: 120_000 })
}

/** scripts/cluster.sh node <kill|start> a, on the cluster of PILOTFEEDBACK_CLUSTER_DIR. */
function node(action: 'kill' | 'start', which: 'a' | 'b'): void {
	execFileSync('scripts/cluster.sh', ['node', action, which], { stdio: 'pipe', timeout: 60_000, env: { ...process.env, PILOTFEEDBACK_CLUSTER_DIR: CLUSTER_DIR } })
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!IN_CLUSTER)(`node A dies${IN_CLUSTER ? '' : ' (SKIPPED: run through scripts/cluster.sh --run, as make test-cluster does)'}`, () => {
	let s: Seed
	let period: Period
	const sessions = new Map<DemoUser, NodeSession>()
	let bmi: NodeSession
	let killed = false

	beforeAll(async () => {
		s = await seed()
		period = await freshPeriod()
		for (const user of TESTERS) {
			sessions.set(user, await login(user))
		}
		bmi = await login('bmi')
		// A run older than 2 s counts as dead for StaleReportsJob (default 15 minutes).
		occ('config:app:set', 'pilotfeedback', 'report_stale_after', '--value=2', '--type=integer')
	}, 120_000)

	afterAll(async () => {
		if (!IN_CLUSTER) {
			return
		}
		if (killed) {
			node('start', 'a')
		}
		occ('config:app:delete', 'pilotfeedback', 'report_stale_after')
		if (period !== undefined) {
			await setPeriodStatus(period.id, 'closed')
		}
		// Both nodes answer again.
		for (const base of [NODE_A, NODE_B]) {
			expect((await fetch(`${base}/status.php`)).status, base).toBe(200)
		}
	}, 120_000)

	it('kills node A during a report and 20 racing saves: only requests in flight fail, nothing acknowledged is lost, the rest goes to node B, the report is finished by the next background run', async () => {
		// Targets: up to three assessments per tester, so that some saves race on one assessment.
		const targets = s.activePilots.flatMap((p) => p.componentIds.map((componentId) => ({ pilotId: p.id, componentId }))).slice(0, 3)
		const saves: Save[] = TESTERS.flatMap((user, u) => Array.from({ length: 5 }, (_, k) => ({
			user,
			...targets[k % targets.length]!,
			overall: 1 + ((u + k) % 5),
			comment: `node-kill save ${u}.${k} by ${user}`,
		})))
		expect(saves).toHaveLength(20)
		const save = (x: Save): Promise<Answer> => sessions.get(x.user)!.api(NEXTCLOUD_URL, 'PUT', `/ratings/${period.id}/${x.componentId}`, { pilotId: x.pilotId, overall: x.overall, comment: x.comment, scores: [] })

		// 1. bmi asks node A for a quarterly report over all pilots (made during the request).
		const before = await bmi.api(NODE_B, 'GET', '/reports?limit=1')
		expect(before.status, before.text.slice(0, 300)).toBe(200)
		const lastId: number = before.data.reports[0]?.id ?? 0
		const quarter = `${s.openPeriod.month.slice(0, 4)}-Q${Math.ceil(Number(s.openPeriod.month.slice(5, 7)) / 3)}`
		const reportAnswer = bmi.api(NODE_A, 'POST', '/reports', { type: 'quarterly', fileFormat: 'odt', quarter, pilotId: null, language: 'en' })
		let running: Report | undefined
		for (let i = 0; i < 400 && running === undefined; i++) {
			const page = await bmi.api(NODE_B, 'GET', '/reports?limit=5')
			running = (page.data?.reports as Report[] | undefined)?.find((r) => r.id > lastId && r.status === 'running')
			if (running === undefined) {
				await sleep(25)
			}
		}
		expect(running, 'the report was seen running on node A').toBeDefined()

		// 2. The saves race through the balancer; node A dies while they are in flight.
		const accessLog = join(CLUSTER_DIR, 'nginx/access.log')
		const logFrom = statSync(accessLog).size
		let settled = 0
		const answers = Promise.all(saves.map((x) => save(x).finally(() => settled++)))
		await sleep(150)
		node('kill', 'a')
		killed = true
		const settledAtKill = settled
		const responses = await answers
		expect(settledAtKill, 'saves were still in flight when node A died').toBeLessThan(saves.length)

		const report = await reportAnswer
		expect(GATEWAY_ERRORS, `the report request to the dead node: ${report.status} ${report.text.slice(0, 200)}`).toContain(report.status)

		const failed = responses.filter((r) => r.status !== 200)
		// The balancer's log names every FPM a request was passed to: "node-a…, node-b…" is a
		// save node A had when it died, which nginx then sent to node B (PUT counts as idempotent).
		const raced = readFileSync(accessLog).subarray(logFrom).toString('utf8').split('\n').filter((line) => line.includes(`PUT ${API}/ratings/${period.id}/`))
		const resent = raced.filter((line) => /node-a\/php-fpm\.sock, unix:.*node-b\/php-fpm\.sock/.test(line)).length
		console.info(`node-kill: ${saves.length - settledAtKill} of ${saves.length} saves in flight when node A died; ${resent} of them, in node A's hands, sent again to node B; ${failed.length} failed (${failed.map((r) => r.status).join(', ') || 'none'}); answered by a: ${responses.filter((r) => r.node === 'a').length}, b: ${responses.filter((r) => r.node === 'b').length}`)
		expect(resent + failed.length, 'node A had saves in hand when it died (sent again to B, or failed)').toBeGreaterThan(0)
		for (const r of failed) {
			expect(GATEWAY_ERRORS, `a failed save may only be a gateway error: ${r.status} ${r.text.slice(0, 300)}`).toContain(r.status)
		}

		// 3. Every acknowledged save, read back through node B.
		for (const user of TESTERS) {
			const sheet = await sessions.get(user)!.api(NODE_B, 'GET', `/ratings?periodId=${period.id}`)
			expect(sheet.status).toBe(200)
			expect(sheet.node).toBe('b')
			for (const target of targets) {
				const mine = saves.map((x, i) => ({ ...x, response: responses[i]! })).filter((x) => x.user === user && x.componentId === target.componentId)
				if (mine.length === 0) {
					continue
				}
				const stored = (sheet.data.assessments as Assessment[]).filter((a) => a.componentId === target.componentId && a.pilotId === target.pilotId)
				expect(stored, `${user}, component ${target.componentId}: one assessment`).toHaveLength(1)
				const acked = mine.filter((x) => x.response.status === 200).map((x) => ({ comment: x.comment, assessment: x.response.data as Assessment }))
				const versions = acked.map((x) => x.assessment.version)
				expect(new Set(versions).size, `${user}: no two acknowledged saves share a version (${versions.join(', ')})`).toBe(versions.length)
				for (const x of acked) {
					expect(x.assessment.id, `${user}: the acknowledged save is the stored assessment`).toBe(stored[0]!.id)
					expect(x.assessment.comment).toBe(x.comment)
				}
				const newest = acked.sort((a, b) => b.assessment.version - a.assessment.version)[0]
				expect(mine.map((x) => x.comment), `${user}: the stored comment is one of the saves sent`).toContain(stored[0]!.comment)
				if (newest !== undefined) {
					expect(stored[0]!.version, `${user}: nothing acknowledged is lost`).toBeGreaterThanOrEqual(newest.assessment.version)
					if (stored[0]!.version === newest.assessment.version) {
						expect(stored[0]!.comment).toBe(newest.comment)
					}
				}
			}
		}

		// 4. With node A dead the balancer sends everything to node B, POST included.
		const after = await Promise.all(TESTERS.flatMap((user) => [
			sessions.get(user)!.api(NEXTCLOUD_URL, 'PUT', `/ratings/${period.id}/${targets[0]!.componentId}`, { pilotId: targets[0]!.pilotId, overall: 3, comment: `after the kill, ${user}`, scores: [] }),
			sessions.get(user)!.api(NEXTCLOUD_URL, 'POST', '/items', { type: 'defect', title: `Filed while node A is dead, ${user}`, body: '…', pilotId: s.activePilots[0]!.id, componentId: s.activePilots[0]!.componentIds[0], priority: 'medium' }),
			sessions.get(user)!.api(NEXTCLOUD_URL, 'GET', `/ratings?periodId=${period.id}`),
		]))
		expect(after.map((r) => `${r.status} ${r.node}`), after.filter((r) => r.status >= 300).map((r) => r.text.slice(0, 200)).join('\n'))
			.toEqual(after.map((_, i) => `${i % 3 === 1 ? 201 : 200} b`))
		for (const filed of after.filter((_, i) => i % 3 === 1)) {
			const item = await bmi.api(NODE_B, 'GET', `/items/${filed.data.id}`)
			expect(item.status).toBe(200)
			expect(item.data.title).toBe(filed.data.title)
		}

		// 5. The report stays running until the stale-report job queues it again; the next
		// background run finishes it.
		expect((await bmi.api(NODE_B, 'GET', `/reports/${running!.id}`)).data.status).toBe('running')
		await sleep(2500)
		const jobs = JSON.parse(occ('background-job:list', '--class=OCA\\PilotFeedback\\BackgroundJob\\StaleReportsJob', '--output=json')) as { id: number | string }[]
		expect(jobs.length, 'StaleReportsJob is registered').toBeGreaterThan(0)
		occ('background-job:execute', String(jobs[0]!.id), '--force-execute')
		let made: Report = (await bmi.api(NODE_B, 'GET', `/reports/${running!.id}`)).data
		expect(made.status, JSON.stringify(made)).not.toBe('running')
		for (let attempt = 0; attempt < 10 && made.status === 'queued'; attempt++) {
			occ('background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob')
			made = (await bmi.api(NODE_B, 'GET', `/reports/${running!.id}`)).data
		}
		expect(made, JSON.stringify(made)).toMatchObject({ status: 'done' })
		const url = `${NODE_B}/remote.php/dav/files/bmi/${made.path!.split('/').map(encodeURIComponent).join('/')}`
		const file = await fetch(url, { headers: basicAuth('bmi') })
		expect(file.status, `GET ${url}`).toBe(200)
		expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000)
	}, 180_000)
})
