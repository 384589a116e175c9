#!/usr/bin/env node
/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * The rating sheet's time to its first score input, in Chromium (issue 10, point 2):
 * - "in the app": from a click on "Rate" in the app's navigation (the app already open on
 *   the Catalogue) to the first score input in the page, the view's code and the sheet's
 *   API answer included;
 * - "page load": from the navigation start of a full page load of the rating view to the
 *   first score input.
 * Measured on the demo data as rki-tester1, then on a large catalogue: a tester of an
 * organisation of its own whose sheet has 20 components × 8 criteria (created once through
 * the API: the group and user "pf-bench-sheet", the organisation and pilot "Rating sheet
 * bench", its components, and as many "Bench criterion" criteria as the 8 need; the
 * criteria are archived again at the end, so that the demo's sheets stay as they were).
 * It prints figures (median, p95, min of BENCH_SHEET_RUNS runs); it is not a timed test.
 *
 * Environment: NEXTCLOUD_URL (required), BENCH_SHEET_RUNS (15), CHROMIUM_PATH (/usr/bin/chromium),
 * BENCH_PASSWORD (the demo password), BENCH_ADMIN (admin:admin).
 */
import process from 'node:process'
import { chromium } from 'playwright-core'

const BASE = (process.env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
if (BASE === '') {
	console.error('NEXTCLOUD_URL is not set (for example http://127.0.0.1:8080)')
	process.exit(2)
}
const RUNS = Number(process.env.BENCH_SHEET_RUNS ?? 15)
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Pilot-Feedback-2026'
const [ADMIN_USER, ADMIN_PASSWORD] = (process.env.BENCH_ADMIN ?? 'admin:admin').split(':')
const API = `${BASE}/ocs/v2.php/apps/pilotfeedback/api/v1`
const APP_PATH = '/index.php/apps/pilotfeedback/'
const FIRST_INPUT = '#content-vue .rate-view input[type="radio"]'
const BENCH_NAME = 'Rating sheet bench'
const BENCH_USER = 'pf-bench-sheet'
const COMPONENTS = 20
const CRITERIA = 8

/** An OCS request as the admin; returns the data or throws with the answer. */
async function ocs(method, url, body) {
	const response = await fetch(url, {
		method,
		headers: {
			'OCS-APIRequest': 'true',
			Accept: 'application/json',
			'Content-Type': 'application/json',
			Authorization: `Basic ${Buffer.from(`${ADMIN_USER}:${ADMIN_PASSWORD}`).toString('base64')}`,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	})
	const text = await response.text()
	if (!response.ok) {
		throw new Error(`${method} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`)
	}
	return JSON.parse(text).ocs.data
}

/** Creates (once) the tester whose sheet has 20 components × 8 criteria; returns the criteria created for this run. */
async function setUpLargeCatalogue() {
	const provisioning = `${BASE}/ocs/v2.php/cloud`
	const groups = await ocs('GET', `${provisioning}/groups?search=${BENCH_USER}`)
	if (!groups.groups.includes(BENCH_USER)) {
		await ocs('POST', `${provisioning}/groups`, { groupid: BENCH_USER })
	}
	const users = await ocs('GET', `${provisioning}/users?search=${BENCH_USER}`)
	if (!users.users.includes(BENCH_USER)) {
		await ocs('POST', `${provisioning}/users`, { userid: BENCH_USER, password: PASSWORD, groups: [BENCH_USER] })
	}
	let pilot = (await ocs('GET', `${API}/pilots`)).find((p) => p.title === BENCH_NAME)
	if (pilot === undefined) {
		pilot = await ocs('POST', `${API}/pilots`, { title: BENCH_NAME, status: 'active' })
		const componentIds = []
		for (let i = 1; i <= COMPONENTS; i++) {
			const component = await ocs('POST', `${API}/components`, { name: `Bench component ${i}`, category: 'other', product: 'Bench', description: 'A component of the rating sheet benchmark.' })
			componentIds.push(component.id)
		}
		await ocs('PUT', `${API}/pilots/${pilot.id}`, { title: BENCH_NAME, status: 'active', componentIds })
		await ocs('POST', `${API}/organisations`, { name: BENCH_NAME, shortName: 'BENCH', groupIds: [BENCH_USER], pilotIds: [pilot.id] })
	}
	const all = await ocs('GET', `${API}/criteria`)
	const created = []
	for (let i = all.filter((c) => !c.archived).length; i < CRITERIA; i++) {
		const name = `Bench criterion ${i + 1}`
		const description = 'A criterion of the rating sheet benchmark.'
		const archived = all.find((c) => c.name === name)
		created.push(archived === undefined
			? await ocs('POST', `${API}/criteria`, { name, description })
			: await ocs('PUT', `${API}/criteria/${archived.id}`, { name, description, archived: false }))
	}
	return created
}

/** Chromium logged in as the user through Nextcloud's login form. */
async function logIn(user) {
	const context = await chromium.launchPersistentContext('', {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
		baseURL: BASE,
		viewport: { width: 1280, height: 900 },
		locale: 'en-US',
	})
	const form = await context.request.get('/index.php/login')
	const token = /data-requesttoken="([^"]+)"/.exec(await form.text())?.[1]
	const response = await context.request.post('/index.php/login', {
		form: { user, password: PASSWORD, requesttoken: token ?? '', timezone: 'UTC', timezone_offset: '0' },
		headers: { Origin: BASE },
		maxRedirects: 0,
	})
	if (response.status() !== 303 || (response.headers().location ?? '').includes('/login')) {
		throw new Error(`Logging in as ${user} failed: HTTP ${response.status()}`)
	}
	return context
}

/** Milliseconds from a click on the navigation's "Rate" to the first score input. */
async function inApp(page) {
	return page.evaluate((selector) => new Promise((resolve, reject) => {
		const link = [...document.querySelectorAll('a')].find((a) => /(#|\/)rate$/.test(a.getAttribute('href') ?? ''))
		if (link === undefined) {
			reject(new Error('No "Rate" link in the navigation'))
			return
		}
		const start = performance.now()
		const observer = new MutationObserver(() => {
			if (document.querySelector(selector) !== null) {
				observer.disconnect()
				resolve(performance.now() - start)
			}
		})
		observer.observe(document.body, { childList: true, subtree: true })
		link.click()
	}), FIRST_INPUT)
}

/** Back to the Catalogue, through the navigation, and wait until the rating view is gone. */
async function leave(page) {
	await page.evaluate(() => [...document.querySelectorAll('a')].find((a) => /#\/$|pilotfeedback\/$/.test(a.getAttribute('href') ?? ''))?.click())
	await page.waitForFunction(() => document.querySelector('.rate-view') === null)
}

/** Milliseconds from the navigation start of a full page load of the rating view to the first score input. */
async function pageLoad(page) {
	// From another document: a goto that changes only the hash would not load the page again.
	await page.goto('about:blank')
	await page.goto(`${APP_PATH}#/rate`, { waitUntil: 'commit' })
	await page.waitForSelector(FIRST_INPUT, { state: 'attached' })
	return page.evaluate(() => window.pfFirstInput ?? performance.now())
}

function figures(values) {
	const sorted = [...values].sort((a, b) => a - b)
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
	return `median ${at(0.5).toFixed(0).padStart(5)} ms   p95 ${at(0.95).toFixed(0).padStart(5)} ms   min ${sorted[0].toFixed(0).padStart(5)} ms`
}

async function measure(label, user) {
	const context = await logIn(user)
	// Records, in every page, when the first score input appears (ms since navigation start).
	await context.addInitScript((selector) => {
		const observer = new MutationObserver(() => {
			if (window.pfFirstInput === undefined && document.querySelector(selector) !== null) {
				window.pfFirstInput = performance.now()
				observer.disconnect()
			}
		})
		document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }))
	}, FIRST_INPUT)
	const page = context.pages()[0] ?? await context.newPage()
	try {
		const loads = []
		await pageLoad(page) // warm-up: caches the scripts as a returning user has them
		for (let i = 0; i < RUNS; i++) {
			loads.push(await pageLoad(page))
		}
		const sheet = await page.evaluate(() => ({
			components: document.querySelectorAll('.component-list__entry').length,
			criteria: document.querySelectorAll('.rate-view fieldset').length - 1,
		}))
		await page.goto(APP_PATH)
		await page.waitForFunction(() => [...document.querySelectorAll('a')].some((a) => /(#|\/)rate$/.test(a.getAttribute('href') ?? '')))
		const clicks = []
		await inApp(page)
		await leave(page)
		for (let i = 0; i < RUNS; i++) {
			clicks.push(await inApp(page))
			await leave(page)
		}
		// For comparison: the sheet's API answer alone, from the same page and session.
		const answers = []
		for (let i = 0; i < RUNS; i++) {
			answers.push(await page.evaluate(async (url) => {
				const start = performance.now()
				const response = await fetch(url, { headers: { 'OCS-APIRequest': 'true', Accept: 'application/json', requesttoken: window.OC?.requestToken ?? '' } })
				await response.json()
				return performance.now() - start
			}, '/ocs/v2.php/apps/pilotfeedback/api/v1/ratings'))
		}
		console.log(`${label} (${sheet.components} components × ${sheet.criteria} criteria, ${user}):`)
		console.log(`  in the app, "Rate" clicked → first score input:   ${figures(clicks)}`)
		console.log(`  full page load → first score input:               ${figures(loads)}`)
		console.log(`  the sheet's API answer alone (GET /ratings):      ${figures(answers)}`)
	} finally {
		await context.close()
	}
}

console.log(`Rating sheet: time to the first score input, Chromium, ${RUNS} runs each (target: 300 ms in the app)`)
await measure('demo data', 'rki-tester1')
const created = await setUpLargeCatalogue()
try {
	await measure('large catalogue', BENCH_USER)
} finally {
	for (const criterion of created) {
		await ocs('DELETE', `${API}/criteria/${criterion.id}`)
	}
}
