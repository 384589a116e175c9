#!/usr/bin/env node
/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Measures the item list, the title suggestions and the consolidation (results of one
 * pilot for a quarter with all organisations' breakdown and with one organisation's, the
 * trend and the items overview of that quarter) through the OCS API of a running Nextcloud (run
 * by scripts/bench.sh after `occ pilotfeedback:bench:seed`). Every user logs in once with
 * basic auth; the measured requests carry only the session cookies, because basic auth
 * hashes the password again on every request.
 *
 * PHP's peak memory per request comes from the header X-PilotFeedback-Peak-Memory, which
 * the app sends only while the system configuration sets pilotfeedback.bench (bench.sh
 * sets it for the run and removes it afterwards); each row prints the largest value seen.
 *
 * Nextcloud's own `/cloud/user` is the floor: a request that boots Nextcloud and runs no
 * app code. The rows of one user are measured interleaved (one request of each in turn),
 * so that the load of other jobs on the machine hits the floor and the app's rows alike,
 * and every row prints its median as a multiple of the floor's. The suggestions must stay
 * within SUGGESTION_FACTOR times the floor.
 *
 * Environment: NEXTCLOUD_URL (required), BENCH_REQUESTS (50), BENCH_WARMUP (5),
 * BENCH_USERS (rki-tester1,bmi), BENCH_PASSWORD (the demo password),
 * BENCH_SERVER_PID (optional: pids of `php -S`, comma-separated, to print their peak memory).
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import process from 'node:process'

const BASE = (process.env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
if (BASE === '') {
	console.error('NEXTCLOUD_URL is not set (for example http://127.0.0.1:8080)')
	process.exit(2)
}
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5)
const USERS = (process.env.BENCH_USERS ?? 'rki-tester1,bmi').split(',').filter(Boolean)
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Pilot-Feedback-2026'
const TARGET_MS = 150
/** The consolidation's targets (issue 7, point 8): p95 and PHP's peak memory per request. */
const CONSOLIDATION_P95_MS = 200
const PEAK_MEMORY_MB = 64
const MEMORY_HEADER = 'x-pilotfeedback-peak-memory'
/** The users who see the consolidation (a consolidator). */
const CONSOLIDATORS = (process.env.BENCH_CONSOLIDATORS ?? 'bmi').split(',').filter(Boolean)
/** The suggestions' median may be at most this multiple of the floor's (issue 11). */
const SUGGESTION_FACTOR = 1.5
const API = '/ocs/v2.php/apps/pilotfeedback/api/v1'

const ENDPOINTS = [
	{ name: 'baseline: user', path: '/ocs/v2.php/cloud/user' },
	{ name: 'list, first page', path: `${API}/items` },
	{ name: 'list, filtered', path: `${API}/items?type=defect&priority=high&status=new&sort=support&order=desc` },
	{ name: 'list, page 200', path: `${API}/items?page=200` },
	{ name: 'suggestions', path: `${API}/items/suggestions?q=${encodeURIComponent('sharing link')}` },
	{ name: 'suggestions, title', path: `${API}/items/suggestions?q=${encodeURIComponent('Calendar sync shows wrong dates in Firefox')}` },
]

/** A minimal cookie jar: name → value, updated from every answer. */
class Session {
	constructor(user) {
		this.user = user
		this.cookies = new Map()
	}

	header() {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
	}

	remember(response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';')
			const at = pair.indexOf('=')
			const name = pair.slice(0, at).trim()
			const value = pair.slice(at + 1).trim()
			const expired = value === 'deleted' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
				|| attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now())
			if (expired) {
				this.cookies.delete(name)
			} else {
				this.cookies.set(name, value)
			}
		}
	}

	/** GET with the session cookies only (no Authorization header). */
	async get(path) {
		const response = await fetch(BASE + path, {
			headers: { 'OCS-APIRequest': 'true', Accept: 'application/json', Cookie: this.header() },
			redirect: 'manual',
		})
		const text = await response.text()
		this.remember(response)
		const memory = response.headers.get(MEMORY_HEADER)
		return { status: response.status, text, memory: memory === null ? null : Number(memory) }
	}
}

/**
 * Logs in once with basic auth. The `cookie_test` cookie tells Nextcloud that the client
 * keeps cookies, so that it creates a session token instead of a one-request login.
 */
async function login(user) {
	const session = new Session(user)
	session.cookies.set('cookie_test', 'test')
	const response = await fetch(`${BASE}/ocs/v2.php/cloud/user?format=json`, {
		headers: {
			'OCS-APIRequest': 'true',
			Accept: 'application/json',
			Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`,
			Cookie: session.header(),
		},
	})
	await response.text()
	session.remember(response)
	if (response.status !== 200) {
		throw new Error(`Login as ${user} failed: HTTP ${response.status}`)
	}
	return session
}

/** Proves that the cookies alone authenticate: the user endpoint answers with this user, and nobody without them. */
async function checkSession(session) {
	const own = await session.get('/ocs/v2.php/cloud/user?format=json')
	const id = own.status === 200 ? JSON.parse(own.text)?.ocs?.data?.id : null
	const anonymous = await fetch(`${BASE}${API}/items`, { headers: { 'OCS-APIRequest': 'true', Accept: 'application/json' } })
	await anonymous.text()
	const items = await session.get(`${API}/items?limit=1`)
	const ok = id === session.user && anonymous.status === 401 && items.status === 200
	console.log(`session check ${session.user}: cookie-only /cloud/user → ${own.status} as ${id ?? '-'}; `
		+ `cookie-only /items → ${items.status}; without cookies /items → ${anonymous.status}: ${ok ? 'OK' : 'FAILED'}`)
	if (!ok) {
		throw new Error(`The session of ${session.user} does not authenticate the measured requests`)
	}
}

function percentile(sorted, p) {
	return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/** One request, timed until the body is read; fails on any status but 200. */
async function timed(session, endpoint) {
	const start = performance.now()
	const { status, text, memory } = await session.get(endpoint.path)
	const ms = performance.now() - start
	if (status !== 200) {
		throw new Error(`${endpoint.name} as ${session.user}: HTTP ${status}: ${text.slice(0, 300)}`)
	}
	return { ms, text, memory }
}

function describeAnswer(text) {
	const data = JSON.parse(text).ocs.data
	const kb = `${(text.length / 1024).toFixed(0)} kB`
	if (Array.isArray(data)) {
		return `${data.length} suggestions`
	}
	if (data.items) {
		return `${data.total} items (${data.items.length} on page)`
	}
	if (data.series) {
		const n = data.series.filter((s) => s.criterionId === null).reduce((sum, s) => sum + s.points.reduce((a, p) => a + p.n, 0), 0)
		return `${data.series.length} series × ${data.range.months.length} months, ${n} overall ratings, ${kb}`
	}
	if (data.components && data.organisations) {
		const n = data.components.reduce((sum, c) => sum + c.assessments, 0)
		const scores = data.components.reduce((sum, c) => sum + c.criteria.reduce((a, k) => a + k.n + k.notAssessed, 0), 0)
		return `${data.components.length} components, ${n} assessments, ${scores} criterion ratings, ${data.organisations.length} org breakdown(s), ${kb}`
	}
	if (data.counts || data.ranking) {
		return `items overview, ${kb}`
	}
	return `Nextcloud core, no app code (${data.id})`
}

/**
 * Sequential requests, interleaved over the endpoints: WARMUP rounds, then REQUESTS measured
 * rounds of one request per endpoint.
 */
async function measureAll(session, endpoints) {
	for (let i = 0; i < WARMUP; i++) {
		for (const endpoint of endpoints) {
			await timed(session, endpoint)
		}
	}
	const times = endpoints.map(() => [])
	const seen = endpoints.map(() => null)
	const peaks = endpoints.map(() => null)
	for (let i = 0; i < REQUESTS; i++) {
		for (const [k, endpoint] of endpoints.entries()) {
			const { ms, text, memory } = await timed(session, endpoint)
			times[k].push(ms)
			seen[k] ??= describeAnswer(text)
			if (memory !== null) {
				peaks[k] = Math.max(peaks[k] ?? 0, memory)
			}
		}
	}
	return endpoints.map((endpoint, k) => {
		const sorted = times[k].sort((a, b) => a - b)
		return {
			endpoint: endpoint.name,
			user: session.user,
			consolidation: endpoint.consolidation === true,
			median: percentile(sorted, 0.5),
			p95: percentile(sorted, 0.95),
			peakMb: peaks[k] === null ? null : peaks[k] / 1024 / 1024,
			seen: seen[k],
		}
	})
}

/** Peak resident memory (VmHWM) of the server process and its workers, from /proc. */
function serverPeakMemory(pidList) {
	const pids = new Set()
	for (const pid of pidList.split(',').filter(Boolean)) {
		pids.add(pid)
		try {
			readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).forEach((child) => pids.add(child))
		} catch {
			// no children list: report the process alone
		}
	}
	return [...pids].map((p) => {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))
		return { pid: p, mb: match ? Number(match[1]) / 1024 : NaN }
	})
}

const pad = (value, width) => String(value).padEnd(width)
const padLeft = (value, width) => String(value).padStart(width)

console.log(`Pilot Feedback benchmark: ${BASE}, ${REQUESTS} requests per row after ${WARMUP} warm-up, sequential, rows interleaved, session cookies`)
/** YYYY-MM of the month $back months before the current one. */
function monthBefore(back) {
	const now = new Date()
	const d = new Date(now.getFullYear(), now.getMonth() - back, 1)
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

/**
 * The consolidation rows: the first pilot (by id) the seeder's organisations share, the
 * quarter of the month three months back (always inside the seeded twelve closed months).
 */
async function consolidationEndpoints(session) {
	const { pilots, organisations } = JSON.parse((await session.get(`${API}/catalogue?format=json`)).text).ocs.data
	const pilot = [...pilots].filter((p) => p.status === 'active').sort((a, b) => a.id - b.id)[0]
	const rki = organisations.find((o) => o.shortName === 'RKI') ?? organisations[0]
	const [year, month] = monthBefore(3).split('-').map(Number)
	const quarter = `${year}-Q${Math.ceil(month / 3)}`
	console.log(`consolidation: pilot ${pilot.id} "${pilot.title}", quarter ${quarter}, one organisation = ${rki.shortName} (${rki.id})`)
	const c = `${API}/consolidation`
	return [
		{ name: 'results, all orgs', path: `${c}/results?pilotId=${pilot.id}&quarter=${quarter}`, consolidation: true },
		{ name: 'results, one org', path: `${c}/results?pilotId=${pilot.id}&quarter=${quarter}&organisationId=${rki.id}`, consolidation: true },
		{ name: 'trend, quarter', path: `${c}/trend?pilotId=${pilot.id}&quarter=${quarter}`, consolidation: true },
		{ name: 'items overview', path: `${c}/items?pilotId=${pilot.id}&quarter=${quarter}`, consolidation: true },
	]
}

const rows = []
for (const user of USERS) {
	const session = await login(user)
	await checkSession(session)
	const endpoints = CONSOLIDATORS.includes(user) ? [...ENDPOINTS, ...await consolidationEndpoints(session)] : ENDPOINTS
	const measured = await measureAll(session, endpoints)
	const floor = measured.find((row) => row.endpoint.startsWith('baseline'))
	rows.push(...measured.map((row) => ({ ...row, factor: row.median / floor.median })))
}

console.log()
console.log(`${pad('endpoint', 19)} ${pad('user', 12)} ${padLeft('median ms', 9)} ${padLeft('p95 ms', 8)} ${padLeft('× floor', 7)} ${padLeft('peak MB', 7)}  seen`)
for (const row of rows) {
	const peak = row.peakMb === null ? '-' : row.peakMb.toFixed(1)
	console.log(`${pad(row.endpoint, 19)} ${pad(row.user, 12)} ${padLeft(row.median.toFixed(1), 9)} ${padLeft(row.p95.toFixed(1), 8)} ${padLeft(row.factor.toFixed(2), 7)} ${padLeft(peak, 7)}  ${row.seen}`)
}
if (rows.every((row) => row.peakMb === null)) {
	console.log(`(no peak memory: the server does not send ${MEMORY_HEADER}; set the system config pilotfeedback.bench to true, as scripts/bench.sh does)`)
}
const measured = rows.filter((row) => !row.endpoint.startsWith('baseline') && !row.consolidation)
const slow = measured.filter((row) => row.median >= TARGET_MS)
console.log()
console.log(slow.length === 0
	? `Target met: every median of the app's endpoints is under ${TARGET_MS} ms.`
	: `Target missed: ${slow.length} of ${measured.length} medians are ${TARGET_MS} ms or more.`)
const suggestions = measured.filter((row) => row.endpoint.startsWith('suggestions'))
const over = suggestions.filter((row) => row.factor > SUGGESTION_FACTOR)
console.log(over.length === 0
	? `Suggestions target met: every suggestions median is at most ${SUGGESTION_FACTOR} × the /cloud/user floor (${suggestions.map((row) => row.factor.toFixed(2)).join(', ')}).`
	: `Suggestions target missed: ${over.map((row) => `${row.endpoint} as ${row.user} ${row.factor.toFixed(2)} ×`).join(', ')} the /cloud/user floor (at most ${SUGGESTION_FACTOR}).`)

const consolidation = rows.filter((row) => row.consolidation)
if (consolidation.length > 0) {
	const over = consolidation.filter((row) => row.p95 >= CONSOLIDATION_P95_MS || row.peakMb === null || row.peakMb >= PEAK_MEMORY_MB)
	console.log(over.length === 0
		? `Consolidation target met: every p95 is under ${CONSOLIDATION_P95_MS} ms and every peak under ${PEAK_MEMORY_MB} MB.`
		: `Consolidation target missed: ${over.map((row) => `${row.endpoint} (p95 ${row.p95.toFixed(0)} ms, peak ${row.peakMb === null ? 'unknown' : `${row.peakMb.toFixed(1)} MB`})`).join(', ')}; targets p95 < ${CONSOLIDATION_P95_MS} ms, peak < ${PEAK_MEMORY_MB} MB.`)
}

if (process.env.BENCH_SERVER_PID) {
	try {
		const peaks = serverPeakMemory(process.env.BENCH_SERVER_PID)
		console.log(`PHP server peak RSS (VmHWM): ${peaks.map((p) => `pid ${p.pid} ${p.mb.toFixed(0)} MB`).join(', ')}`)
	} catch (error) {
		console.log(`PHP server peak memory not available: ${error.message}`)
	}
}
