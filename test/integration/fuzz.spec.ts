/**
 * Fuzzing: generated requests (fast-check) to every endpoint of openapi.json, as every
 * role and anonymously. Bodies with wrong types, missing and unknown fields, 100 kB and
 * 2 MB strings, NUL bytes, right-to-left text, HTML, ids that are negative, zero, huge or
 * no numbers, broken JSON and bodies that are no object; query strings likewise.
 *
 * These properties hold for every request:
 * - the server never answers 5xx;
 * - a refused write (4xx) changes nothing: what it could have changed reads the same
 *   before and after;
 * - an accepted write stored no NUL byte (PostgreSQL cannot store one: a 5xx there).
 *
 * The fuzzed writes only ever target records this suite created (path ids are its own
 * throwaway records or ids that exist nowhere), so the demo data the other suites rely on
 * stays as it is. Whatever a write created is archived or closed again.
 *
 * The first test compares the fuzzed operations with the routes the app declares (the
 * controllers' route attributes, see setup/appRoutes.ts) and names every route no test here
 * sends requests to, apart from the page routes of NOT_FUZZED.
 *
 * FUZZ_SEED (printed) replays a run; FUZZ_RUNS sets the generated requests per endpoint
 * and role (default 2; each endpoint's listed must-try cases run in addition).
 */
import type { DemoUser } from './setup/client.ts'
import type { RawRequest, RawResponse } from './setup/cookieSession.ts'

import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRoutes, routeKey } from './setup/appRoutes.ts'
import { CookieSession } from './setup/cookieSession.ts'
import { freshPeriod, seed } from './setup/fixtures.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 2))
console.log(`fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS} generated requests per endpoint and role (FUZZ_RUNS)`)

const API_PREFIX = '/ocs/v2.php/apps/pilotfeedback/api/v1'

type Schema = { type?: string, enum?: unknown[], $ref?: string, items?: Schema, properties?: Record<string, Schema>, required?: string[], nullable?: boolean, allOf?: Schema[], pattern?: string, format?: string }

interface Operation {
	method: string
	/** Path template below /api/v1, e.g. /items/{id} */
	path: string
	pathParams: string[]
	query: Record<string, Schema>
	body: Schema | null
}

type Login = DemoUser | 'anonymous'
const LOGINS: Login[] = ['admin', 'bmi', 'rki-coord', 'rki-tester1', 'anonymous']

const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'))

/** Resolves $ref and allOf of the spec's component schemas. */
function resolve(schema: Schema | undefined): Schema {
	if (schema === undefined) {
		return {}
	}
	if (schema.$ref !== undefined) {
		return resolve(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')])
	}
	if (schema.allOf !== undefined) {
		return { ...Object.assign({}, ...schema.allOf.map(resolve)), nullable: schema.nullable }
	}
	return schema
}

/** Every operation of openapi.json. */
const OPERATIONS: Operation[] = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => Object.entries(item).filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method)).map(([method, op]) => ({
	method: method.toUpperCase(),
	path: path.replace(API_PREFIX, ''),
	pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
	query: Object.fromEntries((op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => [p.name, resolve(p.schema)])),
	body: op.requestBody?.content?.['application/json']?.schema ? resolve(op.requestBody.content['application/json'].schema) : null,
})))

/** "VERB /api/v1/…" of an operation, as the controllers declare its route */
function operationKey(op: Operation): string {
	return `${op.method} /api/v1${op.path}`
}

/**
 * Declared routes no test here sends requests to, with the reason. The page routes render
 * the page template of the single-page app and read nothing from the request but the path.
 */
const NOT_FUZZED: Record<string, string> = {
	'GET /': 'page route: the app\'s HTML page, no input',
	'GET /{path}': 'page route: the same page for every client-side route, no input but the path',
}

/** The records the fuzzed requests may target (ids are filled in beforeAll). */
const own = {
	pilot: 0,
	component: 0,
	criterion: 0,
	organisation: 0,
	period: 0,
	/** The target of DELETE /periods/{id}: a period without ratings, made again after each deletion */
	sparePeriod: 0,
	item: 0,
	/** Real records that bodies may reference (never targets of a write) */
	refs: { pilot: 0, component: 0, componentInPilot: 0, criterion: 0, organisation: 0 },
}

/** The record a path id stands for, by the path's collection (DELETE /periods/{id}: the spare period). */
function ownIdFor(path: string, param: string, method = ''): number {
	if (param === 'pilotId') {
		return own.pilot
	}
	if (param === 'periodId') {
		return own.period
	}
	if (method === 'DELETE' && path === '/periods/{id}') {
		return own.sparePeriod
	}
	if (param === 'componentId') {
		return own.refs.componentInPilot
	}
	const collection = path.split('/')[1]
	return ({ pilots: own.pilot, components: own.component, criteria: own.criterion, organisations: own.organisation, periods: own.period, items: own.item } as Record<string, number>)[collection] ?? 0
}

/** The report period of the report texts this suite writes (those of its own pilot). */
const OWN_REPORT_PERIOD = '2026-Q4'

/** The path segment of this suite's record: an id, or the report period. */
function ownSegment(path: string, param: string, method: string): string {
	return param === 'period' ? OWN_REPORT_PERIOD : String(ownIdFor(path, param, method))
}

// ---- Generators ---------------------------------------------------------------------

const HUNDRED_KB = 'x'.repeat(100 * 1024)
const TWO_MB = 'y'.repeat(2 * 1024 * 1024)

/** Strings meant to break something: control and format characters, markup, scripts, sizes. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(
		'\u0000',
		'a\u0000b',
		'title\u0000<script>',
		'\u202Eevil\u202C',
		'\u200F\u05E9\u05DC\u05D5\u05DD \u0639\u0627\u0644\u0645',
		'مرحبا بالعالم',
		'\u202Bשלום\u202C',
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'"><svg onload=alert(1)>',
		'{{7*7}}',
		'${7*7}',
		"'; DROP TABLE oc_pilotfeedback_items; --",
		'%00',
		'%s%s%s%n',
		'../../../../etc/passwd',
		'\\',
		'"',
		'',
		' ',
		'\t\n\r',
		'\uFEFF',
		'\uD800',
		'\uDFFF',
		'𝕏🙂👩‍👩‍👧‍👦',
		'a'.repeat(256),
		'NaN',
		'null',
		'true',
		'-0',
		'1e309',
	), weight: 6 },
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.constant(HUNDRED_KB), weight: 1 },
)

/** Ids that exist nowhere or are no ids at all. */
const nastyId: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(-1, 0, -2147483649, 2147483648, 4294967296, 9007199254740991, 2 ** 63, 1e30, 1.5, -0.0001),
	fc.integer({ min: -2_000_000_000, max: -1 }),
	fc.integer({ min: 1_000_000_000, max: Number.MAX_SAFE_INTEGER }),
	fc.constantFrom('1', '0', '-1', 'abc', '', ' 1', '1e3', '0x10', '١٢', '1; DROP TABLE', '9999999999999999999999'),
)

/** Any JSON value of a type. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	nastyString,
	fc.array(fc.oneof(fc.integer(), nastyString, fc.constant(null)), { maxLength: 4 }),
	fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), nastyString), { maxKeys: 3 }),
)

/** A value the field could rightly have (enums, ids of real records, dates, short texts). */
function plausible(name: string, schema: Schema): fc.Arbitrary<unknown> {
	const s = resolve(schema)
	if (s.enum !== undefined) {
		return fc.constantFrom(...s.enum)
	}
	if (s.type === 'boolean') {
		return fc.boolean()
	}
	if (s.type === 'integer' || s.type === 'number') {
		if (/^(pilotId|pilotIds)$/.test(name)) {
			return fc.constant(own.refs.pilot)
		}
		if (/^componentId/.test(name)) {
			return fc.constant(own.refs.componentInPilot)
		}
		if (/^(criterionId)$/.test(name)) {
			return fc.constant(own.refs.criterion)
		}
		if (name === 'periodId') {
			return fc.constant(own.period)
		}
		if (name === 'organisationId') {
			return fc.constant(own.refs.organisation)
		}
		return fc.integer({ min: 0, max: 5 })
	}
	if (s.type === 'array') {
		return fc.array(plausible(name, s.items ?? {}), { maxLength: 2 })
	}
	if (s.type === 'object') {
		return body(s)
	}
	if (s.pattern !== undefined || name === 'month') {
		return fc.tuple(fc.integer({ min: 1900, max: 1999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
	}
	if (s.format === 'date') {
		return fc.constantFrom('2026-01-01', '2026-12-31', '2026-02-30', null)
	}
	return fc.string({ minLength: 1, maxLength: 12 }).map((t) => `Fuzz ${t}`)
}

/** A value of the field: plausible, of a wrong type, nasty, or an id that is none. */
function fieldValue(name: string, schema: Schema): fc.Arbitrary<unknown> {
	const s = resolve(schema)
	const idLike = s.type === 'integer' || (s.type === 'array' && resolve(s.items).type === 'integer')
	return fc.oneof(
		{ arbitrary: plausible(name, s), weight: 4 },
		{ arbitrary: anyJson, weight: 2 },
		{ arbitrary: nastyString, weight: 2 },
		{ arbitrary: idLike ? fc.oneof(nastyId, fc.array(nastyId, { maxLength: 3 })) : nastyString, weight: 2 },
	)
}

/** A body object: each field present or missing, possibly with unknown fields. */
function body(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
	const properties = schema.properties ?? {}
	return fc.tuple(
		fc.record(Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, fieldValue(name, s)])), { requiredKeys: [] }),
		fc.dictionary(fc.constantFrom('id', 'userId', 'reporterId', 'organisationId', 'archived', '__proto__', 'constructor', 'isAdmin', 'x'), anyJson, { maxKeys: 2 }),
	).map(([known, unknown]) => ({ ...unknown, ...known }))
}

/** What is sent as the body: JSON of an object, JSON that is no object, or no JSON at all. */
function rawBody(schema: Schema): fc.Arbitrary<{ body: string, contentType?: string }> {
	return fc.oneof(
		{ arbitrary: body(schema).map((b) => ({ body: JSON.stringify(b) })), weight: 8 },
		{ arbitrary: anyJson.map((v) => ({ body: JSON.stringify(v) ?? 'null' })), weight: 1 },
		{ arbitrary: fc.constantFrom('{', '{"title":', '[1,2', '{"a":1,}', "{'a':1}", 'nul', '\u0000', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"a":1}{"a":2}', '').map((b) => ({ body: b })), weight: 2 },
		{ arbitrary: body(schema).map((b) => ({ body: new URLSearchParams(Object.entries(b).map(([k, v]) => [k, String(v)])).toString(), contentType: 'application/x-www-form-urlencoded' })), weight: 1 },
	)
}

/** A path segment for an id parameter: this suite's record, or something that is none. */
function pathId(path: string, param: string, method: string): fc.Arbitrary<string> {
	return fc.oneof(
		{ arbitrary: fc.constant(ownSegment(path, param, method)), weight: 3 },
		{ arbitrary: nastyId.map((v) => encodeURIComponent(String(v))), weight: 2 },
		{ arbitrary: fc.constantFrom('%00', '%2e%2e', '1%20OR%201%3D1', '%E0%A4%A', 'null', '1.0'), weight: 1 },
	)
}

/** A query string: known parameters with any value, unknown ones, arrays, broken escapes. */
function queryString(params: Record<string, Schema>): fc.Arbitrary<string> {
	const value = (name: string, s: Schema) => fieldValue(name, s).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''))
	return fc.tuple(
		fc.record(Object.fromEntries(Object.entries(params).map(([name, s]) => [name, value(name, s)])), { requiredKeys: [] }),
		fc.dictionary(fc.constantFrom('format', 'x', 'page[]', 'limit[]', 'sort[a]', 'id'), nastyString, { maxKeys: 2 }),
		fc.constantFrom('', '&%', '&a=%zz', '&=', '&limit=1&limit=2'),
	).map(([known, unknown, tail]) => {
		const search = new URLSearchParams([...Object.entries(known), ...Object.entries(unknown)] as [string, string][]).toString()
		return search === '' && tail === '' ? '' : `?${search}${tail}`
	})
}

/** A whole request for an operation. */
function request(op: Operation): fc.Arbitrary<RawRequest> {
	const params = op.pathParams.length === 0
		? fc.constant<string[]>([])
		: fc.tuple(...op.pathParams.map((p) => pathId(op.path, p, op.method))) as fc.Arbitrary<string[]>
	return fc.tuple(params, queryString(op.query), op.body === null ? fc.constant(null) : fc.option(rawBody(op.body), { freq: 8 })).map(([ids, query, b]) => {
		let path = op.path
		op.pathParams.forEach((p, i) => {
			path = path.replace(`{${p}}`, ids[i])
		})
		return { method: op.method, path: `${API_PREFIX}${path}${query}`, body: b?.body, contentType: b?.contentType }
	})
}

/** Requests every write gets in any case: sizes, NUL, broken JSON, ids that are none. */
function mustTry(op: Operation): RawRequest[] {
	const url = (ids: string[]) => {
		let path = op.path
		op.pathParams.forEach((p, i) => {
			path = path.replace(`{${p}}`, ids[i] ?? ownSegment(op.path, p, op.method))
		})
		return `${API_PREFIX}${path}`
	}
	const own = url([])
	if (op.body === null) {
		return op.pathParams.length === 0
			? []
			: [{ method: op.method, path: url(op.pathParams.map(() => '-1')) }, { method: op.method, path: url(op.pathParams.map(() => '99999999999999999999')) }]
	}
	const strings = Object.entries(op.body.properties ?? {}).filter(([, s]) => resolve(s).type === 'string').map(([name]) => name)
	const fill = (value: unknown) => JSON.stringify(Object.fromEntries(strings.map((name) => [name, value])))
	return [
		{ method: op.method, path: own, body: fill(TWO_MB) },
		{ method: op.method, path: own, body: fill(HUNDRED_KB) },
		{ method: op.method, path: own, body: fill('a\u0000b') },
		{ method: op.method, path: own, body: '{"broken": ' },
		{ method: op.method, path: own, body: '[]' },
		{ method: op.method, path: url(op.pathParams.map(() => '0')), body: '{}' },
	]
}

// ---- Sessions, own records, state reads -----------------------------------------------

const sessions = new Map<Login, CookieSession>()
function as(login: Login): CookieSession {
	return sessions.get(login)!
}

/** The statuses each operation answered, printed at the end: what the fuzzing reached. */
const statuses = new Map<string, number[]>()

/**
 * Writes that answered 2xx to a body that is no JSON. Printed, not failed: refusing them
 * is the JSON-decoding check of issue 11; then this becomes a property too.
 */
const brokenJsonAccepted = new Set<string>()

/** Whether a text parses as JSON. */
function isJson(text: string): boolean {
	try {
		JSON.parse(text)
		return true
	} catch {
		return false
	}
}

/** Settings to put back if a fuzzed PUT /settings succeeded. */
let settings: unknown
/** The accessibility statement's settings before the run, put back after every accepted change. */
let accessibility: { statementDe: string, statementEn: string, contact: string } | undefined

/**
 * What a write to the operation could change, read as it is now (admin and consolidator
 * see all of it; ratings are read as their author).
 */
async function state(op: Operation, login: Login): Promise<string> {
	const read = async (session: CookieSession, path: string) => {
		const response = await session.api('GET', path)
		return `${path} ${response.status} ${JSON.stringify(response.data)}`
	}
	const collection = op.path.split('/')[1]
	const admin = as('admin')
	const parts: Promise<string>[] = []
	switch (collection) {
		case 'pilots':
		case 'components':
			// Pilots and components name each other.
			parts.push(read(admin, '/pilots'), read(admin, '/components'))
			break
		case 'criteria':
			parts.push(read(admin, '/criteria'))
			break
		case 'catalogue':
			parts.push(read(admin, '/pilots'), read(admin, '/components'), read(admin, '/criteria'), read(admin, '/organisations'))
			break
		case 'organisations':
			parts.push(read(admin, '/organisations'))
			if (op.path.endsWith('/releases')) {
				parts.push(read(as('bmi'), `/organisations/${own.organisation}/progress?periodId=${own.period}`))
			}
			break
		case 'periods':
			parts.push(read(admin, '/periods'))
			break
		case 'settings':
			parts.push(read(admin, '/settings'))
			break
		case 'ratings':
			parts.push(read(as(login === 'rki-coord' ? 'rki-coord' : 'rki-tester1'), `/ratings?periodId=${own.period}`))
			break
		case 'report-texts':
			parts.push(read(as('bmi'), `/report-texts?pilotId=${own.pilot}&period=${OWN_REPORT_PERIOD}`))
			break
		case 'items':
			parts.push(read(as('bmi'), '/items?sort=created&order=desc&limit=3'), read(as('bmi'), `/items/${own.item}`))
			if (op.path.endsWith('/comments')) {
				parts.push(read(as('bmi'), `/items/${own.item}/comments`))
			}
			break
	}
	return (await Promise.all(parts)).join('\n')
}

/** Puts back what a fuzzed write that succeeded created or changed outside the own records. */
async function undo(op: Operation, response: RawResponse): Promise<void> {
	const admin = as('admin')
	const created = typeof response.data?.id === 'number' ? response.data.id as number : null
	if (op.method === 'POST' && created !== null) {
		const collection = op.path.split('/')[1]
		if (collection === 'periods') {
			await admin.api('PUT', `/periods/${created}`, { status: 'closed' })
		} else if (['pilots', 'components', 'criteria', 'organisations'].includes(collection)) {
			await admin.api('DELETE', `/${collection}/${created}`)
		}
	}
	if (op.path === '/settings' && op.method === 'PUT') {
		await admin.api('PUT', '/settings', settings)
	}
	if (op.path === '/settings/accessibility' && op.method === 'PUT') {
		await admin.api('PUT', '/settings/accessibility', accessibility)
	}
	if (op.path === '/periods/{id}' && op.method === 'DELETE') {
		// the spare period is gone: the next requests get a new one
		own.sparePeriod = (await freshPeriod()).id
	}
}

beforeAll(async () => {
	for (const login of LOGINS) {
		sessions.set(login, login === 'anonymous' ? CookieSession.anonymous() : await CookieSession.login(login))
	}
	const s = await seed()
	const admin = as('admin')
	const created = async (path: string, payload: unknown): Promise<number> => {
		const response = await admin.api('POST', path, payload)
		expect(response.status, response.text.slice(0, 300)).toBe(201)
		return response.data.id
	}
	const tag = `Fuzz target ${Date.now()}`
	own.refs.pilot = s.activePilots[0].id
	own.refs.componentInPilot = s.activePilots[0].componentIds[0]
	own.refs.criterion = s.criteria[0].id
	own.refs.organisation = s.rki.id
	// with a component, so that the consolidators' comments on it (report texts) can be written
	own.pilot = await created('/pilots', { title: tag, status: 'planned', componentIds: [own.refs.componentInPilot] })
	own.component = await created('/components', { name: tag, category: 'other' })
	own.criterion = await created('/criteria', { name: tag })
	own.organisation = await created('/organisations', { name: tag, shortName: `FZ${Date.now() % 100000}` })
	own.period = (await freshPeriod()).id
	own.sparePeriod = (await freshPeriod()).id
	const item = await as('rki-tester1').api('POST', '/items', { type: 'defect', title: tag, body: 'Fuzzing target', pilotId: own.refs.pilot, componentId: own.refs.componentInPilot, priority: 'low' })
	expect(item.status, item.text.slice(0, 300)).toBe(201)
	own.item = item.data.id
	settings = (await admin.api('GET', '/settings')).data
	const { statementDe, statementEn, contact } = (await admin.api('GET', '/settings/accessibility')).data
	accessibility = { statementDe, statementEn, contact }
}, 120_000)

afterAll(async () => {
	for (const [operation, codes] of statuses) {
		const counts = new Map<number, number>()
		codes.forEach((code) => counts.set(code, (counts.get(code) ?? 0) + 1))
		console.log(`fuzz: ${operation.padEnd(44)} ${[...counts].sort(([a], [b]) => a - b).map(([code, n]) => `${code}×${n}`).join(' ')}`)
	}
	for (const accepted of brokenJsonAccepted) {
		console.log(`fuzz: note: broken JSON accepted by ${accepted}`)
	}
	const admin = as('admin')
	for (const [collection, id] of [['pilots', own.pilot], ['components', own.component], ['criteria', own.criterion], ['organisations', own.organisation]] as const) {
		if (id > 0) {
			await admin.api('DELETE', `/${collection}/${id}`)
		}
	}
	if (own.period > 0) {
		await admin.api('PUT', `/periods/${own.period}`, { status: 'closed' })
	}
	if (own.sparePeriod > 0) {
		await admin.api('DELETE', `/periods/${own.sparePeriod}`)
	}
	if (settings !== undefined) {
		await admin.api('PUT', '/settings', settings)
	}
})

/** Sends one request and checks both properties; returns a message, or null if they hold. */
async function probe(op: Operation, login: Login, req: RawRequest): Promise<string | null> {
	const write = op.method !== 'GET'
	const before = write ? await state(op, login) : ''
	let response: RawResponse
	try {
		response = await as(login).send(req)
	} catch (error) {
		return `no answer: ${login} ${req.method} ${req.path.slice(0, 200)}: ${String(error)}`
	}
	statuses.set(`${op.method} ${op.path}`, [...(statuses.get(`${op.method} ${op.path}`) ?? []), response.status])
	const shown = `${login} ${req.method} ${req.path.slice(0, 200)} body=${(typeof req.body === 'string' ? req.body : '').slice(0, 200)} → ${response.status} ${response.text.slice(0, 300)}`
	if (response.status >= 500) {
		return `5xx: ${shown}`
	}
	if (!write) {
		return null
	}
	if (response.status >= 400) {
		const after = await state(op, login)
		if (after !== before) {
			return `refused, but changed: ${shown}\nbefore: ${before.slice(0, 1500)}\nafter:  ${after.slice(0, 1500)}`
		}
	} else {
		if (typeof req.body === 'string' && req.contentType === undefined && !isJson(req.body)) {
			brokenJsonAccepted.add(`${req.method} ${op.path} → ${response.status}`)
		}
		await undo(op, response)
		// What was accepted is stored: a NUL byte is no text, and PostgreSQL refuses to store it (a 500 there).
		if (response.text.includes('\\u0000')) {
			return `stored a NUL byte: ${shown}`
		}
	}
	return null
}

describe('fuzzing every endpoint as every role', () => {
	it('fuzzes every route the app declares', () => {
		const routes = appRoutes()
		const declared = new Set(routes.map(routeKey))
		const fuzzed = new Set(OPERATIONS.map(operationKey))
		expect(routes.filter((route) => route.kind === 'api').length, 'no #[ApiRoute] found in lib/Controller').toBeGreaterThan(0)
		const missing = routes
			.filter((route) => !fuzzed.has(routeKey(route)) && NOT_FUZZED[routeKey(route)] === undefined)
			.map((route) => `${routeKey(route)} (${route.source})`)
		expect(missing, 'declared routes that are not fuzzed: describe them in openapi.json (make openapi) or list them in NOT_FUZZED with the reason').toEqual([])
		expect([...fuzzed].filter((key) => !declared.has(key)), 'operations of openapi.json that no controller declares').toEqual([])
		expect(Object.keys(NOT_FUZZED).filter((key) => !declared.has(key)), 'NOT_FUZZED names routes that no longer exist').toEqual([])
	})

	for (const op of OPERATIONS) {
		it(`${op.method} ${op.path}`, async () => {
			const failures: string[] = []
			for (const login of LOGINS) {
				const runs = login === 'anonymous' ? 1 : RUNS
				await fc.assert(fc.asyncProperty(request(op), async (req) => {
					const failure = await probe(op, login, req)
					if (failure !== null) {
						failures.push(failure)
					}
					return failure === null
				}), { seed: SEED, numRuns: runs, endOnFailure: true }).catch(() => undefined)
			}
			// The must-try cases, as the role that gets past the permission checks the furthest.
			const owner: Login = op.path.startsWith('/ratings') || op.path.startsWith('/items')
				? (op.path.endsWith('/status') ? 'bmi' : 'rki-tester1')
				: op.path.endsWith('/releases') ? 'rki-coord' : op.path.startsWith('/report-texts') ? 'bmi' : 'admin'
			for (const req of mustTry(op)) {
				const failure = await probe(op, owner, req)
				if (failure !== null) {
					failures.push(failure)
				}
			}
			expect(failures, `seed ${SEED}:\n${failures.join('\n\n')}`).toEqual([])
		}, 600_000)
	}
})
