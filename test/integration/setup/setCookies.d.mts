/** Types of setCookies.mjs (plain JavaScript, for plain Node as well). */

/** Keeps in `jar` the cookies that `response` set, and drops those it cleared. */
export function rememberSetCookies(jar: Map<string, string>, response: Response): void

/** The Cookie header of the cookies in `jar`. */
export function cookieHeaderOf(jar: Map<string, string>): string
