/**
 * A dead node's session lock: sessions live in Redis with locking (Nextcloud's documented
 * settings), and a PHP process holds its session's lock while the session is open. Killed
 * then, it leaves the lock behind, and every later request of that session, on any node,
 * waits until the lock expires. phpredis lets it expire after max_execution_time, which
 * Nextcloud raises to 3600 s; the cluster sets redis.session.lock_expire (SESSION_LOCK_EXPIRE,
 * 30 s) as docs/deployment.md says a real cluster should. Seen in node-kill.spec.ts, where two
 * saves sent again to node B waited the whole 180 s of the test for a lock node A died holding.
 *
 * Node A is killed while a request of the development app (fixture-session-lock) holds a
 * tester's session open; the lock is then in Redis with at most SESSION_LOCK_EXPIRE seconds to
 * live, and the tester's next request through node B waits for it, and then answers.
 *
 * Runs only against a cluster made by scripts/cluster.sh (NODE_A_URL, NODE_B_URL,
 * PILOTFEEDBACK_CLUSTER_DIR, REDIS_PORT and SESSION_LOCK_EXPIRE set by its --run).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL, passwordOf } from '../integration/setup/client.ts'
import { NodeSession } from './nodeSession.mjs'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const NODE_A = (process.env.NODE_A_URL ?? '').replace(/\/+$/, '')
const NODE_B = (process.env.NODE_B_URL ?? '').replace(/\/+$/, '')
const CLUSTER_DIR = process.env.PILOTFEEDBACK_CLUSTER_DIR ?? ''
const REDIS_PORT = process.env.REDIS_PORT ?? ''
const LOCK_EXPIRE = Number(process.env.SESSION_LOCK_EXPIRE ?? '0')
const IN_CLUSTER = NODE_A !== '' && NODE_B !== '' && CLUSTER_DIR !== '' && REDIS_PORT !== '' && LOCK_EXPIRE > 0
/** How long the fixture request would hold the session: far longer than the lock may live. */
const HOLD_SECONDS = 60

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** scripts/cluster.sh node <kill|start> a, on the cluster of PILOTFEEDBACK_CLUSTER_DIR. */
function node(action: 'kill' | 'start'): void {
	execFileSync('scripts/cluster.sh', ['node', action, 'a'], { stdio: 'pipe', timeout: 60_000, env: { ...process.env, PILOTFEEDBACK_CLUSTER_DIR: CLUSTER_DIR } })
}

/** Seconds the key has to live in the sessions' Redis database: -2 when there is none. */
function ttlOf(key: string): number {
	return Number(execFileSync('redis-cli', ['-p', REDIS_PORT, '-n', '1', 'TTL', key], { encoding: 'utf8' }).trim())
}

describe.skipIf(!IN_CLUSTER)(`a session locked by a dead node${IN_CLUSTER ? '' : ' (SKIPPED: run through scripts/cluster.sh --run, as make test-cluster does)'}`, () => {
	let killed = false

	afterAll(async () => {
		if (killed) {
			node('start')
		}
		expect((await fetch(`${NODE_A}/status.php`)).status).toBe(200)
	}, 60_000)

	it('answers through node B once the lock the dead node held expires, after at most SESSION_LOCK_EXPIRE seconds', async () => {
		const tester = await new NodeSession('rki-tester1', passwordOf('rki-tester1')).open(NEXTCLOUD_URL)
		const instanceId = execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-warnings', 'config:system:get', 'instanceid'], { encoding: 'utf8' }).trim()
		const sessionId = tester.cookie(instanceId)
		expect(sessionId, `the session cookie ${instanceId}`).toBeDefined()
		const lock = `PHPREDIS_SESSION:${sessionId}_LOCK`
		expect(ttlOf(lock), 'no request of the session holds its lock yet').toBe(-2)

		// 1. Node A holds the session open, then dies with it.
		const held = tester.send(NODE_A, 'POST', '/ocs/v2.php/apps/pilotfeedback_dev/api/v1/fixture-session-lock', { seconds: HOLD_SECONDS })
		for (let i = 0; i < 200 && ttlOf(lock) === -2; i++) {
			await sleep(50)
		}
		expect(ttlOf(lock), 'node A holds the session\'s lock').toBeGreaterThan(0)
		node('kill')
		killed = true
		expect([502, 503, 504]).toContain((await held).status)

		// 2. The lock outlives node A, but not for longer than the cluster lets it.
		const left = ttlOf(lock)
		expect(left, 'the dead node\'s lock is still there').toBeGreaterThan(0)
		expect(left, 'it expires within redis.session.lock_expire, not max_execution_time').toBeLessThanOrEqual(LOCK_EXPIRE)

		// 3. The tester's next request waits for it on node B, and then answers.
		const start = Date.now()
		const me = await tester.api(NODE_B, 'GET', '/me')
		const waited = (Date.now() - start) / 1000
		console.info(`session-lock: the lock had ${left} s to live; node B answered after ${waited.toFixed(1)} s`)
		expect(me.status, me.text.slice(0, 300)).toBe(200)
		expect(me.node).toBe('b')
		expect(waited, 'the request waited for the dead node\'s lock').toBeGreaterThanOrEqual(left - 1)
		expect(ttlOf(lock), 'the lock is gone').toBe(-2)
	}, (Number(process.env.SESSION_LOCK_EXPIRE ?? '0') + 60) * 1000)
})
