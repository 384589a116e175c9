/**
 * Browser suite: the router in history mode below Nextcloud's URL of the app. Old hash URLs
 * land on their view, the skip link moves focus into the content instead of being taken for
 * a route, every view change focuses the view's heading and names the view in the document
 * title (in German for a German user), and the new item's title is a few Tab presses from
 * the view's load.
 */
import type { Page } from 'playwright-core'
import type { Session } from './helpers.ts'

import { mkdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { asGermanUser } from '../integration/setup/fixtures.ts'
import { APP_PATH, openApp, openAs, routeOf, screenshotIfFailed, waitUntilLoaded } from './helpers.ts'

/** Evidence for the report (outside the repository). */
const SCREENS = process.env.PILOTFEEDBACK_SCREENS ?? ''

/** The most Tab presses from the new item view's load to its title field. */
const MAX_TABS_TO_TITLE = 4

async function screenshot(page: Page, name: string): Promise<void> {
	if (SCREENS !== '') {
		mkdirSync(SCREENS, { recursive: true })
		await page.screenshot({ path: `${SCREENS}/${name}.png` })
	}
}

/** What has focus: its tag, text and whether it is inside the app's content. */
async function focused(page: Page): Promise<{ tag: string, text: string, inContent: boolean, label: string }> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null
		return {
			tag: element?.tagName.toLowerCase() ?? '',
			text: (element?.textContent ?? '').trim(),
			inContent: element?.closest('#app-content-vue') !== null && element?.closest('#app-content-vue') !== undefined,
			label: element?.getAttribute('aria-label') ?? (element as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '',
		}
	})
}

describe('navigation (history mode, focus, title, skip link)', () => {
	let session: Session | undefined

	afterEach(async (context) => {
		await screenshotIfFailed(context, session)
		await session?.context.close()
		session = undefined
	})

	it('opens an old #/ URL at its path and focuses the view\'s heading', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await page.goto(`${APP_PATH}#/items`)
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		expect(routeOf(page.url())).toBe('/items')
		expect(new URL(page.url()).hash).toBe('')
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Items', inContent: true })
		expect(await page.title()).toBe('Items – Pilot Feedback – Nextcloud')
	})

	it('serves a view\'s path on reload, and moves focus and title with every view change', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '/items')
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		await page.reload()
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		expect(routeOf(page.url())).toBe('/items')

		await page.getByRole('link', { name: 'Catalogue' }).click()
		await expect.poll(() => routeOf(page.url())).toBe('/catalogue')
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Catalogue', inContent: true })
		expect(await page.title()).toBe('Catalogue – Pilot Feedback – Nextcloud')

		await page.getByRole('link', { name: 'New item' }).click()
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'New item', inContent: true })
		expect(await page.title()).toBe('New item – Pilot Feedback – Nextcloud')
		await screenshot(page, 'navigation-focus-new-item')
	})

	it('names the views in German for a German user', async () => {
		await asGermanUser('rki-tester2', async () => {
			session = await openAs('rki-tester2')
			const { page } = session
			await openApp(page, '#/items')
			await page.locator('#app-content-vue h2').first().waitFor()
			// Apps' translations register through OC.L10N of Nextcloud's dist/core-common.js;
			// a server copy without it (as some test servers are) shows every app in English.
			const translationsLoad = await page.evaluate(() => Object.keys((window as unknown as { _oc_l10n_registry_translations?: object })._oc_l10n_registry_translations ?? {}).length > 0)
			if (!translationsLoad) {
				// The German titles themselves are covered by test/unit/router.spec.ts; here the
				// page must at least be German and get the app's German translations from the server.
				expect(await page.locator('html').getAttribute('lang')).toBe('de')
				const scripts = await page.evaluate(() => [...document.scripts].map((x) => x.src).filter((src) => /pilotfeedback\/l10n\/de\.js/.test(src)))
				expect(scripts.length, 'the page loads the app\'s German translations').toBeGreaterThan(0)
				const translations = await page.context().request.get(scripts[0]!)
				expect(await translations.text()).toContain('"Meldungen"')
				return
			}
			await page.getByRole('heading', { level: 2, name: 'Meldungen' }).waitFor()
			await expect.poll(() => page.title()).toBe('Meldungen – Pilot Feedback – Nextcloud')
			await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Meldungen' })
		})
	})

	it('moves focus into the content with the skip link, without leaving the view', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '/items')
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		await waitUntilLoaded(page)
		// Focus back to the start of the page, then the first Tab reaches the skip links.
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
		const skip = page.getByRole('link', { name: /skip to main content/i })
		await skip.focus()
		await page.keyboard.press('Enter')
		await expect.poll(() => focused(page)).toMatchObject({ inContent: true })
		expect(routeOf(page.url())).toBe('/items')
		await expect(page.getByRole('heading', { level: 2, name: 'Items' }).isVisible()).resolves.toBe(true)
		await screenshot(page, 'navigation-skip-link')
	})

	it(`reaches the new item's title within ${MAX_TABS_TO_TITLE} Tab presses of the view's load`, async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '#/items/new')
		await page.getByRole('textbox', { name: 'Title' }).waitFor()
		await waitUntilLoaded(page)
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'New item' })
		let presses = 0
		while (presses < 20 && (await focused(page)).label !== 'Title') {
			await page.keyboard.press('Tab')
			presses++
		}
		console.log(`keyboard: ${presses} Tab presses from the new item view's load to its title`)
		expect((await focused(page)).label).toBe('Title')
		expect(presses).toBeLessThanOrEqual(MAX_TABS_TO_TITLE)
	})
})
