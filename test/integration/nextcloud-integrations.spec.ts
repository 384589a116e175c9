/**
 * The app inside Nextcloud (issue 9), tested through Nextcloud's own endpoints: notifications,
 * activity, unified search, link previews and the dashboard. For each, a BSH tester gets
 * nothing about an RKI security finding. Deleting a user keeps every figure; the export
 * names every record.
 *
 * The checks that need occ (background jobs, the export command) run when
 * NEXTCLOUD_SERVER_DIR names the server (scripts/test-integration.sh sets it).
 */
import type { Item, Login, Period, Seed } from './setup/fixtures.ts'

import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL } from './setup/client.ts'
import { api, call, createItem, expectApi, freshPeriod, seed, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'
import { indexPhp } from './setup/links.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

/** Runs occ on the server under test and returns its exit code and output. */
function occ(...args: string[]): { status: number, stdout: string, stderr: string } {
	const result = spawnSync('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8' })
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

interface Notification { notification_id: number, app: string, subject: string, link: string, object_type: string, object_id: string, subjectRich: string, subjectRichParameters: Record<string, { name: string }> }
interface Activity { activity_id: number, app: string, subject: string, link: string, object_type: string, object_id: number }
interface SearchResult { entries: { title: string, subline: string, resourceUrl: string }[], cursor: number | string | null, isPaginated: boolean }
interface WidgetItem { title: string, subtitle: string, link: string }

async function notifications(login: Login): Promise<Notification[]> {
	const response = await call<Notification[]>(login, 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
	expect(response.status, response.text).toBe(200)
	return response.data.filter((n) => n.app === 'pilotfeedback')
}

/** The user's activity entries of the app, or with an object filter those about one item (the item sidebar's query). */
async function activities(login: Login, itemId?: number): Promise<Activity[]> {
	const path = itemId === undefined
		? '/ocs/v2.php/apps/activity/api/v2/activity/pilotfeedback?limit=200'
		: `/ocs/v2.php/apps/activity/api/v2/activity/filter?limit=200&object_type=pilotfeedback_item&object_id=${itemId}`
	const response = await call<Activity[]>(login, 'GET', path)
	// 304: nothing to show
	if (response.status === 304) {
		return []
	}
	expect(response.status, response.text).toBe(200)
	return response.data
}

async function search(login: Login, term: string, extra = ''): Promise<SearchResult> {
	const response = await call<SearchResult>(login, 'GET', `/ocs/v2.php/search/providers/pilotfeedback-items/search?term=${encodeURIComponent(term)}${extra}`)
	expect(response.status, response.text.slice(0, 300)).toBe(200)
	return response.data
}

async function resolve(login: Login, url: string): Promise<any> {
	const response = await call<{ references: Record<string, any> }>(login, 'GET', `/ocs/v2.php/references/resolve?reference=${encodeURIComponent(url)}`)
	expect(response.status, response.text.slice(0, 300)).toBe(200)
	return response.data.references[url]
}

async function widget(login: Login, id: string): Promise<WidgetItem[] | undefined> {
	const response = await call<Record<string, { items: WidgetItem[] }>>(login, 'GET', `/ocs/v2.php/apps/dashboard/api/v2/widget-items?widgets[]=${id}&limit=30`)
	expect(response.status, response.text.slice(0, 300)).toBe(200)
	return response.data[id]?.items
}

/** The app's URL of an item, as people paste it (with index.php, which works on every server). */
function itemUrl(id: number): string {
	return `${NEXTCLOUD_URL}/index.php/apps/pilotfeedback/items/${id}`
}

/** The same without index.php, as pasted from a server with pretty URLs. */
function prettyItemUrl(id: number): string {
	return `${NEXTCLOUD_URL}/apps/pilotfeedback/items/${id}`
}

/** "/index.php" or "": the form the server writes its own links in (see setup/links.ts). */
let index = '/index.php'

/** The item's URL as the server writes it (search results, dashboard links). */
function linkOf(id: number): string {
	return `${NEXTCLOUD_URL}${index}/apps/pilotfeedback/items/${id}`
}

let s: Seed
let secretWord: string
let publicWord: string
let secret: Item
let publicItem: Item

beforeAll(async () => {
	index = await indexPhp()
	s = await seed()
	secretWord = `zqhidden${uid()}`
	publicWord = `zqshared${uid()}`
	const pilot = s.activePilots[0]
	secret = await createItem('rki-tester1', s, { type: 'security', title: `Session cookie leaks ${secretWord}`, body: `Details ${secretWord}`, priority: 'critical', componentId: pilot.componentIds[0] })
	publicItem = await createItem('rki-tester1', s, { type: 'defect', title: `Upload stalls ${publicWord}`, body: `Body ${publicWord}`, priority: 'high' })
	await expectApi(200, 'bsh-tester1', 'POST', `/items/${publicItem.id}/support`)
	await expectApi(200, 'rki-coord', 'POST', `/items/${secret.id}/support`)
	for (const item of [secret, publicItem]) {
		await expectApi(200, 'bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'in_review' }))
		await expectApi(201, 'bmi', 'POST', `/items/${item.id}/comments`, { message: `A question ${uid()}` })
	}
})

describe('notifications (notifications app OCS API)', () => {
	it('tell the reporter of status changes and comments, linking to the item', async () => {
		const mine = await notifications('rki-tester1')
		for (const item of [secret, publicItem]) {
			const about = mine.filter((n) => n.object_type === 'item' && n.object_id === String(item.id))
			expect(about.map((n) => n.subjectRich).sort()).toEqual(['{actor} changed the status of {item} to "In review".', '{actor} commented on {item}.'])
			for (const n of about) {
				expect(n.link).toMatch(new RegExp(`/apps/pilotfeedback/items/${item.id}$`))
				expect(n.subject).toContain(item.title)
			}
		}
	})

	it('tell the supporters of status changes, not of comments, and never the actor', async () => {
		const bsh = await notifications('bsh-tester1')
		// By type and id: a period's notification may carry the same number as an item.
		const about = bsh.filter((n) => n.object_type === 'item' && n.object_id === String(publicItem.id))
		expect(about.map((n) => n.subjectRich)).toEqual(['{actor} changed the status of {item} to "In review".'])
		const coord = await notifications('rki-coord')
		expect(coord.filter((n) => n.object_type === 'item' && n.object_id === String(secret.id)).map((n) => n.subjectRich)).toEqual(['{actor} changed the status of {item} to "In review".'])
		expect((await notifications('bmi')).filter((n) => n.object_type === 'item' && [secret.id, publicItem.id].map(String).includes(n.object_id))).toEqual([])
	})

	it('give a BSH tester nothing about an RKI security finding', async () => {
		for (const login of ['bsh-tester1', 'bsh-tester2', 'bsh-coord', 'rki-tester2'] as const) {
			const list = await notifications(login)
			expect(JSON.stringify(list), login).not.toContain(secretWord)
			expect(list.filter((n) => n.object_type === 'item' && n.object_id === String(secret.id)), login).toEqual([])
		}
	})

	it('can be switched off per kind, and bad settings are refused with 400', async () => {
		const before = await expectApi<Record<string, boolean>>(200, 'bsh-tester1', 'GET', '/me/notifications')
		expect(before).toEqual({ status_changed: true, merged: true, commented: true, rating_reminder: true, release_missing: true, released: true })
		try {
			expect(await expectApi(200, 'bsh-tester1', 'PUT', '/me/notifications', { settings: { status_changed: false } })).toMatchObject({ status_changed: false, commented: true })
			const count = (await notifications('bsh-tester1')).length
			await expectApi(200, 'bmi', 'PUT', `/items/${publicItem.id}/status`, await withVersion(publicItem.id, { status: 'accepted' }))
			expect((await notifications('bsh-tester1')).length).toBe(count)
			// the reporter still gets it
			expect((await notifications('rki-tester1')).some((n) => n.object_type === 'item' && n.object_id === String(publicItem.id) && n.subject.includes('Accepted'))).toBe(true)
		} finally {
			await expectApi(200, 'bsh-tester1', 'PUT', '/me/notifications', { settings: { status_changed: true } })
		}
		expect((await api('bsh-tester1', 'PUT', '/me/notifications', { settings: { everything: false } })).status).toBe(400)
		expect((await api('bsh-tester1', 'PUT', '/me/notifications', { settings: { commented: 'no' } })).status).toBe(400)
		expect((await api('bsh-tester1', 'PUT', '/me/notifications', { settings: 'off' })).status).toBe(400)
		expect(await expectApi(200, 'bsh-tester1', 'GET', '/me/notifications')).toEqual(before)
	})

	it('are removed when shown to someone who may no longer see the item', async () => {
		// The RKI coordinator loses the role: the notification about the security finding disappears.
		const org = (await expectApi<{ id: number, name: string, shortName: string, groupIds: string[], coordinatorIds: string[], pilotIds: number[] }[]>(200, 'admin', 'GET', '/organisations')).find((o) => o.id === s.rki.id)!
		expect((await notifications('rki-coord')).some((n) => n.object_type === 'item' && n.object_id === String(secret.id))).toBe(true)
		await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, { ...org, coordinatorIds: org.coordinatorIds.filter((c) => c !== 'rki-coord') })
		try {
			expect((await notifications('rki-coord')).some((n) => n.object_type === 'item' && n.object_id === String(secret.id))).toBe(false)
		} finally {
			await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, org)
		}
	})

	it('tell the consolidators of a release, and the coordinators of a period closed without theirs', async () => {
		const period = await freshPeriod()
		try {
			await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
			const released = (await notifications('bmi')).filter((n) => n.object_type === 'period' && n.object_id === String(period.id))
			expect(released.map((n) => n.subject)).toEqual([`${s.rki.name} released its feedback for ${period.month}.`])
			expect(released[0].link).toMatch(/\/apps\/pilotfeedback\/consolidation$/)
			await setPeriodStatus(period.id, 'closed')
			const bsh = (await notifications('bsh-coord')).filter((n) => n.object_type === 'period' && n.object_id === String(period.id))
			expect(bsh.map((n) => n.subject)).toEqual([`The period ${period.month} was closed without a release of ${s.bsh.name}.`])
			expect(bsh[0].link).toMatch(/\/apps\/pilotfeedback\/coordination$/)
			expect((await notifications('rki-coord')).filter((n) => n.object_type === 'period' && n.object_id === String(period.id))).toEqual([])
			expect((await notifications('bsh-tester1')).filter((n) => n.object_type === 'period' && n.object_id === String(period.id))).toEqual([])
		} finally {
			await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
		}
	})

	it.skipIf(SERVER_DIR === '')('remind testers who have not rated everything, days before the period ends (background job)', async () => {
		const user = `pf-remind-${uid()}`
		const password = `Pf-${uid()}-${uid()}-Aa1!`
		expect((await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: user, password, groups: s.rki.groupIds })).status).toBe(200)
		const login = { user, password }
		try {
			// a period's month always ends at most 31 days ahead
			expect((await api('admin', 'PUT', '/settings/integrations', { reminderDays: 99 })).status).toBe(400)
			await expectApi(200, 'admin', 'PUT', '/settings/integrations', { reminderDays: 31 })
			occ('config:app:delete', 'pilotfeedback', `reminded_period_${s.openPeriod.id}`)
			const jobs = JSON.parse(occ('background-job:list', '--class=OCA\\PilotFeedback\\BackgroundJob\\RatingReminderJob', '--output=json').stdout) as { id: number }[]
			expect(jobs.length).toBe(1)
			const run = occ('background-job:execute', String(jobs[0].id), '--force-execute')
			expect(run.status, run.stdout + run.stderr).toBe(0)
			const reminders = (await notifications(login)).filter((n) => n.object_type === 'period' && n.object_id === String(s.openPeriod.id))
			expect(reminders.length).toBe(1)
			expect(reminders[0].subject).toMatch(new RegExp(`^Please rate the components for ${s.openPeriod.month}: the period closes on ${s.openPeriod.month}-\\d\\d\\.$`))
			expect(reminders[0].link).toMatch(/\/apps\/pilotfeedback\/rate$/)
			// bmi rates nothing: not a tester
			expect((await notifications('bmi')).filter((n) => n.object_type === 'period' && n.object_id === String(s.openPeriod.id))).toEqual([])
		} finally {
			await api('admin', 'PUT', '/settings/integrations', { reminderDays: 3 })
			await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${user}`)
		}
	})
})

describe('activity (activity app API)', () => {
	it('shows the reporter what happened to their items, linking to them', async () => {
		const entries = await activities('rki-tester1')
		for (const item of [secret, publicItem]) {
			const about = entries.filter((a) => a.object_type === 'pilotfeedback_item' && a.object_id === item.id)
			expect(about.map((a) => a.subject)).toEqual(expect.arrayContaining([
				`RKI Tester 1 filed ${item.title}`,
				`BMI Konsolidierung changed the status of ${item.title} to "In review"`,
				`BMI Konsolidierung commented on ${item.title}`,
			]))
			expect(about.every((a) => a.link.endsWith(`/apps/pilotfeedback/items/${item.id}`))).toBe(true)
		}
	})

	it('per item, for the item\'s sidebar', async () => {
		const entries = await activities('bmi', secret.id)
		expect(entries.length).toBeGreaterThanOrEqual(3)
		expect(entries.every((a) => a.object_id === secret.id)).toBe(true)
	})

	it('gives a BSH tester nothing about an RKI security finding', async () => {
		const entries = await activities('bsh-tester1')
		expect(entries.some((a) => a.object_id === publicItem.id)).toBe(true)
		for (const login of ['bsh-tester1', 'bsh-coord', 'rki-tester2'] as const) {
			const list = await activities(login)
			expect(JSON.stringify(list), login).not.toContain(secretWord)
			expect(list.filter((a) => a.object_type === 'pilotfeedback_item' && a.object_id === secret.id), login).toEqual([])
			const filtered = await activities(login, secret.id)
			expect(filtered, login).toEqual([])
		}
	})
})

describe('activity of reports', () => {
	it('tells the requester that a report was made, linking to the file, and nobody else', async () => {
		const period = (await expectApi<Period[]>(200, 'admin', 'GET', '/periods'))[0]!
		const report = await expectApi<{ id: number, status: string, fileId: number, fileName: string }>(200, 'bmi', 'POST', '/reports', { type: 'monthly', fileFormat: 'odt', pilotId: null, month: period.month, language: 'en' })
		expect(report.status).toBe('done')
		const mine = (await activities('bmi')).filter((a) => a.object_type === 'pilotfeedback_report' && a.object_id === report.id)
		expect(mine.map((a) => a.subject)).toEqual([`BMI Konsolidierung made the report ${report.fileName}`])
		expect(mine[0]!.link).toMatch(new RegExp(`/f/${report.fileId}$`))
		// Others get no entry of this report (other suites may have made reports of their own).
		for (const login of ['rki-coord', 'bsh-tester1'] as const) {
			const theirs = (await activities(login)).filter((a) => a.object_type === 'pilotfeedback_report')
			expect(theirs.filter((a) => a.object_id === report.id), login).toEqual([])
			expect(theirs.every((a) => a.subject.startsWith(login === 'rki-coord' ? 'RKI' : 'BSH')), login).toBe(true)
		}
	})
})

describe('unified search (/ocs/v2.php/search/providers/pilotfeedback-items/search)', () => {
	it('finds items by title and by text', async () => {
		expect((await search('bsh-tester1', publicWord)).entries.map((e) => e.resourceUrl)).toEqual([linkOf(publicItem.id)])
		expect((await search('bsh-tester1', `Body ${publicWord}`)).entries.map((e) => e.title)).toEqual([publicItem.title])
		expect((await search('rki-tester1', secretWord)).entries.map((e) => e.title)).toEqual([secret.title])
		expect((await search('bmi', `Details ${secretWord}`)).entries.map((e) => e.title)).toEqual([secret.title])
	})

	it('gives a BSH tester nothing about an RKI security finding', async () => {
		for (const login of ['bsh-tester1', 'bsh-coord', 'rki-tester2'] as const) {
			for (const term of [secretWord, 'Session cookie leaks', `Details ${secretWord}`]) {
				const result = await search(login, term)
				expect(JSON.stringify(result), `${login}: ${term}`).not.toContain(secretWord)
				expect(result.entries.map((e) => e.resourceUrl)).not.toContain(linkOf(secret.id))
			}
		}
	})

	it('pages with a cursor', async () => {
		const word = `zqpage${uid()}`
		const ids: number[] = []
		for (let i = 0; i < 3; i++) {
			ids.push((await createItem('bsh-tester2', s, { title: `Paged ${word} ${i}` })).id)
		}
		const first = await search('rki-tester1', word, '&limit=2')
		expect(first.isPaginated).toBe(true)
		expect(first.entries.length).toBe(2)
		const second = await search('rki-tester1', word, `&limit=2&cursor=${first.cursor}`)
		expect(second.entries.length).toBe(1)
		const seen = [...first.entries, ...second.entries].map((e) => Number(e.resourceUrl.split('/').pop()))
		expect(seen.sort()).toEqual(ids.sort())
	})

	it('answers a term of 10 000 characters with nothing, not an error', async () => {
		const term = 'a'.repeat(10_000)
		const response = await call<SearchResult>('rki-tester1', 'GET', `/ocs/v2.php/search/providers/pilotfeedback-items/search?term=${term}`)
		// A web server in front may refuse so long a request line before Nextcloud sees it: nginx
		// with its default large_client_header_buffers (4 8k), as in Nextcloud's documented
		// configuration, answers 414. Never a server error, and when it gets through, nothing found.
		if (response.status === 414) {
			expect(response.text).not.toMatch(/pilotfeedback|Exception/i)
		} else {
			expect(response.status, response.text.slice(0, 300)).toBe(200)
			expect(response.data.entries).toEqual([])
		}
		const withPercent = await search('rki-tester1', '%')
		expect(Array.isArray(withPercent.entries)).toBe(true)
	})

	it('finds nothing for someone in no organisation', async () => {
		expect((await search('admin', publicWord)).entries).toEqual([])
	})
})

describe('link previews (/ocs/v2.php/references/resolve)', () => {
	it('show title, type, priority, status and supporters to those who may see the item', async () => {
		const preview = await resolve('bsh-tester1', itemUrl(publicItem.id))
		expect(preview.openGraphObject.name).toBe(publicItem.title)
		expect(preview.openGraphObject.description).toBe('Defect · High · Accepted · 1 supporter')
		expect(preview.richObject).toMatchObject({ id: publicItem.id, title: publicItem.title, type: 'defect', status: 'accepted', supportCount: 1 })
		expect((await resolve('rki-coord', itemUrl(secret.id))).richObject.title).toBe(secret.title)
		expect((await resolve('rki-tester1', `${NEXTCLOUD_URL}/index.php/apps/pilotfeedback/#/items/${secret.id}`)).richObject.id).toBe(secret.id)
	})

	it('show the same for the URL without index.php (a server with pretty URLs) and link to the item as the server writes it', async () => {
		const preview = await resolve('bsh-tester1', prettyItemUrl(publicItem.id))
		expect(preview.richObjectType).toBe('pilotfeedback-item')
		expect(preview.richObject).toMatchObject({ id: publicItem.id, title: publicItem.title, url: linkOf(publicItem.id) })
		expect(await resolve('bsh-tester1', prettyItemUrl(secret.id))).toBeNull()
	})

	it('show nothing of an RKI security finding to a BSH tester', async () => {
		for (const login of ['bsh-tester1', 'bsh-coord', 'rki-tester2'] as const) {
			expect(await resolve(login, itemUrl(secret.id)), login).toBeNull()
		}
	})

	it('show nothing for an unknown id', async () => {
		expect(await resolve('bmi', itemUrl(987_654_321))).toBeNull()
	})

	it('follow changes of the item', async () => {
		expect((await resolve('bmi', itemUrl(publicItem.id))).richObject.status).toBe('accepted')
		await expectApi(200, 'bmi', 'PUT', `/items/${publicItem.id}/status`, await withVersion(publicItem.id, { status: 'forwarded' }))
		expect((await resolve('bmi', itemUrl(publicItem.id))).richObject.status).toBe('forwarded')
	})
})

describe('dashboard (/ocs/v2.php/apps/dashboard/api/v2/widget-items)', () => {
	it('shows a tester the components still unrated in the open period and their own items', async () => {
		const items = (await widget('rki-tester1', 'pilotfeedback-tester'))!
		const sheet = await expectApi<{ pilots: { id: number, componentIds: number[], locked: boolean }[], components: { id: number, name: string }[], assessments: { pilotId: number, componentId: number, rated: boolean }[] }>(200, 'rki-tester1', 'GET', '/ratings')
		// As the start page (GET /month) counts them: each component in each pilot; a comment alone is no rating; what the organisation released is no longer to rate.
		const done = new Set(sheet.assessments.filter((a) => a.rated).map((a) => `${a.pilotId}:${a.componentId}`))
		const unrated = sheet.pilots.filter((p) => !p.locked).flatMap((p) => p.componentIds.filter((id) => !done.has(`${p.id}:${id}`)).map((id) => ({ pilotId: p.id, id, name: sheet.components.find((c) => c.id === id)?.name ?? '' })))
		const shownUnrated = items.filter((i) => i.subtitle.startsWith(`Not rated yet for ${s.openPeriod.month}`))
		expect(shownUnrated.length).toBe(Math.min(unrated.length, 15))
		// Each opens the rating sheet on its component in its pilot.
		expect(shownUnrated.every((i) => unrated.some((c) => i.title.startsWith(c.name) && i.link.endsWith(`/apps/pilotfeedback/rate?component=${c.id}&pilot=${c.pilotId}`)))).toBe(true)
		expect(items.map((i) => i.link)).toEqual(expect.arrayContaining([linkOf(secret.id), linkOf(publicItem.id)]))
	})

	it('shows consolidators the open critical and high items', async () => {
		const items = (await widget('bmi', 'pilotfeedback-consolidator'))!
		expect(items.map((i) => i.link)).toContain(linkOf(secret.id))
		expect(await widget('bmi', 'pilotfeedback-tester')).toBeUndefined()
		expect(await widget('bsh-tester1', 'pilotfeedback-consolidator')).toBeUndefined()
	})

	it('gives a BSH tester nothing about an RKI security finding', async () => {
		for (const login of ['bsh-tester1', 'bsh-coord', 'rki-tester2'] as const) {
			const items = await widget(login, 'pilotfeedback-tester')
			expect(items, login).toBeDefined()
			expect(JSON.stringify(items), login).not.toContain(secretWord)
			expect(items!.map((i) => i.link), login).not.toContain(linkOf(secret.id))
		}
	})
})

describe('a deleted user', () => {
	let period: Period
	const user = `pf-leaver-${uid()}`
	const password = `Pf-${uid()}-${uid()}-Aa1!`
	let filed: Item

	beforeAll(async () => {
		period = await freshPeriod()
		expect((await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: user, password, groups: s.rki.groupIds })).status).toBe(200)
		const pilot = s.activePilots[0]
		for (const [i, componentId] of pilot.componentIds.entries()) {
			await expectApi(200, { user, password }, 'PUT', `/ratings/${period.id}/${componentId}`, {
				overall: 1 + i,
				comment: 'leaver',
				scores: s.criteria.slice(0, 2).map((c, j) => ({ criterionId: c.id, score: 1 + ((i + j) % 5) })),
			})
			await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${componentId}`, { overall: 5, comment: 'stayer', scores: [] })
		}
		filed = await createItem({ user, password }, s, { title: `Leaver's item ${uid()}` })
		await expectApi(200, { user, password }, 'POST', `/items/${publicItem.id}/support`)
		await expectApi(201, { user, password }, 'POST', `/items/${filed.id}/comments`, { message: 'my own comment' })
		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
	})

	afterAll(async () => {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	})

	it.skipIf(SERVER_DIR === '')('can have every record exported as JSON (occ pilotfeedback:user:export)', () => {
		const run = occ('pilotfeedback:user:export', user)
		expect(run.status, run.stderr).toBe(0)
		const data = JSON.parse(run.stdout)
		expect(data.user.userId).toBe(user)
		expect(data.items.map((i: { id: number }) => Number(i.id))).toEqual([filed.id])
		expect(data.assessments.length).toBe(s.activePilots[0].componentIds.length)
		expect(data.scores.length).toBe(2 * s.activePilots[0].componentIds.length)
		expect(data.supports.map((x: { item_id: number }) => Number(x.item_id))).toEqual([publicItem.id])
		expect(data.comments.map((c: { itemId: number, message: string }) => [c.itemId, c.message])).toEqual([[filed.id, 'my own comment']])
		expect(data.history.some((h: { item_id: number, field: string }) => Number(h.item_id) === filed.id && h.field === 'created')).toBe(true)

		const unknown = occ('pilotfeedback:user:export', `nobody-${uid()}`)
		expect(unknown.status).not.toBe(0)
		expect(unknown.stderr + unknown.stdout).toMatch(/There is no user "nobody-/)
	})

	it('leaves every consolidated figure unchanged, under a stable pseudonym', async () => {
		const pilotId = s.activePilots[0].id
		const queries = [
			`/consolidation/results?pilotId=${pilotId}&month=${period.month}`,
			`/consolidation/results?pilotId=${pilotId}&month=${period.month}&releasedOnly=1`,
			`/consolidation/trend?pilotId=${pilotId}&from=${period.month}&to=${period.month}`,
			`/consolidation/items?pilotId=${pilotId}&from=${period.month}&to=${period.month}`,
			// testers included: the deleted tester rated this month, so still counts as one
			`/consolidation/participation?pilotId=${pilotId}&from=${period.month}&to=${period.month}`,
			// and the current month, in which they did not rate: still one of RKI's testers
			`/consolidation/participation?pilotId=${pilotId}&from=${s.openPeriod.month}&to=${s.openPeriod.month}`,
		]
		const before = await Promise.all(queries.map((q) => expectApi(200, 'bmi', 'GET', q)))
		const supportBefore = (await expectApi<Item>(200, 'bmi', 'GET', `/items/${publicItem.id}`)).supportCount

		const deleted = await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${encodeURIComponent(user)}`)
		expect(deleted.status, deleted.text).toBe(200)

		const after = await Promise.all(queries.map((q) => expectApi(200, 'bmi', 'GET', q)))
		expect(after).toEqual(before)

		const item = await expectApi<Item>(200, 'bmi', 'GET', `/items/${filed.id}`)
		expect(item.reporterId).toMatch(/^deleted user #\d+$/)
		const supported = await expectApi<Item>(200, 'bmi', 'GET', `/items/${publicItem.id}`)
		expect(supported.supportCount).toBe(supportBefore)
		expect(supported.supporters!.map((x) => x.userId)).toContain(item.reporterId)
		expect(JSON.stringify(supported)).not.toContain(user)
	})
})

describe('settings of the integrations', () => {
	it('are the administrator\'s: reminders 3 days ahead and no pseudonymisation by default', async () => {
		expect(await expectApi(200, 'admin', 'GET', '/settings/integrations')).toEqual({ reminderDays: 3, pseudonymiseAfterMonths: 0 })
		expect((await api('bmi', 'GET', '/settings/integrations')).status).toBe(403)
		expect((await api('admin', 'PUT', '/settings/integrations', { pseudonymiseAfterMonths: -1 })).status).toBe(400)
		expect((await api('admin', 'PUT', '/settings/integrations', { pseudonymiseAfterMonths: 'soon' })).status).toBe(400)
	})

	it.skipIf(SERVER_DIR === '')('pseudonymise the reporters of items closed long ago (background job)', async () => {
		const user = `pf-old-${uid()}`
		const password = `Pf-${uid()}-${uid()}-Aa1!`
		expect((await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: user, password, groups: s.bsh.groupIds })).status).toBe(200)
		try {
			const old = await createItem({ user, password }, s, { title: `Old ${uid()}` })
			const open = await createItem({ user, password }, s, { title: `Open ${uid()}` })
			for (const status of ['in_review', 'rejected']) {
				await expectApi(200, 'bmi', 'PUT', `/items/${old.id}/status`, await withVersion(old.id, { status }))
			}
			// Nothing happens while the setting is off (the default).
			const jobs = JSON.parse(occ('background-job:list', '--class=OCA\\PilotFeedback\\BackgroundJob\\PseudonymiseReportersJob', '--output=json').stdout) as { id: number }[]
			expect(jobs.length).toBe(1)
			occ('background-job:execute', String(jobs[0].id), '--force-execute')
			expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${old.id}`)).reporterId).toBe(user)
			// The item was closed "long ago": one month, with the clock of the item set back.
			await expectApi(200, 'admin', 'PUT', '/settings/integrations', { pseudonymiseAfterMonths: 1 })
			setUpdatedAt(old.id, 86400)
			occ('background-job:execute', String(jobs[0].id), '--force-execute')
			expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${old.id}`)).reporterId).toMatch(/^reporter #\d+$/)
			expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${open.id}`)).reporterId).toBe(user)
		} finally {
			await api('admin', 'PUT', '/settings/integrations', { pseudonymiseAfterMonths: 0 })
			await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${user}`)
		}
	})
})

/** Sets an item's last change to the given Unix time, straight in the database (through occ's PHP). */
function setUpdatedAt(itemId: number, time: number): void {
	const code = `require '${SERVER_DIR}/lib/base.php'; $qb = \\OCP\\Server::get(\\OCP\\IDBConnection::class)->getQueryBuilder(); $qb->update('pf_items')->set('updated_at', $qb->createNamedParameter(${time}))->where($qb->expr()->eq('id', $qb->createNamedParameter(${itemId})))->executeStatement();`
	execFileSync('php', ['-r', code], { cwd: SERVER_DIR, stdio: 'inherit' })
}

describe('summaries (TaskProcessing core:text2text:summary)', () => {
	it('do not exist without a summary provider: nothing to offer, requests refused', async () => {
		const providers = await call<{ types: Record<string, unknown> }>('bmi', 'GET', '/ocs/v2.php/taskprocessing/tasktypes')
		expect(providers.status, providers.text.slice(0, 300)).toBe(200)
		const hasProvider = Object.keys(providers.data.types).includes('core:text2text:summary')
		expect(await expectApi(200, 'bmi', 'GET', '/summaries/available')).toEqual({ available: hasProvider })
		expect(await expectApi(200, 'rki-tester1', 'GET', '/summaries/available')).toEqual({ available: false })
		expect((await api('rki-tester1', 'POST', '/summaries', { componentId: s.activePilots[0].componentIds[0], periodId: s.openPeriod.id })).status).toBe(403)
		if (!hasProvider) {
			const refused = await api('bmi', 'POST', '/summaries', { componentId: s.activePilots[0].componentIds[0], periodId: s.openPeriod.id })
			expect(refused.status).toBe(404)
			expect(refused.data.message).toMatch(/No summary provider/)
			expect((await api('bmi', 'GET', '/summaries/1')).status).toBe(404)
		}
		expect((await api('bmi', 'POST', '/summaries', {})).status).toBe(400)
	})

	describe('with a provider (the fixture app pf_test_summary, which echoes its input)', () => {
		const appDir = `${SERVER_DIR}/custom_apps/pf_test_summary`
		let period: Period

		beforeAll(async () => {
			if (SERVER_DIR === '') {
				return
			}
			cpSync(new URL('../fixtures/apps/pf_test_summary', import.meta.url), appDir, { recursive: true })
			const enabled = occ('app:enable', 'pf_test_summary')
			expect(enabled.status, enabled.stdout + enabled.stderr).toBe(0)
			period = await freshPeriod()
		})

		afterAll(async () => {
			if (SERVER_DIR === '') {
				return
			}
			occ('app:disable', 'pf_test_summary')
			rmSync(appDir, { recursive: true, force: true })
			if (period !== undefined) {
				await setPeriodStatus(period.id, 'closed')
			}
		})

		it.skipIf(SERVER_DIR === '')('summarise the rated comments of one component and period, for consolidators only, marked as machine-made', async () => {
			const [componentId, otherId] = s.activePilots[0].componentIds
			const word = uid()
			const rate = (user: 'rki-tester1' | 'bsh-tester1' | 'rki-tester2' | 'bsh-tester2', component: number, comment: string, overall: number | null) => expectApi(200, user, 'PUT', `/ratings/${period.id}/${component}`, { overall, comment, scores: [] })
			await rate('rki-tester1', componentId!, `alpha ${word} from RKI`, 4)
			await rate('bsh-tester1', componentId!, `beta ${word} from BSH`, 2)
			await rate('rki-tester2', otherId!, `gamma ${word} about another component`, 3)
			// A comment without a score is a draft: not summarised.
			await rate('bsh-tester2', componentId!, `delta ${word} draft`, null)

			expect(await expectApi(200, 'bmi', 'GET', '/summaries/available')).toEqual({ available: true })
			expect(await expectApi(200, 'rki-coord', 'GET', '/summaries/available')).toEqual({ available: false })
			expect((await api('rki-coord', 'POST', '/summaries', { componentId, periodId: period.id })).status).toBe(403)

			const asked = await expectApi<{ id: number, status: string, text: string | null, machineGenerated: boolean }>(201, 'bmi', 'POST', '/summaries', { componentId, periodId: period.id })
			expect(asked.machineGenerated).toBe(true)
			// Nextcloud's worker runs the queued summary tasks one by one (older ones first).
			type Summary = { id: number, status: string, text: string | null, machineGenerated: boolean }
			let done: Summary = asked
			for (let round = 0; round < 10 && done.status !== 'successful' && done.status !== 'failed'; round++) {
				const worker = occ('taskprocessing:worker', '--once', '--taskTypes=core:text2text:summary')
				expect(worker.status, worker.stdout + worker.stderr).toBe(0)
				done = await expectApi<Summary>(200, 'bmi', 'GET', `/summaries/${asked.id}`)
			}
			expect(done.status).toBe('successful')
			expect(done.machineGenerated).toBe(true)
			expect(done.text).toContain(`alpha ${word} from RKI`)
			expect(done.text).toContain(`beta ${word} from BSH`)
			expect(done.text).not.toContain('gamma')
			expect(done.text).not.toContain('delta')
			// Nobody else reads the consolidator's summary.
			expect((await api('rki-coord', 'GET', `/summaries/${asked.id}`)).status).toBe(403)
		})
	})
})
