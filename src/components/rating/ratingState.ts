import type { Assessment, AssessmentPayload, Criterion } from '../../types/index.ts'

import { t } from '@nextcloud/l10n'

/**
 * Where a component's rating stands for the tester:
 * - unrated: nothing saved, or only a comment (a comment alone is no rating and counts nowhere);
 * - partly: an overall or criterion score, but not every criterion and the overall score chosen;
 * - rated: every criterion and the overall score chosen ("not assessed" counts as a choice).
 */
export type RatingState = 'unrated' | 'draft' | 'partly' | 'rated'

/**
 * The state of a component's rating.
 *
 * @param assessment the saved assessment, or null
 * @param criteria the criteria of the sheet
 */
export function ratingState(assessment: Pick<Assessment, 'rated' | 'overall' | 'scores' | 'comment'> | null, criteria: Criterion[]): RatingState {
	if (assessment === null) {
		return 'unrated'
	}
	if (!assessment.rated) {
		return assessment.comment === '' ? 'unrated' : 'draft'
	}
	const chosen = new Set(assessment.scores.map((entry) => entry.criterionId))
	return assessment.overall !== null && criteria.every((criterion) => chosen.has(criterion.id)) ? 'rated' : 'partly'
}

/**
 * Whether an assessment as typed counts as a rating: an overall score or at least one criterion score.
 *
 * @param input the assessment as the form holds it
 */
export function countsAsRating(input: AssessmentPayload): boolean {
	return (input.overall ?? null) !== null || (input.scores ?? []).some((entry) => entry.score !== null)
}

/**
 * The state's label, as the component list and the sheet show it.
 *
 * @param state the state
 */
export function ratingStateLabel(state: RatingState): string {
	return {
		unrated: t('pilotfeedback', 'Not rated yet'),
		draft: t('pilotfeedback', 'Comment only, not counted'),
		partly: t('pilotfeedback', 'Partly rated'),
		rated: t('pilotfeedback', 'Rated'),
	}[state]
}
