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
 * @param signal aborts the request
 */
export async function fetchResults(params: ConsolidationQuery, signal?: AbortSignal): Promise<ConsolidationResults> {
	return ocsData(await axios.get(ocsUrl('/consolidation/results'), { params, signal }))
}

/**
 * Month-by-month mean and number of ratings.
 *
 * @param params the pilot, months and filters
 * @param signal aborts the request
 */
export async function fetchTrend(params: ConsolidationQuery, signal?: AbortSignal): Promise<ConsolidationTrend> {
	return ocsData(await axios.get(ocsUrl('/consolidation/trend'), { params, signal }))
}

/**
 * Participation per organisation and month.
 *
 * @param params the pilot, months and filters
 * @param signal aborts the request
 */
export async function fetchParticipation(params: ConsolidationQuery, signal?: AbortSignal): Promise<Participation> {
	return ocsData(await axios.get(ocsUrl('/consolidation/participation'), { params, signal }))
}

/**
 * The items overview (released only does not apply to items): the counts across all
 * organisations, and the breakdown only of the organisation asked for (organisationId).
 *
 * @param params the pilot, months and filters
 * @param signal aborts the request
 */
export async function fetchItemsOverview(params: ConsolidationQuery, signal?: AbortSignal): Promise<ItemsOverview> {
	const rest = { ...params }
	delete rest.releasedOnly
	return ocsData(await axios.get(ocsUrl('/consolidation/items'), { params: rest, signal }))
}
