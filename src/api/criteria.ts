import type { Criterion, CriterionPayload, CriterionUpdatePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * All criteria, archived ones included (admin).
 */
export async function fetchCriteria(): Promise<Criterion[]> {
	return ocsData(await axios.get(ocsUrl('/criteria')))
}

/**
 * Create a criterion.
 *
 * @param payload the fields of the new criterion
 */
export async function createCriterion(payload: CriterionPayload): Promise<Criterion> {
	return ocsData(await axios.post(ocsUrl('/criteria'), payload))
}

/**
 * Replace the fields of a criterion.
 *
 * @param id the criterion
 * @param payload its new fields; archived: false restores an archived one
 */
export async function updateCriterion(id: number, payload: CriterionUpdatePayload): Promise<Criterion> {
	return ocsData(await axios.put(ocsUrl(`/criteria/${id}`), payload))
}

/**
 * Archive a criterion; it stays in past reports.
 *
 * @param id the criterion
 */
export async function archiveCriterion(id: number): Promise<Criterion> {
	return ocsData(await axios.delete(ocsUrl(`/criteria/${id}`)))
}
