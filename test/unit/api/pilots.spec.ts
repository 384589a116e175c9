import type { PilotPayload } from '../../../src/types/index.ts'

import axios from '@nextcloud/axios'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { archivePilot, createPilot, fetchPilots, updatePilot } from '../../../src/api/pilots.ts'

vi.mock('@nextcloud/axios', () => ({
	default: { get: vi.fn(), post: vi.fn(), put: vi.fn(), delete: vi.fn() },
}))
vi.mock('@nextcloud/router', () => ({
	generateOcsUrl: (path: string) => `/ocs/v2.php${path}`,
}))

/** A pilot as the server answers it */
const pilot = { id: 4, title: 'PoC 1', description: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [2] }
/** The OCS answer carrying the pilot */
const answer = { data: { ocs: { meta: { status: 'ok', statuscode: 200 }, data: pilot } } }
/** What the admin form sends */
const payload: PilotPayload = { title: 'PoC 1', description: '', status: 'active', startDate: null, endDate: null, componentIds: [2] }

describe('pilots api', () => {
	beforeEach(() => vi.clearAllMocks())

	it('lists pilots', async () => {
		vi.mocked(axios.get).mockResolvedValue({ data: { ocs: { meta: {}, data: [pilot] } } })
		await expect(fetchPilots()).resolves.toEqual([pilot])
		expect(axios.get).toHaveBeenCalledWith('/ocs/v2.php/apps/pilotfeedback/api/v1/pilots')
	})

	it('creates a pilot with the payload as body', async () => {
		vi.mocked(axios.post).mockResolvedValue(answer)
		await expect(createPilot(payload)).resolves.toEqual(pilot)
		expect(axios.post).toHaveBeenCalledWith('/ocs/v2.php/apps/pilotfeedback/api/v1/pilots', payload)
	})

	it('updates a pilot by id', async () => {
		vi.mocked(axios.put).mockResolvedValue(answer)
		await updatePilot(4, payload)
		expect(axios.put).toHaveBeenCalledWith('/ocs/v2.php/apps/pilotfeedback/api/v1/pilots/4', payload)
	})

	it('archives a pilot with DELETE', async () => {
		vi.mocked(axios.delete).mockResolvedValue({ data: { ocs: { meta: {}, data: { ...pilot, archived: true } } } })
		await expect(archivePilot(4)).resolves.toMatchObject({ archived: true })
		expect(axios.delete).toHaveBeenCalledWith('/ocs/v2.php/apps/pilotfeedback/api/v1/pilots/4')
	})
})
