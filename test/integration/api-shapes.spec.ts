/**
 * Every GET endpoint's answer, from a real Nextcloud, checked against openapi.json:
 * the documented fields are present with their types, and no undocumented field appears.
 * And every write request: a body that lacks a field the spec marks required is refused.
 * Together with openapi-routes.spec.ts (same routes) this keeps server and spec from drifting.
 */
import type { DemoUser } from './setup/client.ts'

import Ajv from 'ajv'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, NEXTCLOUD_URL, ocs } from './setup/client.ts'
import { api } from './setup/fixtures.ts'

type Schema = Record<string, unknown>

const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'))
const schemas: Record<string, Schema> = spec.components.schemas
const BASE = '/ocs/v2.php/apps/pilotfeedback/api/v1'

const ajv = new Ajv({ strict: false, allErrors: true })
// Nextcloud's specs mark ids as int64; JSON numbers carry them as safe integers.
ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger })
ajv.addSchema(toJsonSchema({ components: spec.components }) as Schema, 'spec')

/**
 * The schema in plain JSON Schema: local references point at the registered spec, and
 * OpenAPI 3.0's `nullable` becomes an explicit null alternative.
 */
function toJsonSchema(schema: unknown): unknown {
	if (Array.isArray(schema)) {
		return schema.map(toJsonSchema)
	}
	if (schema === null || typeof schema !== 'object') {
		return schema
	}
	const { nullable, ...rest } = schema as Schema
	const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [
		key,
		key === '$ref' ? String(value).replace('#/components/', 'spec#/components/') : toJsonSchema(value),
	]))
	return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted
}

/** Follows $ref and merges allOf into one list of property schemas. */
function properties(schema: Schema): Record<string, Schema> | null {
	if (typeof schema.$ref === 'string') {
		return properties(schemas[schema.$ref.split('/').pop() as string])
	}
	if (Array.isArray(schema.allOf)) {
		return Object.assign({}, ...schema.allOf.map((part: Schema) => properties(part) ?? {}))
	}
	return (schema.properties as Record<string, Schema> | undefined) ?? null
}

/** Paths (like `ocs.data.items[0].foo`) of object keys that the schema does not document. */
function undocumented(schema: Schema, value: unknown, at: string): string[] {
	if (typeof schema.$ref === 'string') {
		return undocumented(schemas[schema.$ref.split('/').pop() as string], value, at)
	}
	if (Array.isArray(value)) {
		const items = schema.items as Schema | undefined
		return items ? value.flatMap((entry, i) => undocumented(items, entry, `${at}[${i}]`)) : []
	}
	const props = properties(schema)
	if (value === null || typeof value !== 'object' || props === null) {
		return []
	}
	return Object.entries(value).flatMap(([key, child]) => props[key] === undefined
		? [`${at}.${key}`]
		: undocumented(props[key], child, `${at}.${key}`))
}

/** Calls a GET endpoint with basic auth and returns the whole JSON answer. */
async function getJson(user: DemoUser, path: string): Promise<{ status: number, body: unknown }> {
	const response = await fetch(`${NEXTCLOUD_URL}${BASE}${path}`, {
		headers: { 'OCS-APIRequest': 'true', Accept: 'application/json', ...basicAuth(user) },
	})
	return { status: response.status, body: await response.json() }
}

const ids = { item: 0, org: 0, period: 0, pilot: 0, component: 0, month: '', report: 0 }
/** A report period whose texts only this suite writes */
const TEXT_PERIOD = '2999-Q4'

beforeAll(async () => {
	const me = await ocs<{ organisations: { id: number }[] }>('rki-coord', 'GET', '/me')
	ids.org = me.data.organisations[0].id
	const sheet = await ocs<{ period: { id: number, month: string }, components: { id: number, pilotIds: number[] }[], criteria: { id: number }[] }>('rki-tester1', 'GET', '/ratings')
	ids.period = sheet.data.period.id
	ids.month = sheet.data.period.month
	ids.pilot = sheet.data.components[0].pilotIds[0]
	const component = sheet.data.components[0]
	ids.component = component.id
	// A foreword and a comment, so that the report texts and their histories have entries.
	const texts = await ocs<{ foreword: { version: number }, components: { componentId: number, version: number }[] }>('bmi', 'GET', `/report-texts?pilotId=${ids.pilot}&period=${TEXT_PERIOD}`)
	await ocs('bmi', 'PUT', `/report-texts/${ids.pilot}/${TEXT_PERIOD}/foreword`, { body: `Shape check ${Date.now()}`, version: texts.data.foreword.version })
	await ocs('bmi', 'PUT', `/report-texts/${ids.pilot}/${TEXT_PERIOD}/components/${component.id}`, { body: `Shape check ${Date.now()}`, version: texts.data.components.find((c) => c.componentId === component.id)?.version ?? 0 })
	await ocs('rki-tester1', 'PUT', `/ratings/${ids.period}/${component.id}`, {
		overall: 4,
		comment: 'shape check',
		scores: [{ criterionId: sheet.data.criteria[0].id, score: 3 }],
	})
	const item = await ocs<{ id: number }>('rki-tester1', 'POST', '/items', {
		type: 'defect',
		title: `Shape check ${Date.now()}`,
		body: 'Text',
		componentId: component.id,
		pilotId: component.pilotIds[0],
		priority: 'low',
	})
	ids.item = item.data.id
	// An export is recorded at once (and queued): enough for GET /reports/{id}.
	const report = await ocs<{ id: number }>('bmi', 'POST', '/reports', { type: 'export', fileFormat: 'csv', pilotId: ids.pilot, month: ids.month })
	ids.report = report.data.id
	await ocs('bsh-tester1', 'POST', `/items/${ids.item}/support`)
	await ocs('rki-tester2', 'POST', `/items/${ids.item}/comments`, { message: 'Same here' })
})

/** [user, spec path, concrete path] for every GET route of the spec. */
const cases: [DemoUser, string, () => string][] = [
	['rki-tester1', '/me', () => '/me'],
	['rki-tester1', '/catalogue', () => '/catalogue'],
	['admin', '/pilots', () => '/pilots'],
	['admin', '/components', () => '/components'],
	['admin', '/criteria', () => '/criteria'],
	['admin', '/organisations', () => '/organisations'],
	['admin', '/periods', () => '/periods'],
	['admin', '/periods/{id}/ratings', () => `/periods/${ids.period}/ratings`],
	['admin', '/settings', () => '/settings'],
	['rki-tester1', '/ratings', () => '/ratings'],
	['rki-tester1', '/items', () => '/items?limit=5'],
	['rki-tester1', '/items/suggestions', () => '/items/suggestions?q=shape%20check'],
	['rki-tester1', '/items/{id}', () => `/items/${ids.item}`],
	['rki-tester1', '/items/{id}/comments', () => `/items/${ids.item}/comments`],
	['rki-coord', '/organisations/{id}/progress', () => `/organisations/${ids.org}/progress`],
	['bmi', '/consolidation/results', () => `/consolidation/results?pilotId=${ids.pilot}&month=${ids.month}`],
	['rki-coord', '/consolidation/trend', () => `/consolidation/trend?pilotId=${ids.pilot}&from=${ids.month}&to=${ids.month}&organisationId=${ids.org}`],
	['bmi', '/consolidation/participation', () => `/consolidation/participation?pilotId=${ids.pilot}&month=${ids.month}`],
	['rki-coord', '/consolidation/items', () => `/consolidation/items?pilotId=${ids.pilot}&month=${ids.month}`],
	['bmi', '/reports', () => '/reports'],
	['bmi', '/reports/{id}', () => `/reports/${ids.report}`],
	['rki-coord', '/reports/formats', () => '/reports/formats'],
	['rki-coord', '/reports/folder', () => '/reports/folder'],
	['admin', '/settings/report-cadence', () => '/settings/report-cadence'],
	['rki-coord', '/report-texts', () => `/report-texts?pilotId=${ids.pilot}&period=${TEXT_PERIOD}`],
	['bmi', '/report-texts/{pilotId}/{period}/foreword/history', () => `/report-texts/${ids.pilot}/${TEXT_PERIOD}/foreword/history`],
	['bsh-coord', '/report-texts/{pilotId}/{period}/components/{componentId}/history', () => `/report-texts/${ids.pilot}/${TEXT_PERIOD}/components/${ids.component}/history`],
	['rki-tester1', '/me/notifications', () => '/me/notifications'],
	['admin', '/settings/integrations', () => '/settings/integrations'],
	['admin', '/settings/report-templates', () => '/settings/report-templates'],
	['bmi', '/summaries/available', () => '/summaries/available'],
	['rki-coord', '/month', () => '/month'],
	['bsh-tester1', '/accessibility-statement', () => '/accessibility-statement'],
	['admin', '/settings/accessibility', () => '/settings/accessibility'],
]

/**
 * GET routes that answer 200 only when a TaskProcessing summary provider is installed, which
 * the test instance lacks (nextcloud-integrations.spec.ts checks their refusal).
 */
const needsSummaryProvider = ['/summaries/{id}']

describe('GET answers match openapi.json', () => {
	it('covers every GET route of the spec', () => {
		const specGets = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
			.filter(([, operations]) => 'get' in operations)
			.map(([path]) => path.slice(BASE.length))
		expect([...cases.map(([, path]) => path), ...needsSummaryProvider].sort()).toEqual(specGets.sort())
	})

	it.each(cases)('%s GET %s', async (user, specPath, concretePath) => {
		const operation = spec.paths[BASE + specPath].get
		const schema = operation.responses['200'].content['application/json'].schema
		const { status, body } = await getJson(user, concretePath())
		expect(status).toBe(200)

		const validate = ajv.compile(toJsonSchema(schema) as Schema)
		expect(validate(body) ? [] : validate.errors).toEqual([])
		expect(undocumented(schema, body, 'body')).toEqual([])
	})
})

/** [verb, spec path, required body fields] for every write operation of the spec with a body. */
const writes: [string, string, string[]][] = Object.entries(spec.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>)
	.flatMap(([path, operations]) => Object.entries(operations)
		.filter(([verb, operation]) => ['post', 'put', 'patch', 'delete'].includes(verb) && operation.requestBody !== undefined)
		.map(([verb, operation]): [string, string, string[]] => [
			verb.toUpperCase(),
			path.slice(BASE.length),
			(operation.requestBody!.content['application/json'].schema.required as string[] | undefined) ?? [],
		]))

/** [verb, spec path, missing field, the other required fields] for every documented-required body field. */
const missingCases: [string, string, string, string[]][] = writes.flatMap(([verb, path, required]) => required
	.map((field): [string, string, string, string[]] => [verb, path, field, required.filter((other) => other !== field)]))

describe('write requests match openapi.json: a documented-required field that is missing is refused', () => {
	let settings: unknown

	beforeAll(async () => {
		settings = (await ocs('admin', 'GET', '/settings')).data
	})

	afterAll(async () => {
		// A server that took a body without its required field may have cleared the setting.
		await ocs('admin', 'PUT', '/settings', settings)
	})

	it('finds the write operations and their required fields in the spec', () => {
		expect(writes.length).toBeGreaterThanOrEqual(15)
		expect(missingCases.map(([verb, path, field]) => `${verb} ${path} ${field}`)).toEqual(expect.arrayContaining([
			'PUT /ratings/{periodId}/{componentId} scores',
			'PUT /items/{id} title',
			'PUT /items/{id}/status status',
			'PUT /pilots/{id} status',
			'POST /items body',
		]))
	})

	// The administrator passes Nextcloud's own checks on every route, and the ids name no
	// record, so that nothing would be changed even by a server that took the request.
	it.each(missingCases)('%s %s without %s → 400 naming it', async (verb, specPath, field, others) => {
		const path = specPath.replace(/\{\w+\}/g, '999999999')
		const body = Object.fromEntries(others.map((other) => [other, null]))
		const answer = await api<{ message?: string }>('admin', verb, path, body)
		expect(answer.status, answer.text.slice(0, 300)).toBe(400)
		expect(answer.data?.message).toContain(field)
	})

	it.each(writes.filter(([verb, path]) => !(verb === 'PUT' && path === '/settings')))('%s %s with every required field is not refused for a missing one', async (verb, specPath, required) => {
		const path = specPath.replace(/\{\w+\}/g, '999999999')
		const answer = await api<{ message?: string }>('admin', verb, path, Object.fromEntries(required.map((field) => [field, null])))
		expect(answer.data?.message ?? '').not.toMatch(/lacks required fields/)
	})
})
