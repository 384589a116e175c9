/**
 * A logged-in browser-like session: one basic-auth login, then requests that carry only the
 * session cookies. Parallel requests of one user go through it as through a browser's tabs;
 * with basic auth on every request Nextcloud would log in (and write a session token) each time.
 */
import type { DemoUser } from './client.ts'
import type { ApiResponse } from './fixtures.ts'

import { NEXTCLOUD_URL, passwordOf } from './client.ts'
import { API } from './fixtures.ts'

export class Session {
	private readonly cookies = new Map<string, string>()

	private constructor(readonly user: DemoUser) {}

	/** Logs `user` in once; the `cookie_test` cookie makes Nextcloud keep a session instead of a one-request login. */
	static async open(user: DemoUser): Promise<Session> {
		const session = new Session(user)
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
		session.remember(response)
		if (response.status !== 200) {
			throw new Error(`Login as ${user} failed: HTTP ${response.status}`)
		}
		return session
	}

	/** Calls the app's API (`path` relative to /api/v1) with the session cookies alone. */
	async api<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = { 'OCS-APIRequest': 'true', Accept: 'application/json', Cookie: this.header() }
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json'
		}
		const response = await fetch(`${NEXTCLOUD_URL}${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' })
		const text = await response.text()
		this.remember(response)
		let json: any = null
		try {
			json = text === '' ? null : JSON.parse(text)
		} catch {
			// not JSON: the caller sees `text`
		}
		return { status: response.status, data: json?.ocs?.data ?? null, text, headers: response.headers }
	}

	private header(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
	}

	private remember(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';')
			const at = pair.indexOf('=')
			const name = pair.slice(0, at).trim()
			const value = pair.slice(at + 1).trim()
			const expired = value === '' || value === 'deleted'
				|| attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
				|| attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now())
			if (expired) {
				this.cookies.delete(name)
			} else {
				this.cookies.set(name, value)
			}
		}
	}
}
