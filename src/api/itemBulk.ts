import type { BulkTriageResult, ItemBulkTriagePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Set status, consolidated priority and/or vendor reference on many items at once
 * (consolidators only). All or nothing: a refused batch changes no item.
 *
 * @param input the item ids and the fields to set
 */
export async function bulkTriageItems(input: ItemBulkTriagePayload): Promise<BulkTriageResult> {
	return ocsData(await axios.post(ocsUrl('/items/bulk'), input))
}
