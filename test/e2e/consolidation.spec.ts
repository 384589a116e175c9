/**
 * The Consolidation view in Chromium: the consolidator opens it from the navigation with
 * filters in the URL and reads the figures of ratings made through the API; a BSH coordinator
 * can pick only BSH's breakdown; a tester has no such entry.
 */
import type { Period, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, freshPeriod, seed } from '../integration/setup/fixtures.ts'
import { openApp, openAs, screenshotIfFailed } from './helpers.ts'

let s: Seed
let period: Period
let session: Session | undefined
let pilotId: number
let componentName: string
let criterionName: string

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	const pilot = s.activePilots[0]
	pilotId = pilot.id
	const componentId = pilot.componentIds[0]
	componentName = s.catalogue.components.find((c) => c.id === componentId)!.name
	criterionName = s.criteria[0].name
	// Overall 5, 2 and 4: mean 3.67 over three ratings; the criterion 4 and 3: 3.50.
	for (const [user, overall, score] of [['rki-tester1', 5, 4], ['rki-tester2', 2, 3], ['bsh-tester1', 4, null]] as const) {
		await expectApi(200, user, 'PUT', `/ratings/${period.id}/${componentId}`, { overall, comment: '', scores: [{ criterionId: s.criteria[0].id, score }] })
	}
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

describe('Consolidation view', () => {
	it('bmi reads the figures of a month, kept in the URL', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${pilotId}&kind=month&from=${period.month}`)
		await page.getByRole('heading', { level: 2, name: 'Consolidation' }).waitFor()
		await page.getByRole('link', { name: 'Consolidation' }).waitFor()
		const table = page.locator('table').filter({ has: page.locator('caption', { hasText: componentName }) }).first()
		await table.waitFor()
		await expect.poll(() => table.locator('caption').innerText()).toContain('3 assessments')
		const overall = table.getByRole('row', { name: /Overall score/ })
		expect((await overall.locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['3.67', '3', '0', '1', '0', '1', '1', '0'])
		const criterion = table.getByRole('row', { name: new RegExp(criterionName) })
		expect((await criterion.locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['3.50', '2', '0', '0', '1', '1', '0', '1'])
	})

	it('bsh-coord can pick the figure across all organisations and BSH, never RKI', async () => {
		session = await openAs('bsh-coord')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${pilotId}&kind=month&from=${period.month}`)
		await page.getByRole('heading', { name: 'Ratings' }).waitFor()
		await page.getByRole('combobox', { name: 'Figures for' }).first().click()
		const options = await page.getByRole('option').allTextContents()
		expect(options.map((o) => o.trim())).toEqual(['All organisations', 'BSH'])
	})

	it('a tester has no Consolidation entry', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '#/')
		await page.getByRole('link', { name: 'Rate' }).waitFor()
		expect(await page.getByRole('link', { name: 'Consolidation' }).count()).toBe(0)
	})
})
