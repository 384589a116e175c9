import type { Organisation, OrganisationPayload, OrganisationUpdatePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * All organisations, archived ones included (admin).
 */
export async function fetchOrganisations(): Promise<Organisation[]> {
	return ocsData(await axios.get(ocsUrl('/organisations')))
}

/**
 * Create a organisation.
 *
 * @param payload the fields of the new organisation
 */
export async function createOrganisation(payload: OrganisationPayload): Promise<Organisation> {
	return ocsData(await axios.post(ocsUrl('/organisations'), payload))
}

/**
 * Replace the fields of a organisation.
 *
 * @param id the organisation
 * @param payload its new fields; archived: false restores an archived one
 */
export async function updateOrganisation(id: number, payload: OrganisationUpdatePayload): Promise<Organisation> {
	return ocsData(await axios.put(ocsUrl(`/organisations/${id}`), payload))
}

/**
 * Archive a organisation; it stays in past reports.
 *
 * @param id the organisation
 */
export async function archiveOrganisation(id: number): Promise<Organisation> {
	return ocsData(await axios.delete(ocsUrl(`/organisations/${id}`)))
}
