import type { Pilot, PilotPayload, PilotUpdatePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * All pilots, archived ones included (admin).
 */
export async function fetchPilots(): Promise<Pilot[]> {
	return ocsData(await axios.get(ocsUrl('/pilots')))
}

/**
 * Create a pilot.
 *
 * @param payload the fields of the new pilot
 */
export async function createPilot(payload: PilotPayload): Promise<Pilot> {
	return ocsData(await axios.post(ocsUrl('/pilots'), payload))
}

/**
 * Replace the fields of a pilot.
 *
 * @param id the pilot
 * @param payload its new fields; archived: false restores an archived one
 */
export async function updatePilot(id: number, payload: PilotUpdatePayload): Promise<Pilot> {
	return ocsData(await axios.put(ocsUrl(`/pilots/${id}`), payload))
}

/**
 * Archive a pilot; it stays in past reports.
 *
 * @param id the pilot
 */
export async function archivePilot(id: number): Promise<Pilot> {
	return ocsData(await axios.delete(ocsUrl(`/pilots/${id}`)))
}
