/**
 * The form in which the server under test writes its own links: with "/index.php" (the default,
 * and PHP's built-in server) or without it where the web server runs Nextcloud as its front
 * controller (pretty URLs, e.g. Nextcloud's documented nginx set-up, as in the cluster). Both
 * forms open the same page; expectations of links the server writes use this.
 */
import { NEXTCLOUD_URL } from './client.ts'

let frontController: Promise<string> | undefined

/**
 * "/index.php" or "", as the server answers: Nextcloud sends an anonymous visitor of a page
 * (here the Files app's) to its login page, a link it writes in its own form.
 */
export function indexPhp(): Promise<string> {
	frontController ??= (async () => {
		const response = await fetch(`${NEXTCLOUD_URL}/index.php/apps/files/`, { redirect: 'manual', headers: { Accept: 'text/html' } })
		const location = response.headers.get('location')
		if (response.status !== 303 && response.status !== 302) {
			throw new Error(`GET /index.php/apps/files/ without a login answered ${response.status}, not a redirect to the login page`)
		}
		const path = new URL(location ?? '', NEXTCLOUD_URL).pathname
		if (path.endsWith('/index.php/login')) {
			return '/index.php'
		}
		if (path.endsWith('/login')) {
			return ''
		}
		throw new Error(`GET /index.php/apps/files/ without a login went to ${location}, not to the login page`)
	})()
	return frontController
}

/** The absolute URL the server writes for a path of its own, e.g. serverUrl('/apps/pilotfeedback/items/3'). */
export async function serverUrl(path: string): Promise<string> {
	return `${NEXTCLOUD_URL}${await indexPhp()}${path}`
}
