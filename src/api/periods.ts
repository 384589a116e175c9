import type { Period, PeriodCreatePayload, PeriodRatings, PeriodStatus } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * All reporting periods (admin).
 */
export async function fetchPeriods(): Promise<Period[]> {
	return ocsData(await axios.get(ocsUrl('/periods')))
}

/**
 * Create the period of a month.
 *
 * @param payload the month as YYYY-MM
 */
export async function createPeriod(payload: PeriodCreatePayload): Promise<Period> {
	return ocsData(await axios.post(ocsUrl('/periods'), payload))
}

/**
 * Open or close a period.
 *
 * @param id the period
 * @param status its new status
 */
export async function setPeriodStatus(id: number, status: PeriodStatus): Promise<Period> {
	return ocsData(await axios.put(ocsUrl(`/periods/${id}`), { status }))
}

/**
 * How many ratings a period holds (closing it freezes them).
 *
 * @param id the period
 */
export async function fetchPeriodRatings(id: number): Promise<PeriodRatings> {
	return ocsData(await axios.get(ocsUrl(`/periods/${id}/ratings`)))
}

/**
 * Delete a period nobody has rated in (the server refuses any other with 409).
 *
 * @param id the period
 */
export async function deletePeriod(id: number): Promise<Period> {
	return ocsData(await axios.delete(ocsUrl(`/periods/${id}`)))
}
