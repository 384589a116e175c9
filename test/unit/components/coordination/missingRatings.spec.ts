import type { OrganisationProgress } from '../../../../src/types/index.ts'

import { describe, expect, it } from 'vitest'
import { missingRatings } from '../../../../src/components/coordination/missingRatings.ts'

const progress: OrganisationProgress = {
	period: { id: 4, month: '2026-11', status: 'open' },
	organisationId: 1,
	componentIds: [11, 12, 13],
	members: [
		{ userId: 'rki-tester1', displayName: 'Tester One', ratedComponentIds: [11, 12, 13] },
		{ userId: 'rki-tester2', displayName: 'Tester Two', ratedComponentIds: [12, 99] },
	],
	release: null,
	history: [],
}

describe('missingRatings', () => {
	it('counts ratings of the period\'s components and names who lacks which', () => {
		expect(missingRatings(progress)).toEqual({
			rated: 4,
			total: 6,
			missing: [{ userId: 'rki-tester2', displayName: 'Tester Two', componentIds: [11, 13] }],
		})
	})

	it('has nothing missing when everyone rated everything', () => {
		expect(missingRatings({ ...progress, members: [progress.members[0]] }).missing).toEqual([])
	})
})
