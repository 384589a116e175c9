import type { OrganisationProgress } from '../../types/index.ts'

/** One tester who has not rated every component of the period. */
export interface MissingRatings {
	/** The tester's user id */
	userId: string
	/** The tester's display name */
	displayName: string
	/** The components they have not rated, in the progress' order */
	componentIds: number[]
}

/** What a release would leave out: how many ratings there are of how many, and who lacks which. */
export interface MissingSummary {
	/** Ratings given (tester × component of the period) */
	rated: number
	/** Ratings possible: testers × components */
	total: number
	/** The testers with unrated components */
	missing: MissingRatings[]
}

/**
 * Summarise which ratings of an organisation's period are missing.
 *
 * @param progress the organisation's progress in the period
 */
export function missingRatings(progress: OrganisationProgress): MissingSummary {
	const components = progress.componentIds
	let rated = 0
	const missing: MissingRatings[] = []
	for (const member of progress.members) {
		const done = new Set(member.ratedComponentIds)
		const unrated = components.filter((id) => !done.has(id))
		rated += components.length - unrated.length
		if (unrated.length > 0) {
			missing.push({ userId: member.userId, displayName: member.displayName, componentIds: unrated })
		}
	}
	return { rated, total: progress.members.length * components.length, missing }
}
