/**
 * The acceptance scenario through the API: a tester rates and files, a confidential finding
 * stays inside its organisation, the coordinator follows the progress and releases the
 * period; the item edit rules follow the status; history and support are recorded.
 */
import type { Item, Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, freshPeriod, itemEdit, listAll, seed, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'

interface Assessment {
	componentId: number
	periodId: number
	userId: string
	organisationId: number
	overall: number | null
	comment: string
	scores: { criterionId: number, score: number | null }[]
}
interface Progress {
	period: Period
	organisationId: number
	componentIds: number[]
	members: { userId: string, displayName: string, ratedComponentIds: number[] }[]
	release: { organisationId: number, periodId: number, userId: string, releasedAt: number } | null
}

let s: Seed

beforeAll(async () => {
	s = await seed()
})

describe('rating, filing, coordinating and releasing a period', () => {
	/** A period of its own, so that the release does not touch the seeded month. */
	let period: Period
	let components: number[]
	let finding: Item
	const word = `zqworkflow${uid()}`

	beforeAll(async () => {
		period = await freshPeriod()
		// One component from each active pilot.
		components = [s.activePilots[0].componentIds[0], s.activePilots[1].componentIds[0]]
	})

	afterAll(async () => {
		if (period !== undefined) {
			await setPeriodStatus(period.id, 'closed')
		}
	})

	it('rki-tester1 rates two components with scores per criterion, an overall score and a comment', async () => {
		const [c1, c2] = s.criteria
		const first = await expectApi<Assessment>(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${components[0]}`, {
			overall: 4,
			comment: 'Works well; sharing links are slow.',
			scores: [{ criterionId: c1.id, score: 5 }, { criterionId: c2.id, score: 3 }],
		})
		expect(first).toMatchObject({ componentId: components[0], periodId: period.id, userId: 'rki-tester1', organisationId: s.rki.id, overall: 4 })
		const second = await expectApi<Assessment>(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${components[1]}`, {
			overall: 2,
			comment: 'Calls drop after ten minutes.',
			scores: [{ criterionId: c1.id, score: 2 }, { criterionId: c2.id, score: null }],
		})
		expect(second.overall).toBe(2)
		// Changing a rating replaces it rather than adding a second one.
		await expectApi(200, 'rki-tester1', 'PUT', `/ratings/${period.id}/${components[1]}`, {
			overall: 1,
			comment: 'Calls drop after five minutes.',
			scores: [{ criterionId: c1.id, score: 1 }, { criterionId: c2.id, score: null }],
		})
	})

	it('the rating sheet shows both components rated, and only rki-tester1\'s own ratings', async () => {
		const [c1, c2] = s.criteria
		const sheet = await expectApi<{ period: Period, components: { id: number }[], assessments: Assessment[] }>(200, 'rki-tester1', 'GET', `/ratings?periodId=${period.id}`)
		expect(sheet.period).toMatchObject({ id: period.id, status: 'open' })
		const sheetComponents = sheet.components.map((c) => c.id)
		expect(sheetComponents).toEqual(expect.arrayContaining(components))
		expect(sheet.assessments).toHaveLength(2)
		const byComponent = new Map(sheet.assessments.map((a) => [a.componentId, a]))
		expect(byComponent.get(components[0])).toMatchObject({ overall: 4, comment: 'Works well; sharing links are slow.', userId: 'rki-tester1' })
		expect(byComponent.get(components[0])?.scores).toEqual(expect.arrayContaining([{ criterionId: c1.id, score: 5 }, { criterionId: c2.id, score: 3 }]))
		expect(byComponent.get(components[1])).toMatchObject({ overall: 1, comment: 'Calls drop after five minutes.' })
		expect(byComponent.get(components[1])?.scores.find((x) => x.criterionId === c1.id)?.score).toBe(1)
		// Another tester's sheet of the same period is empty.
		const other = await expectApi<{ assessments: Assessment[] }>(200, 'rki-tester2', 'GET', `/ratings?periodId=${period.id}`)
		expect(other.assessments).toEqual([])
	})

	it('rki-tester1 files a security finding', async () => {
		finding = await createItem('rki-tester1', s, {
			type: 'security',
			title: `Admin panel reachable without login ${word}`,
			body: 'Open `/admin` in a private window.',
			priority: 'critical',
		})
		expect(finding).toMatchObject({ type: 'security', status: 'new', reporterId: 'rki-tester1', organisationId: s.rki.id, canEdit: true })
	})

	it('bsh-tester1 cannot see the finding anywhere', async () => {
		expect((await api('bsh-tester1', 'GET', `/items/${finding.id}`)).status).toBe(404)
		expect((await api('bsh-tester1', 'GET', `/items/${finding.id}/comments`)).status).toBe(404)
		const { items, total } = await listAll('bsh-tester1', { type: 'security' })
		expect(items.map((i) => i.id)).not.toContain(finding.id)
		expect(total).toBe(items.length)
		const suggestions = await expectApi<{ id: number }[]>(200, 'bsh-tester1', 'GET', `/items/suggestions?q=${word}`)
		expect(suggestions).toEqual([])
	})

	it('rki-coord sees the finding, and the progress shows rki-tester1\'s two rated components', async () => {
		const detail = await expectApi<Item>(200, 'rki-coord', 'GET', `/items/${finding.id}`)
		expect(detail.title).toBe(finding.title)
		expect((await listAll('rki-coord', { type: 'security', organisationId: s.rki.id })).items.map((i) => i.id)).toContain(finding.id)

		const progress = await expectApi<Progress>(200, 'rki-coord', 'GET', `/organisations/${s.rki.id}/progress?periodId=${period.id}`)
		expect(progress.period.id).toBe(period.id)
		expect(progress.organisationId).toBe(s.rki.id)
		expect(progress.componentIds).toEqual(expect.arrayContaining(components))
		expect(progress.release).toBeNull()
		const members = new Map(progress.members.map((m) => [m.userId, m]))
		expect([...members.keys()]).toEqual(expect.arrayContaining(['rki-tester1', 'rki-tester2']))
		expect(members.has('bsh-tester1')).toBe(false)
		expect([...members.get('rki-tester1')!.ratedComponentIds].sort((a, b) => a - b)).toEqual([...components].sort((a, b) => a - b))
		expect(members.get('rki-tester2')!.ratedComponentIds).toEqual([])
	})

	it('rki-coord releases RKI\'s period once; a second release is refused', async () => {
		const release = await expectApi<{ organisationId: number, periodId: number, userId: string }>(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
		expect(release).toMatchObject({ organisationId: s.rki.id, periodId: period.id, userId: 'rki-coord' })
		const again = await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: period.id })
		expect(again.status).toBe(409)
		expect(again.data.message).toMatch(/already released/)
		const progress = await expectApi<Progress>(200, 'bmi', 'GET', `/organisations/${s.rki.id}/progress?periodId=${period.id}`)
		expect(progress.release).toMatchObject({ userId: 'rki-coord', periodId: period.id })
		// BSH's feedback for the period is not released by RKI's release.
		const bsh = await expectApi<Progress>(200, 'bsh-coord', 'GET', `/organisations/${s.bsh.id}/progress?periodId=${period.id}`)
		expect(bsh.release).toBeNull()
	})
})

describe('editing follows the status; history and support are recorded', () => {
	let item: Item

	beforeAll(async () => {
		item = await createItem('rki-tester1', s, { title: `Calendar invites lack time zone ${uid()}`, priority: 'medium' })
	})

	it('the reporter edits the own new item', async () => {
		const edited = await expectApi<Item>(200, 'rki-tester1', 'PUT', `/items/${item.id}`, itemEdit(item, { title: `${item.title} (edited)`, priority: 'high' }))
		expect(edited).toMatchObject({ title: `${item.title} (edited)`, priority: 'high', canEdit: true })
	})

	it('after bmi moves it to in_review the reporter may no longer edit it, the coordinator may', async () => {
		const triaged = await expectApi<Item>(200, 'bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'in_review' }))
		expect(triaged.status).toBe('in_review')
		const reporterView = await expectApi<Item>(200, 'rki-tester1', 'GET', `/items/${item.id}`)
		expect(reporterView.canEdit).toBe(false)
		const refused = await api('rki-tester1', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'Too late' }))
		expect(refused.status).toBe(403)
		expect(refused.data.message).toMatch(/while they are new/)
		const coordinatorView = await expectApi<Item>(200, 'rki-coord', 'GET', `/items/${item.id}`)
		expect(coordinatorView.canEdit).toBe(true)
		const edited = await expectApi<Item>(200, 'rki-coord', 'PUT', `/items/${item.id}`, itemEdit(coordinatorView, { title: `${item.title} (coordinated)` }))
		expect(edited).toMatchObject({ title: `${item.title} (coordinated)`, status: 'in_review' })
		// Another organisation's coordinator may not.
		expect((await api('bsh-coord', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'Not ours' }))).status).toBe(403)
	})

	it('the history lists each change with user and field, oldest first', async () => {
		const detail = await expectApi<Item>(200, 'rki-tester2', 'GET', `/items/${item.id}`)
		const history = detail.history!.map((h) => ({ userId: h.userId, field: h.field, oldValue: h.oldValue, newValue: h.newValue }))
		expect(history).toEqual([
			{ userId: 'rki-tester1', field: 'created', oldValue: null, newValue: item.title },
			expect.objectContaining({ userId: 'rki-tester1', field: 'title', oldValue: item.title, newValue: `${item.title} (edited)` }),
			expect.objectContaining({ userId: 'rki-tester1', field: 'priority', oldValue: 'medium', newValue: 'high' }),
			{ userId: 'bmi', field: 'status', oldValue: 'new', newValue: 'in_review' },
			{ userId: 'rki-coord', field: 'title', oldValue: `${item.title} (edited)`, newValue: `${item.title} (coordinated)` },
		])
		for (const entry of detail.history!) {
			expect(entry.userName).not.toBe('')
		}
		expect(detail.history!.find((h) => h.userId === 'bmi')?.userName).toBe('BMI Konsolidierung')
	})

	it('refuses support from the item\'s own reporter, who already counts', async () => {
		const refused = await api('rki-tester1', 'POST', `/items/${item.id}/support`)
		expect(refused.status).toBe(403)
		expect(refused.data?.message).toMatch(/You filed this item/)
		expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)).supportCount).toBe(0)
	})

	it('support toggles supportCount and records the supporting organisation', async () => {
		const supported = await expectApi<Item>(200, 'bsh-tester1', 'POST', `/items/${item.id}/support`)
		expect(supported).toMatchObject({ supportCount: 1, supportedByMe: true })
		expect(supported.supporters).toEqual([expect.objectContaining({ userId: 'bsh-tester1', organisationId: s.bsh.id })])
		// Supporting twice counts once.
		expect((await expectApi<Item>(200, 'bsh-tester1', 'POST', `/items/${item.id}/support`)).supportCount).toBe(1)
		const second = await expectApi<Item>(200, 'rki-tester2', 'POST', `/items/${item.id}/support`)
		expect(second).toMatchObject({ supportCount: 2, supportedByMe: true })
		expect((await expectApi<Item>(200, 'rki-tester1', 'GET', `/items/${item.id}`)).supportedByMe).toBe(false)
		const withdrawn = await expectApi<Item>(200, 'bsh-tester1', 'DELETE', `/items/${item.id}/support`)
		expect(withdrawn).toMatchObject({ supportCount: 1, supportedByMe: false })
		expect(withdrawn.supporters?.map((x) => x.userId)).toEqual(['rki-tester2'])
		// Lists carry the count too.
		const list = await listAll('bsh-tester1', { organisationId: s.rki.id, sort: 'support' })
		expect(list.items.find((i) => i.id === item.id)).toMatchObject({ supportCount: 1, supportedByMe: false })
		await expectApi(200, 'rki-tester2', 'DELETE', `/items/${item.id}/support`)
		expect((await expectApi<Item>(200, 'bmi', 'GET', `/items/${item.id}`)).supportCount).toBe(0)
	})
})

describe('sorting by priority', () => {
	it('sorts by the priority the list shows: the consolidated one where set, else the reporter\'s', async () => {
		const low = await createItem('rki-tester2', s, { title: `Sort low→critical ${uid()}`, priority: 'low' })
		const high = await createItem('rki-tester2', s, { title: `Sort high ${uid()}`, priority: 'high' })
		const medium = await createItem('rki-tester2', s, { title: `Sort medium→low ${uid()}`, priority: 'medium' })
		await expectApi(200, 'bmi', 'PUT', `/items/${low.id}/status`, await withVersion(low.id, { status: 'new', consolidatedPriority: 'critical' }))
		await expectApi(200, 'bmi', 'PUT', `/items/${medium.id}/status`, await withVersion(medium.id, { status: 'new', consolidatedPriority: 'low' }))
		const ours = [low.id, high.id, medium.id]
		const order = async (direction: string): Promise<number[]> => (await listAll('bmi', { organisationId: s.rki.id, sort: 'priority', order: direction }))
			.items.map((i) => i.id).filter((id) => ours.includes(id))
		expect(await order('desc')).toEqual([low.id, high.id, medium.id])
		expect(await order('asc')).toEqual([medium.id, high.id, low.id])
	})
})
