import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Repository root, where openapi.json and lib/ live */
const ROOT = join(__dirname, '..', '..', '..')
/** Where the OCS routes of the app start */
const OCS_PREFIX = '/ocs/v2.php/apps/pilotfeedback'
/** The verbs an OpenAPI path item may hold */
const VERBS = ['get', 'put', 'post', 'delete', 'patch']

/**
 * Every "VERB /api/v1/..." route declared with #[ApiRoute] in lib/Controller.
 */
function controllerRoutes(): string[] {
	const dir = join(ROOT, 'lib', 'Controller')
	return readdirSync(dir)
		.filter((file) => file.endsWith('.php'))
		.flatMap((file) => [...readFileSync(join(dir, file), 'utf-8')
			.matchAll(/#\[ApiRoute\(\s*verb:\s*'(\w+)',\s*url:\s*'([^']+)'/g)]
			.map(([, verb, url]) => `${verb!.toUpperCase()} ${url}`))
		.sort()
}

/**
 * Every "VERB /api/v1/..." operation described in openapi.json.
 */
function specRoutes(): string[] {
	const spec = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf-8')) as { paths: Record<string, Record<string, unknown>> }
	return Object.entries(spec.paths)
		.flatMap(([path, item]) => Object.keys(item)
			.filter((key) => VERBS.includes(key))
			.map((verb) => `${verb.toUpperCase()} ${path.slice(OCS_PREFIX.length)}`))
		.sort()
}

describe('openapi.json', () => {
	it('describes exactly the routes the controllers declare', () => {
		expect(specRoutes()).toEqual(controllerRoutes())
	})

	it('only holds paths of this app', () => {
		expect(specRoutes().every((route) => route.split(' ')[1]!.startsWith('/api/v1/'))).toBe(true)
	})
})
