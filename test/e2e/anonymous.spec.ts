/**
 * Without credentials, nothing of the app is reachable: the page sends the browser to
 * Nextcloud's login and the API refuses with 401.
 */
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL } from '../integration/setup/client.ts'
import { indexPhp } from '../integration/setup/links.ts'
import { APP_PATH, openAnonymous, openApp, screenshotIfFailed } from './helpers.ts'

describe('anonymous visitor', () => {
	let session: Session | undefined

	beforeAll(async () => {
		session = await openAnonymous()
	})

	afterEach((context) => screenshotIfFailed(context, session))

	afterAll(async () => {
		await session?.context.close()
	})

	it('is redirected from the app page to the login page', async () => {
		const { page } = session!
		await openApp(page, '#/rate')
		const url = new URL(page.url())
		// "/index.php/login", or "/login" where the server writes its links without index.php
		expect(url.pathname).toBe(`${await indexPhp()}/login`)
		expect(url.searchParams.get('redirect_url')).toBe(`${APP_PATH}rate`)
		// The app's own bundle never ran: none of its views is on the page.
		expect(await page.getByRole('heading', { name: /Ratings/ }).count()).toBe(0)
	})

	it('gets 401 from the catalogue endpoint', async () => {
		const response = await session!.context.request.get(`${NEXTCLOUD_URL}/ocs/v2.php/apps/pilotfeedback/api/v1/catalogue`, {
			headers: { 'OCS-APIRequest': 'true', Accept: 'application/json' },
		})
		expect(response.status()).toBe(401)
		const body = await response.json()
		expect(JSON.stringify(body)).not.toMatch(/"pilots"|"components"/)
	})
})
