import { AxiosError, AxiosHeaders } from 'axios'
import { describe, expect, it, vi } from 'vitest'
import { errorMessage, errorStatus, ocsData, ocsUrl } from '../../../src/api/client.ts'

vi.mock('@nextcloud/router', () => ({
	generateOcsUrl: (path: string) => `http://nextcloud.test/ocs/v2.php${path}`,
}))

/**
 * An axios error as thrown for an answer with the given status and OCS payload.
 *
 * @param status HTTP status
 * @param data OCS payload
 */
function httpError(status: number, data: unknown): AxiosError {
	const config = { headers: new AxiosHeaders() }
	return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, {}, {
		status,
		statusText: '',
		headers: {},
		config,
		data: { ocs: { meta: { status: 'failure', statuscode: status }, data } },
	})
}

describe('api client', () => {
	it('builds URLs below the app API', () => {
		expect(ocsUrl('/pilots/3')).toBe('http://nextcloud.test/ocs/v2.php/apps/pilotfeedback/api/v1/pilots/3')
	})

	it('unwraps the OCS envelope', () => {
		expect(ocsData({ data: { ocs: { meta: { status: 'ok', statuscode: 200 }, data: { id: 7 } } } })).toEqual({ id: 7 })
	})

	it('shows the server message of a failed request', () => {
		const error = httpError(409, { message: 'This month already has a period.' })
		expect(errorMessage(error)).toBe('This month already has a period.')
		expect(errorStatus(error)).toBe(409)
	})

	it('falls back to the given text when the server sent no message', () => {
		expect(errorMessage(httpError(500, []), 'Could not save.')).toBe('Could not save.')
		expect(errorMessage(new Error('boom'))).toBe('Something went wrong. Please try again.')
	})

	it('says when the server could not be reached', () => {
		const error = new AxiosError('Network Error', 'ERR_NETWORK')
		expect(errorMessage(error)).toBe('The server could not be reached. Please check your connection.')
		expect(errorStatus(error)).toBeUndefined()
	})
})
