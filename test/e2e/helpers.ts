/**
 * Helpers for the browser (e2e) suites: Chromium sessions logged in through Nextcloud's
 * login form, the app's URLs, and screenshots of failed tests into test-results/.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import type { TestContext } from 'vitest'
import type { DemoUser } from '../integration/setup/client.ts'

import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { NEXTCLOUD_URL, passwordOf } from '../integration/setup/client.ts'

/** Chromium binary; override with CHROMIUM_PATH. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that keep Chromium headless and off the network except for the server under test. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

/** The app's page; views are paths below it (history mode), e.g. APP_PATH + 'items/3'. */
export const APP_PATH = '/index.php/apps/pilotfeedback/'

/** Where failed tests leave their screenshots. */
export const RESULTS_DIR = 'test-results'

/** How long UI steps that wait for the server may take. */
export const UI_TIMEOUT = 20_000

/** A browser with one page, and what the page did that a test may want to check. */
export interface Session {
	context: BrowserContext
	page: Page
	/** Messages of every alert/confirm/prompt the page opened (they are dismissed). */
	dialogs: string[]
	/** Uncaught errors thrown by the page's scripts. */
	pageErrors: string[]
}

/** Starts Chromium with no one logged in. Close it with session.context.close(). */
export async function openAnonymous(): Promise<Session> {
	const context = await chromium.launchPersistentContext('', {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		baseURL: NEXTCLOUD_URL,
		viewport: { width: 1280, height: 900 },
		locale: 'en-US',
	})
	context.setDefaultTimeout(UI_TIMEOUT)
	const page = context.pages()[0] ?? await context.newPage()
	const session: Session = { context, page, dialogs: [], pageErrors: [] }
	page.on('dialog', (dialog) => {
		session.dialogs.push(dialog.message())
		dialog.dismiss().catch(() => undefined)
	})
	page.on('pageerror', (error) => session.pageErrors.push(error.message))
	return session
}

/**
 * Starts Chromium logged in as `user` through Nextcloud's login form (a real browser
 * session with its cookie and CSRF token, as a person would have).
 *
 * Not basic auth on every request: then each of the page's parallel requests logs in
 * again, and a page without Nextcloud's core scripts loses its CSRF token.
 */
export async function openAs(user: DemoUser): Promise<Session> {
	const session = await openAnonymous()
	try {
		const form = await session.context.request.get('/index.php/login')
		const token = /data-requesttoken="([^"]+)"/.exec(await form.text())?.[1]
		if (token === undefined) {
			throw new Error('The login page has no request token')
		}
		const response = await session.context.request.post('/index.php/login', {
			form: { user, password: passwordOf(user), requesttoken: token, timezone: 'UTC', timezone_offset: '0' },
			headers: { Origin: NEXTCLOUD_URL },
			maxRedirects: 0,
		})
		const location = response.headers().location ?? ''
		if (response.status() !== 303 || location.includes('/login')) {
			throw new Error(`Logging in as ${user} failed: HTTP ${response.status()} to ${location}`)
		}
	} catch (error) {
		await session.context.close()
		throw error
	}
	return session
}

/**
 * The URL of a view, from its route written either way: '#/items/3', '/items/3' or
 * 'items/3' (the router is in history mode; the '#/…' form of older tests still works).
 *
 * @param route the view's route, with query if any
 */
export function appUrl(route = ''): string {
	return APP_PATH + route.replace(/^#?\/?/, '')
}

/** Opens a view of the app, e.g. openApp(page, '#/rate') or openApp(page, '/rate'). */
export async function openApp(page: Page, route = ''): Promise<void> {
	await page.goto(appUrl(route))
}

/**
 * The route shown by a page URL ('…/apps/pilotfeedback/items/3?x=1' → '/items/3?x=1'),
 * for assertions that should not spell the app's URL.
 *
 * @param url the page's URL
 */
export function routeOf(url: string): string {
	const { pathname, search } = new URL(url)
	const at = pathname.indexOf(APP_PATH)
	return at < 0 ? pathname + search : `/${pathname.slice(at + APP_PATH.length)}${search}`
}

/** The admin settings page of the app. */
export const SETTINGS_PATH = '/index.php/settings/admin/pilotfeedback'

/**
 * Opens the app's admin settings. Nextcloud's settings frame shows the section's content
 * only once its own scripts ran; on a server without Nextcloud's built core scripts
 * (dist/core-common.js) it stays in the visually hidden original container. Only in that
 * case the test reveals it, so that it can be clicked like on a complete server.
 */
export async function openSettings(page: Page): Promise<void> {
	await page.goto(SETTINGS_PATH)
	await page.locator('#pilotfeedback-admin .settings-section').first().waitFor({ state: 'attached' })
	await page.evaluate(() => {
		const original = document.getElementById('original-settings-content')
		const frame = document.getElementById('settings-app')
		if (original !== null && frame !== null && frame.childElementCount === 0) {
			original.classList.remove('hidden-visually')
			// The page itself doesn't scroll (#content clips); the frame's content area would.
			original.style.height = '100%'
			original.style.overflowY = 'auto'
		}
	})
}

/**
 * Waits until the app shows no loading indicator (NcLoadingIcon) any more: the app's own
 * signal that what it asked the server for has arrived and is rendered.
 */
export async function waitUntilLoaded(page: Page): Promise<void> {
	await page.waitForFunction(() => document.querySelector('#pilotfeedback, #pilotfeedback-admin') !== null
		&& document.querySelector('#pilotfeedback .loading-icon, #pilotfeedback-admin .loading-icon, #content-vue .loading-icon') === null)
}

/**
 * Saves a full-page screenshot of the session's page into test-results/ if the test that
 * just ran failed; call it from afterEach with the test context, before closing the session.
 */
export async function screenshotIfFailed(context: TestContext, session: Session | undefined): Promise<void> {
	const failed = context.task.result?.state === 'fail' || (context.task.result?.errors?.length ?? 0) > 0
	const page = session?.page
	if (!failed || page === undefined || page.isClosed()) {
		return
	}
	mkdirSync(RESULTS_DIR, { recursive: true })
	const file = context.task.file.name.replace(/^.*\//, '').replace(/\.spec\.ts$/, '')
	const name = `${file}--${context.task.name}`.replace(/[^a-z0-9-]+/gi, '-').slice(0, 120)
	await page.screenshot({ path: `${RESULTS_DIR}/${name}.png`, fullPage: true }).catch(() => undefined)
}

/**
 * Chooses a radio button the way a person does, by clicking its visible label (the input
 * itself is visually hidden under it).
 */
export async function choose(radio: Locator): Promise<void> {
	await radio.locator('xpath=..').click()
}

/** A short random suffix that makes titles and names unique per run. */
export function suffix(): string {
	return Math.random().toString(36).slice(2, 10)
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
