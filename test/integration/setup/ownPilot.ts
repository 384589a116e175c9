/**
 * A pilot of the suite's own, with two new components, that RKI and BSH take part in while
 * the suite runs: items are always filed "now", so a suite that counts items isolates itself
 * in a pilot nobody else files into. restore() gives the organisations their pilots back and
 * deletes the pilot.
 */
import type { Organisation, Seed } from './fixtures.ts'

import { api, expectApi, uid } from './fixtures.ts'

export interface OwnPilot {
	pilotId: number
	components: [number, number]
	restore: () => Promise<void>
}

/** Creates the pilot and links RKI and BSH to it. */
export async function ownPilot(s: Seed, name: string): Promise<OwnPilot> {
	const a = await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `${name} component A ${uid()}`, category: 'other' })
	const b = await expectApi<{ id: number }>(201, 'admin', 'POST', '/components', { name: `${name} component B ${uid()}`, category: 'other' })
	const pilot = await expectApi<{ id: number }>(201, 'admin', 'POST', '/pilots', { title: `${name} pilot ${uid()}`, status: 'active', componentIds: [a.id, b.id] })
	const saved: Organisation[] = []
	for (const org of [s.rki, s.bsh]) {
		saved.push(org)
		await expectApi(200, 'admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: [...org.pilotIds, pilot.id] })
	}
	return {
		pilotId: pilot.id,
		components: [a.id, b.id],
		restore: async () => {
			for (const org of saved) {
				await api('admin', 'PUT', `/organisations/${org.id}`, { name: org.name, shortName: org.shortName, groupIds: org.groupIds, coordinatorIds: org.coordinatorIds, pilotIds: org.pilotIds })
			}
			await api('admin', 'DELETE', `/pilots/${pilot.id}`)
		},
	}
}

/** The status chain a consolidator walks to close an item as done. */
export const TO_DONE = ['in_review', 'accepted', 'forwarded', 'in_progress', 'done'] as const

/** The month of a date in UTC, YYYY-MM (the server's months are UTC months). */
export function monthOf(date: Date): string {
	return date.toISOString().slice(0, 7)
}

/** The month `offset` months from the current UTC month. */
export function monthFromNow(offset: number): string {
	const now = new Date()
	return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)))
}
