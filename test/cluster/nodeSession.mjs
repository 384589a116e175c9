/**
 * A logged-in cookie session for requests to the nodes of a cluster (test/cluster specs,
 * test/bench/rush.mjs): the login sends basic auth once, every later request carries only the
 * session cookies (the session lives in Redis, so it holds on every node; basic auth on each
 * request would hash the password each time). Each answer names the node that gave it
 * (X-Pilotfeedback-Node); a request that got no answer at all (a dead node, a refused
 * connection) answers status 0. Plain JavaScript, so that plain Node runs it too; its types
 * are in nodeSession.d.mts.
 */
import { cookieHeaderOf, rememberSetCookies } from '../integration/setup/setCookies.mjs'

/** The app's OCS API. */
export const API = '/ocs/v2.php/apps/pilotfeedback/api/v1'

export class NodeSession {
	/**
	 * @param {string} user the login name
	 * @param {string} password
	 */
	constructor(user, password) {
		/** @readonly */
		this.user = user
		/** @private */
		this.password = password
		/**
		 * `cookie_test` tells Nextcloud that this client keeps cookies, so that it opens a session.
		 *
		 * @private
		 */
		this.cookies = new Map([['cookie_test', 'test']])
	}

	/**
	 * Logs in with basic auth through `base`; throws unless Nextcloud answers 200.
	 *
	 * @param {string} base the URL of the balancer or a node
	 * @return {Promise<this>}
	 */
	async open(base) {
		const answer = await this.send(base, 'GET', '/ocs/v2.php/cloud/user?format=json', undefined, {
			Authorization: `Basic ${Buffer.from(`${this.user}:${this.password}`).toString('base64')}`,
		})
		if (answer.status !== 200) {
			throw new Error(`login of ${this.user}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`)
		}
		return this
	}

	/**
	 * The value of one of the session's cookies, if it has it.
	 *
	 * @param {string} name
	 * @return {string | undefined}
	 */
	cookie(name) {
		return this.cookies.get(name)
	}

	/**
	 * A JSON call of the app's API (`path` relative to /api/v1) on `base`.
	 *
	 * @param {string} base
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @return {Promise<import('./nodeSession.d.mts').Answer>}
	 */
	api(base, method, path, body) {
		return this.send(base, method, `${API}${path}`, body)
	}

	/**
	 * A request with the session's cookies to `base` + `path`; `body` is sent as JSON.
	 *
	 * @param {string} base
	 * @param {string} method
	 * @param {string} path
	 * @param {unknown} [body]
	 * @param {Record<string, string>} [extra] further headers
	 * @return {Promise<import('./nodeSession.d.mts').Answer>}
	 */
	async send(base, method, path, body, extra = {}) {
		/** @type {Record<string, string>} */
		const headers = {
			'OCS-APIRequest': 'true',
			Accept: 'application/json',
			Cookie: cookieHeaderOf(this.cookies),
			...extra,
		}
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json'
		}
		let response
		try {
			response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
		} catch (e) {
			return { status: 0, data: null, text: String(e), node: null } // no answer at all
		}
		rememberSetCookies(this.cookies, response)
		const text = await response.text()
		let data = null
		try {
			data = JSON.parse(text)?.ocs?.data ?? null
		} catch {
			// not JSON (a gateway error page): the caller shows the text
		}
		return { status: response.status, data, text, node: response.headers.get('X-Pilotfeedback-Node') }
	}
}
