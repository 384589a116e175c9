import type { Assessment, AssessmentPayload, RatingSheet } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Load the rating sheet of a period (default: the newest open period).
 *
 * @param periodId the period, or undefined for the newest open one
 */
export async function fetchRatingSheet(periodId?: number): Promise<RatingSheet> {
	const params = periodId === undefined ? {} : { periodId }
	return ocsData(await axios.get(ocsUrl('/ratings'), { params }))
}

/**
 * Save the current user's assessment of one component in one period.
 *
 * @param periodId the period
 * @param componentId the component
 * @param input scores, overall score and comment
 */
export async function saveAssessment(periodId: number, componentId: number, input: AssessmentPayload): Promise<Assessment> {
	return ocsData(await axios.put(ocsUrl(`/ratings/${periodId}/${componentId}`), input))
}
