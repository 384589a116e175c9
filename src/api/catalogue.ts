import type { Catalogue, DefaultCatalogueResult } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Pilots, components, criteria, organisations and periods the current user may see.
 *
 * @param signal aborts the request
 */
export async function fetchCatalogue(signal?: AbortSignal): Promise<Catalogue> {
	return ocsData(await axios.get(ocsUrl('/catalogue'), { signal }))
}

/**
 * Install the default catalogue; answers how many records were added.
 */
export async function installDefaultCatalogue(): Promise<DefaultCatalogueResult> {
	return ocsData(await axios.post(ocsUrl('/catalogue/default')))
}
