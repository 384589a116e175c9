/**
 * The item list in Chromium: bmi searches (the search goes into the URL and the server
 * searches title and text), selects two of the items found and sets their status in bulk
 * after a confirmation; a link from the Consolidation view shows its filters as chips.
 * With SCREENSHOT_DIR set, the steps are photographed there.
 */
import type { Item, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'

import { mkdirSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createItem, expectApi, seed, uid } from '../integration/setup/fixtures.ts'
import { escapeRegExp, openApp, openAs, screenshotIfFailed, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

/** Where the steps are photographed, if anywhere. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR

let s: Seed
let session: Session | undefined
const tag = `Bulkcheck${uid()}`
let found: Item[]
let other: Item

/**
 * A screenshot of the page into SCREENSHOT_DIR, if set.
 *
 * @param name file name without extension
 */
async function photograph(name: string): Promise<void> {
	if (SCREENSHOT_DIR && session) {
		mkdirSync(SCREENSHOT_DIR, { recursive: true })
		await session.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true })
	}
}

beforeAll(async () => {
	s = await seed()
	found = [
		await createItem('rki-tester1', s, { title: `Calendar export fails ${tag}`, priority: 'high' }),
		await createItem('bsh-tester1', s, { title: 'Mail signature is lost', body: `Seen while testing ${tag.toLowerCase()} in the web client.` }),
	]
	other = await createItem('rki-tester2', s, { title: `Unrelated ${uid()}` })
})

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

describe('item list', () => {
	it('bmi searches, selects two items and sets their status in bulk', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, '#/items')
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		await waitUntilLoaded(page)

		// The search runs on the server, in title and text, case-insensitively; it is kept in the URL.
		await page.getByRole('searchbox', { name: 'Search in title and text' }).fill(tag.toUpperCase())
		await expect.poll(() => decodeURIComponent(page.url()), { timeout: UI_TIMEOUT }).toContain(`q=${tag.toUpperCase()}`)
		const rows = page.locator('table.item-table tbody tr')
		await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(2)
		expect(await page.getByText('2 items', { exact: true }).count()).toBe(1)
		for (const item of found) {
			const link = page.getByRole('link', { name: item.title })
			await link.waitFor()
			expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain('underline')
		}
		expect(await page.getByRole('link', { name: other.title }).count()).toBe(0)
		await photograph('item-list-search')

		// Select both; the bulk bar appears.
		for (const item of found) {
			await page.getByRole('checkbox', { name: `Select “${item.title}”` }).check({ force: true })
		}
		const bar = page.getByRole('region', { name: 'Change the selected items' })
		await bar.getByText('2 items selected').waitFor()
		await bar.getByRole('combobox', { name: 'Set status' }).click()
		await page.getByRole('option', { name: 'In review' }).click()
		await photograph('item-list-bulk-bar')

		await bar.getByRole('button', { name: 'Apply to 2 items' }).click()
		const dialog = page.getByRole('dialog', { name: 'Change 2 items?' })
		await dialog.getByText('Status: In review').waitFor()
		await photograph('item-list-bulk-confirm')
		await dialog.getByRole('button', { name: 'Change 2 items' }).click()
		await page.getByText('2 items changed.').first().waitFor()
		await photograph('item-list-bulk-done')

		// The list shows the new status; the selection is gone with the bar.
		await expect.poll(() => rows.filter({ hasText: 'In review' }).count(), { timeout: UI_TIMEOUT }).toBe(2)
		expect(await bar.count()).toBe(0)
		for (const item of found) {
			const detail = await expectApi<Item & { history: { userId: string, field: string, newValue: string }[] }>(200, 'bmi', 'GET', `/items/${item.id}`)
			expect(detail.status).toBe('in_review')
			expect(detail.history.filter((h) => h.field === 'status')).toEqual([expect.objectContaining({ userId: 'bmi', newValue: 'in_review' })])
		}
		expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${other.id}`)).status).toBe('new')
	})

	it('a link with filters the bar has no field for shows them as chips that can be removed', async () => {
		session = await openAs('bmi')
		const { page } = session
		const month = new Date().toISOString().slice(0, 7)
		await openApp(page, `#/items?open=1&filedFrom=${month}&filedTo=${month}&q=${tag}`)
		await page.getByRole('heading', { level: 2, name: 'Items' }).waitFor()
		const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date())
		await page.getByText('Open items only').waitFor()
		await page.getByText(`Filed in ${monthName}`).waitFor()
		await expect.poll(() => page.locator('table.item-table tbody tr').count(), { timeout: UI_TIMEOUT }).toBe(2)
		await photograph('item-list-link-filters')

		await page.getByRole('button', { name: new RegExp(`^Remove filter: ${escapeRegExp('Open items only')}`) }).click()
		await expect.poll(() => page.url()).not.toMatch(/open=1/)
		expect(page.url()).toMatch(/filedFrom=/)
		await page.getByRole('button', { name: 'Clear all filters' }).click()
		await expect.poll(() => page.url()).not.toMatch(/filedFrom=|q=/)
	})
})
