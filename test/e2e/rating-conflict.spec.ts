/**
 * The same tester's rating open in two tabs (issue 7, point 5): the tab that saves second
 * gets the conflict message, keeps what was typed, and chooses to overwrite with its own
 * rating or to reload the saved one. Rates in a reporting period of its own (far in the
 * future, so that it is the newest open period the sheet shows) and closes it afterwards.
 */
import type { Locator, Page } from 'playwright-core'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, newestPeriod } from '../integration/setup/fixtures.ts'
import { choose, openApp, openAs, screenshotIfFailed, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

interface Period { id: number, month: string }
interface Assessment { componentId: number, overall: number | null, comment: string, version: number }

let session: Session | undefined
let period: Period | undefined

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

/**
 * Opens the rating sheet in a tab; returns the shown component's sheet.
 *
 * @param page the tab
 */
async function openSheet(page: Page): Promise<Locator> {
	await openApp(page, '#/rate')
	await page.getByRole('heading', { level: 2, name: /^Ratings for / }).waitFor()
	await waitUntilLoaded(page)
	const sheet = page.locator('.component-sheet')
	await sheet.waitFor()
	return sheet
}

/**
 * The overall score's radio of a score.
 *
 * @param sheet the component's sheet
 * @param score the score
 */
function overall(sheet: Locator, score: string): Locator {
	return sheet.getByRole('group', { name: 'Overall score' }).getByRole('radio', { name: score, exact: true })
}

describe('one rating in two tabs', () => {
	it('shows the second tab the conflict, keeps its input, and lets it overwrite or reload', async () => {
		session = await openAs('bsh-tester2')
		const tabA = session.page
		const tabB = await session.context.newPage()
		const sheetA = await openSheet(tabA)
		const sheetB = await openSheet(tabB)
		const name = (await sheetA.getByRole('heading', { level: 3 }).innerText()).trim()
		expect((await sheetB.getByRole('heading', { level: 3 }).innerText()).trim()).toBe(name)
		// Nothing is preselected on an unrated component.
		expect(await sheetA.getByRole('radio', { checked: true }).count()).toBe(0)

		await choose(overall(sheetA, '2'))
		await sheetA.getByRole('textbox', { name: 'Comment' }).fill('Typed in tab A')
		await expect.poll(() => sheetA.getByRole('status').innerText(), { timeout: UI_TIMEOUT }).toBe('Saved')

		// Tab B still shows the sheet as it was loaded: its save is refused.
		await choose(overall(sheetB, '5'))
		await sheetB.getByRole('textbox', { name: 'Comment' }).fill('Typed in tab B')
		const conflict = sheetB.getByText(/This rating was changed meanwhile/)
		await conflict.waitFor({ timeout: UI_TIMEOUT })
		expect(await sheetB.getByRole('status').innerText()).toBe('Not saved: changed elsewhere')
		// Nothing typed is lost.
		expect(await overall(sheetB, '5').isChecked()).toBe(true)
		expect(await sheetB.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('Typed in tab B')

		await sheetB.getByRole('button', { name: 'Overwrite with mine' }).click()
		await expect.poll(() => sheetB.getByRole('status').innerText(), { timeout: UI_TIMEOUT }).toBe('Saved')
		expect(await conflict.count()).toBe(0)
		const stored = async (): Promise<Assessment | undefined> => {
			const sheet = await expectApi<{ assessments: Assessment[], components: { id: number, name: string }[] }>(200, 'bsh-tester2', 'GET', `/ratings?periodId=${period?.id}`)
			const component = sheet.components.find((c) => name.startsWith(c.name))
			return sheet.assessments.find((a) => a.componentId === component?.id)
		}
		expect(await stored()).toMatchObject({ overall: 5, comment: 'Typed in tab B' })

		// Now tab A is behind: its next edit conflicts, and it reloads the saved rating.
		await choose(overall(sheetA, '1'))
		await sheetA.getByText(/This rating was changed meanwhile/).waitFor({ timeout: UI_TIMEOUT })
		await sheetA.getByRole('button', { name: 'Reload the saved rating' }).click()
		await expect.poll(() => overall(sheetA, '5').isChecked()).toBe(true)
		expect(await sheetA.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('Typed in tab B')
		expect(await stored()).toMatchObject({ overall: 5, comment: 'Typed in tab B' })
	})
})
