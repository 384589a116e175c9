#!/usr/bin/env node
/**
 * The end-of-month rush (issue 21) against the cluster of scripts/cluster.sh: RUSH_TESTERS
 * (200) testers at once, each with a logged-in cookie session (basic auth on every request
 * would hash the password each time), save ratings and file items without pause, in phases of
 * RUSH_SECONDS (30) alternating between node A alone and the balancer (both nodes):
 * RUSH_PHASES ("a,both,a,both"), so that each way gets the same share of a shared machine.
 *
 *   scripts/cluster.sh --run node test/bench/rush.mjs
 *
 * Per phase kind and endpoint it prints requests, requests/s, median and p95 latency, 5xx and
 * other failures, and the CPU time per request: PHP (both nodes' PHP-FPM masters and workers,
 * the ended workers included, from /proc) and the whole cluster (PHP, PostgreSQL primary and
 * replica, nginx). Afterwards it checks in the database that every acknowledged write is there
 * exactly once: each rating as the newest acknowledged save of its tester (same id and
 * version, one row per tester, pilot and component), each filed item under its id and title,
 * and that `occ pilotfeedback:consolidation:verify` passes. Exit code 1 on a 5xx, a lost or
 * doubled write, or when two nodes carry more than 10 % less than one.
 *
 * The testers are accounts rush-NNN (password RUSH_PASSWORD), created once through the
 * provisioning API in the first group of RKI or BSH; while they are created and log in,
 * Nextcloud hashes passwords with bcrypt at cost 4 (system config hashing_default_password,
 * hashingCost) and copies no example files (skeletondirectory ''), put back afterwards.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NodeSession } from '../cluster/nodeSession.mjs'

const env = process.env
const BALANCER = (env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
const NODE_A = (env.NODE_A_URL ?? '').replace(/\/+$/, '')
const SERVER_DIR = env.NEXTCLOUD_SERVER_DIR ?? ''
const CLUSTER_DIR = env.PILOTFEEDBACK_CLUSTER_DIR ?? ''
if (!BALANCER || !NODE_A || !SERVER_DIR || !CLUSTER_DIR) {
	console.error('Run it in the cluster: scripts/cluster.sh --run node test/bench/rush.mjs')
	process.exit(2)
}
const TESTERS = Number(env.RUSH_TESTERS ?? 200)
const SECONDS = Number(env.RUSH_SECONDS ?? 30)
const PHASES = (env.RUSH_PHASES ?? 'a,both,a,both').split(',')
const PASSWORD = env.RUSH_PASSWORD ?? 'Rush-Tester-2026!'
const ADMIN_PASSWORD = env.ADMIN_PASSWORD ?? 'admin'
/** Names this run's items and comments apart from an earlier run's. */
const RUN = Date.now().toString(36)

// ---------------------------------------------------------------------------------------------
// HTTP with cookie sessions (NodeSession: log in once, then only cookies; status 0 without an answer)

async function expectOk(promise, what) {
	const answer = await promise
	if (answer.status < 200 || answer.status >= 300) {
		throw new Error(`${what}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`)
	}
	return answer.data
}

/** Runs fn over items, `width` at a time. */
async function pool(items, width, fn) {
	const out = new Array(items.length)
	let next = 0
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
		while (next < items.length) {
			const i = next++
			out[i] = await fn(items[i], i)
		}
	}))
	return out
}

function occ(...args) {
	return execFileSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', ...args], { encoding: 'utf8', stdio: 'pipe', timeout: 600_000 })
}

// ---------------------------------------------------------------------------------------------
// CPU time from /proc: every live process of a tree, each with its own and its ended children's time

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100)

function procTable() {
	const table = new Map()
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) {
			continue
		}
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			// fields[1] = ppid; [11..14] = utime stime cutime cstime
			table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) })
		} catch {
			// ended meanwhile
		}
	}
	return table
}

function treeMs(table, root) {
	if (!table.has(root)) {
		return 0
	}
	let ticks = 0
	const queue = [root]
	while (queue.length > 0) {
		const pid = queue.pop()
		ticks += table.get(pid).ticks
		for (const [child, p] of table) {
			if (p.ppid === pid) {
				queue.push(child)
			}
		}
	}
	return ticks * TICK_MS
}

function pidFrom(file) {
	try {
		return Number(readFileSync(file, 'utf8').split('\n')[0].trim())
	} catch {
		return 0
	}
}

function cpuNow() {
	const table = procTable()
	const php = treeMs(table, pidFrom(join(CLUSTER_DIR, 'node-a/php-fpm.pid'))) + treeMs(table, pidFrom(join(CLUSTER_DIR, 'node-b/php-fpm.pid')))
	const postgres = treeMs(table, pidFrom(join(CLUSTER_DIR, 'pg-primary/data/postmaster.pid'))) + treeMs(table, pidFrom(join(CLUSTER_DIR, 'pg-replica/data/postmaster.pid')))
	const nginx = treeMs(table, pidFrom(join(CLUSTER_DIR, 'nginx/nginx.pid')))
	return { php, all: php + postgres + nginx }
}

// ---------------------------------------------------------------------------------------------
// Set-up: the testers, their organisations' pilots, a period of the rush's own

const admin = await new NodeSession('admin', ADMIN_PASSWORD).open(BALANCER)
const organisations = await expectOk(admin.api(BALANCER, 'GET', '/organisations'), 'organisations')
const catalogue = await expectOk(admin.api(BALANCER, 'GET', '/catalogue'), 'catalogue')
const orgs = ['RKI', 'BSH'].map((short) => organisations.find((o) => o.shortName === short && o.groupIds.length > 0))
if (orgs.includes(undefined)) {
	throw new Error('The demo organisations RKI and BSH are not seeded')
}
function targetsOf(org) {
	return catalogue.pilots.filter((p) => p.status === 'active' && org.pilotIds.includes(p.id))
		.flatMap((p) => p.componentIds.map((componentId) => ({ pilotId: p.id, componentId })))
}
const criteria = catalogue.criteria

const periods = await expectOk(admin.api(BALANCER, 'GET', '/periods'), 'periods')
const taken = new Set(periods.map((p) => p.month))
let month = ''
for (let year = 1800; year < 1900 && month === ''; year++) {
	for (let m = 1; m <= 12 && month === ''; m++) {
		const candidate = `${year}-${String(m).padStart(2, '0')}`
		month = taken.has(candidate) ? '' : candidate
	}
}
const period = await expectOk(admin.send(BALANCER, 'POST', '/ocs/v2.php/apps/pilotfeedback_dev/api/v1/fixture-periods', { month }), `period ${month}`)

const hashing = {}
for (const key of ['hashing_default_password', 'hashingCost', 'skeletondirectory']) {
	try {
		hashing[key] = occ('config:system:get', key).trim()
	} catch {
		hashing[key] = null
	}
}
occ('config:system:set', 'hashing_default_password', '--value=true', '--type=boolean')
occ('config:system:set', 'hashingCost', '--value=4', '--type=integer')
// No example files copied into each new tester's Files at the first login.
occ('config:system:set', 'skeletondirectory', '--value=')
let testers
try {
	const started = Date.now()
	testers = await pool(Array.from({ length: TESTERS }, (_, i) => i), 16, async (i) => {
		const user = `rush-${String(i + 1).padStart(3, '0')}`
		const org = orgs[i % 2]
		const created = await admin.send(BALANCER, 'POST', '/ocs/v2.php/cloud/users?format=json', { userid: user, password: PASSWORD, groups: [org.groupIds[0]] })
		if (created.status !== 200 && !/already exists/i.test(created.text)) {
			throw new Error(`creating ${user}: HTTP ${created.status} ${created.text.slice(0, 200)}`)
		}
		const session = await new NodeSession(user, PASSWORD).open(BALANCER)
		return { user, session, targets: targetsOf(org), saves: 0, items: 0 }
	})
	console.log(`${TESTERS} testers ready (created or found, logged in) in ${((Date.now() - started) / 1000).toFixed(1)} s; period ${month}`)
} finally {
	for (const [key, value] of Object.entries(hashing)) {
		if (value === null) {
			occ('config:system:delete', key)
		} else {
			occ('config:system:set', key, `--value=${value}`, `--type=${{ hashingCost: 'integer', hashing_default_password: 'boolean' }[key] ?? 'string'}`)
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The rush

/** What was acknowledged: the newest rating save per tester and target, every filed item. */
const ratingsAcked = new Map() // `${user}|${pilotId}|${componentId}` -> {id, version, comment}
const versionsAcked = new Map() // same key -> list of versions
const itemsAcked = new Map() // id -> title
const results = {} // kind -> endpoint -> {ms: [], fail5xx, failOther, requests}
const cpu = {} // kind -> {php, all, seconds}

async function act(tester, base, kind) {
	const stats = (results[kind] ??= {})
	const saveRating = Math.random() < 0.7
	const endpoint = saveRating ? 'PUT /ratings/{period}/{component}' : 'POST /items'
	const row = (stats[endpoint] ??= { ms: [], fail5xx: 0, failOther: 0, statuses: {} })
	const started = performance.now()
	let answer
	if (saveRating) {
		const target = tester.targets[Math.floor(Math.random() * tester.targets.length)]
		const comment = `rush ${RUN} ${tester.user} save ${++tester.saves}`
		answer = await tester.session.api(base, 'PUT', `/ratings/${period.id}/${target.componentId}`, {
			pilotId: target.pilotId,
			overall: 1 + Math.floor(Math.random() * 5),
			comment,
			scores: criteria.map((c) => ({ criterionId: c.id, score: 1 + Math.floor(Math.random() * 5) })),
		})
		if (answer.status === 200) {
			const key = `${tester.user}|${target.pilotId}|${target.componentId}`
			ratingsAcked.set(key, { id: answer.data.id, version: answer.data.version, comment })
			;(versionsAcked.get(key) ?? versionsAcked.set(key, []).get(key)).push(answer.data.version)
		}
	} else {
		const target = tester.targets[Math.floor(Math.random() * tester.targets.length)]
		const title = `rush ${RUN} ${tester.user} item ${++tester.items}`
		answer = await tester.session.api(base, 'POST', '/items', { type: 'defect', title, body: 'Filed in the rush.', pilotId: target.pilotId, componentId: target.componentId, priority: 'medium' })
		if (answer.status === 201) {
			itemsAcked.set(answer.data.id, title)
		}
	}
	row.ms.push(performance.now() - started)
	row.statuses[answer.status] = (row.statuses[answer.status] ?? 0) + 1
	if (answer.status >= 500 || answer.status === 0) {
		row.fail5xx++
	} else if (answer.status >= 300) {
		row.failOther++
	}
}

for (const kind of PHASES) {
	const base = kind === 'a' ? NODE_A : BALANCER
	const before = cpuNow()
	const started = performance.now()
	const end = Date.now() + SECONDS * 1000
	await Promise.all(testers.map(async (tester) => {
		while (Date.now() < end) {
			await act(tester, base, kind)
		}
	}))
	const after = cpuNow()
	const c = (cpu[kind] ??= { php: 0, all: 0, seconds: 0 })
	c.php += after.php - before.php
	c.all += after.all - before.all
	c.seconds += (performance.now() - started) / 1000
	console.log(`phase ${kind}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

// ---------------------------------------------------------------------------------------------
// Figures

const quantile = (sorted, q) => sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const LABEL = { a: 'node A only', both: 'both nodes (balancer)' }
const throughput = {}
console.log('')
console.log(`${TESTERS} testers, ${SECONDS} s phases ${PHASES.join(', ')}; ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores`)
console.log('| way | endpoint | requests | req/s | median ms | p95 ms | 5xx | other non-2xx | PHP CPU ms/req | cluster CPU ms/req |')
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
let fail5xx = 0
for (const kind of Object.keys(results)) {
	const total = Object.values(results[kind]).reduce((n, r) => n + r.ms.length, 0)
	throughput[kind] = total / cpu[kind].seconds
	for (const [endpoint, r] of [...Object.entries(results[kind]), ['all', { ms: Object.values(results[kind]).flatMap((x) => x.ms), fail5xx: Object.values(results[kind]).reduce((n, x) => n + x.fail5xx, 0), failOther: Object.values(results[kind]).reduce((n, x) => n + x.failOther, 0) }]]) {
		const sorted = [...r.ms].sort((x, y) => x - y)
		fail5xx += endpoint === 'all' ? 0 : r.fail5xx
		console.log(`| ${LABEL[kind]} | ${endpoint} | ${r.ms.length} | ${(r.ms.length / cpu[kind].seconds).toFixed(1)} | ${quantile(sorted, 0.5).toFixed(0)} | ${quantile(sorted, 0.95).toFixed(0)} | ${r.fail5xx} | ${r.failOther} | ${(cpu[kind].php / total).toFixed(1)} | ${(cpu[kind].all / total).toFixed(1)} |`)
	}
}
for (const kind of Object.keys(results)) {
	for (const [endpoint, r] of Object.entries(results[kind])) {
		if (r.failOther > 0 || r.fail5xx > 0) {
			console.log(`  ${LABEL[kind]} ${endpoint} statuses: ${JSON.stringify(r.statuses)}`)
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Every acknowledged write in the database, exactly once

function sql(query) {
	return JSON.parse(execFileSync('php', ['-r', `
	include $argv[1];
	[$host, $port] = array_pad(explode(':', $CONFIG['dbhost']), 2, '5432');
	$pdo = new PDO("pgsql:host=$host;port=$port;dbname={$CONFIG['dbname']}", $CONFIG['dbuser'], $CONFIG['dbpassword']);
	echo json_encode($pdo->query($argv[2])->fetchAll(PDO::FETCH_ASSOC));
`, join(SERVER_DIR, 'config/config.php'), query], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }))
}

const problems = []
const stored = new Map()
for (const row of sql(`SELECT id, user_id, pilot_id, component_id, version, comment FROM oc_pf_assessments WHERE period_id = ${Number(period.id)} AND user_id LIKE 'rush-%'`)) {
	const key = `${row.user_id}|${row.pilot_id}|${row.component_id}`
	if (stored.has(key)) {
		problems.push(`two assessments for ${key}`)
	}
	stored.set(key, row)
}
for (const [key, acked] of ratingsAcked) {
	const row = stored.get(key)
	const versions = versionsAcked.get(key)
	if (new Set(versions).size !== versions.length) {
		problems.push(`${key}: two acknowledged saves share a version (${versions.join(', ')})`)
	}
	if (row === undefined) {
		problems.push(`${key}: acknowledged, not stored`)
	} else if (Number(row.id) !== acked.id || Number(row.version) !== acked.version || row.comment !== acked.comment) {
		problems.push(`${key}: stored ${row.id} v${row.version} "${row.comment}", acknowledged last ${acked.id} v${acked.version} "${acked.comment}"`)
	}
}
const items = sql(`SELECT id, title FROM oc_pf_items WHERE title LIKE 'rush ${RUN} %'`)
const itemIds = new Map(items.map((i) => [Number(i.id), i.title]))
const titles = new Map()
for (const i of items) {
	titles.set(i.title, (titles.get(i.title) ?? 0) + 1)
}
for (const [id, title] of itemsAcked) {
	if (itemIds.get(id) !== title) {
		problems.push(`item ${id} "${title}": acknowledged, not stored as such`)
	}
	if ((titles.get(title) ?? 0) !== 1) {
		problems.push(`item "${title}": stored ${titles.get(title) ?? 0} times`)
	}
}
let verified = true
try {
	occ('pilotfeedback:consolidation:verify')
} catch (e) {
	verified = false
	problems.push(`occ pilotfeedback:consolidation:verify failed: ${(e.stdout ?? '').toString().slice(-500)}`)
}
console.log('')
console.log(`Acknowledged: ${ratingsAcked.size} assessments (newest save each), ${itemsAcked.size} items; stored: ${stored.size} assessments, ${items.length} items; consolidation:verify ${verified ? 'passed' : 'FAILED'}`)
for (const p of problems.slice(0, 20)) {
	console.log(`  PROBLEM ${p}`)
}

const ratio = throughput.both / throughput.a
console.log(`Two nodes carry ${(ratio * 100).toFixed(0)} % of what node A alone carries (${throughput.both.toFixed(1)} vs ${throughput.a.toFixed(1)} req/s)`)
const perCore = 1000 / (cpu.both.all / Object.values(results.both).reduce((n, r) => n + r.ms.length, 0))
console.log(`Cluster CPU per request ${(1000 / perCore).toFixed(0)} ms: about ${perCore.toFixed(1)} requests/s per core of this machine`)

await admin.api(BALANCER, 'PUT', `/periods/${period.id}`, { status: 'closed' })
process.exit(fail5xx > 0 || problems.length > 0 || ratio < 0.9 ? 1 : 0)
