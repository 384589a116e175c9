/**
 * The role table (docs/api.md, "Roles and visibility"; lib/People/Policy.php in code) against
 * a real Nextcloud: every role × endpoint pair with the HTTP status the server must answer.
 */
import type { Period } from './setup/fixtures.ts'
import type { Endpoint, RoleAccounts } from './setup/roleTable.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, freshPeriod, setPeriodStatus, uid, withVersion } from './setup/fixtures.ts'
import { closeRoleAccounts, itAnswersAsTheRoleTableSays, openRoleAccounts } from './setup/roleTable.ts'

/** What every test reads; filled in beforeAll. */
interface Fixture extends RoleAccounts {
	pilotId: number
	componentId: number
	criterionId: number
	organisationId: number
	periodId: number
	releasePeriod: Period
	itemId: number
	/** A month without a period, for the POST /periods row. */
	freeMonth: string
}
let fx: Fixture

/** Admin endpoints: administrator 2xx, anonymous 401, everyone else 403. */
function adminOnly(name: string, method: string, path: () => string, ok: number, body?: () => unknown): Endpoint {
	return { name, method, path, body, expect: { anonymous: 401, admin: ok }, otherwise: 403 }
}

const ENDPOINTS: Endpoint[] = [
	adminOnly('GET /pilots', 'GET', () => '/pilots', 200),
	adminOnly('POST /pilots', 'POST', () => '/pilots', 201, () => ({ title: `Perm pilot ${uid()}`, status: 'planned' })),
	adminOnly('PUT /pilots/{id}', 'PUT', () => `/pilots/${fx.pilotId}`, 200, () => ({ title: `Perm pilot edited ${uid()}`, status: 'planned' })),
	adminOnly('DELETE /pilots/{id}', 'DELETE', () => `/pilots/${fx.pilotId}`, 200),
	adminOnly('GET /components', 'GET', () => '/components', 200),
	adminOnly('POST /components', 'POST', () => '/components', 201, () => ({ name: `Perm component ${uid()}`, category: 'other' })),
	adminOnly('PUT /components/{id}', 'PUT', () => `/components/${fx.componentId}`, 200, () => ({ name: `Perm component edited ${uid()}`, category: 'other' })),
	adminOnly('DELETE /components/{id}', 'DELETE', () => `/components/${fx.componentId}`, 200),
	adminOnly('GET /criteria', 'GET', () => '/criteria', 200),
	adminOnly('POST /criteria', 'POST', () => '/criteria', 201, () => ({ name: `Perm criterion ${uid()}`, sortOrder: 99 })),
	adminOnly('PUT /criteria/{id}', 'PUT', () => `/criteria/${fx.criterionId}`, 200, () => ({ name: `Perm criterion edited ${uid()}`, sortOrder: 99 })),
	adminOnly('DELETE /criteria/{id}', 'DELETE', () => `/criteria/${fx.criterionId}`, 200),
	adminOnly('GET /organisations', 'GET', () => '/organisations', 200),
	adminOnly('POST /organisations', 'POST', () => '/organisations', 201, () => ({ name: `Perm org ${uid()}`, shortName: 'PO' })),
	adminOnly('PUT /organisations/{id}', 'PUT', () => `/organisations/${fx.organisationId}`, 200, () => ({ name: `Perm org edited ${uid()}`, shortName: 'PO' })),
	adminOnly('DELETE /organisations/{id}', 'DELETE', () => `/organisations/${fx.organisationId}`, 200),
	adminOnly('GET /periods', 'GET', () => '/periods', 200),
	adminOnly('POST /periods', 'POST', () => '/periods', 201, () => ({ month: fx.freeMonth })),
	adminOnly('PUT /periods/{id}', 'PUT', () => `/periods/${fx.periodId}`, 200, () => ({ status: 'closed' })),
	adminOnly('GET /settings', 'GET', () => '/settings', 200),
	adminOnly('PUT /settings', 'PUT', () => '/settings', 200, () => ({ consolidatorGroup: 'bmi-consolidators' })),
	adminOnly('POST /catalogue/default', 'POST', () => '/catalogue/default', 200),
	adminOnly('GET /settings/accessibility', 'GET', () => '/settings/accessibility', 200),
	adminOnly('PUT /settings/accessibility', 'PUT', () => '/settings/accessibility', 200, () => ({ contact: '' })),
	{
		name: 'GET /accessibility-statement',
		method: 'GET',
		path: () => '/accessibility-statement',
		expect: { anonymous: 401 },
		otherwise: 200,
	},
	{
		name: 'GET /me',
		method: 'GET',
		path: () => '/me',
		expect: { anonymous: 401 },
		otherwise: 200,
	},
	{
		name: 'GET /catalogue',
		method: 'GET',
		path: () => '/catalogue',
		expect: { anonymous: 401, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'GET /ratings',
		method: 'GET',
		path: () => '/ratings',
		expect: { anonymous: 401, admin: 403, consolidator: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'PUT /ratings/{open period}/{component of an active pilot}',
		method: 'PUT',
		path: () => `/ratings/${fx.s.openPeriod.id}/${fx.s.activePilots[0].componentIds[0]}`,
		body: () => ({ overall: 4, comment: 'permission table', scores: [{ criterionId: fx.s.criteria[0].id, score: 3 }] }),
		expect: { anonymous: 401, admin: 403, consolidator: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'PUT /ratings/{open period}/{component only in a planned pilot}',
		method: 'PUT',
		path: () => `/ratings/${fx.s.openPeriod.id}/${fx.s.plannedOnlyComponents[0]}`,
		body: () => ({ overall: 4, comment: '', scores: [] }),
		expect: { anonymous: 401 },
		otherwise: 403,
	},
	{
		name: 'GET /items',
		method: 'GET',
		path: () => '/items',
		expect: { anonymous: 401, admin: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'GET /items/suggestions',
		method: 'GET',
		path: () => '/items/suggestions?q=permission',
		expect: { anonymous: 401, admin: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'POST /items',
		method: 'POST',
		path: () => '/items',
		body: () => ({
			type: 'requirement',
			title: `Permission table ${uid()}`,
			body: '',
			priority: 'low',
			pilotId: fx.s.activePilots[0].id,
			componentId: fx.s.activePilots[0].componentIds[0],
		}),
		expect: { anonymous: 401, admin: 403, consolidator: 403, noOrg: 403 },
		otherwise: 201,
	},
	{
		name: 'GET /items/{id}',
		method: 'GET',
		path: () => `/items/${fx.itemId}`,
		expect: { anonymous: 401, admin: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		// The reporter (rki-tester1) while new, RKI's coordinator, the consolidator.
		name: 'PUT /items/{id} (RKI tester\'s new item)',
		method: 'PUT',
		path: () => `/items/${fx.itemId}`,
		body: () => withVersion(fx.itemId, { title: 'Permission table item', body: '', priority: 'high', pilotId: fx.s.activePilots[0].id, componentId: fx.s.activePilots[0].componentIds[0] }),
		expect: { anonymous: 401, admin: 403, noOrg: 403, rkiTester: 200, rkiCoord: 200, consolidator: 200 },
		otherwise: 403,
	},
	{
		// The consolidator keeps the status "new" so that the row does not change what others see.
		name: 'PUT /items/{id}/status',
		method: 'PUT',
		path: () => `/items/${fx.itemId}/status`,
		body: () => withVersion(fx.itemId, { status: 'new', consolidatedPriority: 'high' }),
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
	{
		// rki-tester1 filed the item, so it already counts for them.
		name: 'POST /items/{id}/support',
		method: 'POST',
		path: () => `/items/${fx.itemId}/support`,
		expect: { anonymous: 401, admin: 403, consolidator: 403, noOrg: 403, rkiTester: 403 },
		otherwise: 200,
	},
	{
		name: 'DELETE /items/{id}/support',
		method: 'DELETE',
		path: () => `/items/${fx.itemId}/support`,
		expect: { anonymous: 401, admin: 403, consolidator: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'GET /items/{id}/comments',
		method: 'GET',
		path: () => `/items/${fx.itemId}/comments`,
		expect: { anonymous: 401, admin: 403, noOrg: 403 },
		otherwise: 200,
	},
	{
		name: 'POST /items/{id}/comments',
		method: 'POST',
		path: () => `/items/${fx.itemId}/comments`,
		body: () => ({ message: 'Permission table comment' }),
		expect: { anonymous: 401, admin: 403, noOrg: 403 },
		otherwise: 201,
	},
	{
		name: 'GET /organisations/{RKI}/progress',
		method: 'GET',
		path: () => `/organisations/${fx.s.rki.id}/progress`,
		expect: { anonymous: 401, rkiCoord: 200, consolidator: 200 },
		otherwise: 403,
	},
	{
		name: 'POST /organisations/{RKI}/releases',
		method: 'POST',
		path: () => `/organisations/${fx.s.rki.id}/releases`,
		body: () => ({ periodId: fx.releasePeriod.id }),
		expect: { anonymous: 401, rkiCoord: 201 },
		otherwise: 403,
	},
	{
		name: 'GET /consolidation/results',
		method: 'GET',
		path: () => `/consolidation/results?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 },
		otherwise: 403,
	},
	{
		// Another organisation's breakdown is never a coordinator's.
		name: 'GET /consolidation/results?organisationId={RKI}',
		method: 'GET',
		path: () => `/consolidation/results?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}&organisationId=${fx.s.rki.id}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200 },
		otherwise: 403,
	},
	{
		name: 'GET /consolidation/trend',
		method: 'GET',
		path: () => `/consolidation/trend?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 },
		otherwise: 403,
	},
	{
		// Another organisation's breakdown is never a coordinator's.
		name: 'GET /consolidation/trend?organisationId={RKI}',
		method: 'GET',
		path: () => `/consolidation/trend?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}&organisationId=${fx.s.rki.id}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200 },
		otherwise: 403,
	},
	{
		name: 'GET /consolidation/participation',
		method: 'GET',
		path: () => `/consolidation/participation?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 },
		otherwise: 403,
	},
	{
		// Another organisation's breakdown is never a coordinator's.
		name: 'GET /consolidation/participation?organisationId={RKI}',
		method: 'GET',
		path: () => `/consolidation/participation?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}&organisationId=${fx.s.rki.id}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200 },
		otherwise: 403,
	},
	{
		name: 'GET /consolidation/items',
		method: 'GET',
		path: () => `/consolidation/items?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 },
		otherwise: 403,
	},
	{
		name: 'GET /consolidation/items?organisationId={RKI}',
		method: 'GET',
		path: () => `/consolidation/items?pilotId=${fx.s.activePilots[0].id}&month=${fx.s.openPeriod.month}&organisationId=${fx.s.rki.id}`,
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200 },
		otherwise: 403,
	},
]

describe('permissions: role × endpoint → HTTP status', () => {
	beforeAll(async () => {
		const { s, noOrg } = await openRoleAccounts()
		const pilot = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title: `Perm throwaway pilot ${uid()}`, status: 'planned' })
		const component = await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `Perm throwaway component ${uid()}`, category: 'other' })
		const criterion = await expectApi<{ id: number }>(201, 'admin', 'POST', '/criteria', { name: `Perm throwaway criterion ${uid()}`, sortOrder: 99 })
		const organisation = await expectApi<{ id: number }>(201, 'admin', 'POST', '/organisations', { name: `Perm throwaway org ${uid()}`, shortName: 'PT' })
		const period = await freshPeriod()
		const releasePeriod = await freshPeriod()
		// A month of the 19th century without a period (freshPeriod() uses the 20th).
		const taken = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month))
		let freeMonth = ''
		for (let year = 1800; year < 1900 && freeMonth === ''; year++) {
			const month = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`
			if (!taken.has(month)) {
				freeMonth = month
			}
		}
		const item = await createItem('rki-tester1', s, { title: `Permission table item ${uid()}` })
		fx = {
			s,
			noOrg,
			pilotId: pilot.id,
			componentId: component.id,
			criterionId: criterion.id,
			organisationId: organisation.id,
			periodId: period.id,
			releasePeriod,
			itemId: item.id,
			freeMonth,
		}
	})

	afterAll(async () => {
		if (fx === undefined) {
			return
		}
		await closeRoleAccounts(fx)
		const made = (await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).find((p) => p.month === fx.freeMonth)
		for (const id of [fx.periodId, fx.releasePeriod.id, ...(made === undefined ? [] : [made.id])]) {
			await setPeriodStatus(id, 'closed')
		}
		// Archive what the admin rows created, so that the catalogue stays as seeded.
		for (const [list, remove] of [['/pilots', '/pilots'], ['/components', '/components'], ['/criteria', '/criteria'], ['/organisations', '/organisations']]) {
			const records = (await api<{ id: number, title?: string, name?: string, archived: boolean }[]>('admin', 'GET', list)).data
			for (const record of records) {
				if (!record.archived && /^Perm /.test(record.title ?? record.name ?? '')) {
					await api('admin', 'DELETE', `${remove}/${record.id}`)
				}
			}
		}
	})

	itAnswersAsTheRoleTableSays(ENDPOINTS, () => fx)

	it('the account outside every organisation is told why it is refused', async () => {
		const catalogue = await api(fx.noOrg, 'GET', '/catalogue')
		expect(catalogue.status).toBe(403)
		const items = await api(fx.noOrg, 'POST', '/items', { type: 'defect', title: 'x', body: '', priority: 'low', pilotId: fx.s.activePilots[0].id, componentId: fx.s.activePilots[0].componentIds[0] })
		expect(items.status).toBe(403)
		expect(items.data.message).toMatch(/organisation/i)
		const me = await expectApi<{ userId: string, isAdmin: boolean, isConsolidator: boolean, organisations: unknown[] }>(200, fx.noOrg, 'GET', '/me')
		expect(me).toMatchObject({ userId: fx.noOrg.user, isAdmin: false, isConsolidator: false, organisations: [] })
	})

	it('the BSH tester\'s rating of its own components is saved for BSH', async () => {
		const componentId = fx.s.activePilots[1].componentIds[0]
		const saved = await expectApi<{ organisationId: number, overall: number, userId: string }>(200, 'bsh-tester1', 'PUT', `/ratings/${fx.s.openPeriod.id}/${componentId}`, { overall: 2, comment: '', scores: [] })
		expect(saved).toMatchObject({ organisationId: fx.s.bsh.id, overall: 2, userId: 'bsh-tester1' })
	})

	it('the RKI release went through once, made by the RKI coordinator', async () => {
		const progress = await expectApi<{ release: { userId: string, periodId: number } | null }>(200, 'bmi', 'GET', `/organisations/${fx.s.rki.id}/progress?periodId=${fx.releasePeriod.id}`)
		expect(progress.release).toMatchObject({ userId: 'rki-coord', periodId: fx.releasePeriod.id })
	})
})
