/**
 * Nextcloud's user migration (issue 17): the app's migrator carries a tester's items, ratings
 * (with their scores), supports and comments out of the server and into an account. The
 * user_migration app is not bundled with Nextcloud, so the suite runs the registered migrator
 * as that app does through test/fixtures/user-migration.php (with the server's PHP), with the
 * archive in a temporary folder; it imports the export into a new account on the same server
 * and reads the records back through the app's API.
 *
 * Needs NEXTCLOUD_SERVER_DIR (scripts/test-integration.sh sets it).
 */
import type { Item, Period, Seed } from './setup/fixtures.ts'

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createItem, deleteUser, expectApi, freshPeriod, seed, setPeriodStatus, uid } from './setup/fixtures.ts'

/** Scores in ascending order: the rows' order says nothing (the criteria are what count, and each has one score here). */
function byValue(scores: (number | null)[]): (number | null)[] {
	return [...scores].sort((a, b) => (a ?? 0) - (b ?? 0))
}

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''
const SCRIPT = fileURLToPath(new URL('../fixtures/user-migration.php', import.meta.url))

/** Runs the fixture script (export or import of a user with the app's migrator); fails the test unless it succeeds. */
function migrate(action: 'export' | 'import', user: string, folder: string): string {
	const run = spawnSync('php', [SCRIPT, SERVER_DIR, action, user, folder], { encoding: 'utf-8', timeout: 120_000 })
	expect(run.status, `${action} ${user}: ${run.stdout}${run.stderr}`).toBe(0)
	return run.stdout
}

interface Records {
	format: number
	userId: string
	items: { id: number, title: string, componentId: number }[]
	assessments: { componentId: number, periodId: number, overall: number | null, comment: string | null, scores: { criterionId: number, score: number | null }[] }[]
	supports: { itemId: number }[]
	comments: { itemId: number, message: string }[]
	otherItems: Record<string, string>
}
interface Assessment { componentId: number, userId: string, overall: number | null, comment: string, scores: { criterionId: number, score: number | null }[], rated: boolean }
interface Comment { actorId: string, message: string }

describe.skipIf(SERVER_DIR === '')('the user migration of a tester (IMigrator)', () => {
	let s: Seed
	let period: Period
	let folder: string
	let othersItem: Item
	let filed: Item
	const tester = { user: `pf-mover-${uid()}`, password: `Pf-${uid()}-${uid()}-Aa1!` }
	const newcomer = { user: `pf-arrival-${uid()}`, password: `Pf-${uid()}-${uid()}-Aa1!` }

	beforeAll(async () => {
		s = await seed()
		period = await freshPeriod()
		folder = mkdtempSync(join(tmpdir(), 'pf-user-migration-'))
		for (const account of [tester, newcomer]) {
			const created = await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: account.user, password: account.password, groups: s.rki.groupIds })
			expect(created.status, created.text).toBe(200)
		}
		const pilot = s.activePilots[0]
		for (const [i, componentId] of pilot.componentIds.slice(0, 2).entries()) {
			await expectApi(200, tester, 'PUT', `/ratings/${period.id}/${componentId}`, {
				overall: 2 + i,
				comment: `moving rating ${i}`,
				scores: s.criteria.slice(0, 2).map((c, j) => ({ criterionId: c.id, score: 1 + i + j })),
			})
		}
		othersItem = await createItem('rki-tester1', s, { title: `Someone else's item ${uid()}` })
		filed = await createItem(tester, s, { title: `Mover's item ${uid()}`, body: 'It stalls at 99 %.', priority: 'high' })
		await expectApi(200, tester, 'POST', `/items/${othersItem.id}/support`)
		await expectApi(201, tester, 'POST', `/items/${filed.id}/comments`, { message: 'My own steps to reproduce' })
		await expectApi(201, tester, 'POST', `/items/${othersItem.id}/comments`, { message: 'Same here' })
	})

	afterAll(async () => {
		rmSync(folder, { recursive: true, force: true })
		await deleteUser(tester.user)
		await deleteUser(newcomer.user)
		if (period !== undefined) {
			await setPeriodStatus(period.id, 'closed')
		}
	})

	it('exports the tester\'s items, ratings with scores, supports and comments, and nothing of others', () => {
		expect(migrate('export', tester.user, folder)).toContain('Exporting the Pilot Feedback records into pilotfeedback/records.json')
		const text = readFileSync(join(folder, 'pilotfeedback', 'records.json'), 'utf-8')
		const records = JSON.parse(text) as Records
		expect(records.format).toBe(1)
		expect(records.userId).toBe(tester.user)
		expect(records.items.map((i) => i.title)).toEqual([filed.title])
		const rated = s.activePilots[0].componentIds.slice(0, 2).map((componentId, i) => [componentId, 2 + i, `moving rating ${i}`, [1 + i, 2 + i]])
		expect(records.assessments.filter((a) => a.periodId === period.id).map((a) => [a.componentId, a.overall, a.comment, byValue(a.scores.map((x) => x.score))])).toEqual(rated)
		expect(records.supports.map((x) => x.itemId)).toEqual([othersItem.id])
		expect(records.comments.map((c) => [c.itemId, c.message])).toEqual([[filed.id, 'My own steps to reproduce'], [othersItem.id, 'Same here']])
		// Someone else's item only as a fingerprint; no other user's id.
		expect(Object.keys(records.otherItems)).toEqual([String(othersItem.id)])
		expect(text).not.toContain(othersItem.title)
		expect(text).not.toContain('rki-tester1')
	})

	it('imports them into another account, which then has them as its own', async () => {
		const output = migrate('import', newcomer.user, folder)
		expect(output).toContain('Imported 1 items, 2 ratings, 1 supports, 2 comments and 0 report records.')

		const mine = await expectApi<{ items: Item[] }>(200, newcomer, 'GET', '/items?mine=1&limit=100')
		expect(mine.items.map((i) => [i.title, i.body, i.priority, i.reporterId])).toEqual([[filed.title, 'It stalls at 99 %.', 'high', newcomer.user]])
		const restored = mine.items[0]!
		expect(restored.id).not.toBe(filed.id)

		const sheet = await expectApi<{ assessments: Assessment[] }>(200, newcomer, 'GET', `/ratings?periodId=${period.id}`)
		const expected = s.activePilots[0].componentIds.slice(0, 2).map((componentId, i) => [componentId, newcomer.user, 2 + i, `moving rating ${i}`, [1 + i, 2 + i], true])
		expect(sheet.assessments.map((a) => [a.componentId, a.userId, a.overall, a.comment, byValue(a.scores.map((x) => x.score)), a.rated]).sort()).toEqual(expected.sort())

		const supported = await expectApi<Item>(200, 'bmi', 'GET', `/items/${othersItem.id}`)
		expect(supported.supporters!.map((x) => x.userId).sort()).toEqual([tester.user, newcomer.user].sort())
		expect(supported.supportCount).toBe(2)

		expect((await expectApi<Comment[]>(200, newcomer, 'GET', `/items/${restored.id}/comments`)).map((c) => [c.actorId, c.message])).toEqual([[newcomer.user, 'My own steps to reproduce']])
		expect((await expectApi<Comment[]>(200, newcomer, 'GET', `/items/${othersItem.id}/comments`)).filter((c) => c.actorId === newcomer.user).map((c) => c.message)).toEqual(['Same here'])

		// The title's words are indexed: the item is found by them.
		const found = await expectApi<{ items: Item[] }>(200, newcomer, 'GET', `/items?q=${encodeURIComponent(filed.title.split(' ').pop()!)}&limit=100`)
		expect(found.items.map((i) => i.id)).toContain(restored.id)
	})

	it('doubles nothing when the same export is imported again', async () => {
		expect(migrate('import', newcomer.user, folder)).toContain('Imported 0 items, 0 ratings, 0 supports, 0 comments and 0 report records.')
		expect((await expectApi<{ items: Item[] }>(200, newcomer, 'GET', '/items?mine=1&limit=100')).items).toHaveLength(1)
	})
})
