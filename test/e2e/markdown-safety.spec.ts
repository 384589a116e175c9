/**
 * Item texts and comments are Markdown and nothing more (issue 18): an RKI tester files a
 * defect whose text and comment carry raw HTML meant to take over the page of whoever
 * reads it (a fake "session expired" overlay, a password form, an element that clobbers
 * the page's #content, images and links to a foreign host); a BSH tester opens the item
 * in Chromium and sees the HTML as text, the Markdown rendered, and the page under
 * Nextcloud's own Content-Security-Policy.
 */
import type { Item, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'

import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL } from '../integration/setup/client.ts'
import { createItem, expectApi, seed } from '../integration/setup/fixtures.ts'
import { appUrl, escapeRegExp, openAs, screenshotIfFailed, suffix, UI_TIMEOUT, waitUntilLoaded } from './helpers.ts'

/** Raw HTML and Markdown that must not become active content for other readers */
const PAYLOADS = [
	'<div style="position:fixed;inset:0">Your session expired. <a href="https://evil.example/login">Log in again</a></div>',
	'<form action="https://evil.example"><input type="password" name="pw"><button>Go</button></form>',
	'<p id="content">x</p>',
	'![x](https://evil.example/t.png)',
	'[a](javascript:alert(1))',
	'<img src=x onerror=alert(1)>',
	'<script>alert(1)</script>',
]

/** Ordinary Markdown next to the payloads, which must still render */
const BODY = [
	'# Observed behaviour',
	'',
	'The export **stops** after the *first* page; see `export.log` and [the pilot log](https://example.org/pilot-log).',
	'',
	'## Steps',
	'',
	'1. Open the report',
	'2. Export it',
	'',
	'- affects RKI',
	'- affects BSH',
	'',
	'```',
	'let pages = 1',
	'```',
	'',
	'| Browser | Result |',
	'|---------|--------|',
	'| Firefox | fails |',
	'',
	'![Nextcloud logo](/core/img/logo/logo.svg)',
	'',
	...PAYLOADS.flatMap((payload) => [payload, '']),
].join('\n')

/** A comment with the payloads inline, one after the other, below a heading */
const COMMENT = `# Also seen here\n\n${PAYLOADS.join(' ')}`

/** The page's origin: the only one images and requests may go to */
const ORIGIN = new URL(NEXTCLOUD_URL).origin

/**
 * The policy without its per-request nonce, so that two pages' policies compare.
 *
 * @param policy the Content-Security-Policy header
 */
function withoutNonce(policy: string): string {
	return policy.replace(/'nonce-[^']*'/g, "'nonce'")
}

/**
 * The sources of one directive of a policy.
 *
 * @param policy the Content-Security-Policy header
 * @param name the directive, e.g. img-src
 */
function sources(policy: string, name: string): string[] {
	const directive = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([directiveName]) => directiveName === name)
	return directive?.slice(1) ?? []
}

describe('Markdown safety: a text cannot take over another reader\'s page', () => {
	let s: Seed
	let item: Item
	let session: Session | undefined

	beforeAll(async () => {
		s = await seed()
		// A defect is no confidential type: testers of every organisation in the pilot read it.
		item = await createItem('rki-tester1', s, { type: 'defect', title: `Export stops after one page ${suffix()}`, body: BODY })
		await expectApi(201, 'rki-tester1', 'POST', `/items/${item.id}/comments`, { message: COMMENT })
	})

	afterEach(async (context) => {
		await screenshotIfFailed(context, session)
		await session?.context.close()
		session = undefined
	})

	it('bsh-tester1 sees the raw HTML as text and the Markdown rendered', async () => {
		session = await openAs('bsh-tester1')
		const { page, dialogs } = session
		const requests: string[] = []
		page.on('request', (request) => requests.push(request.url()))

		await page.goto(appUrl(`items/${item.id}`))
		await page.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(item.title)) }).waitFor()
		await waitUntilLoaded(page)
		const text = page.locator('.markdown-text:not(.item-comments__message)')
		const comment = page.locator('.item-comments__message')
		await text.waitFor()
		await comment.waitFor({ timeout: UI_TIMEOUT })
		// Had an image kept a handler or loaded from afar, it would have by now
		await page.waitForFunction(() => [...document.images].every((image) => image.complete))

		// Nothing from the texts is positioned over the page or styled by its author
		const positioned = await page.evaluate(() => [...document.querySelectorAll('.markdown-text *')]
			.filter((element) => ['fixed', 'absolute', 'sticky'].includes(getComputedStyle(element).position))
			.map((element) => element.outerHTML.slice(0, 120)))
		expect(positioned).toEqual([])
		expect(await page.locator('.markdown-text :is([style], [id], [name], [class])').count()).toBe(0)

		// No form, password field or button of the texts; the page's #content is the page's own
		expect(await page.locator('.markdown-text :is(form, input, button, script)').count()).toBe(0)
		expect(await page.locator('form[action*="evil.example"]').count()).toBe(0)
		expect(await page.locator('input[type="password"]').count()).toBe(0)
		expect(await page.locator('[id="content"]').count()).toBe(1)

		// No image from another host, on the whole page; none was even asked for
		const foreignImages = await page.evaluate((origin) => [...document.images]
			.filter((image) => /^https?:/.test(image.src) && new URL(image.src).origin !== origin)
			.map((image) => image.src), ORIGIN)
		expect(foreignImages).toEqual([])
		expect(requests.filter((url) => url.includes('evil.example'))).toEqual([])
		const imageOrigins = await page.locator('.markdown-text img').evaluateAll((images) => images.map((image) => new URL((image as HTMLImageElement).src).origin))
		expect(imageOrigins).toEqual([ORIGIN])
		expect(await text.locator('img').getAttribute('alt')).toBe('Nextcloud logo')

		// Links only to the web, opened apart from the page
		const hrefs = await page.locator('.markdown-text a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
		expect(hrefs).toEqual(['https://example.org/pilot-log'])
		expect(await text.getByRole('link', { name: 'the pilot log' }).getAttribute('rel')).toBe('noopener noreferrer')

		// The raw HTML is there, as the text it is
		const shown = await text.innerText()
		expect(shown).toContain('<form action="https://evil.example">')
		expect(shown).toContain('Your session expired.')
		expect(await comment.innerText()).toContain('<script>alert(1)</script>')

		// The Markdown renders: headings below the item's title (h2) and below Comments (h3)
		expect(await text.locator('h3').innerText()).toBe('Observed behaviour')
		expect(await text.locator('h4').innerText()).toBe('Steps')
		expect(await comment.locator('h4').innerText()).toBe('Also seen here')
		expect(await text.locator('strong').innerText()).toBe('stops')
		expect(await text.locator('em').innerText()).toBe('first')
		expect(await text.locator('p > code').innerText()).toBe('export.log')
		expect(await text.locator('ol > li').allInnerTexts()).toEqual(['Open the report', 'Export it'])
		expect(await text.locator('ul > li').allInnerTexts()).toEqual(['affects RKI', 'affects BSH'])
		expect((await text.locator('pre > code').innerText()).trim()).toBe('let pages = 1')
		expect(await text.locator('table th').allInnerTexts()).toEqual(['Browser', 'Result'])
		expect(await text.locator('table td').allInnerTexts()).toEqual(['Firefox', 'fails'])

		expect(dialogs).toEqual([])
	})

	it('the item page is under Nextcloud\'s own Content-Security-Policy, widened by nothing', async () => {
		session = await openAs('bsh-tester1')
		const response = await session.page.goto(appUrl(`items/${item.id}`))
		const policy = (await response?.allHeaders())?.['content-security-policy'] ?? ''
		expect(policy).not.toBe('')

		// The same policy as a page of Nextcloud itself (only the nonce differs per request)
		const settings = await session.context.request.get('/index.php/settings/user')
		expect(settings.status()).toBe(200)
		expect(withoutNonce(policy)).toBe(withoutNonce(settings.headers()['content-security-policy'] ?? ''))

		// And that policy is Nextcloud's strict default: no eval, images and connections to this
		// server, and no source open to any host. (A shipped Nextcloud app allows the
		// OpenStreetMap tiles in img-src on every page; the equality above proves the app adds none.)
		expect(policy).not.toContain('unsafe-eval')
		for (const directive of ['img-src', 'connect-src']) {
			const allowed = sources(policy, directive)
			expect(allowed, directive).toContain('\'self\'')
			expect(allowed.filter((source) => source === '*' || source === 'http:' || source === 'https:'), directive).toEqual([])
		}
	})
})
