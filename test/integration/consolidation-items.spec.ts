/**
 * The items overview against a real Nextcloud. Items are always filed "now", so the suite
 * isolates itself in a pilot of its own (RKI and BSH take part while it runs): it files
 * items of every kind, supports, marks a duplicate and rejects one, computes every count and
 * the ranking itself, and compares them with the server's for each role. No figure may count
 * a security finding the viewer may not see. The ranking weights, stored on the items, must
 * follow every change of support, priority and merge, and occ pilotfeedback:consolidation:verify
 * must find a spoiled one (needs NEXTCLOUD_SERVER_DIR for occ).
 */
import type { Item, Login, Organisation, Seed } from './setup/fixtures.ts'

import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi, freshPeriod, seed, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'

type Short = 'rki' | 'bsh'
type Tester = 'rki-tester1' | 'rki-tester2' | 'bsh-tester1' | 'bsh-tester2'

interface Count { componentId: number, type: string, priority: string, status: string, count: number }
interface Overview {
	pilotId: number
	range: { from: string, to: string, months: string[] }
	counts: Count[]
	organisationIds: number[]
	organisations?: { organisationId: number, counts: Count[] }[]
	openUrgent: { id: number, title: string, type: string, priority: string, status: string, componentId: number, organisationId: number, createdAt: number }[]
	perMonth: { month: string, filed: number, closed: number }[]
	ranking: { id: number, title: string, type: string, priority: string, supportCount: number, score: number, organisations: number }[]
	rankingWeights: Record<string, number>
}

/** What the suite files, by key: who, type, priority, which of the two components. */
const FILED: Record<string, { by: Tester, type: string, priority: string, component: number }> = {
	rkiReqHigh: { by: 'rki-tester1', type: 'requirement', priority: 'high', component: 0 },
	rkiReqLow: { by: 'rki-tester1', type: 'requirement', priority: 'low', component: 0 },
	rkiReqLow2: { by: 'rki-tester1', type: 'requirement', priority: 'low', component: 1 },
	rkiImpLow: { by: 'rki-tester2', type: 'improvement', priority: 'low', component: 1 },
	rkiImpMedium: { by: 'rki-tester2', type: 'improvement', priority: 'medium', component: 0 },
	rkiDefectCritical: { by: 'rki-tester1', type: 'defect', priority: 'critical', component: 1 },
	rkiSecurityHigh: { by: 'rki-tester2', type: 'security', priority: 'high', component: 0 },
	bshReqMedium: { by: 'bsh-tester1', type: 'requirement', priority: 'medium', component: 1 },
	bshDupCritical: { by: 'bsh-tester2', type: 'requirement', priority: 'critical', component: 0 },
	bshDefectHigh: { by: 'bsh-tester1', type: 'defect', priority: 'high', component: 0 },
	bshSecurityCritical: { by: 'bsh-tester2', type: 'security', priority: 'critical', component: 1 },
}
/** Support (+1) given: item key => testers. */
const SUPPORT: Record<string, Tester[]> = {
	rkiReqHigh: ['bsh-tester2'],
	bshReqMedium: ['rki-tester2'],
	// Two supporters of the filing organisation: RKI still counts once.
	rkiReqLow2: ['rki-tester2'],
}
/** Duplicates marked: duplicate key => original key. */
const duplicateOf: Record<string, string> = { bshDupCritical: 'rkiReqLow' }
const WEIGHT: Record<string, number> = { low: 1, medium: 2, high: 4, critical: 8 }
const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 }
const OPEN = ['new', 'in_review', 'accepted', 'forwarded', 'in_progress']

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

let s: Seed
let pilotId: number
let components: number[]
let range: { from: string, to: string }
const items: Record<string, Item> = {}
/** Status after triage, by key (default new). */
const status: Record<string, string> = {}
/** The organisations' records before the suite linked them to its pilot. */
const saved: Organisation[] = []

const orgOf = (tester: Tester): Short => tester.startsWith('rki') ? 'rki' : 'bsh'

/** Whether `login` may see the item: consolidator all; security only own organisation's coordinator or reporter. */
function visible(login: Login, key: string): boolean {
	const f = FILED[key]
	if (login === 'bmi' || f.type !== 'security') {
		return true
	}
	return login === `${orgOf(f.by)}-coord` || login === f.by
}

/** Counts computed here from what was filed, as the server groups them. */
function expectedCounts(login: Login, org?: Short): Count[] {
	const counts = new Map<string, Count>()
	for (const [key, f] of Object.entries(FILED)) {
		if (!visible(login, key) || (org !== undefined && orgOf(f.by) !== org)) {
			continue
		}
		const c = { componentId: components[f.component], type: f.type, priority: f.priority, status: status[key] ?? 'new' }
		const id = JSON.stringify(c)
		counts.set(id, { ...c, count: (counts.get(id)?.count ?? 0) + 1 })
	}
	return sortCounts([...counts.values()])
}

function sortCounts(counts: Count[]): Count[] {
	return [...counts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

/** The ranking computed here from the documented formula. */
function expectedRanking(): { id: number, score: number, organisations: number, supportCount: number }[] {
	const ranked = Object.entries(FILED)
		.filter(([key, f]) => ['requirement', 'improvement'].includes(f.type) && OPEN.includes(status[key] ?? 'new'))
		.map(([key, f]) => {
			const top = new Map<Short, number>()
			const give = (org: Short, priority: string): void => {
				top.set(org, Math.max(top.get(org) ?? 0, RANK[priority]))
			}
			give(orgOf(f.by), f.priority)
			for (const supporter of SUPPORT[key] ?? []) {
				give(orgOf(supporter), f.priority)
			}
			// a merge moves the duplicate's reporter and supporters to the original, each user once
			const supporters = new Set<string>(SUPPORT[key] ?? [])
			for (const [dupKey, dup] of Object.entries(FILED)) {
				if (items[dupKey].id !== items[key].id && duplicateOf[dupKey] === key) {
					give(orgOf(dup.by), dup.priority)
					for (const moved of [dup.by, ...(SUPPORT[dupKey] ?? [])]) {
						give(orgOf(moved), dup.priority)
						if (moved !== f.by) {
							supporters.add(moved)
						}
					}
				}
			}
			const score = [...top.values()].reduce((sum, rank) => sum + WEIGHT[Object.keys(RANK).find((p) => RANK[p] === rank)!], 0)
			return { id: items[key].id, score, organisations: top.size, supportCount: supporters.size }
		})
	return ranked.sort((a, b) => b.score - a.score || b.supportCount - a.supportCount || b.id - a.id)
}

function query(params: Record<string, string | number | undefined> = {}): string {
	return new URLSearchParams(Object.entries({ pilotId, ...range, ...params })
		.filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()
}

beforeAll(async () => {
	s = await seed()
	const a = await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `Overview component A ${uid()}`, category: 'other' })
	const b = await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `Overview component B ${uid()}`, category: 'other' })
	components = [a.id, b.id]
	const pilot = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title: `Overview pilot ${uid()}`, status: 'active', componentIds: components })
	pilotId = pilot.id
	for (const org of [s.rki, s.bsh]) {
		saved.push(org)
		await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: [...org.pilotIds, pilotId] })
	}
	const now = new Date().toISOString().slice(0, 7)
	const open = s.openPeriod.month
	range = open < now ? { from: open, to: now } : { from: now, to: open }

	for (const [key, f] of Object.entries(FILED)) {
		items[key] = await expectApi<Item>(201, f.by, 'POST', '/items', {
			type: f.type,
			title: `Overview ${key} ${uid()}`,
			body: 'Overview suite',
			pilotId,
			componentId: components[f.component],
			priority: f.priority,
		})
	}
	for (const [key, testers] of Object.entries(SUPPORT)) {
		for (const tester of testers) {
			await expectApi(200, tester, 'POST', `/items/${items[key].id}/support`)
		}
	}
	for (const [dup, original] of Object.entries(duplicateOf)) {
		await expectApi(200, 'bmi', 'PUT', `/items/${items[dup].id}/status`, await withVersion(items[dup].id, { status: 'duplicate', duplicateOf: items[original].id }))
		status[dup] = 'duplicate'
	}
	await expectApi(200, 'bmi', 'PUT', `/items/${items.bshDefectHigh.id}/status`, await withVersion(items.bshDefectHigh.id, { status: 'rejected' }))
	status.bshDefectHigh = 'rejected'
})

afterAll(async () => {
	for (const org of saved) {
		await api('admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: org.pilotIds })
	}
	if (pilotId !== undefined) {
		await api('admin', 'DELETE', `/pilots/${pilotId}`)
	}
})

describe('items overview: every count equals the one computed from the items filed', () => {
	it.each(['bmi', 'rki-coord', 'bsh-coord'] as const)('%s: counts across all organisations, and the breakdown of each organisation it may see when asked for', async (login) => {
		const overview = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query()}`)
		expect(overview.pilotId).toBe(pilotId)
		expect(sortCounts(overview.counts)).toEqual(expectedCounts(login))
		// without an organisation asked for, no breakdown: only which may be asked for
		expect(overview).not.toHaveProperty('organisations')
		const orgs: Short[] = login === 'bmi' ? ['rki', 'bsh'] : [login.slice(0, 3) as Short]
		expect([...overview.organisationIds].sort()).toEqual(orgs.map((o) => s[o].id).sort())
		for (const org of orgs) {
			const picked = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query({ organisationId: s[org].id })}`)
			expect(picked.organisations?.map((o) => o.organisationId)).toEqual([s[org].id])
			expect(sortCounts(picked.organisations![0].counts), `${login} ${org}`).toEqual(expectedCounts(login, org))
			// the rest of the overview is the one across all organisations
			expect({ ...picked, organisations: undefined }).toEqual({ ...overview, organisations: undefined })
		}
	})

	it('an organisation\'s counts equal the totals of the item list filtered the same way', async () => {
		for (const login of ['bmi', 'bsh-coord'] as const) {
			const { organisationIds } = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query()}`)
			for (const organisationId of organisationIds) {
				const picked = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query({ organisationId })}`)
				const counts = picked.organisations![0].counts
				expect(counts.length).toBeGreaterThan(0)
				for (const c of counts) {
					const filters = { pilotId, organisationId, componentId: c.componentId, type: c.type, priority: c.priority, status: c.status, filedFrom: picked.range.from, filedTo: picked.range.to, limit: 1 }
					const page = await expectApi<{ total: number }>(200, login, 'GET', `/items?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)]))}`)
					expect(page.total, `${login} ${JSON.stringify(c)}`).toBe(c.count)
				}
			}
		}
	})

	it.each(['bmi', 'rki-coord', 'bsh-coord'] as const)('%s: open critical and high items, most urgent first, only visible ones', async (login) => {
		const overview = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query()}`)
		const expected = Object.entries(FILED)
			.filter(([key, f]) => visible(login, key) && OPEN.includes(status[key] ?? 'new') && RANK[f.priority] >= 3)
			.map(([key, f]) => ({ id: items[key].id, priority: f.priority }))
			.sort((a, b) => RANK[b.priority] - RANK[a.priority] || a.id - b.id)
		expect(overview.openUrgent.map((i) => ({ id: i.id, priority: i.priority }))).toEqual(expected)
	})

	it.each(['bmi', 'rki-coord', 'bsh-coord'] as const)('%s: filed and closed this month', async (login) => {
		const overview = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query()}`)
		const now = new Date().toISOString().slice(0, 7)
		const thisMonth = overview.perMonth.find((m) => m.month === now)!
		expect(thisMonth).toEqual({
			month: now,
			filed: Object.keys(FILED).filter((key) => visible(login, key)).length,
			closed: Object.keys(status).filter((key) => visible(login, key)).length,
		})
		expect(overview.perMonth.map((m) => m.month)).toEqual(overview.range.months)
	})

	it.each(['bmi', 'rki-coord', 'bsh-coord'] as const)('%s: the ranking follows the documented score', async (login) => {
		const overview = await expectApi<Overview>(200, login, 'GET', `/consolidation/items?${query()}`)
		expect(overview.rankingWeights).toEqual(WEIGHT)
		expect(overview.ranking.map(({ id, score, organisations, supportCount }) => ({ id, score, organisations, supportCount }))).toEqual(expectedRanking())
		// The duplicate's critical priority lifts the original: BSH counts with critical, RKI with low.
		expect(overview.ranking.find((r) => r.id === items.rkiReqLow.id)).toMatchObject({ score: 9, organisations: 2 })
		// Same score (RKI alone, low); the one with a supporter ranks first.
		const order = overview.ranking.map((r) => r.id)
		expect(order.indexOf(items.rkiReqLow2.id)).toBeLessThan(order.indexOf(items.rkiImpLow.id))
	})
})

describe('items overview: who sees what', () => {
	it('a coordinator asking for another organisation gets 403', async () => {
		for (const [login, other] of [['bsh-coord', 'rki'], ['rki-coord', 'bsh']] as const) {
			const response = await api(login, 'GET', `/consolidation/items?${query({ organisationId: s[other].id })}`)
			expect(response.status).toBe(403)
			expect(response.data.message).toMatch(/organisations you coordinate only/)
		}
	})

	it('testers and the administrator get 403', async () => {
		for (const login of ['rki-tester1', 'bsh-tester2', 'admin'] as const) {
			expect((await api(login, 'GET', `/consolidation/items?${query()}`)).status).toBe(403)
		}
	})

	it('no figure of a BSH coordinator reveals RKI\'s security finding', async () => {
		const overview = await expectApi<Overview>(200, 'bsh-coord', 'GET', `/consolidation/items?${query()}`)
		expect(overview.counts.filter((c) => c.type === 'security').map((c) => c.priority)).toEqual(['critical'])
		expect(JSON.stringify(overview)).not.toContain(items.rkiSecurityHigh.title)
		expect(overview.openUrgent.map((i) => i.id)).not.toContain(items.rkiSecurityHigh.id)
	})

	it('bad input: start after end, unknown pilot', async () => {
		const after = await api('bmi', 'GET', `/consolidation/items?${new URLSearchParams({ pilotId: String(pilotId), from: '2026-05', to: '2026-01' })}`)
		expect(after.status).toBe(400)
		expect(after.data.message).toMatch(/starts in 2026-05, after it ends in 2026-01/)
		const unknown = await api('bmi', 'GET', `/consolidation/items?${new URLSearchParams({ pilotId: '999999999', month: range.to })}`)
		expect(unknown.status).toBe(404)
	})
})

describe('items overview: the stored ranking weights follow every change', () => {
	async function rankOf(key: string): Promise<Overview['ranking'][number] | undefined> {
		const overview = await expectApi<Overview>(200, 'bmi', 'GET', `/consolidation/items?${query()}`)
		return overview.ranking.find((r) => r.id === items[key].id)
	}

	it('a supporter changes the priority they gave, withdraws and supports again', async () => {
		// BSH supports with the item's priority: RKI high 4 + BSH high 4
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 8, organisations: 2, supportCount: 1 })
		await expectApi(200, 'bsh-tester2', 'POST', `/items/${items.rkiReqHigh.id}/support`, { priority: 'critical' })
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 12, organisations: 2, supportCount: 1 })
		await expectApi(200, 'bsh-tester2', 'DELETE', `/items/${items.rkiReqHigh.id}/support`)
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 4, organisations: 1, supportCount: 0 })
		await expectApi(200, 'bsh-tester2', 'POST', `/items/${items.rkiReqHigh.id}/support`)
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 8, organisations: 2, supportCount: 1 })
	})

	it('the reporter raises the item\'s priority and lowers it again', async () => {
		const item = items.rkiReqLow2
		const edit = { title: item.title, body: item.body, componentId: item.componentId, pilotId: item.pilotId }
		// RKI alone (reporter low, colleague supporting with low): 1
		expect(await rankOf('rkiReqLow2')).toMatchObject({ score: 1, organisations: 1 })
		await expectApi(200, 'rki-tester1', 'PUT', `/items/${item.id}`, await withVersion(item.id, { ...edit, priority: 'high' }))
		expect(await rankOf('rkiReqLow2')).toMatchObject({ score: 4, organisations: 1 })
		await expectApi(200, 'rki-tester1', 'PUT', `/items/${item.id}`, await withVersion(item.id, { ...edit, priority: 'low' }))
		expect(await rankOf('rkiReqLow2')).toMatchObject({ score: 1, organisations: 1 })
	})

	it('undoing a merge takes the duplicate\'s weight off the original, merging again puts it back', async () => {
		expect(await rankOf('rkiReqLow')).toMatchObject({ score: 9, organisations: 2 })
		await expectApi(200, 'bmi', 'PUT', `/items/${items.bshDupCritical.id}/status`, await withVersion(items.bshDupCritical.id, { status: 'in_review' }))
		expect(await rankOf('rkiReqLow')).toMatchObject({ score: 1, organisations: 1, supportCount: 0 })
		expect(await rankOf('bshDupCritical')).toMatchObject({ score: 8, organisations: 1 })
		await expectApi(200, 'bmi', 'PUT', `/items/${items.bshDupCritical.id}/status`, await withVersion(items.bshDupCritical.id, { status: 'duplicate', duplicateOf: items.rkiReqLow.id }))
		expect(await rankOf('rkiReqLow')).toMatchObject({ score: 9, organisations: 2, supportCount: 1 })
		expect(await rankOf('bshDupCritical')).toBeUndefined()
	})

	it('a range that ended before the items were filed ranks none of them', async () => {
		// a month of the 20th century with a period of its own (a test instance may have no
		// period of recent months but the open one)
		const past = await freshPeriod()
		try {
			const overview = await expectApi<Overview>(200, 'bmi', 'GET', `/consolidation/items?${query({ from: past.month, to: past.month })}`)
			expect(overview.ranking).toEqual([])
		} finally {
			await setPeriodStatus(past.id, 'closed')
		}
	})

	it.skipIf(SERVER_DIR === '')('occ pilotfeedback:consolidation:verify finds a spoiled weight, and --repair mends it', async () => {
		const verify = (...args: string[]): { status: number | null, output: string } => {
			const run = spawnSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'pilotfeedback:consolidation:verify', ...args], { encoding: 'utf8', timeout: 110_000 })
			return { status: run.status, output: `${run.stdout}${run.stderr}` }
		}
		const spoil = `require ${JSON.stringify(join(SERVER_DIR, 'lib/base.php'))};
			$qb = \\OCP\\Server::get(\\OCP\\IDBConnection::class)->getQueryBuilder();
			$qb->update('pf_items')->set('rank_score', $qb->createFunction('rank_score + 5'))
				->where($qb->expr()->eq('id', $qb->createNamedParameter(${items.rkiReqHigh.id})));
			echo $qb->executeStatement();`
		expect(execFileSync('php', ['-r', spoil], { encoding: 'utf8' }).trim()).toBe('1')
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 13 })

		const found = verify()
		expect(found.status).toBe(1)
		expect(found.output).toContain(`item ${items.rkiReqHigh.id}: ranking weight 13 from 2 organisation(s) stored, 8 from 2 computed`)
		const repaired = verify('--repair')
		expect(repaired.status, repaired.output).toBe(0)
		expect(repaired.output).toContain('Repaired: the ranking weights now equal the supporters.')
		expect(await rankOf('rkiReqHigh')).toMatchObject({ score: 8, organisations: 2 })
	})
})

describe('items overview: filed and closed per month follow every change', () => {
	const now = new Date().toISOString().slice(0, 7)
	async function thisMonth(pilot: number = pilotId): Promise<{ filed: number, closed: number }> {
		const overview = await expectApi<Overview>(200, 'bmi', 'GET', `/consolidation/items?${new URLSearchParams({ pilotId: String(pilot), from: now, to: now })}`)
		const month = overview.perMonth.find((m) => m.month === now)!
		return { filed: month.filed, closed: month.closed }
	}

	it('an item closed, reopened and closed again in a month counts once in it', async () => {
		const before = await thisMonth()
		expect(status.bshDefectHigh).toBe('rejected')
		await expectApi(200, 'bmi', 'PUT', `/items/${items.bshDefectHigh.id}/status`, await withVersion(items.bshDefectHigh.id, { status: 'in_review' }))
		expect(await thisMonth()).toEqual(before)
		await expectApi(200, 'bmi', 'PUT', `/items/${items.bshDefectHigh.id}/status`, await withVersion(items.bshDefectHigh.id, { status: 'rejected' }))
		expect(await thisMonth()).toEqual(before)
		// a newly closed item counts
		await expectApi(200, 'bmi', 'PUT', `/items/${items.rkiImpLow.id}/status`, await withVersion(items.rkiImpLow.id, { status: 'rejected' }))
		status.rkiImpLow = 'rejected'
		expect(await thisMonth()).toEqual({ filed: before.filed, closed: before.closed + 1 })
	})

	it('an item moved to another pilot counts there, filed and closed, and no longer here', async () => {
		const item = items.rkiImpLow
		// a pilot of the seed that RKI takes part in
		const other = s.activePilots.find((p) => p.id !== pilotId)
		expect(other, 'a second pilot of RKI').toBeDefined()
		const [hereBefore, thereBefore] = [await thisMonth(), await thisMonth(other!.id)]
		const edit = { title: item.title, body: item.body, priority: 'low' }
		await expectApi(200, 'rki-coord', 'PUT', `/items/${item.id}`, await withVersion(item.id, { ...edit, pilotId: other!.id, componentId: other!.componentIds[0] }))
		expect(await thisMonth()).toEqual({ filed: hereBefore.filed - 1, closed: hereBefore.closed - 1 })
		expect(await thisMonth(other!.id)).toEqual({ filed: thereBefore.filed + 1, closed: thereBefore.closed + 1 })
		await expectApi(200, 'rki-coord', 'PUT', `/items/${item.id}`, await withVersion(item.id, { ...edit, pilotId, componentId: components[1] }))
		expect(await thisMonth()).toEqual(hereBefore)
		expect(await thisMonth(other!.id)).toEqual(thereBefore)
	})

	it.skipIf(SERVER_DIR === '')('occ pilotfeedback:consolidation:verify finds a spoiled item total, and --repair mends it', async () => {
		const before = await thisMonth()
		const spoil = `require ${JSON.stringify(join(SERVER_DIR, 'lib/base.php'))};
			$qb = \\OCP\\Server::get(\\OCP\\IDBConnection::class)->getQueryBuilder();
			$qb->update('pf_item_months')->set('filed', $qb->createFunction('filed + 3'))
				->where($qb->expr()->eq('pilot_id', $qb->createNamedParameter(${pilotId})))
				->andWhere($qb->expr()->eq('org_id', $qb->createNamedParameter(${s.bsh.id})))
				->andWhere($qb->expr()->eq('confidential', $qb->createNamedParameter(0)));
			echo $qb->executeStatement();`
		expect(execFileSync('php', ['-r', spoil], { encoding: 'utf8' }).trim()).toBe('1')
		expect(await thisMonth()).toEqual({ filed: before.filed + 3, closed: before.closed })

		const run = (...args: string[]) => spawnSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'pilotfeedback:consolidation:verify', ...args], { encoding: 'utf8', timeout: 110_000 })
		const found = run()
		expect(found.status).toBe(1)
		expect(found.stdout).toContain(`Items of pilot/organisation/month ${pilotId}/${s.bsh.id}/${now}/open: `)
		expect(found.stdout).toContain('1 monthly item total(s) differ from the items.')
		const repaired = run('--repair')
		expect(repaired.status, repaired.stdout + repaired.stderr).toBe(0)
		expect(repaired.stdout).toContain('Repaired: the monthly item totals now equal the items.')
		expect(await thisMonth()).toEqual(before)
	})
})
