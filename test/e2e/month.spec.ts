/**
 * The start page in Chromium (issue 19): a tester opens the rating sheet of a component still
 * to rate in one click; the consolidator's release board shows every organisation and
 * reminds a coordinator, who gets the notification. On a 390 px phone nothing scrolls sideways.
 */
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, call, expectApi, seed } from '../integration/setup/fixtures.ts'
import { openApp, openAs, routeOf, screenshotIfFailed, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

interface Month {
	period: { id: number, month: string } | null
	tester: { toRate: { id: number, name: string }[] } | null
}
interface Sheet { pilots: { id: number, componentIds: number[], locked: boolean }[], assessments: { pilotId: number, componentId: number, version: number }[] }

let session: Session | undefined
let rki = { id: 0, name: '' }
let openPeriodId = 0
/** Whether the test reopened RKI's release of the open period (released again afterwards) */
let reopened = false

beforeAll(async () => {
	const s = await seed()
	rki = { id: s.rki.id, name: s.rki.name }
	openPeriodId = s.openPeriod.id
	// rki-tester1 needs a component still to rate: a comment alone is no rating.
	const month = await expectApi<Month>(200, 'rki-tester1', 'GET', '/month')
	if (month.tester?.toRate.length === 0) {
		const sheet = await expectApi<Sheet>(200, 'rki-tester1', 'GET', '/ratings')
		const pilot = sheet.pilots.find((p) => !p.locked && p.componentIds.length > 0)
		if (pilot !== undefined) {
			const componentId = pilot.componentIds[0]
			const version = sheet.assessments.find((a) => a.pilotId === pilot.id && a.componentId === componentId)?.version ?? 0
			await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${s.openPeriod.id}/${componentId}`, { overall: null, comment: 'start page test', scores: [], version, pilotId: pilot.id })
		}
	}
	// Only an unreleased period can be reminded of.
	const progress = await expectApi<{ release: unknown }>(200, 'rki-coord', 'GET', `/organisations/${s.rki.id}/progress`)
	if (progress.release !== null) {
		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${s.openPeriod.id}`)
		reopened = true
	}
})

afterAll(async () => {
	if (reopened) {
		await api('rki-coord', 'POST', `/organisations/${rki.id}/releases`, { periodId: openPeriodId })
	}
})

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

describe('the start page', () => {
	it('lists a tester\'s components to rate, each opening its rating sheet', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page)
		await page.getByRole('heading', { level: 2, name: 'This month' }).waitFor()
		const ratings = page.getByRole('region', { name: 'Your ratings' })
		await ratings.getByText(/of \d+ components rated/).waitFor()
		const links = ratings.getByRole('link')
		expect(await links.count()).toBeGreaterThan(0)
		// Not the first one: the sheet would show the first unrated component anyway.
		const link = links.last()
		const name = (await link.innerText()).trim()
		await link.click()
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toBe('/rate')
		const heading = page.locator('.component-sheet').getByRole('heading', { level: 3 })
		await expect.poll(async () => (await heading.evaluate((h) => h.firstChild?.textContent?.trim() ?? '')), { timeout: UI_TIMEOUT }).toBe(name)
	})

	it('shows the consolidator the release board of both organisations, and reminds RKI\'s coordinators', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page)
		const board = page.getByRole('region', { name: 'Release board' })
		await board.getByRole('heading', { level: 4, name: /Robert Koch-Institut/ }).waitFor()
		await board.getByRole('heading', { level: 4, name: /Bundesamt für Seeschifffahrt/ }).waitFor()
		const row = board.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Robert Koch-Institut/ }) })
		expect(await row.innerText()).toMatch(/Not released yet|Release overdue/)

		await row.getByRole('button', { name: `Remind the coordinators of ${rki.name}` }).click()
		await row.getByRole('status').getByText('Reminder sent to 1 coordinator.').waitFor({ timeout: UI_TIMEOUT })

		const notifications = await call<{ notification_id: number, object_type: string, object_id: string, subject: string }[]>('rki-coord', 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
		const reminder = notifications.data.find((n) => n.object_type === 'release' && n.object_id === `${rki.id}:${openPeriodId}`)
		expect(reminder?.subject).toContain(`asks you to release the feedback of ${rki.name}`)
		// Leave rki-coord's notifications as they were.
		await call('rki-coord', 'DELETE', `/ocs/v2.php/apps/notifications/api/v2/notifications/${reminder!.notification_id}`)
	})

	it('fits a 390 px phone without scrolling sideways', async () => {
		for (const user of ['rki-coord', 'bmi'] as const) {
			session = await openAs(user)
			const { page } = session
			await page.setViewportSize({ width: 390, height: 844 })
			await openApp(page)
			await page.getByRole('heading', { level: 3 }).first().waitFor()
			await waitUntilLoaded(page)
			const wider = await page.evaluate(() => [document.documentElement, ...document.querySelectorAll('#app-content-vue, #app-content-vue *')]
				.filter((element) => element.scrollWidth > element.clientWidth + 1 && !['hidden', 'clip'].includes(getComputedStyle(element).overflowX))
				.map((element) => `${element.tagName.toLowerCase()}.${element.className}`))
			expect(wider, user).toEqual([])
			await session.context.close()
			session = undefined
		}
	})
})
