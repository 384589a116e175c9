import type { Criterion } from '../../../../src/types/index.ts'

import { describe, expect, it } from 'vitest'
import { countsAsRating, ratingState } from '../../../../src/components/rating/ratingState.ts'

const criteria: Criterion[] = [
	{ id: 1, name: 'Usability', nameEn: 'Usability', nameDe: 'Usability', description: '', descriptionEn: '', descriptionDe: '', sortOrder: 0, archived: false },
	{ id: 2, name: 'Stability', nameEn: 'Stability', nameDe: 'Stability', description: '', descriptionEn: '', descriptionDe: '', sortOrder: 1, archived: false },
]

describe('ratingState', () => {
	it('is unrated without an assessment or with an empty one', () => {
		expect(ratingState(null, criteria)).toBe('unrated')
		expect(ratingState({ rated: false, overall: null, scores: [], comment: '' }, criteria)).toBe('unrated')
	})

	it('calls a comment alone a draft, not a rating', () => {
		expect(ratingState({ rated: false, overall: null, scores: [], comment: 'a note' }, criteria)).toBe('draft')
	})

	it('is partly rated until every criterion and the overall score are chosen', () => {
		expect(ratingState({ rated: true, overall: 4, scores: [{ criterionId: 1, score: 3 }], comment: '' }, criteria)).toBe('partly')
		expect(ratingState({ rated: true, overall: null, scores: [{ criterionId: 1, score: 3 }, { criterionId: 2, score: 2 }], comment: '' }, criteria)).toBe('partly')
	})

	it('is rated when everything is chosen, "not assessed" included', () => {
		expect(ratingState({ rated: true, overall: 4, scores: [{ criterionId: 1, score: 3 }, { criterionId: 2, score: null }], comment: '' }, criteria)).toBe('rated')
	})
})

describe('countsAsRating', () => {
	it('needs an overall score or a criterion score', () => {
		expect(countsAsRating({ overall: null, comment: 'note', scores: [] })).toBe(false)
		expect(countsAsRating({ overall: null, comment: '', scores: [{ criterionId: 1, score: null }] })).toBe(false)
		expect(countsAsRating({ overall: 2, comment: '', scores: [] })).toBe(true)
		expect(countsAsRating({ overall: null, comment: '', scores: [{ criterionId: 1, score: 5 }] })).toBe(true)
	})
})
