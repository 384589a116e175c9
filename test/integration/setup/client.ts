/** HTTP helpers for the integration suites: OCS calls as a given demo user. */
import { cookieHeader, rememberCookies } from './sessionJar.ts'

/** Base URL of the Nextcloud under test, without a trailing slash. */
export const NEXTCLOUD_URL = (process.env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
if (NEXTCLOUD_URL === '') {
	throw new Error('NEXTCLOUD_URL is not set; run the suites through scripts/test-integration.sh')
}

/** Password of the Nextcloud administrator `admin` on dev and test instances. */
export const ADMIN_PASSWORD = 'admin'
/** Password of every account created by `occ pilotfeedback:demo:seed`. */
export const DEMO_PASSWORD = 'Pilot-Feedback-2026'

/** Logins available on a seeded instance. */
export type DemoUser = 'admin' | 'bmi'
	| 'rki-coord' | 'rki-tester1' | 'rki-tester2'
	| 'bsh-coord' | 'bsh-tester1' | 'bsh-tester2'

/** Result of an OCS call: the HTTP status and `ocs.data` (null when the answer had none). */
export interface OcsResponse<T = unknown> {
	/** HTTP status code. */
	status: number
	/** The `ocs.data` member of the answer. */
	data: T
}

/** Password for a login. */
export function passwordOf(user: DemoUser): string {
	return user === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD
}

/** Headers that authenticate `user` with HTTP basic auth. */
export function basicAuth(user: DemoUser): Record<string, string> {
	const token = Buffer.from(`${user}:${passwordOf(user)}`).toString('base64')
	return { Authorization: `Basic ${token}` }
}

/** Calls `/ocs/v2.php/apps/pilotfeedback/api/v1${path}` as `user`, or anonymously when null. */
export async function ocs<T = unknown>(
	user: DemoUser | null,
	method: string,
	path: string,
	body?: unknown,
): Promise<OcsResponse<T>> {
	const headers: Record<string, string> = {
		'OCS-APIRequest': 'true',
		Accept: 'application/json',
		...(user === null ? {} : { ...basicAuth(user), Cookie: cookieHeader(user, passwordOf(user)) }),
	}
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json'
	}
	const response = await fetch(`${NEXTCLOUD_URL}/ocs/v2.php/apps/pilotfeedback/api/v1${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	})
	if (user !== null) {
		rememberCookies(user, passwordOf(user), response)
	}
	const text = await response.text()
	const json = text === '' ? null : JSON.parse(text)
	return { status: response.status, data: json?.ocs?.data ?? null }
}
