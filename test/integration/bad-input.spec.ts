/**
 * Bad input is refused with a 4xx and a message that names the problem, and nothing of
 * it is saved: every refusal is followed by a read that shows the data unchanged.
 */
import type { ApiResponse, Item, Login, Period, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, freshPeriod, itemEdit, seed, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'

let s: Seed
/** An open throwaway period for the rating checks. */
let period: Period
/** Periods to close afterwards. */
const periods: number[] = []

/** Asserts a refusal with the status and a message matching `pattern`. */
function refused(response: ApiResponse, status: number, pattern: RegExp): void {
	expect(response.status, response.text.slice(0, 300)).toBe(status)
	expect(response.headers.get('content-type') ?? '').toContain('application/json')
	expect(typeof response.data?.message, response.text.slice(0, 300)).toBe('string')
	expect(response.data.message).toMatch(pattern)
}

/** How many items `login` has filed (GET /items?mine=1). */
async function myItemCount(login: Login): Promise<number> {
	return (await expectApi<{ total: number }>(200, login, 'GET', '/items?mine=1&limit=1')).total
}

/** A valid POST /items body for RKI, with fields replaced. */
function itemBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
	const pilot = s.activePilots[0]
	return { type: 'defect', title: `Bad input ${uid()}`, body: '', pilotId: pilot.id, componentId: pilot.componentIds[0], priority: 'low', ...fields }
}

async function listOf<T = unknown>(path: string): Promise<T[]> {
	return expectApi<T[]>(200, 'admin', 'GET', path)
}

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	periods.push(period.id)
})

afterAll(async () => {
	for (const id of periods) {
		await api('admin', 'PUT', `/periods/${id}`, { status: 'closed' })
	}
})

describe('catalogue administration', () => {
	it('refuses empty names and titles', async () => {
		const marker = `marker-${uid()}`
		refused(await api('admin', 'POST', '/pilots', { title: '   ', status: 'planned', description: marker }), 400, /Title must not be empty/)
		refused(await api('admin', 'POST', '/components', { name: '', category: 'other', description: marker }), 400, /Name must not be empty/)
		refused(await api('admin', 'POST', '/criteria', { name: '', description: marker }), 400, /Name must not be empty/)
		refused(await api('admin', 'POST', '/organisations', { name: '', shortName: 'X' }), 400, /Name must not be empty/)
		refused(await api('admin', 'POST', '/organisations', { name: `Org ${marker}`, shortName: '' }), 400, /Short name must not be empty/)
		for (const path of ['/pilots', '/components', '/criteria']) {
			expect(JSON.stringify(await listOf(path))).not.toContain(marker)
		}
		expect(JSON.stringify(await listOf('/organisations'))).not.toContain(marker)
	})

	it('refuses an organisation with an unknown group, naming the group', async () => {
		const name = `Bad org ${uid()}`
		const group = `no-such-group-${uid()}`
		refused(await api('admin', 'POST', '/organisations', { name, shortName: 'BAD', groupIds: [group] }), 400, new RegExp(group))
		expect((await listOf<{ name: string }>('/organisations')).map((o) => o.name)).not.toContain(name)
	})

	it('refuses to give an existing organisation an unknown group or coordinator, keeping the old mapping', async () => {
		const before = (await listOf<{ id: number, groupIds: string[], coordinatorIds: string[], name: string, shortName: string, pilotIds: number[] }>('/organisations')).find((o) => o.id === s.rki.id)!
		const group = `no-such-group-${uid()}`
		refused(await api('admin', 'PUT', `/organisations/${s.rki.id}`, { ...before, groupIds: [...before.groupIds, group] }), 400, new RegExp(group))
		const user = `no-such-user-${uid()}`
		refused(await api('admin', 'PUT', `/organisations/${s.rki.id}`, { ...before, coordinatorIds: [user] }), 400, new RegExp(user))
		// A group of another organisation cannot be taken over either.
		refused(await api('admin', 'PUT', `/organisations/${s.rki.id}`, { ...before, groupIds: [...before.groupIds, ...s.bsh.groupIds] }), 400, /already belongs to another organisation/)
		const after = (await listOf<{ id: number }>('/organisations')).find((o) => o.id === s.rki.id)
		expect(after).toEqual(before)
	})

	it('refuses a second period for the same month', async () => {
		refused(await api('admin', 'POST', '/periods', { month: s.openPeriod.month }), 400, new RegExp(`${s.openPeriod.month}.*already exists`))
		refused(await api('admin', 'POST', '/periods', { month: period.month }), 400, /already exists/)
		const months = (await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month)
		expect(months.filter((m) => m === period.month)).toHaveLength(1)
		expect(months.filter((m) => m === s.openPeriod.month)).toHaveLength(1)
	})

	it('refuses malformed months and statuses', async () => {
		refused(await api('admin', 'POST', '/periods', { month: '2026-13' }), 400, /Month must be a month like/)
		refused(await api('admin', 'POST', '/periods', { month: 202601 }), 400, /Month must be a month like/)
		refused(await api('admin', 'PUT', `/periods/${period.id}`, { status: 'half-open' }), 400, /Status must be one of: open, closed/)
		const after = (await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).find((p) => p.id === period.id)
		expect(after?.status).toBe('open')
	})

	it('refuses a component without a category, and one with an unknown category', async () => {
		const name = `No category ${uid()}`
		refused(await api('admin', 'POST', '/components', { name }), 400, /category/i)
		refused(await api('admin', 'POST', '/components', { name, category: 'spreadsheets' }), 400, /Category must be one of/)
		expect((await listOf<{ name: string }>('/components')).map((c) => c.name)).not.toContain(name)
	})

	it('refuses wrong types: a map for componentIds, a text for sortOrder, an end before the start', async () => {
		const title = `Wrong types ${uid()}`
		refused(await api('admin', 'POST', '/pilots', { title, status: 'planned', componentIds: { a: 1 } }), 400, /Components must be a list of ids/)
		refused(await api('admin', 'POST', '/pilots', { title, status: 'planned', componentIds: [999_999] }), 400, /Components: one of the chosen components does not exist/)
		refused(await api('admin', 'POST', '/pilots', { title: [title], status: 'planned' }), 400, /Title must be text/)
		refused(await api('admin', 'POST', '/pilots', { title, status: 'planned', startDate: '2026-05-01', endDate: '2026-04-01' }), 400, /end date/)
		refused(await api('admin', 'POST', '/pilots', { title, status: 'planned', startDate: '2026-02-30' }), 400, /Start date must be a date/)
		refused(await api('admin', 'POST', '/pilots', { title, status: 'paused' }), 400, /Status must be one of/)
		refused(await api('admin', 'POST', '/criteria', { name: title, sortOrder: 'first' }), 400, /Sort order must be a whole number/)
		expect(JSON.stringify(await listOf('/pilots'))).not.toContain(title)
		expect(JSON.stringify(await listOf('/criteria'))).not.toContain(title)
	})

	it('answers 404 with a message for unknown ids', async () => {
		for (const path of ['/pilots/999999', '/components/999999', '/criteria/999999', '/organisations/999999']) {
			const response = await api('admin', 'PUT', path, { title: 'x', status: 'planned', name: 'x', shortName: 'x', category: 'other' })
			refused(response, 404, /999999/)
		}
		refused(await api('admin', 'PUT', '/periods/999999', { status: 'closed' }), 404, /999999/)
		refused(await api('admin', 'DELETE', '/pilots/999999'), 404, /999999/)
		refused(await api('rki-tester1', 'GET', '/items/999999999'), 404, /999999999/)
		refused(await api('rki-coord', 'GET', '/organisations/999999/progress'), 403, /coordinators/)
		refused(await api('bmi', 'GET', '/organisations/999999/progress'), 404, /999999/)
	})

	it('refuses an unknown consolidator group and keeps the setting', async () => {
		const before = await expectApi<{ consolidatorGroup: string }>(200, 'admin', 'GET', '/settings')
		const group = `no-such-group-${uid()}`
		refused(await api('admin', 'PUT', '/settings', { consolidatorGroup: group }), 400, new RegExp(group))
		expect(await expectApi(200, 'admin', 'GET', '/settings')).toEqual(before)
	})
})

describe('ratings', () => {
	const componentId = (): number => s.activePilots[0].componentIds[0]
	const path = (): string => `/ratings/${period.id}/${componentId()}`

	/** The rki-tester2 assessment of the component in the throwaway period. */
	async function saved(): Promise<{ overall: number | null, comment: string, scores: { criterionId: number, score: number | null }[] } | undefined> {
		const sheet = await expectApi<{ assessments: { componentId: number, overall: number | null, comment: string, scores: { criterionId: number, score: number | null }[] }[] }>(200, 'rki-tester2', 'GET', `/ratings?periodId=${period.id}`)
		return sheet.assessments.find((a) => a.componentId === componentId())
	}

	beforeAll(async () => {
		await expectApi(200, 'rki-tester2', 'PUT', path(), { overall: 3, comment: 'the good one', scores: [{ criterionId: s.criteria[0].id, score: 4 }] })
	})

	it('refuses scores outside 1–5 and scores that are no numbers, keeping the saved assessment', async () => {
		const criterionId = s.criteria[0].id
		for (const overall of [7, 0, -1, 'abc', 2.5, [3]]) {
			refused(await api('rki-tester2', 'PUT', path(), { overall, comment: 'bad', scores: [] }), 400, /Overall score must be a whole number from 1 to 5/)
		}
		for (const score of [7, 0, 'abc']) {
			refused(await api('rki-tester2', 'PUT', path(), { overall: 5, comment: 'bad', scores: [{ criterionId, score }] }), 400, /Score must be a whole number from 1 to 5/)
		}
		refused(await api('rki-tester2', 'PUT', path(), { overall: 5, comment: '', scores: { [criterionId]: 5 } }), 400, /Scores must be a list/)
		refused(await api('rki-tester2', 'PUT', path(), { overall: 5, comment: '', scores: [{ criterionId: 999_999, score: 5 }] }), 400, /criteria does not exist/)
		refused(await api('rki-tester2', 'PUT', path(), { overall: 5, comment: ['x'], scores: [] }), 400, /Comment must be text/)
		refused(await api('rki-tester2', 'PUT', path(), { overall: 5, comment: 'x'.repeat(5001), scores: [] }), 400, /Comment is too long/)
		expect(await saved()).toMatchObject({ overall: 3, comment: 'the good one', scores: [{ criterionId, score: 4 }] })
	})

	it('refuses an assessment in a closed period, naming the month, and saves nothing', async () => {
		const closed = await freshPeriod()
		periods.push(closed.id)
		await setPeriodStatus(closed.id, 'closed')
		refused(await api('rki-tester2', 'PUT', `/ratings/${closed.id}/${componentId()}`, { overall: 4, comment: '', scores: [] }), 400, new RegExp(`${closed.month}.*closed`))
		const sheet = await expectApi<{ assessments: unknown[] }>(200, 'rki-tester2', 'GET', `/ratings?periodId=${closed.id}`)
		expect(sheet.assessments).toEqual([])
	})

	it('answers 404 for an unknown period or component', async () => {
		refused(await api('rki-tester2', 'PUT', `/ratings/999999/${componentId()}`, { overall: 4, comment: '', scores: [] }), 404, /999999/)
		refused(await api('rki-tester2', 'PUT', `/ratings/${period.id}/999999`, { overall: 4, comment: '', scores: [] }), 404, /999999/)
		refused(await api('rki-tester2', 'GET', '/ratings?periodId=abc'), 400, /Period must be the id/)
	})
})

describe('report items', () => {
	it('refuses a 100 kB title with 400 (not 413 or 500) and files nothing', async () => {
		const before = await myItemCount('rki-tester2')
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ title: 'x'.repeat(100_000) })), 400, /Title is too long: at most 255 characters/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ body: 'y'.repeat(20_001) })), 400, /Text is too long/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ title: 'two\nlines' })), 400, /Title must be a single line/)
		expect(await myItemCount('rki-tester2')).toBe(before)
	})

	it('refuses wrong types and unknown values, naming the field', async () => {
		const before = await myItemCount('rki-tester2')
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ title: ['a', 'b'] })), 400, /Title must be text/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ title: '' })), 400, /Title must not be empty/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ type: 'wish' })), 400, /Type must be one of/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ priority: 'urgent' })), 400, /Priority must be one of/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ componentId: 'abc' })), 400, /Component must be the id/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ pilotId: { id: 1 } })), 400, /Pilot must be the id/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ attachmentIds: { a: 1 } })), 400, /Attachments must be a list/)
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ organisationId: s.bsh.id })), 403, /own organisation/)
		expect(await myItemCount('rki-tester2')).toBe(before)
	})

	it('refuses a component outside the pilot, and a pilot the organisation is not in', async () => {
		const before = await myItemCount('rki-tester2')
		const [first] = s.activePilots
		const outside = s.catalogue.components.find((c) => !first.componentIds.includes(c.id))!
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ pilotId: first.id, componentId: outside.id })), 400, /Component: choose a component of the chosen pilot/)
		const pilot = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title: `Bad input pilot ${uid()}`, status: 'active', componentIds: [first.componentIds[0]] })
		try {
			refused(await api('rki-tester2', 'POST', '/items', itemBody({ pilotId: pilot.id, componentId: first.componentIds[0] })), 400, /Pilot: choose one of the pilots your organisation takes part in/)
			refused(await api('rki-tester2', 'POST', '/items', itemBody({ pilotId: 999_999 })), 400, /Pilot/)
		} finally {
			await expectApi(200, 'admin', 'DELETE', `/pilots/${pilot.id}`)
		}
		expect(await myItemCount('rki-tester2')).toBe(before)
	})

	it('refuses an attachment the user cannot read, when filing and when editing', async () => {
		const before = await myItemCount('rki-tester2')
		refused(await api('rki-tester2', 'POST', '/items', itemBody({ attachmentIds: [999_999_999] })), 400, /Attachment 999999999 is not a file you can read/)
		expect(await myItemCount('rki-tester2')).toBe(before)
		const item = await createItem('rki-tester2', s)
		refused(await api('rki-tester2', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'Changed with a bad attachment', attachmentIds: [999_999_999] })), 400, /Attachment 999999999/)
		const after = await expectApi<Item>(200, 'rki-tester2', 'GET', `/items/${item.id}`)
		expect(after.title).toBe(item.title)
		expect(after.history?.map((h) => h.field)).toEqual(['created'])
	})

	it('refuses a bad edit as a whole: nothing of it is saved', async () => {
		const item = await createItem('rki-tester2', s)
		refused(await api('rki-tester2', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'New title', priority: 'urgent' })), 400, /Priority must be one of/)
		refused(await api('rki-tester2', 'PUT', `/items/${item.id}`, itemEdit(item, { title: 'New title', componentId: 999_999 })), 400, /Component/)
		const after = await expectApi<Item>(200, 'rki-tester2', 'GET', `/items/${item.id}`)
		expect(after).toMatchObject({ title: item.title, priority: item.priority, componentId: item.componentId })
		expect(after.history).toHaveLength(1)
	})

	it('refuses a status change by a tester (403) and an invalid transition by the consolidator (400)', async () => {
		const item = await createItem('rki-tester2', s)
		refused(await api('rki-tester2', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'in_review' })), 403, /consolidators/)
		refused(await api('rki-coord', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'in_review' })), 403, /consolidators/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'done' })), 400, /"New" to "Done"/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'finished' })), 400, /Status must be one of/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'duplicate' })), 400, /Name the item this one duplicates/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'duplicate', duplicateOf: item.id })), 400, /duplicate of itself/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'duplicate', duplicateOf: 999_999_999 })), 404, /999999999/)
		refused(await api('bmi', 'PUT', `/items/${item.id}/status`, await withVersion(item.id, { status: 'new', consolidatedPriority: 'urgent' })), 400, /Consolidated priority must be one of/)
		const after = await expectApi<Item & { consolidatedPriority: string | null, duplicateOf: number | null }>(200, 'bmi', 'GET', `/items/${item.id}`)
		expect(after).toMatchObject({ status: 'new', consolidatedPriority: null, duplicateOf: null })
		expect(after.history?.map((h) => h.field)).toEqual(['created'])
	})

	it('stores script tags as text and returns them verbatim as JSON', async () => {
		const title = `<script>alert("pf-${uid()}")</script> & <b>bold</b>`
		const body = '<img src=x onerror="alert(1)">\n\n[link](javascript:alert(2)) <iframe src="https://example.invalid"></iframe>'
		const item = await createItem('rki-tester2', s, { title, body })
		const response = await api<Item>('bsh-tester1', 'GET', `/items/${item.id}`)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toMatch(/^application\/json/)
		expect(response.data.title).toBe(title)
		expect(response.data.body).toBe(body)
		const comment = await expectApi<{ id: number, message: string }>(201, 'bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: title })
		expect(comment.message).toBe(title)
		const comments = await api<{ message: string }[]>('rki-tester2', 'GET', `/items/${item.id}/comments`)
		expect(comments.headers.get('content-type')).toMatch(/^application\/json/)
		expect(comments.data.map((c) => c.message)).toContain(title)
	})

	it('refuses a comment of 1001 characters and an empty one, and saves neither', async () => {
		const item = await createItem('rki-tester2', s)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: 'c'.repeat(1001) }), 400, /Comment is too long: at most 1000 characters/)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: '' }), 400, /Comment must not be empty/)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: '   \n ' }), 400, /Comment must not be empty/)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, {}), 400, /lacks required fields: message/)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: null }), 400, /Comment must not be empty/)
		refused(await api('bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: ['x'] }), 400, /Comment must be text/)
		expect(await expectApi(200, 'bsh-tester1', 'GET', `/items/${item.id}/comments`)).toEqual([])
		// 1000 characters are fine.
		await expectApi(201, 'bsh-tester1', 'POST', `/items/${item.id}/comments`, { message: 'c'.repeat(1000) })
	})

	it('refuses bad list parameters, naming them', async () => {
		refused(await api('rki-tester2', 'GET', '/items?limit=0'), 400, /Limit must be a whole number from 1 to 100/)
		refused(await api('rki-tester2', 'GET', '/items?limit=101'), 400, /Limit/)
		refused(await api('rki-tester2', 'GET', '/items?page=0'), 400, /Page/)
		refused(await api('rki-tester2', 'GET', '/items?sort=reporter'), 400, /Sort must be one of/)
		refused(await api('rki-tester2', 'GET', '/items?order=sideways'), 400, /Order must be one of/)
		refused(await api('rki-tester2', 'GET', '/items?type=wish'), 400, /Type contains "wish", which is not a known value. Choose one or more of requirement, defect/)
		refused(await api('rki-tester2', 'GET', '/items?mine=maybe'), 400, /Mine must be true or false/)
		refused(await api('rki-tester2', 'GET', '/items?organisationId=-1'), 400, /Organisation must be the id/)
		refused(await api('rki-tester2', 'GET', '/items/suggestions?q=abc&limit=500'), 400, /Limit/)
	})
})

describe('releases', () => {
	it('refuses a second release with 409 and a missing period with 400', async () => {
		const released = await freshPeriod()
		periods.push(released.id)
		refused(await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, {}), 400, /lacks required fields: periodId/)
		refused(await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: null }), 400, /Period/)
		const first = await expectApi<{ userId: string, periodId: number }>(201, 'rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: released.id })
		expect(first).toMatchObject({ userId: 'rki-coord', periodId: released.id })
		refused(await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: released.id }), 409, new RegExp(`${released.month}.*already released`))
		refused(await api('rki-coord', 'POST', `/organisations/${s.rki.id}/releases`, { periodId: 999_999 }), 404, /999999/)
		const progress = await expectApi<{ release: { userId: string, releasedAt: number } }>(200, 'bmi', 'GET', `/organisations/${s.rki.id}/progress?periodId=${released.id}`)
		expect(progress.release).toMatchObject({ userId: 'rki-coord' })
	})
})
