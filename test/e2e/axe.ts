/**
 * Accessibility checks for the browser suites: axe-core at WCAG 2.1 A and AA over the app's
 * own content (its container and every dialog, popover and list it attaches to <body>),
 * plus DOM checks that axe does not make on its own (or makes only as a best practice): ids
 * unique in the document, aria attributes that name an id pointing at an element that
 * exists, and one main landmark.
 *
 * Nextcloud's page chrome (header, app menu) is left out: in the test Nextcloud it lacks
 * its built core scripts (dist/core-common.js, see shared/nextcloud/README.md), so it is
 * not what a real server shows.
 */
import type { Page } from 'playwright-core'

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The axe tags that make WCAG 2.1 level A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Where the app's content lives: its mount points, and what it (through @nextcloud/vue)
 * attaches to <body>: dialogs and modals, popovers, the option lists of selects, toasts.
 */
export const APP_CONTENT_SELECTORS = [
	'#pilotfeedback',
	'#content-vue',
	'#pilotfeedback-admin',
	'.modal-mask',
	'[role="dialog"]',
	'.v-popper__popper',
	'.vs__dropdown-menu',
	'.toastify',
]

/** Aria attributes whose value is one id or a list of ids. */
const ID_REFERENCE_ATTRIBUTES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-errormessage', 'aria-details', 'aria-flowto']

/** One problem found on a page, in words a failing test can print. */
export interface A11yFinding {
	rule: string
	impact: string
	help: string
	targets: string[]
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Puts axe into the page (once); evaluate() is not subject to Nextcloud's CSP, a <script> would be. */
async function injectAxe(page: Page): Promise<void> {
	const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
	if (!present) {
		await page.evaluate(`${axeSource}\n;void 0`)
	}
}

/**
 * Runs axe (WCAG 2.1 A + AA, and the duplicate-id rules) over the app's content on the page.
 *
 * @param page the page in the state to check
 */
export async function axeFindings(page: Page): Promise<A11yFinding[]> {
	await injectAxe(page)
	return page.evaluate(async ({ selectors, tags }) => {
		type AxeResult = { id: string, impact: string | null, help: string, nodes: { target: unknown[], html: string, failureSummary?: string }[] }
		const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeResult[] }>, getRules: () => { ruleId: string }[] } }).axe
		const include = selectors.filter((selector) => document.querySelector(selector) !== null).map((selector) => [selector])
		if (include.length === 0) {
			return [{ rule: 'app-content', impact: 'critical', help: 'None of the app\'s containers is on the page', targets: selectors }]
		}
		const known = new Set(axe.getRules().map((rule) => rule.ruleId))
		const extra = ['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria'].filter((rule) => known.has(rule))
		const { violations } = await axe.run({ include }, {
			runOnly: { type: 'tag', values: tags },
			rules: Object.fromEntries(extra.map((rule) => [rule, { enabled: true }])),
			resultTypes: ['violations'],
		})
		// runOnly by tag leaves out rules without those tags; run the duplicate-id rules too.
		const more = extra.length === 0
			? { violations: [] as AxeResult[] }
			: await axe.run({ include }, { runOnly: { type: 'rule', values: extra }, resultTypes: ['violations'] })
		const byRule = new Map([...violations, ...more.violations].map((violation) => [violation.id, violation]))
		return [...byRule.values()]
			.map((violation) => ({
				rule: violation.id,
				impact: violation.impact ?? '',
				help: violation.help,
				targets: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.html.slice(0, 160)} ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
			}))
	}, { selectors: APP_CONTENT_SELECTORS, tags: WCAG_TAGS })
}

/**
 * DOM checks over the app's content: every id is unique in the document, every aria
 * attribute that references ids names elements that exist, and no main landmark is nested
 * in another.
 *
 * @param page the page in the state to check
 */
export async function idFindings(page: Page): Promise<A11yFinding[]> {
	return page.evaluate(({ selectors, attributes }) => {
		const roots = selectors.flatMap((selector) => [...document.querySelectorAll(selector)])
		const elements = new Set<Element>()
		for (const root of roots) {
			elements.add(root)
			root.querySelectorAll('*').forEach((element) => elements.add(element))
		}
		const describe = (element: Element): string => {
			const id = element.id ? `#${element.id}` : ''
			const classes = [...element.classList].slice(0, 2).map((c) => `.${c}`).join('')
			return `${element.tagName.toLowerCase()}${id}${classes}`
		}
		const findings: { rule: string, impact: string, help: string, targets: string[] }[] = []
		const duplicates = new Map<string, string[]>()
		for (const element of elements) {
			if (element.id !== '' && document.querySelectorAll(`[id="${CSS.escape(element.id)}"]`).length > 1) {
				duplicates.set(element.id, [...document.querySelectorAll(`[id="${CSS.escape(element.id)}"]`)].map(describe))
			}
		}
		for (const [id, where] of duplicates) {
			findings.push({ rule: 'dom-duplicate-id', impact: 'serious', help: `The id "${id}" is used ${where.length} times`, targets: where })
		}
		for (const element of elements) {
			for (const attribute of attributes) {
				const value = element.getAttribute(attribute)
				if (value === null) {
					continue
				}
				const missing = value.split(/\s+/).filter((id) => id !== '' && document.getElementById(id) === null)
				if (missing.length > 0) {
					findings.push({ rule: 'dom-aria-missing-id', impact: 'serious', help: `${attribute} references missing id(s) ${missing.join(', ')}`, targets: [describe(element)] })
				}
			}
		}
		// A page has one main landmark; Nextcloud's NcAppContent is it, a view must not add another.
		for (const element of elements) {
			if (element.matches('main, [role="main"]') && element.parentElement?.closest('main, [role="main"]')) {
				findings.push({ rule: 'dom-nested-main', impact: 'moderate', help: 'A main landmark inside another main landmark', targets: [describe(element)] })
			}
		}
		return findings
	}, { selectors: APP_CONTENT_SELECTORS, attributes: ID_REFERENCE_ATTRIBUTES })
}

/**
 * Everything the accessibility sweep checks on the page as it is now.
 *
 * @param page the page in the state to check
 */
export async function accessibilityFindings(page: Page): Promise<A11yFinding[]> {
	// A dialog that is still fading in has blended colours that fail the contrast check: wait
	// two frames (a transition starts only in the frame after the element appears), then until
	// every finite CSS animation and transition has finished (spinners loop forever) and every
	// dialog and its backdrop are fully opaque.
	await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
	await page.waitForFunction(() => document.getAnimations()
		.every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)
		&& [...document.querySelectorAll('[role="dialog"], .modal-mask, .modal-wrapper')]
			.filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
			.every((element) => getComputedStyle(element).opacity === '1'))
	return [...await axeFindings(page), ...await idFindings(page)]
}

/** The findings as readable lines, for a failing test's message. */
export function formatFindings(findings: A11yFinding[]): string {
	return findings.map((f) => `${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.slice(0, 5).join('\n    ')}${f.targets.length > 5 ? `\n    … ${f.targets.length - 5} more` : ''}`).join('\n')
}
