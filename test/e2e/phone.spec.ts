/**
 * Pilot Feedback on a phone, 390 × 844 CSS pixels (issue 19): no view of views.ts scrolls
 * sideways, as each role that uses it (a table wider than the screen scrolls inside its own
 * frame), and a tester does every task there: rates a component, files an item, finds it in
 * the list through the folded filter, and supports another organisation's item instead of
 * filing it again. The rating happens in a reporting period of the suite's own (the newest
 * open one, which the sheet shows), closed afterwards.
 */
import type { Page } from 'playwright-core'
import type { Item, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'
import type { Role, ViewFixtures } from './views.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, newestPeriod, seed, uid } from '../integration/setup/fixtures.ts'
import { choose, escapeRegExp, openApp, openAs, routeOf, screenshotIfFailed, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'
import { ROLE_USERS, viewsOf } from './views.ts'

/** The viewport of a common phone */
const PHONE = { width: 390, height: 844 }

/** The tester who does the tasks */
const TESTER = 'rki-tester2'

/**
 * Starts Chromium logged in as `user`, with a phone's viewport.
 *
 * @param user the demo login
 */
async function openPhoneAs(user: Parameters<typeof openAs>[0]): Promise<Session> {
	const session = await openAs(user)
	await session.page.setViewportSize(PHONE)
	return session
}

/**
 * What scrolls sideways on the page: the document, and every area that scrolls sideways
 * without being a table's own frame, i.e. a named region the keyboard reaches
 * (src/components/ScrollFrame.vue). Nextcloud's page itself never scrolls: its content area
 * (#app-content-vue) does, so the document alone would always pass.
 *
 * @param page the page
 */
async function sidewaysScrolling(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = []
		const root = document.documentElement
		if (root.scrollWidth > window.innerWidth) {
			found.push(`the document is ${root.scrollWidth} px wide in a window of ${window.innerWidth} px`)
		}
		for (const element of document.querySelectorAll<HTMLElement>('body *')) {
			const style = getComputedStyle(element)
			const scrolls = (style.overflowX === 'auto' || style.overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1
			const frame = element.getAttribute('role') === 'region' && element.tabIndex === 0 && element.hasAttribute('aria-label')
			if (scrolls && !frame && element.getClientRects().length > 0) {
				const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].slice(0, 2).map((c) => `.${c}`).join('')}`
				found.push(`${name} scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`)
			}
		}
		return found
	})
}

let s: Seed
const fixtures: ViewFixtures = { itemId: 0, pilotId: 0 }

beforeAll(async () => {
	s = await seed()
	fixtures.itemId = (await createItem('rki-tester1', s, { title: `Phone sweep item ${uid()}` })).id
	fixtures.pilotId = s.activePilots[0]!.id
})

for (const role of Object.keys(ROLE_USERS) as Role[]) {
	describe(`on a phone as ${role} (${ROLE_USERS[role]}) no view scrolls sideways`, () => {
		let session: Session | undefined

		beforeAll(async () => {
			session = await openPhoneAs(ROLE_USERS[role])
		})

		afterEach((context) => screenshotIfFailed(context, session))

		afterAll(async () => {
			await session?.context.close()
		})

		for (const view of viewsOf(role)) {
			it(view.name, async () => {
				const { page } = session!
				await view.open(page, fixtures)
				expect(await sidewaysScrolling(page)).toEqual([])
			})
		}
	})
}

describe(`on a phone ${TESTER} does every task of a tester`, () => {
	let session: Session | undefined
	let period: { id: number } | undefined
	const title = `Buttons too small on phones ${uid()}`
	/** A word of the title of BSH's item, which the tester supports instead of filing it again */
	const tag = `Phonecheck${uid()}`
	let theirs: Item

	beforeAll(async () => {
		period = await newestPeriod()
		theirs = await createItem('bsh-tester1', s, { type: 'improvement', title: `Keyboard covers the save button ${tag}` })
	})

	afterAll(async () => {
		if (period !== undefined) {
			await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
		}
	})

	afterEach(async (context) => {
		await screenshotIfFailed(context, session)
		await session?.context.close()
		session = undefined
	})

	it('rates a component', async () => {
		session = await openPhoneAs(TESTER)
		const { page } = session
		await openApp(page, '/rate')
		await page.getByRole('heading', { level: 2, name: /^Ratings for / }).waitFor()
		await waitUntilLoaded(page)
		await page.getByRole('navigation', { name: 'Components to rate' }).getByRole('button').filter({ hasText: 'Not rated yet' }).first().click()
		const sheet = page.locator('.component-sheet')
		await choose(sheet.getByRole('group', { name: 'Overall score' }).getByRole('radio', { name: '4', exact: true }))
		await sheet.getByRole('textbox', { name: 'Comment' }).fill('Rated on a phone.')
		const status = sheet.getByRole('status')
		await expect.poll(() => status.innerText(), { timeout: UI_TIMEOUT }).toBe('Saved')
		expect(await status.isVisible()).toBe(true)
		expect(await sidewaysScrolling(page)).toEqual([])
	})

	it('files an item', async () => {
		session = await openPhoneAs(TESTER)
		const { page } = session
		await openApp(page, '/items')
		await page.getByRole('main').getByRole('link', { name: 'New item' }).click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toBe('/items/new')

		await choose(page.getByRole('radio', { name: 'Improvement' }))
		await page.getByRole('textbox', { name: 'Title' }).fill(title)
		await page.getByRole('textbox', { name: 'Description (Markdown)' }).fill('The buttons of the rating sheet are hard to hit with a thumb.')
		await page.getByRole('combobox', { name: 'Component' }).click()
		await page.getByRole('option').first().click()
		const pilot = page.getByRole('combobox', { name: 'Pilot' })
		await expect.poll(() => pilot.isDisabled()).toBe(false)
		await pilot.click()
		await page.getByRole('option').first().click()
		await choose(page.getByRole('radio', { name: 'Medium' }))
		expect(await sidewaysScrolling(page)).toEqual([])

		await page.getByRole('button', { name: 'File item' }).click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toMatch(/^\/items\/\d+$/)
		await page.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(title)) }).waitFor()
		expect(await sidewaysScrolling(page)).toEqual([])
	})

	it('finds it in the list through the folded filter', async () => {
		session = await openPhoneAs(TESTER)
		const { page } = session
		await openApp(page, '/items')
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		await waitUntilLoaded(page)
		// Cards, not a table; the filters folded behind one button
		await page.getByRole('list', { name: 'Items' }).waitFor()
		expect(await page.locator('table.item-table').count()).toBe(0)
		const filter = page.getByRole('button', { name: /^Filter/ })
		expect(await filter.getAttribute('aria-expanded')).toBe('false')
		expect(await page.getByRole('combobox', { name: 'Type' }).isVisible()).toBe(false)

		await filter.click()
		expect(await filter.getAttribute('aria-expanded')).toBe('true')
		await page.getByRole('combobox', { name: 'Type' }).click()
		// by its text: NcSelect splits a long option's name in two for its ellipsis ("Improv ement")
		await page.getByRole('option').filter({ hasText: 'Improvement' }).click()
		await expect.poll(() => page.url()).toMatch(/type=improvement/)
		await page.getByRole('checkbox', { name: 'Only my items' }).check({ force: true })
		await expect.poll(() => page.url()).toMatch(/mine=1/)
		// Folded again, the button tells how many filters are in effect
		await page.keyboard.press('Escape')
		await filter.click()
		expect(await filter.getAttribute('aria-expanded')).toBe('false')
		expect(await page.getByRole('button', { name: 'Filter (2 active)' }).isVisible()).toBe(true)

		await waitUntilLoaded(page)
		const card = page.getByRole('list', { name: 'Items' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
		await card.waitFor({ timeout: UI_TIMEOUT })
		expect(await card.innerText()).toMatch(/Improvement[\s\S]*New[\s\S]*Priority\s*Medium[\s\S]*Organisation\s*RKI[\s\S]*0 supporters/)
		expect(await sidewaysScrolling(page)).toEqual([])

		await card.getByRole('link', { name: title }).click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toMatch(/^\/items\/\d+$/)
	})

	it('supports another organisation\'s item instead of filing it again', async () => {
		session = await openPhoneAs(TESTER)
		const { page } = session
		await openApp(page, '/items/new')
		await page.getByRole('textbox', { name: 'Title' }).fill(tag)
		await page.getByRole('heading', { name: 'Similar items already exist' }).waitFor({ timeout: UI_TIMEOUT })
		// The button sits in the entry of its item, beside its linked title, and names it
		const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: theirs.title }) })
		const support = entry.getByRole('button', { name: `Support instead: ${theirs.title}` })
		await support.waitFor()
		expect(await sidewaysScrolling(page)).toEqual([])

		await support.click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toBe(`/items/${theirs.id}`)
		await page.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(theirs.title)) }).waitFor()
		const seen = await expectApi<{ supportedByMe: boolean }>(200, TESTER, 'GET', `/items/${theirs.id}`)
		expect(seen.supportedByMe).toBe(true)
		expect(await sidewaysScrolling(page)).toEqual([])
	})
})
