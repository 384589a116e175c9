/**
 * The monthly totals (issue 20) against a real Nextcloud: the consolidation sums per-month
 * totals that every save keeps in step, instead of counting the ratings. The suite follows one
 * month of its own through what changes them (a first rating, a changed score, a rating
 * withdrawn to a draft, a tester's account deleted) and checks after each step the figures of
 * the API and `occ pilotfeedback:consolidation:verify`, which recomputes the totals from the
 * ratings. Then it spoils a total on purpose: verify must find it and --repair mend it.
 * Needs NEXTCLOUD_SERVER_DIR (occ).
 */
import type { Period, Seed } from './setup/fixtures.ts'

import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, call, createUser, deleteUser, expectApi, freshQuarterPeriod, seed } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

interface Stats { n: number, mean: number | null, distribution: number[] }
interface Results { components: { componentId: number, assessments: number, overall: Stats, criteria: (Stats & { criterionId: number })[] }[] }
interface Participation { rows: { organisationId: number, month: string, testersWithAssessment: number, assessments: number }[] }

let s: Seed
let period: Period
let pilotId: number
let componentId: number
let criterionId: number

/** occ pilotfeedback:consolidation:verify [args]: its exit code and output. */
function verify(...args: string[]): { status: number | null, output: string } {
	const run = spawnSync('php', [join(SERVER_DIR, 'occ'), '--no-interaction', '--no-warnings', 'pilotfeedback:consolidation:verify', ...args], { encoding: 'utf8', timeout: 110_000 })
	return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** The suite month's quarter as stored in the quarter totals: year × 10 + 1…4. */
function quarterOfPeriod(): number {
	const [year, m] = period.month.split('-').map(Number)
	return year * 10 + Math.floor((m - 1) / 3) + 1
}

/**
 * Adds 1 to a column of the suite's quarter rows of the overall score, behind the app's back.
 *
 * @return the number of rows changed
 */
function spoilQuarter(table: 'pf_quarter_totals' | 'pf_quarter_released', column: 'ratings' | 's3'): number {
	const spoil = `require ${JSON.stringify(join(SERVER_DIR, 'lib/base.php'))};
		$db = \\OCP\\Server::get(\\OCP\\IDBConnection::class);
		$qb = $db->getQueryBuilder();
		$qb->update('${table}')->set('${column}', $qb->createFunction('${column} + 1'))
			->where($qb->expr()->eq('quarter', $qb->createNamedParameter(${quarterOfPeriod()})))
			->andWhere($qb->expr()->eq('pilot_id', $qb->createNamedParameter(${pilotId})))
			->andWhere($qb->expr()->eq('criterion_id', $qb->createNamedParameter(0)));
		echo $qb->executeStatement();`
	return Number(execFileSync('php', ['-r', spoil], { encoding: 'utf8' }).trim())
}

/** The consolidated figures of the suite's component in the suite's month. */
async function figures(): Promise<{ assessments: number, overall: Stats, criterion: Stats | undefined }> {
	const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&month=${period.month}`)
	const component = results.components.find((c) => c.componentId === componentId)
	return {
		assessments: component?.assessments ?? 0,
		overall: component?.overall ?? { n: 0, mean: null, distribution: [0, 0, 0, 0, 0] },
		criterion: component?.criteria.find((c) => c.criterionId === criterionId),
	}
}

/** Raters and rated assessments of RKI in the suite's month. */
async function rkiParticipation(): Promise<{ raters: number, assessments: number }> {
	const data = await expectApi<Participation>(200, 'bmi', 'GET', `/consolidation/participation?pilotId=${pilotId}&month=${period.month}`)
	const row = data.rows.find((r) => r.organisationId === s.rki.id && r.month === period.month)
	return { raters: row?.testersWithAssessment ?? 0, assessments: row?.assessments ?? 0 }
}

function rate(user: string, body: Record<string, unknown>, password?: string) {
	return expectApi(200, password === undefined ? user as 'rki-tester1' : { user, password }, 'PUT', `/ratings/${period.id}/${componentId}`, { pilotId, overall: null, comment: null, scores: [], ...body })
}

beforeAll(async () => {
	expect(SERVER_DIR, 'NEXTCLOUD_SERVER_DIR names the server folder (occ)').not.toBe('')
	s = await seed()
	pilotId = s.activePilots[0].id
	componentId = s.activePilots[0].componentIds[0]
	criterionId = s.criteria[0].id
	period = await freshQuarterPeriod()
})

afterAll(async () => {
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
})

describe('every change to a rating changes the totals, and they always equal the ratings', () => {
	it('first ratings, a changed score and a withdrawn rating', async () => {
		await rate('rki-tester1', { overall: 4, scores: [{ criterionId, score: 5 }] })
		await rate('rki-tester2', { overall: 2, scores: [{ criterionId, score: null }] })
		let now = await figures()
		expect([now.assessments, now.overall.n, now.overall.mean, now.overall.distribution]).toEqual([2, 2, 3, [0, 1, 0, 1, 0]])
		expect([now.criterion?.n, now.criterion?.mean]).toEqual([1, 5])
		expect(await rkiParticipation()).toEqual({ raters: 2, assessments: 2 })
		expect(verify().status).toBe(0)

		await rate('rki-tester1', { overall: 5, scores: [{ criterionId, score: 1 }] })
		now = await figures()
		expect([now.overall.n, now.overall.distribution, now.criterion?.distribution]).toEqual([2, [0, 1, 0, 0, 1], [1, 0, 0, 0, 0]])

		// a comment alone is a draft: rki-tester2's rating no longer counts
		await rate('rki-tester2', { comment: 'thinking again' })
		now = await figures()
		expect([now.assessments, now.overall.n, now.overall.mean]).toEqual([1, 1, 5])
		expect(await rkiParticipation()).toEqual({ raters: 1, assessments: 1 })
		expect(verify().status).toBe(0)
	})

	it('a deleted tester\'s rating still counts, under a pseudonym', async () => {
		const tester = await createUser('pf-it-totals')
		const added = await call('admin', 'POST', `/ocs/v2.php/cloud/users/${encodeURIComponent(tester.user)}/groups`, { groupid: s.rki.groupIds[0] })
		expect(added.status, added.text).toBe(200)
		await rate(tester.user, { overall: 3 }, tester.password)
		expect(await rkiParticipation()).toEqual({ raters: 2, assessments: 2 })
		await deleteUser(tester.user)
		expect(await rkiParticipation()).toEqual({ raters: 2, assessments: 2 })
		expect((await figures()).overall.n).toBe(2)
		expect(verify().status).toBe(0)
	})
})

describe('occ pilotfeedback:consolidation:verify', () => {
	it('finds a total that differs from the ratings, and --repair mends it', () => {
		// Spoil one of the suite's totals behind the app's back.
		const spoil = `require ${JSON.stringify(join(SERVER_DIR, 'lib/base.php'))};
			$db = \\OCP\\Server::get(\\OCP\\IDBConnection::class);
			$qb = $db->getQueryBuilder();
			$qb->update('pf_month_totals')->set('s3', $qb->createFunction('s3 + 1'))
				->where($qb->expr()->eq('period_id', $qb->createNamedParameter(${period.id})))
				->andWhere($qb->expr()->eq('criterion_id', $qb->createNamedParameter(0)));
			echo $qb->executeStatement();`
		expect(execFileSync('php', ['-r', spoil], { encoding: 'utf8' }).trim()).not.toBe('0')

		const found = verify()
		expect(found.status).toBe(1)
		expect(found.output).toMatch(/monthly total\(s\) differ from the ratings/)
		expect(found.output).toContain(`totals of ${period.id}/${pilotId}/${s.rki.id}/${componentId}/0`)

		const repaired = verify('--repair')
		expect(repaired.status, repaired.output).toBe(0)
		expect(repaired.output).toContain('Repaired')
		expect(verify().status).toBe(0)
	})
	it('finds a quarter\'s total that differs from its months, and --repair mends it', () => {
		const quarter = quarterOfPeriod()
		expect(spoilQuarter('pf_quarter_totals', 's3')).toBeGreaterThan(0)

		const found = verify()
		expect(found.status).toBe(1)
		expect(found.output).toContain(`quarter totals of ${quarter}/${pilotId}/${s.rki.id}/${componentId}/0: from the months`)

		const repaired = verify('--repair')
		expect(repaired.status, repaired.output).toBe(0)
		expect(verify().status).toBe(0)
	})
})

describe('a release and its reopening move the month in and out of the released quarter totals', () => {
	/** The suite component's overall figures over the month's quarter, released feedback only. */
	async function releasedInQuarter(): Promise<{ assessments: number, n: number, distribution: number[] }> {
		const quarter = quarterOfPeriod()
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?pilotId=${pilotId}&quarter=${Math.floor(quarter / 10)}-Q${quarter % 10}&releasedOnly=true`)
		const component = results.components.find((c) => c.componentId === componentId)
		return { assessments: component?.assessments ?? 0, n: component?.overall.n ?? 0, distribution: component?.overall.distribution ?? [] }
	}

	it('counts the released month whole, finds a spoiled released total, and forgets the month when reopened', async () => {
		const all = await figures()
		expect(all.assessments).toBeGreaterThan(0)
		expect(await releasedInQuarter()).toEqual({ assessments: 0, n: 0, distribution: [0, 0, 0, 0, 0] })

		await expectApi(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
		expect(await releasedInQuarter()).toEqual({ assessments: all.assessments, n: all.overall.n, distribution: all.overall.distribution })
		expect(verify().status).toBe(0)

		const quarter = quarterOfPeriod()
		expect(spoilQuarter('pf_quarter_released', 'ratings')).toBeGreaterThan(0)
		const found = verify()
		expect(found.status).toBe(1)
		expect(found.output).toContain(`released quarter totals of ${quarter}/${pilotId}/${s.rki.id}/${componentId}/0: from the months released`)
		expect(verify('--repair').status).toBe(0)

		await expectApi(200, 'rki-coord', 'DELETE', `/organisations/${s.rki.id}/releases/${period.id}`)
		expect(await releasedInQuarter()).toEqual({ assessments: 0, n: 0, distribution: [0, 0, 0, 0, 0] })
		expect(verify().status).toBe(0)
	})
})
