import type { ConsolidationResults, ConsolidationTrend, ItemsOverview, Participation } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/** What every consolidation request names: a pilot, the months (one of the three forms), filters */
export interface ConsolidationQuery {
	/** The pilot */
	pilotId: number
	/** One month, YYYY-MM */
	month?: string
	/** One quarter, YYYY-Qn */
	quarter?: string
	/** First month of a range, YYYY-MM */
	from?: string
	/** Last month of a range, YYYY-MM */
	to?: string
	/** Only feedback its organisation released */
	releasedOnly?: boolean
	/** Only this organisation's breakdown */
	organisationId?: number
}

/**
 * Rating results per component and criterion, across all organisations and per organisation.
 *
 * @param params the pilot, months and filters
 */
export async function fetchResults(params: ConsolidationQuery): Promise<ConsolidationResults> {
	return ocsData(await axios.get(ocsUrl('/consolidation/results'), { params }))
}

/**
 * Month-by-month mean and number of ratings.
 *
 * @param params the pilot, months and filters
 */
export async function fetchTrend(params: ConsolidationQuery): Promise<ConsolidationTrend> {
	return ocsData(await axios.get(ocsUrl('/consolidation/trend'), { params }))
}

/**
 * Participation per organisation and month.
 *
 * @param params the pilot, months and filters
 */
export async function fetchParticipation(params: ConsolidationQuery): Promise<Participation> {
	return ocsData(await axios.get(ocsUrl('/consolidation/participation'), { params }))
}

/**
 * The items overview (released only does not apply to items).
 *
 * @param params the pilot, months and filters
 */
export async function fetchItemsOverview(params: ConsolidationQuery): Promise<ItemsOverview> {
	const rest = { ...params }
	delete rest.releasedOnly
	return ocsData(await axios.get(ocsUrl('/consolidation/items'), { params: rest }))
}
