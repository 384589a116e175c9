/**
 * A deleted user is named nowhere (issue 17): once the account is gone, the report list, the
 * other users' activity entries and notifications show the pseudonym that the app's records
 * carry ("deleted user #N"), never the user id or the display name, which older entries and
 * notifications were written with. The leaver is an RKI tester who also coordinated RKI for a
 * while (so that they asked for a report). Before the deletion, their own data export
 * (occ pilotfeedback:user:export, when NEXTCLOUD_SERVER_DIR names the server) holds that report.
 */
import type { Item, Organisation, Period, Seed } from './setup/fixtures.ts'

import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createItem, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

interface Notification { object_type: string, object_id: string, subject: string, subjectRich: string, subjectRichParameters: Record<string, { type: string, id: string, name: string }> }
interface Activity { object_type: string, object_id: number, subject: string, user: string, subject_rich: [string, Record<string, { type: string, id: string, name: string }>] }
interface Report { id: number, requestedBy: string, requestedByName: string }

async function notifications(login: 'rki-tester1'): Promise<Notification[]> {
	const response = await call<Notification[]>(login, 'GET', '/ocs/v2.php/apps/notifications/api/v2/notifications')
	expect(response.status, response.text).toBe(200)
	return response.data.filter((n) => n.object_type === 'item')
}

async function activities(login: 'rki-tester1' | 'bmi', itemId: number): Promise<Activity[]> {
	const response = await call<Activity[]>(login, 'GET', `/ocs/v2.php/apps/activity/api/v2/activity/filter?limit=200&object_type=pilotfeedback_item&object_id=${itemId}`)
	if (response.status === 304) {
		return []
	}
	expect(response.status, response.text).toBe(200)
	return response.data
}

describe('a deleted user is named nowhere', () => {
	let s: Seed
	let period: Period
	let rki: Organisation
	let target: Item
	let own: Item
	let report: Report
	const leaver = { user: `pf-leaver-${uid()}`, password: `Pf-${uid()}-${uid()}-Aa1!` }
	const displayName = `Lea Leaver ${uid()}`

	/** Fails unless nothing in the answer names the leaver. */
	function namesNobody(what: string, answer: unknown): void {
		const text = JSON.stringify(answer)
		expect(text, what).not.toContain(leaver.user)
		expect(text, what).not.toContain(displayName)
	}

	beforeAll(async () => {
		s = await seed()
		period = await freshPeriod()
		const created = await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: leaver.user, password: leaver.password, groups: s.rki.groupIds })
		expect(created.status, created.text).toBe(200)
		const named = await call('admin', 'PUT', `/ocs/v2.php/cloud/users/${encodeURIComponent(leaver.user)}`, { key: 'displayname', value: displayName })
		expect(named.status, named.text).toBe(200)
		rki = (await expectApi<Organisation[]>(200, 'admin', 'GET', '/organisations')).find((o) => o.id === s.rki.id)!
		await expectApi(200, 'admin', 'PUT', `/organisations/${rki.id}`, { ...rki, coordinatorIds: [...rki.coordinatorIds, leaver.user] })

		target = await createItem('rki-tester1', s, { title: `Printing fails ${uid()}` })
		await expectApi(200, leaver, 'POST', `/items/${target.id}/support`)
		await expectApi(201, leaver, 'POST', `/items/${target.id}/comments`, { message: 'Same for me' })
		own = await createItem(leaver, s, { title: `Leaver's finding ${uid()}` })
		const formats = await expectApi<{ documents: string[] }>(200, leaver, 'GET', '/reports/formats')
		report = await expectApi<Report>(200, leaver, 'POST', '/reports', { type: 'monthly', fileFormat: formats.documents[0], pilotId: s.activePilots[0].id, month: period.month, language: 'en' })
		expect(report.requestedByName).toBe(displayName)

		// Before the deletion the leaver is named (so that the checks below can fail).
		expect((await notifications('rki-tester1')).some((n) => n.object_id === String(target.id) && n.subject === `${displayName} commented on ${target.title}.`)).toBe(true)
		expect((await activities('rki-tester1', target.id)).some((a) => a.subject === `${displayName} supported ${target.title}`)).toBe(true)

		if (SERVER_DIR !== '') {
			const run = spawnSync('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', 'pilotfeedback:user:export', leaver.user], { encoding: 'utf-8' })
			expect(run.status, run.stderr).toBe(0)
			const data = JSON.parse(run.stdout) as { reports: { id: number | string, type: string, period: string }[] }
			expect(data.reports.map((r) => [Number(r.id), r.type, r.period])).toEqual([[report.id, 'monthly', period.month]])
		}

		const deleted = await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${encodeURIComponent(leaver.user)}`)
		expect(deleted.status, deleted.text).toBe(200)
	})

	afterAll(async () => {
		// Normally the deletion ended the coordinator role already.
		await expectApi(200, 'admin', 'PUT', `/organisations/${rki.id}`, { ...rki, coordinatorIds: rki.coordinatorIds.filter((c) => c !== leaver.user) })
		await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${encodeURIComponent(leaver.user)}`)
		await setPeriodStatus(period.id, 'closed')
	})

	/** The pseudonym the records carry, as the item API shows the reporter. */
	async function pseudonym(): Promise<string> {
		const reporterId = (await expectApi<Item>(200, 'bmi', 'GET', `/items/${own.id}`)).reporterId
		expect(reporterId).toMatch(/^deleted user #\d+$/)
		return reporterId
	}

	it('in the report list, as the one who asked for the report', async () => {
		const name = await pseudonym()
		const list = await expectApi<{ reports: Report[] }>(200, 'bmi', 'GET', '/reports?limit=100')
		const listed = list.reports.find((r) => r.id === report.id)
		expect([listed?.requestedBy, listed?.requestedByName]).toEqual([name, name])
		namesNobody('report list', list)
		namesNobody('report', await expectApi(200, 'bmi', 'GET', `/reports/${report.id}`))
	})

	it('in other users\' notifications', async () => {
		const name = await pseudonym()
		const about = (await notifications('rki-tester1')).filter((n) => n.object_id === String(target.id))
		const commented = about.find((n) => n.subjectRich === '{actor} commented on {item}.')
		expect(commented?.subject).toBe(`${name} commented on ${target.title}.`)
		expect(commented?.subjectRichParameters.actor).toEqual({ type: 'highlight', id: name, name })
		namesNobody('notifications', about)
	})

	it('in other users\' activity entries, neither in the text nor as their author', async () => {
		const name = await pseudonym()
		for (const login of ['rki-tester1', 'bmi'] as const) {
			const entries = await activities(login, target.id)
			expect(entries.map((a) => a.subject), login).toContain(`${name} supported ${target.title}`)
			expect(entries.map((a) => a.subject), login).toContain(`${name} commented on ${target.title}`)
			namesNobody(`activity of ${login}`, entries)
		}
		const filed = await activities('bmi', own.id)
		expect(filed.map((a) => a.subject)).toContain(`${name} filed ${own.title}`)
		namesNobody('activity of the leaver\'s item', filed)
	})
})
