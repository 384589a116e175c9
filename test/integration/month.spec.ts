/**
 * The start page (issue 19) against a real Nextcloud: GET /api/v1/month gives each role its
 * sections and nothing of another role's or organisation's, and tells the same as the rating
 * sheet, the progress and the dashboard widgets; POST /organisations/{id}/reminders lets
 * consolidators only remind an organisation's coordinators, who get a Nextcloud notification.
 */
import type { Item, Login, Period } from './setup/fixtures.ts'
import type { Endpoint, RoleAccounts } from './setup/roleTable.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, call, createItem, createUser, deleteUser, expectApi, freshPeriod, setPeriodStatus, uid } from './setup/fixtures.ts'
import { closeRoleAccounts, itAnswersAsTheRoleTableSays, openRoleAccounts } from './setup/roleTable.ts'

interface MonthItem { id: number, title: string, type: string, status: string, organisationId: number, createdAt: number, updatedAt: number, filedByMe: boolean }
interface MonthRelease { organisationId: number, name: string, shortName: string, state: string, release: unknown, unreleasedMonths: string[], coordinators: { userId: string, displayName: string }[] }
interface Month {
	period: Period | null
	deadline: string | null
	daysLeft: number | null
	lastVisit: number
	tester: { toRate: { id: number, name: string, pilotId: number, pilotTitle: string }[], componentCount: number, ratedCount: number, changedItems: MonthItem[] } | null
	coordinator: { organisations: (MonthRelease & { components: { id: number, name: string }[], members: { userId: string, ratedComponentIds: number[] }[], securityFindings: { items: MonthItem[], total: number } })[] } | null
	consolidator: { board: MonthRelease[], triage: { items: MonthItem[], total: number }, urgent: { items: MonthItem[], total: number }, reports: { id: number, status: string }[] } | null
}
interface Notification { app: string, subject: string, subjectRich: string, message: string, link: string, object_type: string, object_id: string }

/** The app's notifications of a user (notifications app OCS API). */
async function notifications(login: Login): Promise<Notification[]> {
	const response = await call<Notification[]>(login, 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
	expect(response.status, response.text.slice(0, 300)).toBe(200)
	return response.data.filter((n) => n.app === 'pilotfeedback')
}

/** The items of a dashboard widget. */
async function widget(login: Login, id: string): Promise<{ title: string, subtitle: string, link: string }[] | undefined> {
	const response = await call<Record<string, { items: { title: string, subtitle: string, link: string }[] }>>(login, 'GET', `/ocs/v2.php/apps/dashboard/api/v2/widget-items?widgets[]=${id}&limit=30`)
	expect(response.status, response.text.slice(0, 300)).toBe(200)
	return response.data[id]?.items
}

/** What every test reads; filled in beforeAll. */
interface Fixture extends RoleAccounts {
	/** A period of its own, so that releasing it and reminding about it disturbs nobody */
	period: Period
	/** An RKI security finding and a BSH one, critical and new */
	rkiFinding: Item
	bshFinding: Item
	/** A BSH defect rki-tester1 supports */
	supported: Item
	/** An organisation without coordinator */
	lonelyOrgId: number
}
let fx: Fixture

const ENDPOINTS: Endpoint[] = [
	{
		name: 'GET /month',
		method: 'GET',
		path: () => '/month',
		expect: { anonymous: 401 },
		otherwise: 200,
	},
	{
		name: 'POST /organisations/{RKI}/reminders',
		method: 'POST',
		path: () => `/organisations/${fx.s.rki.id}/reminders`,
		body: () => ({ periodId: fx.period.id }),
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
]

describe('the start page: GET /month and the reminder to release', () => {
	beforeAll(async () => {
		const accounts = await openRoleAccounts()
		const period = await freshPeriod()
		const rkiFinding = await createItem('rki-tester1', accounts.s, { type: 'security', title: `Month finding RKI ${uid()}`, priority: 'critical' })
		const bshFinding = await createItem('bsh-tester1', accounts.s, { type: 'security', title: `Month finding BSH ${uid()}`, priority: 'critical' })
		const supported = await createItem('bsh-tester1', accounts.s, { title: `Month supported ${uid()}` })
		await expectApi(200, 'rki-tester1', 'POST', `/items/${supported.id}/support`)
		const lonely = await expectApi<{ id: number }>(201, 'admin', 'POST', '/organisations', { name: `Month lonely org ${uid()}`, shortName: 'ML' })
		fx = { ...accounts, period, rkiFinding, bshFinding, supported, lonelyOrgId: lonely.id }
	})

	afterAll(async () => {
		if (fx === undefined) {
			return
		}
		await closeRoleAccounts(fx)
		await api('admin', 'DELETE', `/organisations/${fx.lonelyOrgId}`)
		// Released, the period's reminder goes away; then the period is closed like the other suites' own ones.
		await api('rki-coord', 'POST', `/organisations/${fx.s.rki.id}/releases`, { periodId: fx.period.id })
		await setPeriodStatus(fx.period.id, 'closed')
	})

	itAnswersAsTheRoleTableSays(ENDPOINTS, () => fx)

	it('names the open period, its last day as the deadline and the days left', async () => {
		const month = await expectApi<Month>(200, 'rki-tester1', 'GET', '/month')
		expect(month.period).toEqual(fx.s.openPeriod)
		const [year, monthNumber] = fx.s.openPeriod.month.split('-').map(Number)
		const lastDay = new Date(Date.UTC(year!, monthNumber!, 0))
		expect(month.deadline).toBe(lastDay.toISOString().slice(0, 10))
		const today = new Date(new Date().toISOString().slice(0, 10))
		expect(month.daysLeft).toBe(Math.round((lastDay.getTime() - today.getTime()) / 86_400_000))
	})

	it('gives a plain tester their own section only, telling what the rating sheet tells', async () => {
		const month = await expectApi<Month>(200, 'rki-tester1', 'GET', '/month')
		expect(month.coordinator).toBeNull()
		expect(month.consolidator).toBeNull()
		const tester = month.tester!
		const sheet = await expectApi<{ pilots: { id: number, componentIds: number[], locked: boolean }[], assessments: { pilotId: number, componentId: number, rated: boolean }[] }>(200, 'rki-tester1', 'GET', '/ratings')
		// Each component in each pilot that holds it, as the sheet lists them.
		const pairs = sheet.pilots.flatMap((p) => p.componentIds.map((id) => `${p.id}:${id}`))
		const rated = sheet.assessments.filter((a) => a.rated).map((a) => `${a.pilotId}:${a.componentId}`).filter((key) => pairs.includes(key))
		const locked = sheet.pilots.filter((p) => p.locked).map((p) => p.id)
		const expected = sheet.pilots.filter((p) => !locked.includes(p.id)).flatMap((p) => p.componentIds.map((id) => `${p.id}:${id}`)).filter((key) => !rated.includes(key))
		expect(tester.toRate.map((c) => `${c.pilotId}:${c.id}`).sort()).toEqual(expected.sort())
		expect(tester.componentCount).toBe(pairs.length)
		expect(tester.ratedCount).toBe(rated.length)
		// The items they filed and the one they support changed since their last visit.
		const changed = new Map(tester.changedItems.map((item) => [item.id, item]))
		expect(changed.get(fx.rkiFinding.id)?.filedByMe).toBe(true)
		expect(changed.get(fx.supported.id)?.filedByMe).toBe(false)
		// Never another organisation's security finding.
		expect(changed.has(fx.bshFinding.id)).toBe(false)
	})

	it('drops a component from the to-do once the tester rated it', async () => {
		const before = (await expectApi<Month>(200, 'rki-tester2', 'GET', '/month')).tester!
		const component = before.toRate[0]
		if (component === undefined) {
			// Everything is rated or released already; nothing to drop.
			return
		}
		await expectApi(200, 'rki-tester2', 'PUT', `/ratings/${fx.s.openPeriod.id}/${component.id}`, { overall: 4, comment: 'month start page', scores: [], pilotId: component.pilotId })
		const after = (await expectApi<Month>(200, 'rki-tester2', 'GET', '/month')).tester!
		expect(after.toRate.map((c) => `${c.pilotId}:${c.id}`)).not.toContain(`${component.pilotId}:${component.id}`)
		expect(after.ratedCount).toBe(before.ratedCount + 1)
	})

	it('gives a coordinator their organisation only: its progress, release state and security findings', async () => {
		const month = await expectApi<Month>(200, 'rki-coord', 'GET', '/month')
		expect(month.consolidator).toBeNull()
		const organisations = month.coordinator!.organisations
		expect(organisations.map((o) => o.organisationId)).toEqual([fx.s.rki.id])
		const rki = organisations[0]!
		const progress = await expectApi<{ componentIds: number[], members: unknown[], release: unknown }>(200, 'rki-coord', 'GET', `/organisations/${fx.s.rki.id}/progress`)
		expect(rki.members).toEqual(progress.members)
		expect(rki.components.map((c) => c.id).sort()).toEqual([...progress.componentIds].sort())
		expect(rki.release).toEqual(progress.release)
		expect(['released', 'pending', 'overdue']).toContain(rki.state)
		expect(rki.coordinators.map((c) => c.userId)).toContain('rki-coord')
		const findings = rki.securityFindings
		expect(findings.items.map((i) => i.id)).toContain(fx.rkiFinding.id)
		expect(findings.items.every((i) => i.organisationId === fx.s.rki.id && i.type === 'security')).toBe(true)
		expect(findings.total).toBeGreaterThanOrEqual(findings.items.length)
	})

	it('never shows a coordinator another organisation\'s security findings', async () => {
		const rki = JSON.stringify(await expectApi<Month>(200, 'rki-coord', 'GET', '/month'))
		expect(rki).not.toContain(fx.bshFinding.title)
		const bsh = (await expectApi<Month>(200, 'bsh-coord', 'GET', '/month')).coordinator!.organisations
		expect(bsh.map((o) => o.organisationId)).toEqual([fx.s.bsh.id])
		expect(bsh[0]!.securityFindings.items.map((i) => i.id)).toContain(fx.bshFinding.id)
		expect(JSON.stringify(bsh)).not.toContain(fx.rkiFinding.title)
		// Testers do not get the findings of their own organisation's coordinator view either.
		expect(JSON.stringify(await expectApi<Month>(200, 'bsh-tester2', 'GET', '/month'))).not.toContain(fx.bshFinding.title)
	})

	it('gives a consolidator the release board of every organisation, the items to triage and the reports', async () => {
		const month = await expectApi<Month>(200, 'bmi', 'GET', '/month')
		expect(month.tester).toBeNull()
		expect(month.coordinator).toBeNull()
		const consolidator = month.consolidator!
		const board = new Map(consolidator.board.map((row) => [row.shortName, row]))
		expect(board.get('RKI')?.organisationId).toBe(fx.s.rki.id)
		expect(board.get('BSH')?.organisationId).toBe(fx.s.bsh.id)
		for (const row of consolidator.board) {
			expect(['released', 'pending', 'overdue']).toContain(row.state)
		}
		// The newest items waiting for triage come first.
		expect(consolidator.triage.items.map((i) => i.id)).toEqual(expect.arrayContaining([fx.supported.id, fx.bshFinding.id]))
		expect(consolidator.triage.items.every((i) => i.status === 'new')).toBe(true)
		expect(consolidator.triage.total).toBeGreaterThanOrEqual(consolidator.triage.items.length)
		expect(consolidator.urgent.items.map((i) => i.id)).toContain(fx.bshFinding.id)
		expect(consolidator.reports.every((r) => ['queued', 'running', 'failed'].includes(r.status))).toBe(true)
	})

	it('gives an account without a role in a pilot no section', async () => {
		const month = await expectApi<Month>(200, fx.noOrg, 'GET', '/month')
		expect(month).toMatchObject({ tester: null, coordinator: null, consolidator: null })
	})

	it('shows in the dashboard widgets what the start page shows', async () => {
		const tester = (await expectApi<Month>(200, 'rki-tester1', 'GET', '/month')).tester!
		const items = (await widget('rki-tester1', 'pilotfeedback-tester'))!
		const shown = items.filter((i) => i.link.includes('/rate?component='))
		expect(shown.map((i) => i.title)).toEqual(tester.toRate.slice(0, 15).map((c) => c.name))
		expect(items.map((i) => i.link)).toEqual(expect.arrayContaining([`/items/${fx.rkiFinding.id}`].map((path) => expect.stringContaining(path))))

		const coordinator = (await widget('rki-coord', 'pilotfeedback-coordinator'))!
		expect(coordinator[0]?.title).toBe(fx.s.rki.name)
		expect(JSON.stringify(coordinator)).not.toContain(fx.bshFinding.title)
		expect(await widget('rki-tester1', 'pilotfeedback-coordinator')).toBeUndefined()

		const triage = (await expectApi<Month>(200, 'bmi', 'GET', '/month')).consolidator!.triage.items
		const consolidator = (await widget('bmi', 'pilotfeedback-consolidator'))!
		expect(consolidator.map((i) => i.title)).toEqual(expect.arrayContaining(triage.slice(0, 5).map((i) => i.title)))
	})

	describe('reminding the coordinators to release', () => {
		it('refuses testers, coordinators and anonymous callers', async () => {
			for (const login of ['rki-tester1', 'bsh-tester1', 'rki-coord', 'bsh-coord', 'admin'] as const) {
				const answer = await api<{ message: string }>(login, 'POST', `/organisations/${fx.s.rki.id}/reminders`, { periodId: fx.period.id })
				expect(answer.status, login).toBe(403)
				expect(answer.data.message).toMatch(/consolidators/)
			}
			expect((await api(null, 'POST', `/organisations/${fx.s.rki.id}/reminders`)).status).toBe(401)
		})

		it('notifies the organisation\'s coordinators, and no one else', async () => {
			const answer = await expectApi<{ organisationId: number, periodId: number, reminded: number }>(200, 'bmi', 'POST', `/organisations/${fx.s.rki.id}/reminders`, { periodId: fx.period.id })
			expect(answer).toEqual({ organisationId: fx.s.rki.id, periodId: fx.period.id, reminded: 1 })
			const objectId = `${fx.s.rki.id}:${fx.period.id}`
			const reminders = (await notifications('rki-coord')).filter((n) => n.object_type === 'release' && n.object_id === objectId)
			expect(reminders).toHaveLength(1)
			expect(reminders[0]!.subject).toMatch(new RegExp(`asks you to release the feedback of ${fx.s.rki.name} for ${fx.period.month}\\.$`))
			expect(reminders[0]!.link).toMatch(/\/apps\/pilotfeedback\/coordination$/)
			for (const login of ['bsh-coord', 'rki-tester1', 'bmi'] as const) {
				expect((await notifications(login)).filter((n) => n.object_type === 'release' && n.object_id === objectId), login).toEqual([])
			}
		})

		it('names why it cannot remind: an unknown organisation, one without coordinator, a released period', async () => {
			expect((await api('bmi', 'POST', '/organisations/999999999/reminders', { periodId: fx.period.id })).status).toBe(404)
			const lonely = await api<{ message: string }>('bmi', 'POST', `/organisations/${fx.lonelyOrgId}/reminders`, { periodId: fx.period.id })
			expect(lonely.status).toBe(409)
			expect(lonely.data.message).toMatch(/no coordinator/)
			expect((await api('bmi', 'POST', `/organisations/${fx.s.rki.id}/reminders`, { periodId: 'soon' })).status).toBe(400)
		})

		it('limits how often a user may send reminders', async () => {
			const user = await createUser('pf-month-limit')
			try {
				const statuses: number[] = []
				for (let i = 0; i < 21; i++) {
					statuses.push((await api(user, 'POST', `/organisations/${fx.s.rki.id}/reminders`, { periodId: fx.period.id })).status)
				}
				expect(statuses.slice(0, 20).every((status) => status === 403)).toBe(true)
				expect(statuses[20]).toBe(429)
			} finally {
				await deleteUser(user.user)
			}
		})
	})
})
