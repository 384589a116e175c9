/**
 * The Reports view in Chromium: the consolidator asks for an export, sees it in the list while
 * it is being made; asking for tester names needs a confirmation, and cancelling it asks for
 * nothing. Testers have no Reports entry.
 */
import type { Session } from './helpers.ts'

import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../integration/setup/fixtures.ts'
import { openApp, openAs, screenshotIfFailed, waitUntilLoaded } from './helpers.ts'

let session: Session | undefined

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

/** How many reports bmi can list. */
async function reportCount(): Promise<number> {
	return (await api<{ total: number }>('bmi', 'GET', '/reports?limit=1')).data.total
}

describe('Reports', () => {
	it('lets the consolidator ask for an export, with names only after a confirmation', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, '#/reports')
		await page.getByRole('heading', { name: 'Reports', level: 2 }).waitFor()
		await waitUntilLoaded(page)

		await page.getByRole('combobox', { name: 'Report' }).first().click()
		await page.getByRole('option').filter({ hasText: 'Data export' }).first().click()
		const names = page.getByText('With the testers\' names (recorded in the log)')
		await names.click()
		const before = await reportCount()
		await page.getByRole('button', { name: 'Make report' }).click()
		const dialog = page.getByRole('dialog', { name: 'Export with tester names?' })
		await dialog.waitFor()
		await dialog.getByRole('button', { name: 'Cancel' }).click()
		await dialog.waitFor({ state: 'hidden' })
		expect(await reportCount()).toBe(before)

		await names.click()
		await page.getByRole('button', { name: 'Make report' }).click()
		await page.getByRole('cell', { name: /Waiting|Being made|Ready/ }).first().waitFor()
		// The list may show an earlier report as "Ready" before the new one is recorded: wait for the count.
		await expect.poll(reportCount, { timeout: 30_000 }).toBe(before + 1)
		expect(await page.getByRole('dialog').count()).toBe(0)
	})

	it('is not offered to testers', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '#/reports')
		await page.getByText('Reports are made by the consolidators and the coordinators of an organisation.').waitFor()
		expect(await page.getByRole('link', { name: 'Reports' }).count()).toBe(0)
	})
})
