/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Measures the item list (filtered and sorted, and its text search, 100 per page), the title
 * suggestions and the consolidation through the OCS API of a running Nextcloud (run by
 * scripts/bench.sh after `occ pilotfeedback:bench:seed`): results, trend, participation and
 * items overview of one pilot for a month, a quarter, 12 months and all seeded months, across
 * all organisations, for one organisation, and released only; at the end the time a quarterly
 * report takes from its POST until it is done. Every user logs in once with basic auth; the
 * measured requests carry only the session cookies, because basic auth hashes the password
 * again on every request.
 *
 * PHP's peak memory per request comes from the header X-PilotFeedback-Peak-Memory, which
 * the app sends only while the system configuration sets pilotfeedback.bench (bench.sh
 * sets it for the run and removes it afterwards); each row prints the largest value seen.
 *
 * Nextcloud's own `/cloud/user` is the floor: a request that boots Nextcloud and runs no
 * app code. The rows of one user are measured interleaved (one request of each in turn),
 * so that the load of other jobs on the machine hits the floor and the app's rows alike,
 * and every row prints its median and p95 as multiples of the floor's median and p95.
 * Targets (issue 20): consolidation p95 at most 3 × the floor's p95, item list and search at
 * most 1.5 ×, and PHP's peak memory under 64 MB.
 *
 * Environment: NEXTCLOUD_URL (required), BENCH_REQUESTS (30; p95 needs at least 20),
 * BENCH_WARMUP (3), BENCH_USERS (rki-tester1,bmi), BENCH_CONSOLIDATORS (bmi),
 * BENCH_PASSWORD (the demo password), BENCH_MONTHS (12: the closed months seeded, for the
 * "all months" range), BENCH_RANGES (month,quarter,12m,year,all), BENCH_SCOPES (all,org,released),
 * BENCH_ROWS (a regular expression: measure only the rows whose name matches; the floor
 * always), BENCH_REPORT (1: measure the quarterly report; 0: not), BENCH_JSON (a file to
 * write the rows to as JSON, for test/bench/compare.mjs), NEXTCLOUD_SERVER_DIR (the server
 * directory: a queued report's background job is run through its occ), BENCH_SERVER_PID (optional: pids
 * of `php -S`, comma-separated, to print their peak memory).
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { cookieHeaderOf, rememberSetCookies } from '../integration/setup/setCookies.mjs'

const BASE = (process.env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
if (BASE === '') {
	console.error('NEXTCLOUD_URL is not set (for example http://127.0.0.1:8080)')
	process.exit(2)
}
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3)
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12)
const RANGES = (process.env.BENCH_RANGES ?? 'month,quarter,12m,year,all').split(',').filter(Boolean)
const SCOPES = (process.env.BENCH_SCOPES ?? 'all,org,released').split(',').filter(Boolean)
const ROW_FILTER = process.env.BENCH_ROWS ? new RegExp(process.env.BENCH_ROWS) : null
const REPORT = (process.env.BENCH_REPORT ?? '1') !== '0'
const USERS = (process.env.BENCH_USERS ?? 'rki-tester1,bmi').split(',').filter(Boolean)
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Pilot-Feedback-2026'
/** Issue 20: the consolidation's p95 at most this multiple of the floor's p95. */
const CONSOLIDATION_FACTOR = 3
/** Issue 20: the item list's and its search's p95 at most this multiple of the floor's p95. */
const LIST_FACTOR = 1.5
const PEAK_MEMORY_MB = 64
const MEMORY_HEADER = 'x-pilotfeedback-peak-memory'
/** The users who see the consolidation (a consolidator). */
const CONSOLIDATORS = (process.env.BENCH_CONSOLIDATORS ?? 'bmi').split(',').filter(Boolean)
/** The suggestions' median may be at most this multiple of the floor's (issue 11). */
const SUGGESTION_FACTOR = 1.5
if (REQUESTS < 20) {
	console.log(`warning: BENCH_REQUESTS=${REQUESTS}: a p95 needs at least 20 requests per row`)
}
const API = '/ocs/v2.php/apps/pilotfeedback/api/v1'

const FLOOR = { name: 'baseline: user', path: '/ocs/v2.php/cloud/user' }
/** kind: list rows count against LIST_FACTOR, consolidation rows against CONSOLIDATION_FACTOR. */
const ENDPOINTS = [
	{ name: 'list, first page', path: `${API}/items`, kind: 'list' },
	{ name: 'list, filtered+sorted', path: `${API}/items?type=defect&priority=high&status=new&sort=support&order=desc`, kind: 'list' },
	{ name: 'list, search q, 100/page', path: `${API}/items?q=${encodeURIComponent('sharing link')}&limit=100`, kind: 'list' },
	{ name: 'suggestions', path: `${API}/items/suggestions?q=${encodeURIComponent('sharing link')}`, kind: 'suggestions' },
]

/** A minimal cookie jar: name → value, updated from every answer. */
class Session {
	constructor(user) {
		this.user = user
		this.cookies = new Map()
	}

	header() {
		return cookieHeaderOf(this.cookies)
	}

	remember(response) {
		rememberSetCookies(this.cookies, response)
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
		return `${data.total} items (${data.items.length} on page), ${kb}`
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
	if (data.rows && data.componentsInPilot !== undefined) {
		return `participation, ${data.rows.length} rows, ${kb}`
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
			kind: endpoint.kind ?? 'floor',
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

/** YYYY-MM of the month $back months before the current one. */
function monthBefore(back) {
	const now = new Date()
	const d = new Date(now.getFullYear(), now.getMonth() - back, 1)
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

/** The newest quarter that has ended: its months are all closed and seeded. */
function lastQuarter() {
	for (let back = 1; ; back++) {
		const [year, month] = monthBefore(back).split('-').map(Number)
		if (month % 3 === 0) {
			return `${year}-Q${month / 3}`
		}
	}
}

/** The newest calendar year whose months were all seeded, or null. */
function lastWholeYear() {
	const year = Number(monthBefore(1).slice(0, 4)) - 1
	return `${year}-01` >= monthBefore(MONTHS) ? year : null
}

/**
 * The ranges as query parameters: the last closed month, the last ended quarter, the last 12
 * months, the last whole calendar year (four quarters: left out when not all seeded) and all
 * seeded months (the same as 12 when 12 were seeded: then left out).
 */
function ranges() {
	const year = lastWholeYear()
	const all = {
		month: { label: 'month', query: `month=${monthBefore(1)}` },
		quarter: { label: 'quarter', query: `quarter=${lastQuarter()}` },
		'12m': { label: '12 months', query: `from=${monthBefore(12)}&to=${monthBefore(1)}` },
		year: { label: `year ${year}`, query: `from=${year}-01&to=${year}-12` },
		all: { label: `all ${MONTHS} months`, query: `from=${monthBefore(MONTHS)}&to=${monthBefore(1)}` },
	}
	return RANGES.filter((key) => !(key === 'all' && MONTHS === 12 && RANGES.includes('12m')) && !(key === 'year' && year === null)).map((key) => {
		if (!all[key]) {
			throw new Error(`BENCH_RANGES: unknown range ${key}; use month, quarter, 12m, year, all`)
		}
		return all[key]
	})
}

/** The first active pilot (by id) and the organisation RKI (else the first one), from the catalogue. */
async function catalogue(session) {
	const { pilots, organisations } = JSON.parse((await session.get(`${API}/catalogue?format=json`)).text).ocs.data
	const pilot = [...pilots].filter((p) => p.status === 'active').sort((a, b) => a.id - b.id)[0]
	const rki = organisations.find((o) => o.shortName === 'RKI') ?? organisations[0]
	return { pilot, organisation: rki, organisations: organisations.length }
}

/**
 * The consolidation rows: results, trend, participation and items overview for every range
 * and scope (all organisations, one organisation, released only; the items overview has no
 * "released only").
 */
async function consolidationEndpoints(session) {
	const { pilot, organisation, organisations } = await catalogue(session)
	console.log(`consolidation: pilot ${pilot.id} "${pilot.title}", ${organisations} organisations; one organisation = ${organisation.shortName} (${organisation.id}); `
		+ `ranges ${ranges().map((r) => `${r.label} (${r.query})`).join(', ')}`)
	const c = `${API}/consolidation`
	const scopes = {
		all: { label: 'all orgs', query: '' },
		org: { label: 'one org', query: `&organisationId=${organisation.id}` },
		released: { label: 'released', query: '&releasedOnly=true' },
	}
	const endpoints = []
	for (const range of ranges()) {
		for (const scopeKey of SCOPES) {
			const scope = scopes[scopeKey]
			if (!scope) {
				throw new Error(`BENCH_SCOPES: unknown scope ${scopeKey}; use all, org, released`)
			}
			for (const kind of ['results', 'trend', 'participation', 'items']) {
				if (kind === 'items' && scopeKey === 'released') {
					continue
				}
				endpoints.push({
					name: `${kind}, ${range.label}, ${scope.label}`,
					path: `${c}/${kind}?pilotId=${pilot.id}&${range.query}${scope.query}`,
					kind: 'consolidation',
				})
			}
		}
	}
	return endpoints
}

/** occ of the server (NEXTCLOUD_SERVER_DIR) with the given arguments; resolves to its output, or null without a server directory. */
function occ(...args) {
	const dir = process.env.NEXTCLOUD_SERVER_DIR
	if (!dir) {
		return Promise.resolve(null)
	}
	return new Promise((resolve) => execFile('php', [`${dir}/occ`, '--no-interaction', '--no-warnings', ...args], { timeout: 1800000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => resolve(error ? '' : stdout)))
}

/**
 * Runs the background job that makes the report (GenerateReportJob with this report id) at
 * once, as cron would, through occ background-job:execute, so that no other job of cron's
 * queue counts. Returns false without NEXTCLOUD_SERVER_DIR or when the job is not listed.
 */
async function runReportJob(reportId) {
	const listed = await occ('background-job:list', '--class=OCA\\PilotFeedback\\BackgroundJob\\GenerateReportJob', '--output=json')
	if (!listed) {
		return false
	}
	// occ lists the argument as JSON text
	const argument = (j) => (typeof j.argument === 'string' ? JSON.parse(j.argument) : j.argument)
	const job = JSON.parse(listed).find((j) => argument(j)?.reportId === reportId)
	if (!job) {
		return false
	}
	await occ('background-job:execute', '--force-execute', String(job.id))
	return true
}

/**
 * The quarterly report of the pilot for the last ended quarter: POST, then poll until it is
 * done or failed (a large report is queued: then its background job runs at once through occ,
 * when NEXTCLOUD_SERVER_DIR is set; else this waits for the server's cron). Returns the
 * seconds until done (with a queued report: including occ's own start, about a second), the
 * status and PHP's peak memory of the POST.
 */
async function measureReport(session) {
	const { pilot } = await catalogue(session)
	const quarter = lastQuarter()
	const start = performance.now()
	const response = await fetch(`${BASE}${API}/reports?format=json`, {
		method: 'POST',
		headers: { 'OCS-APIRequest': 'true', Accept: 'application/json', 'Content-Type': 'application/json', Cookie: session.header() },
		body: JSON.stringify({ type: 'quarterly', fileFormat: 'odt', pilotId: pilot.id, quarter }),
	})
	const text = await response.text()
	session.remember(response)
	const memory = response.headers.get(MEMORY_HEADER)
	if (response.status !== 200) {
		throw new Error(`POST /reports: HTTP ${response.status}: ${text.slice(0, 300)}`)
	}
	let report = JSON.parse(text).ocs.data
	const answeredMs = performance.now() - start
	const firstStatus = report.status
	let viaJob = false
	while (report.status === 'queued' || report.status === 'running') {
		if (!viaJob && report.status === 'queued') {
			viaJob = await runReportJob(report.id)
		}
		if (!viaJob) {
			await new Promise((resolve) => setTimeout(resolve, 1000))
		}
		report = JSON.parse((await session.get(`${API}/reports/${report.id}?format=json`)).text).ocs.data
		if (performance.now() - start > 30 * 60 * 1000) {
			break
		}
	}
	return {
		quarter,
		pilot: pilot.id,
		status: report.status,
		firstStatus,
		viaJob,
		error: report.error,
		seconds: (performance.now() - start) / 1000,
		answeredSeconds: answeredMs / 1000,
		peakMb: memory === null ? null : Number(memory) / 1024 / 1024,
	}
}

console.log(`Pilot Feedback benchmark: ${BASE}, ${REQUESTS} requests per row after ${WARMUP} warm-up, sequential, rows interleaved with the floor, session cookies`)

const rows = []
let reportSession = null
for (const user of USERS) {
	const session = await login(user)
	await checkSession(session)
	const own = CONSOLIDATORS.includes(user) ? [...ENDPOINTS, ...await consolidationEndpoints(session)] : ENDPOINTS
	const endpoints = [FLOOR, ...own.filter((e) => ROW_FILTER === null || ROW_FILTER.test(e.name))]
	const measured = await measureAll(session, endpoints)
	const floor = measured[0]
	rows.push(...measured.map((row) => ({
		...row,
		floorMedian: floor.median,
		floorP95: floor.p95,
		factor: row.median / floor.median,
		p95Factor: row.p95 / floor.p95,
	})))
	if (CONSOLIDATORS.includes(user)) {
		reportSession ??= session
	}
}

console.log()
const W = 44
console.log(`${pad('row', W)} ${pad('user', 12)} ${padLeft('median ms', 9)} ${padLeft('p95 ms', 8)} ${padLeft('×floor med', 10)} ${padLeft('×floor p95', 10)} ${padLeft('peak MB', 7)}  seen`)
for (const row of rows) {
	const peak = row.peakMb === null ? '-' : row.peakMb.toFixed(1)
	console.log(`${pad(row.endpoint, W)} ${pad(row.user, 12)} ${padLeft(row.median.toFixed(1), 9)} ${padLeft(row.p95.toFixed(1), 8)} ${padLeft(row.factor.toFixed(2), 10)} ${padLeft(row.p95Factor.toFixed(2), 10)} ${padLeft(peak, 7)}  ${row.seen}`)
}
if (rows.every((row) => row.peakMb === null)) {
	console.log(`(no peak memory: the server does not send ${MEMORY_HEADER}; set the system config pilotfeedback.bench to true, as scripts/bench.sh does)`)
}

let report = null
if (REPORT && reportSession !== null) {
	report = await measureReport(reportSession)
	console.log()
	console.log(`quarterly report, pilot ${report.pilot}, ${report.quarter}: ${report.status} after ${report.seconds.toFixed(1)} s `
		+ `(POST answered ${report.firstStatus} after ${report.answeredSeconds.toFixed(1)} s${report.viaJob ? ', then its background job ran through occ background-job:execute' : ''}; POST peak ${report.peakMb === null ? '-' : report.peakMb.toFixed(1)} MB)`
		+ (report.error ? `: ${report.error}` : ''))
}

console.log()
function check(label, selected, factor) {
	if (selected.length === 0) {
		return true
	}
	const over = selected.filter((row) => row.p95Factor > factor || row.peakMb === null || row.peakMb >= PEAK_MEMORY_MB)
	console.log(over.length === 0
		? `${label} target met: every p95 at most ${factor} × the floor's p95 (highest ${Math.max(...selected.map((r) => r.p95Factor)).toFixed(2)} ×), every peak under ${PEAK_MEMORY_MB} MB.`
		: `${label} target missed (p95 at most ${factor} × the floor's p95, peak under ${PEAK_MEMORY_MB} MB) by ${over.length} of ${selected.length} rows: `
			+ over.map((row) => `${row.endpoint} as ${row.user} ${row.p95Factor.toFixed(2)} × (peak ${row.peakMb === null ? 'unknown' : `${row.peakMb.toFixed(1)} MB`})`).join('; '))
	return over.length === 0
}
const listOk = check('Item list and search', rows.filter((row) => row.kind === 'list'), LIST_FACTOR)
const consolidationOk = check('Consolidation', rows.filter((row) => row.kind === 'consolidation'), CONSOLIDATION_FACTOR)
const suggestions = rows.filter((row) => row.kind === 'suggestions')
const over = suggestions.filter((row) => row.factor > SUGGESTION_FACTOR)
if (suggestions.length > 0) {
	console.log(over.length === 0
		? `Suggestions target met: every suggestions median is at most ${SUGGESTION_FACTOR} × the /cloud/user floor (${suggestions.map((row) => row.factor.toFixed(2)).join(', ')}).`
		: `Suggestions target missed: ${over.map((row) => `${row.endpoint} as ${row.user} ${row.factor.toFixed(2)} ×`).join(', ')} the /cloud/user floor (at most ${SUGGESTION_FACTOR}).`)
}

if (process.env.BENCH_SERVER_PID) {
	try {
		const peaks = serverPeakMemory(process.env.BENCH_SERVER_PID)
		console.log(`PHP server peak RSS (VmHWM): ${peaks.map((p) => `pid ${p.pid} ${p.mb.toFixed(0)} MB`).join(', ')}`)
	} catch (error) {
		console.log(`PHP server peak memory not available: ${error.message}`)
	}
}

if (process.env.BENCH_JSON) {
	writeFileSync(process.env.BENCH_JSON, JSON.stringify({
		url: BASE,
		at: new Date().toISOString(),
		requests: REQUESTS,
		warmup: WARMUP,
		months: MONTHS,
		targets: { consolidationFactor: CONSOLIDATION_FACTOR, listFactor: LIST_FACTOR, peakMb: PEAK_MEMORY_MB },
		met: { list: listOk, consolidation: consolidationOk },
		rows: rows.map(({ endpoint, user, kind, median, p95, floorMedian, floorP95, factor, p95Factor, peakMb, seen }) => ({
			row: endpoint,
			user,
			kind,
			median,
			p95,
			floorMedian,
			floorP95,
			medianFactor: factor,
			p95Factor,
			peakMb,
			seen,
		})),
		report,
	}, null, '\t') + '\n')
	console.log(`rows written to ${process.env.BENCH_JSON}`)
}
