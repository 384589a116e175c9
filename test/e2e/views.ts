/**
 * Every view of the app and of its admin settings, who uses it, and the dialogs, popovers
 * and states that can be opened on it. The accessibility sweep (accessibility.spec.ts)
 * checks each of them as each role listed: a new view joins the sweep by being added here.
 */
import type { Page } from 'playwright-core'
import type { DemoUser } from '../integration/setup/client.ts'

import { openApp, openSettings, waitUntilLoaded } from './helpers.ts'

/** The people of the pilot, and the demo login the sweep uses for each. */
export const ROLE_USERS = {
	tester: 'rki-tester1',
	coordinator: 'rki-coord',
	consolidator: 'bmi',
	admin: 'admin',
} as const satisfies Record<string, DemoUser>

export type Role = keyof typeof ROLE_USERS

/** What the suite creates for the views to show (ids of records). */
export interface ViewFixtures {
	/** A defect filed by rki-tester1 in an active pilot: every role may open it. */
	itemId: number
	/** That active pilot, which RKI and BSH take part in */
	pilotId: number
}

/**
 * A month before the current one, like 2026-03.
 *
 * @param back how many months back
 */
function monthsAgo(back: number): string {
	const now = new Date()
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
}

/** Something opened on a loaded view: a dialog, a select's option list, a revealed text. */
export interface ViewState {
	/** What is open, e.g. "New pilot dialog" */
	name: string
	/** The roles for which it exists (default: every role of the view) */
	roles?: Role[]
	/** From the loaded view, the steps that open it, waiting until it is shown */
	open: (page: Page) => Promise<void>
}

/** One view (page or route) of the app. */
export interface AppView {
	/** Its name, as the navigation or heading calls it */
	name: string
	/** The roles that use it */
	roles: Role[]
	/** Opens the view and waits until its content is there */
	open: (page: Page, fixtures: ViewFixtures) => Promise<void>
	/** What can be opened on it */
	states: ViewState[]
}

/**
 * Opens a view of the main app by its hash route and waits for its heading and the end
 * of its loading.
 *
 * @param hash the route, e.g. '#/items'
 */
function appRoute(hash: string | ((fixtures: ViewFixtures) => string)): AppView['open'] {
	return async (page, fixtures) => {
		await openApp(page, typeof hash === 'string' ? hash : hash(fixtures))
		await page.locator('#content-vue h2').first().waitFor()
		await waitUntilLoaded(page)
	}
}

/** Opens a select (NcSelect) by its label and waits for its option list. */
async function openSelect(page: Page, label: string): Promise<void> {
	await page.getByRole('combobox', { name: label }).first().click()
	await page.getByRole('listbox').first().waitFor()
}

/**
 * Changes a score of the component shown on the rating sheet (the first criterion's first
 * score not chosen yet), which the sheet then saves.
 */
async function changeAScore(page: Page): Promise<void> {
	const sheet = page.locator('.component-sheet')
	await sheet.waitFor()
	const group = sheet.getByRole('group').first()
	await group.locator('input[type="radio"]:not(:checked)').first().locator('xpath=..').click()
}

/**
 * Opens the rating sheet's state after a save the server refused: `status` is the answer
 * given to the save (500: failed, 409 with no stored rating: changed elsewhere), `shown` the
 * class of the sheet's save state that then shows.
 */
function refusedSave(status: 500 | 409, shown: string): ViewState['open'] {
	return async (page) => {
		const saves = /\/apps\/pilotfeedback\/api\/v1\/ratings\/\d+\/\d+/
		await page.route(saves, (route) => route.request().method() !== 'PUT'
			? route.continue()
			: route.fulfill({
					status,
					contentType: 'application/json',
					body: JSON.stringify({ ocs: { meta: { status: 'failure', statuscode: status, message: '' }, data: { message: 'Refused by the test', current: null } } }),
				}))
		try {
			await changeAScore(page)
			await page.locator(`.save-indicator--${shown}`).waitFor()
		} finally {
			await page.unroute(saves)
		}
	}
}

/** Presses an admin section's add button and waits for its dialog. */
async function openDialog(page: Page, button: string, dialog: string): Promise<void> {
	await page.getByRole('button', { name: button, exact: true }).first().click()
	await page.getByRole('dialog', { name: dialog }).waitFor()
}

export const VIEWS: AppView[] = [
	{
		name: 'This month',
		roles: ['tester', 'coordinator', 'consolidator', 'admin'],
		open: async (page, fixtures) => {
			await appRoute('#/')(page, fixtures)
			await page.getByRole('heading', { level: 3 }).or(page.getByText('Nothing to do here')).first().waitFor()
		},
		states: [],
	},
	{
		name: 'Catalogue',
		roles: ['tester', 'coordinator', 'consolidator', 'admin'],
		open: appRoute('#/catalogue'),
		states: [],
	},
	{
		name: 'Accessibility',
		roles: ['tester', 'coordinator', 'consolidator', 'admin'],
		open: async (page, fixtures) => {
			await appRoute('#/accessibility')(page, fixtures)
			// Not a heading: the fuzz suite may have saved any text as the statement
			await page.locator('.accessibility-view .markdown-text').first().waitFor({ state: 'attached' })
		},
		states: [],
	},
	{
		name: 'Rate',
		roles: ['tester', 'coordinator'],
		open: appRoute('#/rate'),
		states: [
			{
				name: 'a score saved',
				open: async (page) => {
					await changeAScore(page)
					await page.locator('.save-indicator--saved').waitFor()
				},
			},
			{ name: 'the save failed', open: refusedSave(500, 'error') },
			{ name: 'the save refused as changed elsewhere', open: refusedSave(409, 'conflict') },
		],
	},
	{
		name: 'Items',
		roles: ['tester', 'coordinator', 'consolidator'],
		open: async (page, fixtures) => {
			await appRoute('#/items')(page, fixtures)
			// a table, or on a phone a list of cards
			await page.getByRole('table').or(page.getByRole('list', { name: 'Items' })).or(page.getByText('No items found')).first().waitFor()
		},
		states: [
			{ name: 'Type filter open', open: (page) => openSelect(page, 'Type') },
			{
				name: 'Bulk triage bar and its confirmation',
				roles: ['consolidator'],
				open: async (page) => {
					await page.getByRole('checkbox', { name: /^Select “/ }).first().check({ force: true })
					const bar = page.getByRole('region', { name: 'Change the selected items' })
					await bar.getByRole('combobox', { name: 'Set status' }).click()
					await page.getByRole('option', { name: 'In review' }).click()
					await bar.getByRole('button', { name: /^Apply to / }).click()
					await page.getByRole('dialog', { name: /^Change 1 item/ }).waitFor()
				},
			},
			{
				name: 'Filters from a link as chips',
				open: async (page) => {
					await openApp(page, '#/items?open=1&filedFrom=2026-01&closedTo=2026-12&q=a')
					await page.getByRole('button', { name: 'Clear all filters' }).waitFor()
					await waitUntilLoaded(page)
				},
			},
		],
	},
	{
		name: 'New item',
		roles: ['tester', 'coordinator'],
		open: async (page, fixtures) => {
			await appRoute('#/items/new')(page, fixtures)
			await page.getByRole('textbox', { name: 'Title' }).waitFor()
		},
		states: [
			{
				name: 'priority chosen, its definition shown',
				open: async (page) => {
					await page.getByRole('radio', { name: 'High' }).locator('xpath=..').click()
					await page.getByText('Many users, business-critical systems affected, business restricted.').waitFor()
				},
			},
			{ name: 'Component list open', open: (page) => openSelect(page, 'Component') },
			{
				name: 'similar items suggested for the title',
				open: async (page) => {
					await page.getByRole('textbox', { name: 'Title' }).fill('Item')
					await page.getByRole('heading', { name: 'Similar items already exist' }).waitFor()
				},
			},
		],
	},
	{
		name: 'Item detail',
		roles: ['tester', 'coordinator', 'consolidator'],
		open: async (page, fixtures) => {
			await appRoute((f) => `#/items/${f.itemId}`)(page, fixtures)
			await page.getByRole('heading', { name: 'History' }).waitFor()
			await waitUntilLoaded(page)
		},
		states: [
			{
				name: 'editing',
				roles: ['tester'],
				open: async (page) => {
					await page.getByRole('button', { name: 'Edit', exact: true }).click()
					await page.getByRole('button', { name: 'Save changes' }).waitFor()
				},
			},
			{ name: 'Status list open', roles: ['consolidator'], open: (page) => openSelect(page, 'Status') },
		],
	},
	{
		name: 'Coordination',
		roles: ['coordinator', 'consolidator'],
		open: appRoute('#/coordination'),
		states: [
			{
				name: 'Release feedback dialog',
				roles: ['coordinator'],
				open: async (page) => {
					await page.getByRole('button', { name: 'Release feedback' }).first().click()
					await page.getByRole('dialog', { name: 'Release feedback?' }).waitFor()
				},
			},
		],
	},
	{
		name: 'Reports',
		roles: ['coordinator', 'consolidator'],
		open: appRoute('#/reports'),
		states: [
			{ name: 'Report type list open', open: (page) => openSelect(page, 'Report') },
			{
				name: 'Tester names confirmation',
				roles: ['consolidator'],
				open: async (page) => {
					await openSelect(page, 'Report')
					await page.getByRole('option').filter({ hasText: 'Data export' }).first().click()
					await page.getByText('With the testers\' names (recorded in the log)').click()
					await page.getByRole('button', { name: 'Make report' }).click()
					await page.getByRole('dialog', { name: 'Export with tester names?' }).waitFor()
				},
			},
		],
	},
	{
		name: 'Consolidation with charts',
		roles: ['coordinator', 'consolidator'],
		open: async (page, fixtures) => {
			await appRoute((f) => `#/consolidation?pilot=${f.pilotId}&kind=range&from=${monthsAgo(2)}&to=${monthsAgo(0)}`)(page, fixtures)
			await page.getByRole('img', { name: /^Mean scores of / }).first().waitFor()
			await page.getByRole('img', { name: /^Trend of / }).first().waitFor()
		},
		states: [
			{
				name: 'every chart shown as a table',
				open: async (page) => {
					const switches = page.locator('.chart-figure').getByText('Show as table')
					for (let i = 0; i < await switches.count(); i++) {
						await switches.nth(i).click()
					}
					await page.locator('.chart-figure__table').first().waitFor()
					await page.waitForFunction(() => document.querySelectorAll('.chart-figure canvas').length === 0)
				},
			},
		],
	},
	{
		name: 'Admin settings',
		roles: ['admin'],
		open: async (page) => {
			await openSettings(page)
			await page.locator('#pilotfeedback-admin h2').first().waitFor()
			await waitUntilLoaded(page)
		},
		states: [
			{ name: 'Consolidator group list open', open: (page) => openSelect(page, 'Consolidator group') },
			{ name: 'New pilot dialog', open: (page) => openDialog(page, 'Add pilot', 'New pilot') },
			{
				name: 'Edit pilot dialog with its status list open',
				open: async (page) => {
					await page.locator('.settings-section').filter({ has: page.getByRole('heading', { level: 2, name: 'Pilots' }) })
						.getByRole('button', { name: /^Edit / }).first().click()
					await page.getByRole('dialog', { name: 'Edit pilot' }).waitFor()
					await openSelect(page, 'Status')
				},
			},
			{
				name: 'New component dialog with its category list open',
				open: async (page) => {
					await openDialog(page, 'Add component', 'New component')
					await openSelect(page, 'Category')
				},
			},
			{ name: 'New criterion dialog', open: (page) => openDialog(page, 'Add criterion', 'New criterion') },
			{
				name: 'New organisation dialog with its group list open',
				open: async (page) => {
					await openDialog(page, 'Add organisation', 'New organisation')
					await openSelect(page, 'Nextcloud groups of the testers')
				},
			},
		],
	},
]

/** The views a role uses, with the states that exist for it. */
export function viewsOf(role: Role): AppView[] {
	return VIEWS.filter((view) => view.roles.includes(role))
		.map((view) => ({ ...view, states: view.states.filter((state) => state.roles === undefined || state.roles.includes(role)) }))
}
