import type { Component, ComponentPayload, ComponentUpdatePayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * All components, archived ones included (admin).
 */
export async function fetchComponents(): Promise<Component[]> {
	return ocsData(await axios.get(ocsUrl('/components')))
}

/**
 * Create a component.
 *
 * @param payload the fields of the new component
 */
export async function createComponent(payload: ComponentPayload): Promise<Component> {
	return ocsData(await axios.post(ocsUrl('/components'), payload))
}

/**
 * Replace the fields of a component.
 *
 * @param id the component
 * @param payload its new fields; archived: false restores an archived one
 */
export async function updateComponent(id: number, payload: ComponentUpdatePayload): Promise<Component> {
	return ocsData(await axios.put(ocsUrl(`/components/${id}`), payload))
}

/**
 * Archive a component; it stays in past reports.
 *
 * @param id the component
 */
export async function archiveComponent(id: number): Promise<Component> {
	return ocsData(await axios.delete(ocsUrl(`/components/${id}`)))
}
