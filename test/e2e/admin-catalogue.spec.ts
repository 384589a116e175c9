/**
 * The administrator maintains the catalogue in the admin settings: the default catalogue
 * is there; a component is created, edited and archived; testers no longer see it.
 */
import type { Locator, Page } from 'playwright-core'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { expectApi, seed } from '../integration/setup/fixtures.ts'
import { escapeRegExp, openApp, openAs, openSettings, screenshotIfFailed, suffix, UI_TIMEOUT } from './helpers.ts'

interface AdminComponent { id: number, name: string, category: string, product: string, archived: boolean, pilotIds: number[] }

/**
 * Picks an option of a select (NcSelect) by typing its label and pressing Enter, as a
 * keyboard user does. Clicking isn't possible in the admin dialogs: the option list is
 * appended to <body> with a z-index below the dialog's, so it opens hidden behind it.
 */
async function chooseByKeyboard(page: Page, combobox: Locator, label: string): Promise<void> {
	await combobox.click()
	await combobox.pressSequentially(label)
	// The option's text is split for ellipsising, so match its text content, not its name.
	await page.getByRole('option').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first().waitFor({ state: 'attached' })
	await combobox.press('Enter')
	await combobox.press('Tab')
}

/** The settings section with the given heading. */
function section(page: Page, name: string) {
	return page.locator('.settings-section').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${escapeRegExp(name)}`) }) })
}

describe('admin maintains the catalogue', () => {
	let session: Session | undefined
	let pilotTitle: string
	const name = `E2E Whiteboard ${suffix()}`
	const renamed = `${name} (renamed)`

	beforeAll(async () => {
		// An active pilot RKI takes part in, so that RKI's testers see its components.
		pilotTitle = (await seed()).activePilots[0].title
	})

	afterEach(async (context) => {
		await screenshotIfFailed(context, session)
		await session?.context.close()
		session = undefined
	})

	afterAll(async () => {
		// Leave nothing active behind if a step failed half-way.
		const components = await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')
		for (const component of components.filter((c) => c.name.startsWith(name) && !c.archived)) {
			await expectApi(200, 'admin', 'DELETE', `/components/${component.id}`)
		}
	})

	it('shows the default catalogue and creates a component with a name, category and pilot', async () => {
		session = await openAs('admin')
		const { page } = session
		await openSettings(page)

		const pilots = section(page, 'Pilots')
		await pilots.getByText(/^PoC 1 /).first().waitFor()
		expect(await pilots.getByText(/^PoC [123] /).count()).toBeGreaterThanOrEqual(3)

		const components = section(page, 'Components')
		await components.getByRole('button', { name: 'Add component' }).click()
		const dialog = page.getByRole('dialog', { name: 'New component' })
		await dialog.waitFor()
		await dialog.getByRole('textbox', { name: 'Name (English)' }).fill(name)
		// The selects are used by keyboard: their option lists open behind the dialog (see chooseByKeyboard()).
		await chooseByKeyboard(page, dialog.getByRole('combobox', { name: 'Category' }), 'Web office')
		await dialog.getByRole('textbox', { name: 'Product' }).fill('Whiteboard 1.0')
		await chooseByKeyboard(page, dialog.getByRole('combobox', { name: 'Pilots' }), pilotTitle)
		await dialog.getByRole('button', { name: 'Save' }).click()
		await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT })

		const row = components.getByRole('listitem').filter({ hasText: name })
		await row.waitFor()
		expect(await row.innerText()).toContain('Web office · Whiteboard 1.0')

		const saved = (await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')).find((c) => c.name === name)
		expect(saved).toMatchObject({ category: 'weboffice', product: 'Whiteboard 1.0', archived: false })
		expect(saved!.pilotIds).toHaveLength(1)
	})

	it('a tester sees the new component in the Catalogue view', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page)
		await page.getByRole('link', { name: 'Catalogue' }).click()
		const pilot = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(pilotTitle)}`) }) })
		await pilot.getByText(name, { exact: true }).waitFor()
	})

	it('edits the component, and keeps its pilots even when they load after the dialog opened', async () => {
		const before = (await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')).find((c) => c.name === name)
		expect(before?.pilotIds).toHaveLength(1)
		session = await openAs('admin')
		const { page } = session
		// On a loaded machine the list of pilots can arrive after the dialog opened; the form
		// then saved no pilot, and the restored component was missing from the testers'
		// catalogue. Hold the pilots back until the dialog is open, to make that the case.
		let release = () => {}
		const held = new Promise<void>((resolve) => {
			release = resolve
		})
		await page.route((url) => url.pathname.endsWith('/apps/pilotfeedback/api/v1/pilots'), async (route) => {
			await held
			await route.continue()
		})
		await openSettings(page)
		const components = section(page, 'Components')
		await components.getByRole('button', { name: `Edit ${name}`, exact: true }).click()
		const dialog = page.getByRole('dialog', { name: 'Edit component' })
		await dialog.waitFor()
		const field = dialog.getByRole('textbox', { name: 'Name (English)' })
		expect(await field.inputValue()).toBe(name)
		await field.fill(renamed)
		release()
		await section(page, 'Pilots').getByText(/^PoC 1 /).first().waitFor()
		await dialog.getByRole('button', { name: 'Save' }).click()
		await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT })

		await components.getByRole('listitem').filter({ hasText: renamed }).waitFor()
		const stored = await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')
		expect(stored.filter((c) => c.name === name)).toHaveLength(0)
		expect(stored.find((c) => c.name === renamed)).toMatchObject({ category: 'weboffice', archived: false, pilotIds: before!.pilotIds })
	})

	it('archives the component, and testers no longer see it', async () => {
		session = await openAs('admin')
		const { page } = session
		await openSettings(page)
		const components = section(page, 'Components')
		await components.getByRole('button', { name: `Archive ${renamed}`, exact: true }).click()
		// Archived rows are hidden until "Show archived" is switched on.
		await components.getByRole('listitem').filter({ hasText: renamed }).waitFor({ state: 'detached', timeout: UI_TIMEOUT })
		await components.getByText(/^Show archived/).click()
		const row = components.getByRole('listitem').filter({ hasText: renamed })
		await row.waitFor()
		expect(await row.innerText()).toContain('Archived')
		expect((await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')).find((c) => c.name === renamed)?.archived).toBe(true)
		await session.context.close()

		session = await openAs('rki-tester1')
		const tester = session.page
		await openApp(tester)
		await tester.getByRole('link', { name: 'Catalogue' }).click()
		await tester.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(pilotTitle)}`) }).waitFor()
		expect(await tester.getByText(renamed).count()).toBe(0)
		expect(await tester.getByText(name).count()).toBe(0)
	})

	it('restores the archived component, and testers see it again', async () => {
		session = await openAs('admin')
		const { page } = session
		await openSettings(page)
		const components = section(page, 'Components')
		await components.getByText(/^Show archived/).click()
		await components.getByRole('button', { name: `Restore ${renamed}`, exact: true }).click()
		await components.getByRole('button', { name: `Archive ${renamed}`, exact: true }).waitFor({ timeout: UI_TIMEOUT })
		expect((await expectApi<AdminComponent[]>(200, 'admin', 'GET', '/components')).find((c) => c.name === renamed)?.archived).toBe(false)
		await session.context.close()

		session = await openAs('rki-tester1')
		const tester = session.page
		await openApp(tester)
		await tester.getByRole('link', { name: 'Catalogue' }).click()
		await tester.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(pilotTitle)}`) }).waitFor()
		await tester.getByText(renamed).first().waitFor({ timeout: UI_TIMEOUT })
	})
})
