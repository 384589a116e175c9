import type { Assessment, AssessmentConflict, AssessmentPayload, RatingSheet } from '../types/index.ts'

import axios, { isAxiosError } from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/** A save was refused because the assessment changed meanwhile (another tab): the server's current assessment. */
export class AssessmentConflictError extends Error {
	/** The assessment as it is stored now, or null if there is none */
	readonly current: Assessment | null

	/**
	 * @param message the server's message
	 * @param current the stored assessment
	 */
	constructor(message: string, current: Assessment | null) {
		super(message)
		this.name = 'AssessmentConflictError'
		this.current = current
	}
}

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
 * Save the current user's assessment of one component in one pilot in one period.
 * Throws AssessmentConflictError when the version sent is outdated.
 *
 * @param periodId the period
 * @param componentId the component
 * @param input the pilot, scores, overall score, comment and the version the user edited
 */
export async function saveAssessment(periodId: number, componentId: number, input: AssessmentPayload): Promise<Assessment> {
	try {
		return ocsData(await axios.put(ocsUrl(`/ratings/${periodId}/${componentId}`), input))
	} catch (error) {
		const data = isAxiosError(error) && error.response?.status === 409
			? (error.response.data as { ocs?: { data?: Partial<AssessmentConflict> } } | undefined)?.ocs?.data
			: undefined
		if (data !== undefined && 'current' in data) {
			throw new AssessmentConflictError(data.message ?? '', data.current ?? null)
		}
		throw error
	}
}
