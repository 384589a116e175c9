import type { OrganisationProgress, Release } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Load an organisation's rating progress in a period (default: the newest open period).
 *
 * @param organisationId the organisation
 * @param periodId the period, or undefined for the newest open one
 * @param signal aborts the request
 */
export async function fetchProgress(organisationId: number, periodId?: number, signal?: AbortSignal): Promise<OrganisationProgress> {
	const params = periodId === undefined ? {} : { periodId }
	return ocsData(await axios.get(ocsUrl(`/organisations/${organisationId}/progress`), { params, signal }))
}

/**
 * Release an organisation's feedback for a period.
 *
 * @param organisationId the organisation
 * @param periodId the period to release
 */
export async function releaseOrganisation(organisationId: number, periodId: number): Promise<Release> {
	return ocsData(await axios.post(ocsUrl(`/organisations/${organisationId}/releases`), { periodId }))
}

/**
 * Reopen an organisation's released feedback for a period, so that its testers may change their ratings again.
 *
 * @param organisationId the organisation
 * @param periodId the released period
 */
export async function reopenRelease(organisationId: number, periodId: number): Promise<OrganisationProgress> {
	return ocsData(await axios.delete(ocsUrl(`/organisations/${organisationId}/releases/${periodId}`)))
}
