/**
 * The consolidators' texts for a report in Chromium: the consolidator picks a pilot in the
 * report form, writes the foreword and a comment on a component, saves, changes it again and
 * reads the history; testers see no editor (the Reports view is not theirs).
 */
import type { Session } from './helpers.ts'

import { afterEach, describe, expect, it } from 'vitest'
import { openApp, openAs, screenshotIfFailed, suffix } from './helpers.ts'

let session: Session | undefined

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

describe('Report texts', () => {
	it('lets the consolidator write a foreword and a comment, change it and see who changed it when', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, '/reports')
		await page.getByText('The coordinating ministry\'s words: shown in the report, marked as such; they never change a figure.').waitFor()
		// The form asks for all pilots: the editor waits for a pilot.
		await page.getByText('choose the pilot whose texts you write').waitFor()
		await page.getByLabel('Pilot', { exact: true }).click()
		await page.getByRole('option').nth(1).click()

		const foreword = page.locator('.report-text').filter({ has: page.getByRole('heading', { name: 'Foreword', exact: true }) })
		const tag = suffix()
		await foreword.locator('textarea').fill(`## Summary\n\nA quarter in **our** words ${tag}.`)
		await foreword.getByRole('button', { name: 'Save', exact: true }).click()
		await foreword.getByText('Saved', { exact: true }).waitFor()

		// A component without a comment yet gets a field; once every one has a comment (earlier runs), the first is changed.
		if (await page.getByLabel('Comment on a component').count() > 0) {
			await page.getByLabel('Comment on a component').click()
			await page.getByRole('option').first().click()
		}
		const comment = page.locator('.report-text').filter({ has: page.getByRole('heading', { name: /^Comment on / }) }).last()
		await comment.locator('textarea').fill(`Works ${tag}.`)
		await comment.getByRole('button', { name: 'Save', exact: true }).click()
		await comment.getByText('Saved', { exact: true }).waitFor()
		await comment.locator('textarea').fill(`Works, two defects open ${tag}.`)
		await comment.getByRole('button', { name: 'Save', exact: true }).click()
		await comment.getByText('Saved', { exact: true }).waitFor()

		await comment.getByRole('button', { name: 'History' }).click()
		const versions = comment.locator('.report-text__history li')
		await versions.nth(1).waitFor()
		expect(await versions.nth(0).textContent()).toContain(`Works, two defects open ${tag}.`)
		expect(await versions.nth(1).textContent()).toContain(`Works ${tag}.`)
		expect(await versions.nth(0).locator('.report-text__meta').textContent()).toMatch(/^Version \d+ by /)
	})

	it('shows testers no editor', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '/reports')
		await page.getByText('Reports are made by the consolidators and the coordinators of an organisation.').waitFor()
		expect(await page.getByText('The coordinating ministry\'s words').count()).toBe(0)
	})
})
