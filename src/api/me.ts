import type { Me } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * The current user and their roles.
 */
export async function fetchMe(): Promise<Me> {
	return ocsData(await axios.get(ocsUrl('/me')))
}
