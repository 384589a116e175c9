/**
 * Session cookies per login, shared by the suites' HTTP helpers (fixtures.ts, client.ts).
 * Nextcloud checks a basic-auth password (a slow hash, about 0.5 s) on every request unless
 * the request also carries a session of that login. Every request still sends basic auth as
 * well, so a session that ended (a logout, a deleted account) falls back to the password
 * and answers as it would without cookies.
 *
 * Sessions are kept per login name and password, so that a request with a wrong password
 * never rides on the right password's session. The demo users' sessions are opened once per
 * run by openSessions.ts (globalSetup) and reach every suite through inject(); other logins
 * open theirs on their first request.
 */
import { inject } from 'vitest'
import { cookieHeaderOf, rememberSetCookies } from './setCookies.mjs'

declare module 'vitest' {
	export interface ProvidedContext {
		/** Cookies per sessionKey(), opened by openSessions.ts; empty when it could not. */
		sessions: Record<string, Record<string, string>>
	}
}

let opened: Map<string, Map<string, string>> | undefined

/** The jars, starting from the sessions openSessions.ts opened (read on first use: inject() works in suites only). */
function jars(): Map<string, Map<string, string>> {
	opened ??= new Map(Object.entries(inject('sessions') ?? {}).map(([key, cookies]) => [key, new Map(Object.entries(cookies))]))
	return opened
}

/** The key of a login's session: its name and password. */
export function sessionKey(user: string, password: string): string {
	return `${user}\n${password}`
}

/** The Cookie header for the login's session; a first request asks Nextcloud to open one. */
export function cookieHeader(user: string, password: string): string {
	const jar = jars().get(sessionKey(user, password))
	if (jar === undefined || jar.size === 0) {
		// Tells Nextcloud that this client keeps cookies, so that it opens a session.
		return 'cookie_test=test'
	}
	return cookieHeaderOf(jar)
}

/** Keeps the cookies that `response` set or cleared for the login. */
export function rememberCookies(user: string, password: string, response: Response): void {
	const key = sessionKey(user, password)
	const jar = jars().get(key) ?? new Map<string, string>()
	rememberSetCookies(jar, response)
	jars().set(key, jar)
}
