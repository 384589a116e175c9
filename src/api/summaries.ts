import type { Summary, SummaryAvailability, SummaryPayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Whether the current user can ask for summaries (a consolidator, with a provider installed).
 */
export async function fetchSummaryAvailability(): Promise<SummaryAvailability> {
	return ocsData(await axios.get(ocsUrl('/summaries/available')))
}

/**
 * Ask for a machine-generated summary of a component's free-text feedback in a period.
 *
 * @param payload the component and the period
 */
export async function requestSummary(payload: SummaryPayload): Promise<Summary> {
	return ocsData(await axios.post(ocsUrl('/summaries'), payload))
}

/**
 * A summary asked for: its status, and its text once done.
 *
 * @param id the summary's id
 */
export async function fetchSummary(id: number): Promise<Summary> {
	return ocsData(await axios.get(ocsUrl(`/summaries/${id}`)))
}
