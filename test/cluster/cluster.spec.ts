/**
 * Across the nodes of a cluster (issue 21): what one app server writes, the other answers from
 * the next request on. Runs only against a cluster, when NODE_A_URL and NODE_B_URL name two app
 * servers of the Nextcloud behind NEXTCLOUD_URL (make cluster / make test-cluster set them);
 * otherwise every test here is reported as skipped, with the reason in the suite's name.
 *
 * - A rating saved through node A is read back through node B at once, with its new version,
 *   and a save through B that names that version wins.
 * - The consolidator group (app config, which Nextcloud caches per server for a few seconds)
 *   changed through A holds on B in the next request, and changing it back through B 0.3 s
 *   later is not lost.
 * - A coordinator added or removed through A holds on B in the next request.
 * - A tester added to an organisation's group through A is counted in its participation on B
 *   in the next request, and no longer once removed through B (the groups' members are kept
 *   in the shared cache, dropped by Nextcloud's group events).
 * - A report asked for through A, made by the background job (occ, with NEXTCLOUD_SERVER_DIR),
 *   downloads through B as through A (one data directory).
 *
 * One login per user serves both nodes: the session lives in Redis, not on a node.
 */
import type { DemoUser } from '../integration/setup/client.ts'
import type { Organisation, Period, Seed } from '../integration/setup/fixtures.ts'

import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, NEXTCLOUD_URL, passwordOf } from '../integration/setup/client.ts'
import { createUser, deleteUser, expectApi, freshPeriod, seed, setPeriodStatus } from '../integration/setup/fixtures.ts'
import { NodeSession } from './nodeSession.mjs'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const NODE_A = (process.env.NODE_A_URL ?? '').replace(/\/+$/, '')
const NODE_B = (process.env.NODE_B_URL ?? '').replace(/\/+$/, '')
const IN_CLUSTER = NODE_A !== '' && NODE_B !== ''
if (!IN_CLUSTER) {
	console.warn('cluster.spec.ts SKIPPED: it needs a cluster; NODE_A_URL and NODE_B_URL name its two app servers (make test-cluster sets them)')
}

interface Me { isConsolidator: boolean, organisations: { id: number, isCoordinator: boolean }[] }
interface Assessment { componentId: number, pilotId: number, overall: number | null, comment: string, version: number }

/** A user's session, opened once through the balancer; its cookies authenticate on every node. */
class Session extends NodeSession {
	constructor(override readonly user: DemoUser) {
		super(user, passwordOf(user))
	}

	/** Like api(), but fails unless the status is the expected one; checks which node answered. */
	async expect<T = any>(status: number, base: string, method: string, path: string, body?: unknown): Promise<T> {
		const answer = await this.api(base, method, path, body)
		expect(answer.status, `${method} ${path} as ${this.user} on ${base}: ${answer.text.slice(0, 300)}`).toBe(status)
		expect(answer.node, `the answer of ${base} names its node`).toBe(base === NODE_A ? 'a' : 'b')
		return answer.data as T
	}
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!IN_CLUSTER)(`across the nodes of a cluster${IN_CLUSTER ? '' : ' (SKIPPED: set NODE_A_URL and NODE_B_URL, as make test-cluster does)'}`, () => {
	let s: Seed
	let period: Period
	let admin: Session
	let bmi: Session
	let tester: Session
	let consolidatorGroup: string
	let rki: Organisation

	beforeAll(async () => {
		s = await seed()
		period = await freshPeriod()
		admin = await new Session('admin').open(NEXTCLOUD_URL)
		bmi = await new Session('bmi').open(NEXTCLOUD_URL)
		tester = await new Session('rki-tester2').open(NEXTCLOUD_URL)
		consolidatorGroup = (await admin.expect<{ consolidatorGroup: string }>(200, NODE_A, 'GET', '/settings')).consolidatorGroup
		expect(consolidatorGroup, 'the demo data names a consolidator group').not.toBe('')
		rki = s.rki
	})

	afterAll(async () => {
		if (admin === undefined) {
			return
		}
		// Whatever a failed test left: the demo roles back, the period closed.
		await expectApi(200, 'admin', 'PUT', '/settings', { consolidatorGroup })
		await expectApi(200, 'admin', 'PUT', `/organisations/${rki.id}`, organisationBody(rki.coordinatorIds))
		await setPeriodStatus(period.id, 'closed')
	})

	function organisationBody(coordinatorIds: string[]): Record<string, unknown> {
		return { name: rki.name, shortName: rki.shortName, groupIds: rki.groupIds, coordinatorIds, pilotIds: rki.pilotIds }
	}

	it('a rating saved through node A is read back through node B at once, with its new version', async () => {
		const pilot = s.activePilots[0]!
		const componentId = pilot.componentIds[0]!
		const path = `/ratings/${period.id}/${componentId}`
		const stored = async (base: string): Promise<Assessment | undefined> => {
			const sheet = await tester.expect<{ assessments: Assessment[] }>(200, base, 'GET', `/ratings?periodId=${period.id}`)
			return sheet.assessments.find((a) => a.componentId === componentId && a.pilotId === pilot.id)
		}

		await tester.expect(200, NODE_A, 'PUT', path, { pilotId: pilot.id, overall: 2, comment: 'saved through node A', scores: [] })
		const onB = await stored(NODE_B)
		expect(onB).toMatchObject({ overall: 2, comment: 'saved through node A' })
		expect(onB!.version).toBeGreaterThan(0)

		// B's version is the newest: a save through B that names it wins, and A reads that at once.
		await tester.expect(200, NODE_B, 'PUT', path, { pilotId: pilot.id, overall: 5, comment: 'saved through node B', scores: [], version: onB!.version })
		expect(await stored(NODE_A)).toMatchObject({ overall: 5, comment: 'saved through node B', version: onB!.version + 1 })
		// The version A read is the newest too: a save naming the old one is refused on either node.
		const stale = await tester.api(NODE_A, 'PUT', path, { pilotId: pilot.id, overall: 1, comment: 'stale', scores: [], version: onB!.version })
		expect(stale.status, stale.text.slice(0, 300)).toBe(409)
	})

	it('a consolidator group changed through node A holds on node B in the next request, and changing it back through B 0.3 s later is not lost', async () => {
		const otherGroup = rki.groupIds[0]!
		// Both nodes have just read the settings and bmi's roles (their caches hold them).
		for (const node of [NODE_A, NODE_B]) {
			expect((await bmi.expect<Me>(200, node, 'GET', '/me')).isConsolidator).toBe(true)
			expect((await admin.expect<{ consolidatorGroup: string }>(200, node, 'GET', '/settings')).consolidatorGroup).toBe(consolidatorGroup)
		}

		await admin.expect(200, NODE_A, 'PUT', '/settings', { consolidatorGroup: otherGroup })
		expect((await bmi.expect<Me>(200, NODE_B, 'GET', '/me')).isConsolidator, 'bmi is no consolidator on B in the next request').toBe(false)
		expect((await bmi.api(NODE_B, 'GET', `/consolidation/results?pilotId=${s.activePilots[0]!.id}&month=${s.openPeriod.month}`)).status).toBe(403)

		await sleep(300)
		const back = await admin.expect<{ consolidatorGroup: string }>(200, NODE_B, 'PUT', '/settings', { consolidatorGroup })
		expect(back.consolidatorGroup).toBe(consolidatorGroup)
		expect((await bmi.expect<Me>(200, NODE_A, 'GET', '/me')).isConsolidator, 'bmi is a consolidator again on A in the next request').toBe(true)

		// After every node's cache has expired (3 s in Nextcloud 34), the change back still holds.
		await sleep(3500)
		for (const node of [NODE_A, NODE_B]) {
			expect((await admin.expect<{ consolidatorGroup: string }>(200, node, 'GET', '/settings')).consolidatorGroup).toBe(consolidatorGroup)
			expect((await bmi.expect<Me>(200, node, 'GET', '/me')).isConsolidator).toBe(true)
		}
	})

	it('a coordinator added or removed through node A holds on node B in the next request', async () => {
		const isCoordinator = async (node: string): Promise<boolean> => {
			const me = await tester.expect<Me>(200, node, 'GET', '/me')
			return me.organisations.some((o) => o.id === rki.id && o.isCoordinator)
		}
		expect(await isCoordinator(NODE_B)).toBe(false)

		await admin.expect(200, NODE_A, 'PUT', `/organisations/${rki.id}`, organisationBody([...rki.coordinatorIds, tester.user]))
		expect(await isCoordinator(NODE_B)).toBe(true)
		expect((await tester.api(NODE_B, 'GET', `/organisations/${rki.id}/progress?periodId=${period.id}`)).status).toBe(200)

		await admin.expect(200, NODE_B, 'PUT', `/organisations/${rki.id}`, organisationBody(rki.coordinatorIds))
		expect(await isCoordinator(NODE_A)).toBe(false)
		expect((await tester.api(NODE_A, 'GET', `/organisations/${rki.id}/progress?periodId=${period.id}`)).status).toBe(403)
	})

	it('a tester added to a group through node A counts in participation on node B in the next request', async () => {
		const pilotId = s.activePilots[0]!.id
		const testers = async (node: string): Promise<number> => {
			const path = `/consolidation/participation?pilotId=${pilotId}&month=${period.month}&organisationId=${rki.id}`
			const answer = await bmi.expect<{ rows: { organisationId: number, testers: number }[] }>(200, node, 'GET', path)
			return answer.rows.find((row) => row.organisationId === rki.id)!.testers
		}
		// Both nodes have counted (and so cached) the group's members.
		const before = await testers(NODE_A)
		expect(await testers(NODE_B)).toBe(before)

		const newcomer = await createUser('pf-cluster-member')
		try {
			const groupPath = `/ocs/v2.php/cloud/users/${encodeURIComponent(newcomer.user)}/groups`
			const added = await admin.send(NODE_A, 'POST', groupPath, { groupid: rki.groupIds[0] })
			expect(added.status, added.text.slice(0, 300)).toBe(200)
			expect(await testers(NODE_B), 'the newcomer counts on B at once').toBe(before + 1)

			const removed = await admin.send(NODE_B, 'DELETE', `${groupPath}?groupid=${encodeURIComponent(rki.groupIds[0]!)}`)
			expect(removed.status, removed.text.slice(0, 300)).toBe(200)
			expect(await testers(NODE_A), 'and no longer on A once removed through B').toBe(before)
		} finally {
			await deleteUser(newcomer.user)
		}
	})

	it('a report asked for through node A downloads through node B as through node A', async () => {
		const pilotId = s.activePilots[0]!.id
		const queued = await bmi.expect<{ id: number }>(200, NODE_A, 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month: s.openPeriod.month, language: 'en' })
		let report: { status: string, path: string | null, error: string | null } = { status: 'queued', path: null, error: null }
		for (let attempt = 0; attempt < 10 && (report.status === 'queued' || report.status === 'running'); attempt++) {
			execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'background-job:worker', '--once', 'OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob'], { stdio: 'pipe', timeout: 120_000 })
			report = await bmi.expect(200, NODE_B, 'GET', `/reports/${queued.id}`)
		}
		expect(report, JSON.stringify(report)).toMatchObject({ status: 'done' })
		const file = async (node: string): Promise<string> => {
			const url = `${node}/remote.php/dav/files/bmi/${report.path!.split('/').map(encodeURIComponent).join('/')}`
			const response = await fetch(url, { headers: basicAuth('bmi') })
			expect(response.status, `GET ${url}`).toBe(200)
			expect(response.headers.get('X-Pilotfeedback-Node')).toBe(node === NODE_A ? 'a' : 'b')
			return response.text()
		}
		const throughB = await file(NODE_B)
		expect(throughB).toContain(',')
		expect(await file(NODE_A)).toBe(throughB)
	})
})
