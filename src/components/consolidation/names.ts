/** Names of the records the consolidation tables show, by id */
export interface ConsolidationNames {
	/** Component names */
	components: Record<number, string>
	/** Criterion names */
	criteria: Record<number, string>
	/** Organisation short names */
	organisations: Record<number, string>
}

/**
 * A mean for a table cell: two decimals, or a dash without ratings.
 *
 * @param mean the mean, null without ratings
 */
export function formatMean(mean: number | null): string {
	return mean === null ? '–' : mean.toFixed(2)
}
