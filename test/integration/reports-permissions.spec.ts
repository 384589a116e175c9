/**
 * Reports and exports: every role × endpoint pair with the HTTP status the server must answer.
 * Consolidators make every report; coordinators their own organisation's, pseudonymised only;
 * testers, administrators without a role and accounts outside every organisation none.
 */
import type { Login, Seed } from './setup/fixtures.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createUser, deleteUser, expectApi, seed } from './setup/fixtures.ts'

type Role = 'anonymous' | 'admin' | 'consolidator' | 'rkiTester' | 'rkiCoord' | 'bshTester' | 'bshCoord' | 'noOrg'
const ROLES: Role[] = ['anonymous', 'admin', 'consolidator', 'rkiTester', 'rkiCoord', 'bshTester', 'bshCoord', 'noOrg']

interface Fixture { s: Seed, noOrg: { user: string, password: string }, bmiReport: number, pilotId: number, month: string }
let fx: Fixture

function loginOf(role: Role): Login {
	switch (role) {
		case 'anonymous': return null
		case 'admin': return 'admin'
		case 'consolidator': return 'bmi'
		case 'rkiTester': return 'rki-tester1'
		case 'rkiCoord': return 'rki-coord'
		case 'bshTester': return 'bsh-tester1'
		case 'bshCoord': return 'bsh-coord'
		case 'noOrg': return fx.noOrg
	}
}

interface Endpoint {
	name: string
	method: string
	path: () => string
	body?: () => unknown
	expect: Partial<Record<Role, number>>
	otherwise: number
}

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
	{ name: 'GET /reports/formats', method: 'GET', path: () => '/reports/formats', expect: reporters, otherwise: 403 },
	{ name: 'GET /reports/folder', method: 'GET', path: () => '/reports/folder', expect: reporters, otherwise: 403 },
	{ name: 'PUT /reports/folder', method: 'PUT', path: () => '/reports/folder', body: () => ({ folder: '' }), expect: reporters, otherwise: 403 },
	{ name: 'GET /settings/report-cadence', method: 'GET', path: () => '/settings/report-cadence', expect: { anonymous: 401, admin: 200 }, otherwise: 403 },
	{ name: 'PUT /settings/report-cadence', method: 'PUT', path: () => '/settings/report-cadence', body: () => ({}), expect: { anonymous: 401, admin: 200 }, otherwise: 403 },
]

const TABLE = ENDPOINTS.flatMap((endpoint) => ROLES.map((role) => ({ endpoint, role, status: endpoint.expect[role] ?? endpoint.otherwise })))

describe('reports permissions: role × endpoint → HTTP status', () => {
	beforeAll(async () => {
		const s = await seed()
		const noOrg = await createUser('pf-noorg')
		const pilotId = s.activePilots[0].id
		const month = s.openPeriod.month
		const report = await expectApi<{ id: number }>(200, 'bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId, month })
		fx = { s, noOrg, bmiReport: report.id, pilotId, month }
	})

	afterAll(async () => {
		if (fx !== undefined) {
			await deleteUser(fx.noOrg.user)
		}
	})

	it.each(TABLE)('$endpoint.name as $role → $status', async ({ endpoint, role, status }) => {
		const response = await api(loginOf(role), endpoint.method, endpoint.path(), endpoint.body?.())
		expect(response.status, response.text.slice(0, 300)).toBe(status)
		expect(response.headers.get('content-type') ?? '').toContain('application/json')
		if (status === 403 && response.data?.message !== undefined) {
			expect(typeof response.data.message).toBe('string')
			expect(response.data.message.length).toBeGreaterThan(10)
		}
	})

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
