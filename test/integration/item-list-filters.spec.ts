/**
 * The item list filters (docs/api.md, "Item list filters") against a real Nextcloud: the suite
 * files items of every kind in a pilot of its own, triages some, and compares the list's total
 * and ids for each filter with what it computes itself from the items it made, for every role
 * (a security finding never shows to someone who may not see it). Then the contract with the
 * Consolidation view: for every number GET /consolidation/items returns, the list with the
 * matching filters has exactly that total.
 */
import type { Item, Login, Seed } from './setup/fixtures.ts'
import type { OwnPilot } from './setup/ownPilot.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, asGermanUser, expectApi, listAll, seed, uid, withVersion } from './setup/fixtures.ts'
import { monthFromNow, ownPilot, TO_DONE } from './setup/ownPilot.ts'

type Tester = 'rki-tester1' | 'rki-tester2' | 'bsh-tester1' | 'bsh-tester2'

/** What the suite files and does, by key. */
interface Filed {
	by: Tester
	type: string
	priority: string
	component: 0 | 1
	title: string
	body: string
	/** Consolidated priority set by bmi */
	cons?: string
	/** Status after triage */
	status?: 'rejected' | 'done' | 'in_review'
}

const tag = uid()
const FILED: Record<string, Filed> = {
	zebra: { by: 'rki-tester1', type: 'defect', priority: 'high', component: 0, title: `Zebra calendar crashes ${tag}`, body: 'Opening the week view fails.' },
	body: { by: 'rki-tester2', type: 'requirement', priority: 'low', component: 1, title: `Shared inbox ${tag}`, body: 'The ZEBRA-Kalender should show holidays.' },
	percent: { by: 'bsh-tester1', type: 'improvement', priority: 'medium', component: 0, title: `Quota 50% warning ${tag}`, body: 'Warn early.', cons: 'critical' },
	fivehundred: { by: 'bsh-tester1', type: 'improvement', priority: 'critical', component: 1, title: `Quota 500 MB ${tag}`, body: 'Raise it.', cons: 'low', status: 'in_review' },
	underscore: { by: 'bsh-tester2', type: 'defect', priority: 'medium', component: 1, title: `Name a_b breaks ${tag}`, body: 'With underscore.', status: 'rejected' },
	underscoreLike: { by: 'rki-tester1', type: 'defect', priority: 'low', component: 0, title: `Name axb works ${tag}`, body: 'Without underscore.', status: 'done' },
	rkiSecret: { by: 'rki-tester2', type: 'security', priority: 'critical', component: 0, title: `Token leak ${tag}`, body: 'Secret zebra details.' },
	bshSecret: { by: 'bsh-tester2', type: 'security', priority: 'high', component: 1, title: `Session fixation ${tag}`, body: 'Cookies.', status: 'done' },
	plain: { by: 'bsh-tester1', type: 'requirement', priority: 'high', component: 0, title: `Dark mode ${tag}`, body: 'Please.' },
}
const CLOSING = ['done', 'rejected', 'duplicate']
const LOGINS = ['bmi', 'rki-coord', 'bsh-coord', 'rki-tester1', 'bsh-tester1'] as const

let s: Seed
let own: OwnPilot
const items: Record<string, Item> = {}

const orgOf = (key: string): 'rki' | 'bsh' => FILED[key]!.by.startsWith('rki') ? 'rki' : 'bsh'
const shown = (f: Filed): string => f.cons ?? f.priority
const statusOf = (f: Filed): string => f.status ?? 'new'

/** Whether `login` may see the item: consolidator all; security only its reporter and the coordinators of its organisation. */
function visible(login: Login, key: string): boolean {
	const f = FILED[key]!
	return login === 'bmi' || f.type !== 'security' || login === f.by || login === `${orgOf(key)}-coord`
}

/** The ids of the items `login` may see that the predicate selects, computed here. */
function expected(login: Login, predicate: (f: Filed, key: string) => boolean): number[] {
	return Object.keys(FILED).filter((key) => visible(login, key) && predicate(FILED[key]!, key)).map((key) => items[key]!.id).sort((a, b) => a - b)
}

/** The list's total and ids for the filters, within the suite's pilot. */
async function list(login: Login, filters: Record<string, string | number>): Promise<{ total: number, ids: number[] }> {
	const { items: found, total } = await listAll(login, { pilotId: own.pilotId, ...filters })
	return { total, ids: found.map((item) => item.id).sort((a, b) => a - b) }
}

beforeAll(async () => {
	s = await seed()
	own = await ownPilot(s, 'Filters')
	for (const [key, f] of Object.entries(FILED)) {
		items[key] = await expectApi<Item>(201, f.by, 'POST', '/items', {
			type: f.type,
			title: f.title,
			body: f.body,
			pilotId: own.pilotId,
			componentId: own.components[f.component],
			priority: f.priority,
		})
	}
	for (const [key, f] of Object.entries(FILED)) {
		const id = items[key]!.id
		if (f.cons !== undefined) {
			await expectApi(200, 'bmi', 'PUT', `/items/${id}/status`, await withVersion(id, { status: 'new', consolidatedPriority: f.cons }))
		}
		const steps = f.status === 'done' ? TO_DONE : f.status === undefined ? [] : [f.status]
		for (const status of steps) {
			await expectApi(200, 'bmi', 'PUT', `/items/${id}/status`, await withVersion(id, { status }))
		}
	}
})

afterAll(async () => {
	await own?.restore()
})

describe('each filter selects exactly the items computed from what the suite filed', () => {
	const thisMonth = monthFromNow(0)
	const lastMonth = monthFromNow(-1)
	const nextMonth = monthFromNow(1)
	const cases: [string, Record<string, string | number>, (f: Filed, key: string) => boolean][] = [
		['the pilot alone', {}, () => true],
		['q in a title, other case', { q: 'zEBRA CALENDAR' }, (f) => f.title.startsWith('Zebra calendar')],
		['q in title or body', { q: 'zebra' }, (f) => /zebra/i.test(f.title + f.body)],
		['q with a % is no wildcard', { q: '50%' }, (f) => f.title.includes('50%')],
		['q with an _ is no wildcard', { q: 'a_b' }, (f) => f.title.includes('a_b')],
		['q that matches nothing', { q: `nothing-${tag}-here` }, () => false],
		['one type', { type: 'defect' }, (f) => f.type === 'defect'],
		['types, comma-separated', { type: 'security,requirement' }, (f) => ['security', 'requirement'].includes(f.type)],
		['priority shown: consolidated where set', { priority: 'critical' }, (f) => shown(f) === 'critical'],
		['priorities, comma-separated', { priority: 'critical,high' }, (f) => ['critical', 'high'].includes(shown(f))],
		['statuses, comma-separated', { status: 'new,in_review' }, (f) => ['new', 'in_review'].includes(statusOf(f))],
		['open', { open: 1 }, (f) => !CLOSING.includes(statusOf(f))],
		['filed this month', { filedFrom: thisMonth, filedTo: thisMonth }, () => true],
		['filed from this month on', { filedFrom: thisMonth }, () => true],
		['filed up to last month', { filedTo: lastMonth }, () => false],
		['filed from next month on', { filedFrom: nextMonth }, () => false],
		['closed this month', { closedFrom: thisMonth, closedTo: thisMonth }, (f) => CLOSING.includes(statusOf(f))],
		['closed up to last month', { closedTo: lastMonth }, () => false],
		['component', { componentId: 0 }, (f) => f.component === 1],
		['organisation', { organisationId: -1 }, (_f, key) => orgOf(key) === 'bsh'],
		['combined: open critical and high defects or security findings', { open: 1, priority: 'high,critical', type: 'defect,security' }, (f) => !CLOSING.includes(statusOf(f)) && ['high', 'critical'].includes(shown(f)) && ['defect', 'security'].includes(f.type)],
	]

	it.each(LOGINS)('%s', async (login) => {
		for (const [name, filters, predicate] of cases) {
			// ids that exist only once the suite ran
			const resolved = { ...filters }
			if ('componentId' in resolved) {
				resolved.componentId = own.components[1]
			}
			if ('organisationId' in resolved) {
				resolved.organisationId = s.bsh.id
			}
			const want = expected(login, predicate)
			const got = await list(login, resolved)
			expect(got.ids, `${login}: ${name}`).toEqual(want)
			expect(got.total, `${login}: ${name} (total)`).toBe(want.length)
		}
	})

	it('no search finds a security finding for someone who may not see it', async () => {
		for (const login of ['bsh-coord', 'bsh-tester1', 'rki-tester1'] as const) {
			expect((await list(login, { q: 'Token leak' })).total, login).toBe(0)
		}
		expect((await list('rki-coord', { q: 'Token leak' })).total).toBe(1)
		expect((await list('rki-tester2', { q: 'Token leak' })).total).toBe(1)
	})

	it('a search is paged: every page, and a page past the end, has the exact total', async () => {
		for (const login of ['bmi', 'rki-tester1'] as const) {
			const want = expected(login, () => true)
			const seen: number[] = []
			for (let page = 1; page <= Math.ceil(want.length / 2) + 1; page++) {
				const got = await expectApi<{ items: Item[], total: number, totalCapped: boolean }>(200, login, 'GET', `/items?pilotId=${own.pilotId}&q=${tag}&limit=2&page=${page}`)
				expect(got.total, `${login}, page ${page}`).toBe(want.length)
				expect(got.totalCapped).toBe(false)
				expect(got.items.length, `${login}, page ${page}`).toBe(Math.max(0, Math.min(2, want.length - (page - 1) * 2)))
				seen.push(...got.items.map((item) => item.id))
			}
			expect([...seen].sort((a, b) => a - b), login).toEqual(want)
		}
	})

	it('sorting by priority follows the priority shown', async () => {
		const { items: sorted } = await listAll('bmi', { pilotId: own.pilotId, sort: 'priority', order: 'desc' })
		const rank: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 }
		const ranks = sorted.map((item) => rank[(item as Item & { consolidatedPriority: string | null }).consolidatedPriority ?? item.priority]!)
		expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
		expect(sorted[0]!.id === items.percent!.id || sorted[0]!.id === items.rkiSecret!.id).toBe(true)
	})
})

describe('bad filters get a 400 that says what to send', () => {
	const cases: [Record<string, string>, RegExp][] = [
		[{ type: 'defect,bug' }, /^Type contains "bug", which is not a known value\. Choose one or more of requirement, defect, improvement, security/],
		[{ priority: 'urgent' }, /^Priority contains "urgent"/],
		[{ status: 'open' }, /^Status contains "open"/],
		[{ filedFrom: '2026-13' }, /^Filed from must be a month like 2026-01\.$/],
		[{ closedTo: '2026-01-31' }, /^Closed to must be a month like 2026-01\.$/],
		[{ filedFrom: '2026-05', filedTo: '2026-01' }, /^Filed range starts in 2026-05, after it ends in 2026-01\. Choose a start month on or before the end month\.$/],
		[{ closedFrom: '2027-01', closedTo: '2026-12' }, /^Closed range starts in 2027-01, after it ends in 2026-12/],
		[{ q: 'x'.repeat(201) }, /^Search text is too long: at most 200 characters are allowed\.$/],
		[{ pilotId: 'one' }, /^Pilot must be the id of an existing record\.$/],
		[{ open: 'yes' }, /^Open must be true or false\.$/],
	]
	it.each(cases)('%j', async (filters, message) => {
		const response = await api('rki-tester1', 'GET', `/items?${new URLSearchParams(filters)}`)
		expect(response.status, response.text).toBe(400)
		expect(response.data.message).toMatch(message)
	})

	it('in German for a German user', async () => {
		await asGermanUser('rki-tester1', async () => {
			const unknown = await api('rki-tester1', 'GET', '/items?priority=urgent')
			expect(unknown.data.message).toMatch(/^Priorität enthält „urgent“, das ist kein bekannter Wert/)
			const range = await api('rki-tester1', 'GET', '/items?filedFrom=2026-05&filedTo=2026-01')
			expect(range.data.message).toMatch(/^Erstellt: Der Zeitraum beginnt 2026-05/)
		})
	})
})

interface Count { componentId: number, type: string, priority: string, status: string, count: number }
interface Overview {
	range: { from: string, to: string, months: string[] }
	counts: Count[]
	organisationIds: number[]
	organisations?: { organisationId: number, counts: Count[] }[]
	openUrgent: { id: number }[]
	perMonth: { month: string, filed: number, closed: number }[]
}

describe('every number of the items overview has a list with exactly that total (the contract the Consolidation view links by)', () => {
	it.each(['bmi', 'rki-coord', 'bsh-coord'] as const)('%s', async (login) => {
		const range = { from: monthFromNow(-2), to: monthFromNow(0) }
		const overview = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${new URLSearchParams({ pilotId: String(own.pilotId), ...range })}`)
		const filed = { filedFrom: overview.range.from, filedTo: overview.range.to }
		const checked: string[] = []
		const check = async (what: string, filters: Record<string, string | number>, count: number): Promise<void> => {
			const { total } = await list(login, filters)
			expect(total, `${login}: ${what} ${JSON.stringify(filters)}`).toBe(count)
			checked.push(what)
		}

		for (const c of overview.counts) {
			await check('count', { ...filed, componentId: c.componentId, type: c.type, priority: c.priority, status: c.status }, c.count)
		}
		for (const organisationId of overview.organisationIds) {
			const picked = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${new URLSearchParams({ pilotId: String(own.pilotId), ...range, organisationId: String(organisationId) })}`)
			for (const org of picked.organisations ?? []) {
				for (const c of org.counts) {
					await check('count of an organisation', { ...filed, organisationId: org.organisationId, componentId: c.componentId, type: c.type, priority: c.priority, status: c.status }, c.count)
				}
			}
		}
		expect(overview.openUrgent.length).toBeLessThan(50)
		await check('open critical and high', { open: 1, priority: 'critical,high', filedTo: overview.range.to }, overview.openUrgent.length)
		for (const m of overview.perMonth) {
			await check('filed in a month', { filedFrom: m.month, filedTo: m.month }, m.filed)
			await check('closed in a month', { closedFrom: m.month, closedTo: m.month }, m.closed)
		}

		// The suite's own items make the numbers non-trivial: a consolidated priority moved
		// two of them to another priority, and items were closed this month.
		const visibleKeys = Object.keys(FILED).filter((key) => visible(login, key))
		expect(overview.counts.reduce((sum, c) => sum + c.count, 0)).toBe(visibleKeys.length)
		expect(overview.counts.find((c) => c.type === 'improvement' && c.priority === 'critical' && c.status === 'new')?.count).toBe(1)
		expect(overview.perMonth.at(-1)!.closed).toBe(visibleKeys.filter((key) => CLOSING.includes(statusOf(FILED[key]!))).length)
		expect(checked.length).toBeGreaterThan(8)
	})
})
