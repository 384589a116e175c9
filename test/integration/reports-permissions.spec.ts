/**
 * Reports and exports: every role × endpoint pair with the HTTP status the server must answer.
 * Consolidators make every report; coordinators their own organisation's, pseudonymised only;
 * testers, administrators without a role and accounts outside every organisation none.
 */
import type { Endpoint, RoleAccounts } from './setup/roleTable.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectApi } from './setup/fixtures.ts'
import { closeRoleAccounts, itAnswersAsTheRoleTableSays, openRoleAccounts } from './setup/roleTable.ts'

interface Fixture extends RoleAccounts { bmiReport: number, pilotId: number, month: string }
let fx: Fixture

const export_ = (extra: Record<string, unknown> = {}) => () => ({ type: 'export', fileFormat: 'csv', pilotId: fx.pilotId, month: fx.month, ...extra })
/** Consolidators and both coordinators 200, anonymous 401, everyone else 403. */
const reporters = { anonymous: 401, consolidator: 200, rkiCoord: 200, bshCoord: 200 }

const ENDPOINTS: Endpoint[] = [
	{ name: 'POST /reports (export)', method: 'POST', path: () => '/reports', body: export_(), expect: reporters, otherwise: 403 },
	{
		// Names are the consolidators' only, and asking for them is refused, not ignored.
		name: 'POST /reports withNames',
		method: 'POST',
		path: () => '/reports',
		body: export_({ withNames: true }),
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
	{
		name: 'POST /reports organisationId={RKI}',
		method: 'POST',
		path: () => '/reports',
		body: () => export_({ organisationId: fx.s.rki.id })(),
		expect: { anonymous: 401, consolidator: 200, rkiCoord: 200 },
		otherwise: 403,
	},
	{ name: 'GET /reports', method: 'GET', path: () => '/reports', expect: reporters, otherwise: 403 },
	{
		// A report the consolidator asked for is not a coordinator's to read.
		name: 'GET /reports/{id of bmi}',
		method: 'GET',
		path: () => `/reports/${fx.bmiReport}`,
		expect: { anonymous: 401, consolidator: 200 },
		otherwise: 403,
	},
	{
		// Only its requester tries a report again, and only a failed one: bmi's export is not (409).
		name: 'POST /reports/{id of bmi}/retry',
		method: 'POST',
		path: () => `/reports/${fx.bmiReport}/retry`,
		expect: { anonymous: 401, consolidator: 409 },
		otherwise: 403,
	},
	{
		// Those who make reports learn that it does not exist; everyone else is refused first.
		name: 'DELETE /reports/{id that does not exist}',
		method: 'DELETE',
		path: () => '/reports/999999999',
		expect: { anonymous: 401, consolidator: 404, rkiCoord: 404, bshCoord: 404 },
		otherwise: 403,
	},
	{ name: 'GET /reports/formats', method: 'GET', path: () => '/reports/formats', expect: reporters, otherwise: 403 },
	{ name: 'GET /reports/folder', method: 'GET', path: () => '/reports/folder', expect: reporters, otherwise: 403 },
	{ name: 'PUT /reports/folder', method: 'PUT', path: () => '/reports/folder', body: () => ({ folder: '' }), expect: reporters, otherwise: 403 },
	{ name: 'GET /settings/report-cadence', method: 'GET', path: () => '/settings/report-cadence', expect: { anonymous: 401, admin: 200 }, otherwise: 403 },
	{ name: 'PUT /settings/report-cadence', method: 'PUT', path: () => '/settings/report-cadence', body: () => ({}), expect: { anonymous: 401, admin: 200 }, otherwise: 403 },
]

describe('reports permissions: role × endpoint → HTTP status', () => {
	beforeAll(async () => {
		const { s, noOrg } = await openRoleAccounts()
		const pilotId = s.activePilots[0].id
		const month = s.openPeriod.month
		const report = await expectApi<{ id: number }>(200, 'bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month })
		fx = { s, noOrg, bmiReport: report.id, pilotId, month }
	})

	afterAll(async () => {
		await closeRoleAccounts(fx)
	})

	itAnswersAsTheRoleTableSays(ENDPOINTS, () => fx)

	it('a coordinator asking for names is told that names are for consolidators', async () => {
		const answer = await api('rki-coord', 'POST', '/reports', export_({ withNames: true })())
		expect(answer.status).toBe(403)
		expect(answer.data.message).toMatch(/consolidators/)
	})

	it('a coordinator lists only the reports they asked for; the consolidator sees everyone\'s', async () => {
		const mine = await expectApi<{ id: number }>(200, 'rki-coord', 'POST', '/reports', export_()())
		expect(mine).toMatchObject({ organisationId: fx.s.rki.id, pseudonymised: true, requestedBy: 'rki-coord' })
		const coordList = await expectApi<{ reports: { id: number, requestedBy: string }[] }>(200, 'rki-coord', 'GET', '/reports?limit=100')
		expect(coordList.reports.map((r) => r.requestedBy).every((u) => u === 'rki-coord')).toBe(true)
		expect(coordList.reports.map((r) => r.id)).toContain(mine.id)
		const bmiList = await expectApi<{ reports: { id: number }[] }>(200, 'bmi', 'GET', '/reports?limit=100')
		expect(bmiList.reports.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, fx.bmiReport]))
		await expectApi(200, 'rki-coord', 'GET', `/reports/${mine.id}`)
		await expectApi(403, 'bsh-coord', 'GET', `/reports/${mine.id}`)
	})
})
