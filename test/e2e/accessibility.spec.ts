/**
 * The accessibility sweep: every view of views.ts, and every dialog, popover and state it
 * lists, as each role that uses it (a tester, a coordinator, the consolidator and the
 * administrator), has no axe violation at WCAG 2.1 A and AA, no duplicate id, no aria
 * reference to a missing id and no nested main landmark (see axe.ts).
 */
import type { Session } from './helpers.ts'
import type { Role, ViewFixtures } from './views.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, newestPeriod, seed } from '../integration/setup/fixtures.ts'
import { accessibilityFindings, formatFindings } from './axe.ts'
import { openAs, screenshotIfFailed } from './helpers.ts'
import { ROLE_USERS, viewsOf } from './views.ts'

interface Period { id: number, month: string }

const fixtures: ViewFixtures = { itemId: 0, pilotId: 0 }
let period: Period | undefined

beforeAll(async () => {
	const s = await seed()
	fixtures.itemId = (await createItem('rki-tester1', s, { title: `Accessibility sweep item ${Date.now()}` })).id
	fixtures.pilotId = s.activePilots[0]!.id
	// A period of its own (far in the future, so the newest open one that the rating sheet
	// and the coordination view show): its feedback is not released yet, so the release
	// dialog can be opened whatever other suites released.
	period = await newestPeriod()
})

afterAll(async () => {
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
})

for (const role of Object.keys(ROLE_USERS) as Role[]) {
	describe(`accessibility as ${role} (${ROLE_USERS[role]})`, () => {
		let session: Session | undefined

		beforeAll(async () => {
			session = await openAs(ROLE_USERS[role])
		})

		afterEach((context) => screenshotIfFailed(context, session))

		afterAll(async () => {
			await session?.context.close()
		})

		for (const view of viewsOf(role)) {
			it(`${view.name}`, async () => {
				const { page } = session!
				await view.open(page, fixtures)
				const findings = await accessibilityFindings(page)
				expect(findings, formatFindings(findings)).toEqual([])
			})

			for (const state of view.states) {
				it(`${view.name}: ${state.name}`, async () => {
					const { page } = session!
					await view.open(page, fixtures)
					await state.open(page)
					const findings = await accessibilityFindings(page)
					expect(findings, formatFindings(findings)).toEqual([])
				})
			}
		}
	})
}
