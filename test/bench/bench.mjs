#!/usr/bin/env node
/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Measures the item list and the title suggestions through the OCS API of a running
 * Nextcloud (run by scripts/bench.sh after `occ pilotfeedback:bench:seed`). Every user
 * logs in once with basic auth; the measured requests carry only the session cookies,
 * because basic auth hashes the password again on every request.
 *
 * Nextcloud's own `/cloud/user` is the floor: a request that boots Nextcloud and runs no
 * app code. The rows of one user are measured interleaved (one request of each in turn),
 * so that the load of other jobs on the machine hits the floor and the app's rows alike,
 * and every row prints its median as a multiple of the floor's. The suggestions must stay
 * within SUGGESTION_FACTOR times the floor.
 *
 * Environment: NEXTCLOUD_URL (required), BENCH_REQUESTS (100), BENCH_WARMUP (10),
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
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10)
const USERS = (process.env.BENCH_USERS ?? 'rki-tester1,bmi').split(',').filter(Boolean)
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Pilot-Feedback-2026'
const TARGET_MS = 150
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
		return { status: response.status, text }
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
	const { status, text } = await session.get(endpoint.path)
	const ms = performance.now() - start
	if (status !== 200) {
		throw new Error(`${endpoint.name} as ${session.user}: HTTP ${status}: ${text.slice(0, 300)}`)
	}
	return { ms, text }
}

function describeAnswer(text) {
	const data = JSON.parse(text).ocs.data
	return Array.isArray(data)
		? `${data.length} suggestions`
		: (data.items ? `${data.total} items (${data.items.length} on page)` : `Nextcloud core, no app code (${data.id})`)
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
	for (let i = 0; i < REQUESTS; i++) {
		for (const [k, endpoint] of endpoints.entries()) {
			const { ms, text } = await timed(session, endpoint)
			times[k].push(ms)
			seen[k] ??= describeAnswer(text)
		}
	}
	return endpoints.map((endpoint, k) => {
		const sorted = times[k].sort((a, b) => a - b)
		return { endpoint: endpoint.name, user: session.user, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), seen: seen[k] }
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
const rows = []
for (const user of USERS) {
	const session = await login(user)
	await checkSession(session)
	const measured = await measureAll(session, ENDPOINTS)
	const floor = measured.find((row) => row.endpoint.startsWith('baseline'))
	rows.push(...measured.map((row) => ({ ...row, factor: row.median / floor.median })))
}

console.log()
console.log(`${pad('endpoint', 19)} ${pad('user', 12)} ${padLeft('median ms', 9)} ${padLeft('p95 ms', 8)} ${padLeft('× floor', 7)}  seen`)
for (const row of rows) {
	console.log(`${pad(row.endpoint, 19)} ${pad(row.user, 12)} ${padLeft(row.median.toFixed(1), 9)} ${padLeft(row.p95.toFixed(1), 8)} ${padLeft(row.factor.toFixed(2), 7)}  ${row.seen}`)
}
const measured = rows.filter((row) => !row.endpoint.startsWith('baseline'))
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

if (process.env.BENCH_SERVER_PID) {
	try {
		const peaks = serverPeakMemory(process.env.BENCH_SERVER_PID)
		console.log(`PHP server peak RSS (VmHWM): ${peaks.map((p) => `pid ${p.pid} ${p.mb.toFixed(0)} MB`).join(', ')}`)
	} catch (error) {
		console.log(`PHP server peak memory not available: ${error.message}`)
	}
}
