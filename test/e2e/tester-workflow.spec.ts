/**
 * The acceptance scenario, clicked through the real UI: a tester rates two components
 * and files a confidential security finding; a tester of another organisation can't see
 * it; the coordinator of the reporter's organisation sees it, follows the rating progress
 * and releases the organisation's feedback for the period.
 *
 * The tests build on each other and run in order. The suite rates in a reporting period of
 * its own (a month far in the future, so it is the newest open period that the rating sheet
 * and the coordination view show) and closes it afterwards.
 */
import type { Locator, Page } from 'playwright-core'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, newestPeriod } from '../integration/setup/fixtures.ts'
import { choose, escapeRegExp, openApp, openAs, routeOf, screenshotIfFailed, suffix, UI_TIMEOUT } from './helpers.ts'

interface Period { id: number, month: string, status: string }

/**
 * The button of a component in the sheet's component list.
 *
 * @param page the page
 * @param name the component's name
 */
function listEntry(page: Page, name: string): Locator {
	return page.getByRole('navigation', { name: 'Components to rate' }).getByRole('button')
		.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*(Not rated yet|Partly rated|Rated|Comment only)`) })
}

/** The "n components are still unrated" line of the rating sheet, as a number. */
async function unratedCount(page: Page): Promise<number> {
	const counter = page.getByText(/components? (is|are) still unrated this period|All components are rated/)
	await counter.waitFor()
	const text = await counter.innerText()
	const match = /(\d+) components? (is|are) still unrated/.exec(text)
	return match === null ? 0 : Number(match[1])
}

/**
 * Rates the component shown on the sheet: a score per criterion, an overall score and a comment.
 *
 * @param card the component's section on the rating sheet
 * @param scores the score for each criterion group in order (cycled), then overall
 */
async function rate(card: Locator, scores: number[], overall: number, comment: string): Promise<void> {
	const groups = card.getByRole('group')
	const count = await groups.count()
	// Every criterion plus "Overall score".
	expect(count).toBeGreaterThanOrEqual(2)
	for (let i = 0; i < count; i++) {
		const group = groups.nth(i)
		const name = await group.locator('legend').innerText()
		const score = name.trim() === 'Overall score' ? overall : scores[i % scores.length]
		const radio = group.getByRole('radio', { name: String(score), exact: true })
		if (name.trim() === 'Overall score') {
			// By keyboard: nothing is chosen yet, Tab lands on the group's first radio, the arrow keys choose.
			expect(await group.getByRole('radio', { checked: true }).count()).toBe(0)
			await group.getByRole('radio').first().focus()
			for (let step = 0; step < 6 && !(await radio.isChecked()); step++) {
				await card.page().keyboard.press('ArrowRight')
			}
		} else {
			await choose(radio)
		}
		await expect.poll(() => radio.isChecked()).toBe(true)
	}
	await card.getByRole('textbox', { name: 'Comment' }).fill(comment)
	await expect.poll(() => card.getByRole('status').innerText(), { timeout: UI_TIMEOUT }).toBe('Saved')
}

describe('tester workflow: rate, file a security finding, coordinate and release', () => {
	let session: Session | undefined
	let period: Period
	/** Names of the two components rki-tester1 rates (as their cards' headings start). */
	const rated: string[] = []
	/** Their names (the headings without the product) */
	const names: string[] = []
	const title = `Session cookie readable by scripts ${suffix()}`
	let itemId = 0

	beforeAll(async () => {
		period = await newestPeriod()
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

	it('rki-tester1 rates two components and the unrated counter drops by two', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page)
		await page.getByRole('link', { name: 'Rate' }).click()
		await expect.poll(() => routeOf(page.url())).toBe('/rate')
		await page.getByRole('heading', { level: 2, name: /^Ratings for / }).waitFor()

		const before = await unratedCount(page)
		expect(before).toBeGreaterThanOrEqual(2)

		const list = page.getByRole('navigation', { name: 'Components to rate' })
		for (const [index, scores] of [[4, 5, 3], [2, 3]].entries()) {
			// Open the first unrated component from the list; the sheet shows one component at a time.
			await list.getByRole('button').filter({ hasText: 'Not rated yet' }).first().click()
			const card = page.locator('.component-sheet')
			const heading = (await card.getByRole('heading', { level: 3 }).innerText()).trim()
			rated.push(heading)
			names.push(await card.getByRole('heading', { level: 3 }).evaluate((h) => h.firstChild?.textContent?.trim() ?? ''))
			// Nothing is preselected on an unrated component, not even "Not assessed".
			expect(await card.getByRole('radio', { checked: true }).count()).toBe(0)
			await rate(card, scores, 4 - index, `E2E comment ${index + 1}: works, but slow on large files.`)
			await card.getByText('Rated', { exact: true }).waitFor()
		}
		await expect.poll(() => unratedCount(page)).toBe(before - 2)

		// Saved on the server: the sheet says the same after a reload.
		await page.reload()
		await expect.poll(() => unratedCount(page)).toBe(before - 2)
		await listEntry(page, names[0]).click()
		const first = page.getByRole('region', { name: rated[0], exact: true })
		await expect.poll(() => first.getByRole('group', { name: 'Overall score' }).getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true)
		expect(await first.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('E2E comment 1: works, but slow on large files.')
	})

	it('rki-tester1 files a security finding and its Markdown is rendered safely', async () => {
		session = await openAs('rki-tester1')
		const { page, dialogs } = session
		await openApp(page, '#/items')
		await page.getByRole('main').getByRole('link', { name: 'New item' }).click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toBe('/items/new')

		await choose(page.getByRole('radio', { name: 'Security finding' }))
		await page.getByRole('textbox', { name: 'Title' }).fill(title)
		await page.getByRole('textbox', { name: 'Description (Markdown)' }).fill('The session cookie is **bold**ly exposed.\n\n<img src=x onerror=alert(1)>\n\nSteps: open the console.')

		await page.getByRole('combobox', { name: 'Component' }).click()
		const componentOption = page.getByRole('option').first()
		await componentOption.waitFor()
		await componentOption.click()
		const pilot = page.getByRole('combobox', { name: 'Pilot' })
		await expect.poll(() => pilot.isDisabled()).toBe(false)
		await pilot.click()
		await page.getByRole('option').first().click()

		await choose(page.getByRole('radio', { name: 'High' }))
		expect(await page.getByText('Many users, business-critical systems affected, business restricted.').isVisible()).toBe(true)

		await page.getByRole('button', { name: 'File item' }).click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toMatch(/^\/items\/\d+$/)
		itemId = Number(/^\/items\/(\d+)$/.exec(routeOf(page.url()))![1])

		await page.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(title)) }).waitFor()
		const bold = page.locator('.markdown-text strong')
		await bold.waitFor()
		expect(await bold.innerText()).toBe('bold')
		// Had an image kept its error handler, it would have fired once the image failed to
		// load: wait until every image of the text is done (complete), not for a fixed time.
		await page.waitForFunction(() => [...document.querySelectorAll('.markdown-text img')].every((img) => (img as HTMLImageElement).complete))
		expect(await page.locator('[onerror]').count()).toBe(0)
		// Raw HTML is shown as the text it is (issue 18), never as an element
		expect(await page.locator('.markdown-text img').count()).toBe(0)
		expect(await page.locator('.markdown-text').first().innerText()).toContain('<img src=x onerror=alert(1)>')
		expect(dialogs).toEqual([])
	})

	it('bsh-tester1 cannot find the finding, neither in the list nor by its address', async () => {
		expect(itemId).toBeGreaterThan(0)
		session = await openAs('bsh-tester1')
		const { page } = session
		await openApp(page)
		await page.getByRole('link', { name: 'Items' }).click()
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		await page.getByRole('table').or(page.getByText('No items found')).first().waitFor()
		expect(await page.getByText(title).count()).toBe(0)

		// Only security findings: BSH's own, if any; never RKI's.
		await page.getByRole('combobox', { name: 'Type' }).click()
		await page.getByRole('option', { name: 'Security finding' }).click()
		await expect.poll(() => page.url()).toMatch(/type=security/)
		await page.getByRole('table').or(page.getByText('No items found')).first().waitFor()
		expect(await page.getByText(title).count()).toBe(0)

		await openApp(page, `#/items/${itemId}`)
		await page.getByText('Report not available').waitFor()
		expect(await page.getByText(title).count()).toBe(0)
	})

	it('rki-coord sees the finding, follows the progress and releases the period', async () => {
		expect(itemId).toBeGreaterThan(0)
		expect(rated).toHaveLength(2)
		session = await openAs('rki-coord')
		const { page } = session
		await openApp(page)
		await page.getByRole('link', { name: 'Items' }).click()
		await page.getByRole('link', { name: title }).click()
		await expect.poll(() => routeOf(page.url())).toBe(`/items/${itemId}`)
		await page.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(title)) }).waitFor()

		await page.getByRole('link', { name: 'Coordination' }).click()
		const card = page.getByRole('region', { name: /Robert Koch-Institut/ })
		const table = card.getByRole('table')
		await table.waitFor()
		const row = table.getByRole('row', { name: /RKI Tester 1/ })
		const headers = await table.getByRole('columnheader').allInnerTexts()
		const cells = await row.getByRole('cell').allInnerTexts()
		const ratedHere = headers.slice(1).filter((_, i) => /Rated/.test(cells[i] ?? ''))
		for (const heading of rated) {
			expect(ratedHere.some((name) => heading.startsWith(name.trim()))).toBe(true)
		}
		// The tester rated exactly these two in this period.
		expect(ratedHere.filter((name) => name.trim() !== 'Rated')).toHaveLength(2)

		// The coordinator is no tester: not listed in the table.
		expect(await table.getByRole('row', { name: /Coordinator|Koordination/ }).count()).toBe(0)

		await card.getByRole('button', { name: 'Release feedback' }).click()
		const dialog = page.getByRole('dialog', { name: 'Release feedback?' })
		await dialog.waitFor()
		// The confirmation says what is missing: the ratings given of all, and who lacks which components.
		await dialog.getByText(/^\d+ of \d+ ratings given\.$/).waitFor()
		const count = (await dialog.getByText(/ratings given/).innerText()).match(/(\d+) of (\d+)/)
		expect(Number(count?.[1])).toBeLessThan(Number(count?.[2]))
		await dialog.getByText(/RKI Tester 2|Tester 2/).first().waitFor()
		expect(await dialog.getByRole('listitem').filter({ hasText: /components? unrated/ }).count()).toBeGreaterThanOrEqual(1)
		await dialog.getByRole('button', { name: /^Release( anyway)?$/ }).click()
		const { displayName } = await expectApi<{ displayName: string }>(200, 'rki-coord', 'GET', '/me')
		await card.getByText(new RegExp(`Released by ${escapeRegExp(displayName)} on`)).waitFor({ timeout: UI_TIMEOUT })
		expect(await card.getByRole('button', { name: 'Release feedback' }).count()).toBe(0)
	})

	it('after the release rki-tester1 cannot change the rating until rki-coord reopens it', async () => {
		session = await openAs('rki-tester1')
		let page = session.page
		await openApp(page, '#/rate')
		await page.getByRole('heading', { level: 2, name: /^Ratings for / }).waitFor()
		await listEntry(page, names[0]).click()
		const sheet = page.locator('.component-sheet')
		await sheet.getByText(/has released its feedback for this period/).waitFor()
		expect(await sheet.locator('fieldset:not([disabled])').count()).toBe(0)
		await session.context.close()

		session = await openAs('rki-coord')
		page = session.page
		await openApp(page, '#/coordination')
		const card = page.getByRole('region', { name: /Robert Koch-Institut/ })
		await card.getByRole('button', { name: 'Reopen release' }).click()
		await card.getByText(/Reopened by .* on/).waitFor({ timeout: UI_TIMEOUT })
		await card.getByRole('button', { name: 'Release feedback' }).waitFor()
	})
})
