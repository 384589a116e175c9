/** Chromium for the browser suites, logged in through HTTP basic auth on every request. */
import type { BrowserContext } from 'playwright-core'
import type { DemoUser } from './client.ts'

import { chromium } from 'playwright-core'
import { basicAuth, NEXTCLOUD_URL } from './client.ts'

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

/**
 * Starts Chromium whose every request is logged in as `user`; pages resolve paths
 * against NEXTCLOUD_URL. Close the context (in a finally or afterAll) to stop Chromium.
 */
export async function openBrowser(user: DemoUser): Promise<BrowserContext> {
	// '' makes Playwright use a fresh temporary --user-data-dir and delete it on close.
	return chromium.launchPersistentContext('', {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		baseURL: NEXTCLOUD_URL,
		// Not httpCredentials: Chromium would only answer a 401 challenge with them,
		// while Nextcloud redirects a browser without a session to its login page.
		extraHTTPHeaders: basicAuth(user),
	})
}
