/**
 * Cookie sessions for suites that send many requests (fuzzing, concurrent saves): each login
 * authenticates once with basic auth, and every later request carries only the session
 * cookies, as a browser does. Basic auth on every request re-hashes the password each
 * time (about 0.4 s a request); a session request costs what the endpoint costs.
 */
import type { DemoUser } from './client.ts'

import { NEXTCLOUD_URL, passwordOf } from './client.ts'
import { cookieHeaderOf, rememberSetCookies } from './setCookies.mjs'

/** What a raw request answered. */
export interface RawResponse {
	status: number
	text: string
	/** The parsed `ocs.data`, or null if the answer was no OCS JSON */
	data: any
}

/** A request as the fuzzing suite sends it: any method, path and (possibly broken) body. */
export interface RawRequest {
	method: string
	/** Path with query string, starting with /ocs/… */
	path: string
	/** Sent as it is; undefined sends no body */
	body?: string
	/** Content-Type of the body (default application/json) */
	contentType?: string
}

/** One login's cookies, updated from every answer. */
export class CookieSession {
	private readonly cookies = new Map<string, string>()

	private constructor(readonly user: DemoUser | null) {}

	/** A session without credentials: its requests are anonymous. */
	static anonymous(): CookieSession {
		return new CookieSession(null)
	}

	/**
	 * Logs `user` in with basic auth once. The `cookie_test` cookie tells Nextcloud that
	 * the client keeps cookies, so that it opens a session instead of a one-request login.
	 */
	static async login(user: DemoUser): Promise<CookieSession> {
		const session = new CookieSession(user)
		session.cookies.set('cookie_test', 'test')
		const response = await fetch(`${NEXTCLOUD_URL}/ocs/v2.php/cloud/user?format=json`, {
			headers: {
				'OCS-APIRequest': 'true',
				Accept: 'application/json',
				Authorization: `Basic ${Buffer.from(`${user}:${passwordOf(user)}`).toString('base64')}`,
				Cookie: session.header(),
			},
		})
		await response.text()
		rememberSetCookies(session.cookies, response)
		if (response.status !== 200) {
			throw new Error(`Logging in as ${user} failed: HTTP ${response.status}`)
		}
		// The cookies alone must authenticate, or every later request would be anonymous.
		const check = await session.send({ method: 'GET', path: '/ocs/v2.php/cloud/user?format=json' })
		if (check.status !== 200 || check.data?.id !== user) {
			throw new Error(`The session cookies of ${user} do not authenticate: HTTP ${check.status}`)
		}
		return session
	}

	private header(): string {
		return cookieHeaderOf(this.cookies)
	}

	/** Sends a request with the session's cookies (none for an anonymous session). */
	async send(request: RawRequest): Promise<RawResponse> {
		const headers: Record<string, string> = { 'OCS-APIRequest': 'true', Accept: 'application/json' }
		if (this.cookies.size > 0) {
			headers.Cookie = this.header()
		}
		if (request.body !== undefined) {
			headers['Content-Type'] = request.contentType ?? 'application/json'
		}
		const response = await fetch(`${NEXTCLOUD_URL}${request.path}`, {
			method: request.method,
			headers,
			body: request.body,
			redirect: 'manual',
		})
		rememberSetCookies(this.cookies, response)
		const text = await response.text()
		let data: any = null
		try {
			data = JSON.parse(text)?.ocs?.data ?? null
		} catch {
			// Not JSON: the caller sees `text`.
		}
		return { status: response.status, text, data }
	}

	/** A JSON call to the app's API (`path` relative to /api/v1). */
	async api(method: string, path: string, body?: unknown): Promise<RawResponse> {
		return this.send({ method, path: `/ocs/v2.php/apps/pilotfeedback/api/v1${path}`, body: body === undefined ? undefined : JSON.stringify(body) })
	}
}
