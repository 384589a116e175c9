/**
 * The one reader of Set-Cookie headers for the suites' cookie sessions (sessionJar.ts,
 * cookieSession.ts, test/cluster/nodeSession.mjs). Plain JavaScript, so that plain Node runs it
 * too (test/bench/rush.mjs); its types are in setCookies.d.mts.
 */

/**
 * Keeps in `jar` the cookies that `response` set, and drops those it cleared: an empty value,
 * "deleted" (PHP's way), Max-Age=0 or an Expires in the past.
 *
 * @param {Map<string, string>} jar the cookies by name
 * @param {Response} response
 * @return {void}
 */
export function rememberSetCookies(jar, response) {
	for (const line of response.headers.getSetCookie()) {
		const [pair, ...attributes] = line.split(';')
		const at = pair.indexOf('=')
		const name = pair.slice(0, at).trim()
		const value = pair.slice(at + 1).trim()
		const expired = value === '' || value === 'deleted'
			|| attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
			|| attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now())
		if (expired) {
			jar.delete(name)
		} else {
			jar.set(name, value)
		}
	}
}

/**
 * The Cookie header of the cookies in `jar`.
 *
 * @param {Map<string, string>} jar
 * @return {string}
 */
export function cookieHeaderOf(jar) {
	return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
