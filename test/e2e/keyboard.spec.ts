/**
 * Keyboard only: a tester rates a component and files an item with the keyboard alone
 * (keyboard.press and keyboard.type, no clicks), and every stop of the focus inside the
 * app shows where the focus is.
 *
 * "Shows" is measured, not assumed: before each key press the suite records the outline,
 * box shadow, border and background of the app's elements; after it, the focused element,
 * the element drawn beside it (NcCheckboxRadioSwitch hides its input and rings the label
 * content that follows it), its label or one of its three nearest ancestors must have
 * changed into a visible outline, box shadow, border or background.
 */
import type { Page } from 'playwright-core'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, newestPeriod } from '../integration/setup/fixtures.ts'
import { openApp, openAs, routeOf, screenshotIfFailed, suffix, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

/** Where the app's own content is: focus stops outside it (Nextcloud's header) are only counted. */
const CONTENT = '#content-vue'

/** Most key presses to reach one target; more means the target is out of reach. */
const MAX_PRESSES = 80

/** What the focused element is, as the test looks for it. */
interface Target {
	/** CSS selector the focused element matches */
	selector: string
	/** Text its accessible name contains (aria-label, label, text), if given */
	name?: string
}

interface Stop {
	description: string
	inContent: boolean
	visible: boolean
	/** False if the key left the focus where it was (ArrowDown in a select, Enter) */
	moved: boolean
}

/** Records the look of every element of the app's content, to compare after the next key press. */
async function snapshotLook(page: Page): Promise<void> {
	await page.evaluate((content) => {
		const look = (element: Element): string => {
			const style = getComputedStyle(element)
			return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.borderTopStyle, style.borderTopWidth, style.borderTopColor, style.backgroundColor].join('|')
		}
		const looks = new Map<Element, string>()
		document.querySelectorAll(`${content}, ${content} *`).forEach((element) => looks.set(element, look(element)))
		;(window as unknown as { pfLooks: Map<Element, string> }).pfLooks = looks
		;(window as unknown as { pfFocused: Element | null }).pfFocused = document.activeElement
	}, CONTENT)
}

/** Describes the focused element and whether its focus is visible (see the file comment). */
async function focusStop(page: Page): Promise<Stop> {
	return page.evaluate((content) => {
		const element = document.activeElement
		if (element === null || element === document.body) {
			return { description: 'body', inContent: false, visible: false, moved: true }
		}
		const style = (e: Element) => getComputedStyle(e)
		const look = (e: Element): string => {
			const s = style(e)
			return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopStyle, s.borderTopWidth, s.borderTopColor, s.backgroundColor].join('|')
		}
		const before = (window as unknown as { pfLooks?: Map<Element, string> }).pfLooks ?? new Map<Element, string>()
		const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])] : []
		const candidates = [element, element.nextElementSibling, ...labels, element.parentElement, element.parentElement?.parentElement, element.parentElement?.parentElement?.parentElement]
			.filter((e): e is Element => e !== null && e !== undefined)
		const drawn = (e: Element): boolean => {
			const s = style(e)
			return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none'
				|| (s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1) || s.backgroundColor !== 'rgba(0, 0, 0, 0)'
		}
		const visible = candidates.some((e) => before.has(e) ? before.get(e) !== look(e) && drawn(e) : (e === element && drawn(e)))
		const name = element.getAttribute('aria-label') ?? (labels[0]?.textContent ?? element.textContent ?? '').trim().slice(0, 40)
		const description = `${element.tagName.toLowerCase()}${element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''} "${name}"`
		const moved = (window as unknown as { pfFocused?: Element | null }).pfFocused !== element
		return { description, inContent: element.closest(content) !== null, visible, moved }
	}, CONTENT)
}

/** Whether the focused element is the target. */
async function focusIs(page: Page, target: Target): Promise<boolean> {
	return page.evaluate(({ selector, name }) => {
		const element = document.activeElement
		if (element === null || !element.matches(selector)) {
			return false
		}
		if (name === undefined) {
			return true
		}
		const labelled = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
		const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ') : ''
		return [element.getAttribute('aria-label') ?? '', labelled, labels, element.textContent ?? ''].some((text) => text.includes(name))
	}, target)
}

/**
 * Presses a key and checks the stop it leads to: inside the app, the focus must be visible
 * wherever Tab, Shift+Tab or an arrow key moved it.
 *
 * @return the stop
 */
async function press(page: Page, key: string, stops: Stop[]): Promise<Stop> {
	await snapshotLook(page)
	await page.keyboard.press(key)
	const stop = await focusStop(page)
	if (!stop.moved && stops.length > 0) {
		// The focus stayed: it is as visible as it was.
		stop.visible = stops[stops.length - 1].visible
	}
	stops.push(stop)
	// A stop is where a key that moves the focus lands; Enter acts on the focused element.
	if (stop.inContent && key !== 'Enter') {
		expect(stop.visible, `focus is not visible on ${stop.description} (after ${key}; stops so far: ${stops.map((s) => s.description).join(' → ')})`).toBe(true)
	}
	return stop
}

/** Presses Tab (or Shift+Tab) until the target has the focus; returns how many presses it took. */
async function tabTo(page: Page, target: Target, stops: Stop[], key = 'Tab'): Promise<number> {
	for (let presses = 1; presses <= MAX_PRESSES; presses++) {
		await press(page, key, stops)
		if (await focusIs(page, target)) {
			return presses
		}
	}
	throw new Error(`${JSON.stringify(target)} not reached in ${MAX_PRESSES} presses of ${key}: ${stops.slice(-10).map((s) => s.description).join(' → ')}`)
}

describe('keyboard only', () => {
	let session: Session | undefined
	let period: { id: number, month: string } | undefined
	const title = `Keyboard-only item ${suffix()}`

	beforeAll(async () => {
		// A period of its own, far in the future: the newest open one, which the rating sheet shows.
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

	it('rates a component and files an item without the mouse, with visible focus at every stop', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		const stops: Stop[] = []
		await openApp(page, '#/rate')
		await page.getByRole('heading', { level: 2, name: /^Ratings for / }).waitFor()
		await waitUntilLoaded(page)

		// Rate: Tab into the first criterion's scores (past the component list, one tab stop),
		// then the arrow keys choose one. At most 4 Tab presses from the view's load (issue 10).
		const toScore = await tabTo(page, { selector: `${CONTENT} .component-sheet input[type="radio"]` }, stops)
		expect(toScore, stops.map((s) => s.description).join(' → ')).toBeLessThanOrEqual(4)
		const card = page.locator('.component-sheet').filter({ has: page.locator(':focus') })
		for (let step = 0; step < 7; step++) {
			const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value)
			if (/^[1-5]$/.test(value) && await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)) {
				break
			}
			await press(page, 'ArrowRight', stops)
		}
		const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value)
		expect(chosen).toMatch(/^[1-5]$/)
		await expect.poll(() => card.getByRole('status').innerText(), { timeout: UI_TIMEOUT }).toBe('Saved')
		console.log(`keyboard: ${toScore} Tab presses from the page's load to the first score`)

		// File an item: back to the navigation, "New item", then the form field by field.
		await tabTo(page, { selector: 'a', name: 'New item' }, stops, 'Shift+Tab')
		await press(page, 'Enter', stops)
		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toBe('/items/new')
		await page.getByRole('textbox', { name: 'Title' }).waitFor()
		await waitUntilLoaded(page)

		await tabTo(page, { selector: 'input', name: 'Title' }, stops)
		await page.keyboard.type(title)
		await tabTo(page, { selector: 'textarea', name: 'Description' }, stops)
		await page.keyboard.type('Filed with the keyboard alone.')
		// The similar items appear while typing; let them settle before the component list
		// opens, or their arrival re-renders the list under the Enter that chooses.
		await page.waitForLoadState('networkidle')
		await tabTo(page, { selector: 'input[role="combobox"], input.vs__search', name: 'Component' }, stops)
		await press(page, 'ArrowDown', stops)
		await page.getByRole('option').first().waitFor()
		await press(page, 'Enter', stops)
		// The pilot: chosen with the component when it is in one pilot only; otherwise choose the first.
		const pilot = page.getByRole('combobox', { name: 'Pilot' })
		await expect.poll(() => pilot.isDisabled()).toBe(false)
		if (await page.locator('.vs__selected').count() < 2) {
			await tabTo(page, { selector: 'input[role="combobox"], input.vs__search', name: 'Pilot' }, stops)
			await press(page, 'ArrowDown', stops)
			await press(page, 'Enter', stops)
		}
		await tabTo(page, { selector: 'input[type="radio"][name="item-priority"]' }, stops)
		await press(page, 'ArrowRight', stops)
		await tabTo(page, { selector: 'button[type="submit"]', name: 'File item' }, stops)
		await press(page, 'Enter', stops)

		await expect.poll(() => routeOf(page.url()), { timeout: UI_TIMEOUT }).toMatch(/^\/items\/\d+$/)
		await page.getByRole('heading', { level: 2, name: title }).waitFor()
		const inContent = stops.filter((stop) => stop.inContent)
		console.log(`keyboard: ${stops.length} key presses in all, ${inContent.length} focus stops in the app, all visible`)
		expect(inContent.length).toBeGreaterThan(5)
	})
})
