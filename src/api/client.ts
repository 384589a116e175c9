import { isAxiosError } from '@nextcloud/axios'
import { t } from '@nextcloud/l10n'
import { generateOcsUrl } from '@nextcloud/router'

/** The base of every Pilot Feedback OCS endpoint, below /ocs/v2.php */
const API_BASE = '/apps/pilotfeedback/api/v1'

/** The OCS envelope every answer of the API is wrapped in */
export interface OcsEnvelope<T> {
	/** The envelope */
	ocs: {
		/** Status information of the OCS layer */
		meta: { status: string, statuscode: number, message?: string }
		/** The payload */
		data: T
	}
}

/**
 * The full URL of an API endpoint, e.g. `ocsUrl('/pilots/3')`.
 *
 * @param path path below /api/v1, starting with a slash
 */
export function ocsUrl(path: string): string {
	return generateOcsUrl(API_BASE + path)
}

/** The part of an axios response that ocsData reads */
export interface OcsResponse<T> {
	/** The parsed JSON body */
	data: OcsEnvelope<T>
}

/**
 * The payload of an OCS answer.
 *
 * @param response the axios response of an OCS request
 */
export function ocsData<T>(response: OcsResponse<T>): T {
	return response.data.ocs.data
}

/**
 * A message to show for a failed request: the server's `data.message` if it sent one.
 *
 * @param error whatever the request threw
 * @param fallback what to say when the server sent no message
 */
export function errorMessage(error: unknown, fallback?: string): string {
	if (isAxiosError(error)) {
		const message = (error.response?.data as Partial<OcsEnvelope<{ message?: unknown }>> | undefined)?.ocs?.data?.message
		if (typeof message === 'string' && message !== '') {
			return message
		}
		if (error.response === undefined) {
			return t('pilotfeedback', 'The server could not be reached. Please check your connection.')
		}
	}
	return fallback ?? t('pilotfeedback', 'Something went wrong. Please try again.')
}

/**
 * The HTTP status of a failed request, undefined if there was no answer.
 *
 * @param error whatever the request threw
 */
export function errorStatus(error: unknown): number | undefined {
	return isAxiosError(error) ? error.response?.status : undefined
}
