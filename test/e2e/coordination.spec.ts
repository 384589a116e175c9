/**
 * The Coordination view in Chromium: a consolidator follows every organisation's
 * progress and release state, without a release button; the coordinator releases.
 */
import type { Session } from './helpers.ts'

import { afterEach, describe, expect, it } from 'vitest'
import { openApp, openAs, screenshotIfFailed } from './helpers.ts'

let session: Session | undefined

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

describe('Coordination', () => {
	it('shows the consolidator every organisation with its release state, and no release button', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, '#/coordination')
		await expect(page.getByRole('heading', { name: /Robert Koch-Institut/ }).waitFor()).resolves.toBeUndefined()
		await page.getByRole('heading', { name: /Bundesamt für Seeschifffahrt/ }).waitFor()
		// Each card shows its release state once its progress has loaded.
		await page.getByText(/Not released yet|Released by/).nth(1).waitFor()
		expect(await page.getByText('No organisation to coordinate').count()).toBe(0)
		expect(await page.getByRole('button', { name: 'Release feedback' }).count()).toBe(0)
		expect(await page.getByText(/Not released yet|Released by/).count()).toBeGreaterThanOrEqual(2)
	})

	it('offers the coordinator the release of their own organisation only', async () => {
		session = await openAs('rki-coord')
		const { page } = session
		await openApp(page, '#/coordination')
		await page.getByRole('heading', { name: /Robert Koch-Institut/ }).waitFor()
		expect(await page.getByRole('heading', { name: /Bundesamt für Seeschifffahrt/ }).count()).toBe(0)
	})
})
