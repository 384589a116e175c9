import type { Period, PeriodCreatePayload, PeriodStatus } from '../types/index.ts'

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
