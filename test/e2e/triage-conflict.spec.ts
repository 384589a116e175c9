/**
 * Two tabs of the consolidator triage the same item in Chromium: the first saves a
 * consolidated priority, the second, still showing the old version, sets a status and gets
 * the conflict dialog, applies its change again, and both changes end up saved. The triage
 * form offers only the allowed next statuses.
 */
import type { Locator, Page } from 'playwright-core'
import type { Item, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'

import { mkdirSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createItem, expectApi, seed } from '../integration/setup/fixtures.ts'
import { escapeRegExp, openApp, openAs, screenshotIfFailed, suffix, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

/** Where screenshots for the report go when TRIAGE_SCREENS is set (outside the repository) */
const SCREENS = process.env.TRIAGE_SCREENS

let s: Seed
let session: Session | undefined

beforeAll(async () => {
	s = await seed()
})

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

/**
 * Picks an option of a select (NcSelect) by typing its label and pressing Enter.
 *
 * @param page the page
 * @param combobox the select's input
 * @param label the option's label
 */
async function choose(page: Page, combobox: Locator, label: string): Promise<void> {
	await combobox.click()
	await combobox.pressSequentially(label)
	await page.getByRole('option').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first().waitFor({ state: 'attached' })
	await combobox.press('Enter')
	await combobox.press('Escape')
}

/**
 * Opens the item in a tab and waits for its triage form.
 *
 * @param page the tab
 * @param item the item
 */
async function openItem(page: Page, item: Item): Promise<Locator> {
	await openApp(page, `#/items/${item.id}`)
	await waitUntilLoaded(page)
	const form = page.locator('form.item-status-form')
	await form.getByRole('heading', { name: 'Triage' }).waitFor()
	return form
}

/**
 * Saves a screenshot for the report when TRIAGE_SCREENS names a directory.
 *
 * @param page the tab
 * @param name the file name without extension
 */
async function screen(page: Page, name: string): Promise<void> {
	if (SCREENS) {
		mkdirSync(SCREENS, { recursive: true })
		await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: false })
	}
}

describe('triage in two tabs', () => {
	it('shows the second tab the conflict, which applies its change on top, and both changes are saved', async () => {
		const item = await createItem('rki-tester1', s, { title: `Two tabs ${suffix()}` })
		session = await openAs('bmi')
		const first = session.page
		const second = await session.context.newPage()
		const firstForm = await openItem(first, item)
		const secondForm = await openItem(second, item)

		// Only the saved status and the allowed next ones are offered.
		await secondForm.getByRole('combobox', { name: 'Status' }).click()
		await expect.poll(async () => (await second.getByRole('option').allInnerTexts()).map((x) => x.trim())).toEqual(['New', 'In review', 'Rejected', 'Duplicate'])
		await second.keyboard.press('Escape')

		// First tab: consolidated priority high.
		await choose(first, firstForm.getByRole('combobox', { name: 'Consolidated priority' }), 'High')
		await firstForm.getByRole('button', { name: 'Save status' }).click()
		await expect.poll(async () => (await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)).version, { timeout: UI_TIMEOUT }).toBe(2)

		// Second tab, still on version 1: status in review, and a vendor reference.
		await choose(second, secondForm.getByRole('combobox', { name: 'Status' }), 'In review')
		await secondForm.getByRole('textbox', { name: 'Vendor reference' }).fill('VEN-77')
		await screen(second, 'triage-form')
		await secondForm.getByRole('button', { name: 'Save status' }).click()

		const dialog = second.getByRole('dialog', { name: 'Changed in the meantime' })
		await dialog.waitFor()
		const rows = dialog.locator('tbody tr')
		await expect.poll(() => rows.count()).toBe(3)
		const text = (await dialog.innerText()).replace(/\s+/g, ' ')
		expect(text).toMatch(/Consolidated priority High \(changed from –\) unchanged/)
		expect(text).toMatch(/Status New In review/)
		expect(text).toMatch(/Vendor reference – VEN-77/)
		await screen(second, 'conflict-dialog')

		await dialog.getByRole('button', { name: 'Apply my change again' }).click()
		await dialog.waitFor({ state: 'hidden' })
		await expect.poll(async () => (await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)).version, { timeout: UI_TIMEOUT }).toBe(3)
		const saved = await expectApi<Item & { consolidatedPriority: string | null }>(200, 'bmi', 'GET', `/items/${item.id}`)
		expect(saved).toMatchObject({ status: 'in_review', consolidatedPriority: 'high', vendorReference: 'VEN-77' })
		// The second tab shows the saved state, with the next statuses of "in review".
		await expect.poll(() => second.locator('.item-metadata').innerText()).toMatch(/In review/)
		await screen(second, 'triage-after-reapply')
	}, 240_000)
})
