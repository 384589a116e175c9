/**
 * The routes the app declares, read from its source as Nextcloud reads them: the
 * #[ApiRoute] and #[FrontpageRoute] attributes of the controllers in lib/Controller, and the
 * `routes` and `ocs` arrays of appinfo's routes.php should the app ever have one again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** One declared route. */
export interface AppRoute {
	/** OCS API route (below /ocs/v2.php/apps/pilotfeedback) or page route (below /apps/pilotfeedback) */
	kind: 'api' | 'page'
	verb: string
	/** As declared, e.g. /api/v1/items/{id} */
	url: string
	/** Where it is declared, e.g. ItemController.php */
	source: string
}

/** "VERB url", e.g. "GET /api/v1/items/{id}" */
export function routeKey(route: Pick<AppRoute, 'verb' | 'url'>): string {
	return `${route.verb.toUpperCase()} ${route.url}`
}

/** The routes of the controllers' attributes. */
function attributeRoutes(): AppRoute[] {
	const dir = join(ROOT, 'lib', 'Controller')
	return readdirSync(dir)
		.filter((file) => file.endsWith('.php'))
		.flatMap((file) => [...readFileSync(join(dir, file), 'utf-8')
			.matchAll(/#\[(ApiRoute|FrontpageRoute)\(\s*verb:\s*'(\w+)',\s*url:\s*'([^']+)'/g)]
			.map(([, attribute, verb, url]): AppRoute => ({
				kind: attribute === 'ApiRoute' ? 'api' : 'page',
				verb: verb!.toUpperCase(),
				url: url!,
				source: file,
			})))
}

/**
 * The text of the innermost PHP array around a position: from its `[` to its `]`.
 *
 * @param text the PHP source
 * @param at a position inside the array
 */
function arrayAround(text: string, at: number): { start: number, text: string } {
	let start = at
	for (let depth = 0; start > 0; start--) {
		const char = text[start - 1]
		if (char === ']') {
			depth++
		} else if (char === '[' && depth-- === 0) {
			break
		}
	}
	let end = at
	for (let depth = 0; end < text.length; end++) {
		const char = text[end]
		if (char === '[') {
			depth++
		} else if (char === ']' && depth-- === 0) {
			break
		}
	}
	return { start: start - 1, text: text.slice(start - 1, end + 1) }
}

/**
 * The routes of appinfo's routes.php, if there is one: each entry with a `'url' => …`
 * (verb GET unless it says otherwise), in the `ocs` array an API route, else a page route.
 */
function routesFileRoutes(): AppRoute[] {
	const file = join(ROOT, 'appinfo', 'routes.php')
	if (!existsSync(file)) {
		return []
	}
	const text = readFileSync(file, 'utf-8')
	return [...text.matchAll(/'url'\s*=>\s*'([^']+)'/g)].map((match): AppRoute => {
		const entry = arrayAround(text, match.index!)
		const verb = /'verb'\s*=>\s*'(\w+)'/.exec(entry.text)?.[1] ?? 'GET'
		// The list the entry is in belongs to the key just before that list's `[`.
		const list = arrayAround(text, entry.start)
		const inOcs = /'ocs'\s*=>\s*$/.test(text.slice(0, list.start))
		return { kind: inOcs ? 'api' : 'page', verb: verb.toUpperCase(), url: match[1]!, source: 'routes.php' }
	})
}

/** Every route the app declares, sorted by "VERB url". */
export function appRoutes(): AppRoute[] {
	return [...attributeRoutes(), ...routesFileRoutes()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)))
}
