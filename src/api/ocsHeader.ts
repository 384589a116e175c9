import axios from '@nextcloud/axios'

/**
 * Marks every request of this app's axios instance as an OCS API request. The app talks
 * only to OCS endpoints, which expect the header and then accept the request without
 * relying on the page's CSRF token. Called once by each entry point.
 */
export function sendOcsApiRequestHeader(): void {
	axios.defaults.headers.common['OCS-APIRequest'] = 'true'
}
