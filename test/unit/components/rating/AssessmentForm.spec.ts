import type { Assessment, Criterion } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AssessmentForm from '../../../../src/components/rating/AssessmentForm.vue'
import { parseScore } from '../../../../src/components/rating/scores.ts'

/** Two criteria to score */
const criteria: Criterion[] = [
	{ id: 1, name: 'Usability', nameEn: 'Usability', nameDe: 'Usability', description: 'Easy to use', descriptionEn: 'Easy to use', descriptionDe: 'Easy to use', sortOrder: 0, archived: false },
	{ id: 2, name: 'Stability', nameEn: 'Stability', nameDe: 'Stability', description: '', descriptionEn: '', descriptionDe: '', sortOrder: 1, archived: false },
]

/** A saved assessment of component 10 */
const saved: Assessment = {
	id: 3,
	pilotId: 1,
	componentId: 10,
	periodId: 7,
	userId: 'alice',
	organisationId: 1,
	overall: 4,
	comment: 'Works',
	scores: [{ criterionId: 1, score: 2 }],
	rated: true,
	version: 3,
	updatedAt: 0,
}

/**
 * Mount the form.
 *
 * @param readonly whether the period is closed
 * @param assessment the saved assessment, or null
 */
function mountForm(readonly = false, assessment: Assessment | null = saved) {
	return mount(AssessmentForm, { props: { componentId: 10, criteria, assessment, readonly, previous: { pilotId: 1, componentId: 10, overall: 3, scores: [{ criterionId: 2, score: 4 }] } } })
}

/**
 * The checked radio values of the form.
 *
 * @param wrapper the mounted form
 */
function checkedValues(wrapper: ReturnType<typeof mountForm>): string[] {
	return wrapper.findAll('input[type="radio"]').filter((input) => (input.element as HTMLInputElement).checked).map((input) => `${input.attributes('name')}=${(input.element as HTMLInputElement).value}`)
}

describe('AssessmentForm', () => {
	it('shows the saved scores as checked radio buttons, and nothing for a criterion not chosen', () => {
		expect(checkedValues(mountForm())).toEqual(['score-10-1=2', 'overall-10=4'])
	})

	it('preselects nothing on an unrated component, not even "not assessed"', () => {
		expect(checkedValues(mountForm(false, null))).toEqual([])
	})

	it('shows last month\'s scores beside the criteria', () => {
		const wrapper = mountForm()
		const fieldsets = wrapper.findAll('fieldset')
		expect(fieldsets[0].text()).not.toContain('Last month')
		expect(fieldsets[1].text()).toContain('Last month: 4')
		expect(fieldsets[2].text()).toContain('Last month: 3')
	})

	it('starts from the unsaved edit when there is one', () => {
		const wrapper = mount(AssessmentForm, { props: { componentId: 10, criteria, assessment: saved, readonly: false, edit: { overall: 1, comment: 'typed', scores: [{ criterionId: 2, score: 5 }] } } })
		expect(checkedValues(wrapper)).toEqual(['score-10-2=5', 'overall-10=1'])
		expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('typed')
	})

	it('emits the complete assessment when a score is chosen', async () => {
		const wrapper = mountForm()
		await wrapper.find('input[name="score-10-2"][value="5"]').trigger('change')
		expect(wrapper.emitted('change')).toEqual([[{
			overall: 4,
			comment: 'Works',
			scores: [{ criterionId: 1, score: 2 }, { criterionId: 2, score: 5 }],
		}]])
	})

	it('sends only the criteria the tester chose', async () => {
		const wrapper = mountForm(false, null)
		await wrapper.find('input[name="score-10-2"][value="3"]').trigger('change')
		expect(wrapper.emitted('change')?.at(-1)).toEqual([{ overall: null, comment: '', scores: [{ criterionId: 2, score: 3 }] }])
	})

	it('emits null when "not assessed" is chosen and includes the comment', async () => {
		const wrapper = mountForm()
		await wrapper.find('textarea').setValue('Slow on Mondays')
		await wrapper.find('input[name="overall-10"][value="none"]').trigger('change')
		expect(wrapper.emitted('change')?.at(-1)).toEqual([{
			overall: null,
			comment: 'Slow on Mondays',
			scores: [{ criterionId: 1, score: 2 }],
		}])
	})

	it('offers only the scores 1 to 5 and "not assessed"', () => {
		const wrapper = mountForm(false, null)
		const values = wrapper.findAll('input[name="score-10-1"]').map((input) => (input.element as HTMLInputElement).value)
		expect(values).toEqual(['1', '2', '3', '4', '5', 'none'])
	})

	it('groups each criterion\'s choices in a fieldset named by the criterion, in one row', () => {
		const wrapper = mountForm(false, null)
		const fieldsets = wrapper.findAll('fieldset')
		expect(fieldsets.map((fieldset) => fieldset.find('legend').text())).toEqual(['Usability', 'Stability', 'Overall score'])
		const usability = fieldsets[0]
		expect(usability.attributes('aria-describedby')).toBe('score-10-1-description')
		expect(wrapper.find('#score-10-1-description').text()).toBe('Easy to use')
		// Described for screen readers, shown only on demand; the legend's tooltip has it too.
		expect(wrapper.find('#score-10-1-description').classes()).toContain('hidden-visually')
		expect(usability.find('legend').attributes('title')).toBe('Easy to use')
		// All six choices of a criterion sit in one options row.
		const rows = usability.findAll('.score-choice__options')
		expect(rows).toHaveLength(1)
		expect(rows[0].findAll('input[type="radio"]')).toHaveLength(6)
		expect(rows[0].text()).toContain('Not assessed')
	})

	it('turns values outside 1 to 5 into "not assessed"', () => {
		expect(parseScore('0')).toBeNull()
		expect(parseScore('6')).toBeNull()
		expect(parseScore('2.5')).toBeNull()
		expect(parseScore('none')).toBeNull()
		expect(parseScore('5')).toBe(5)
	})

	it('is read-only when the period is closed', async () => {
		const wrapper = mountForm(true)
		const fieldsets = wrapper.findAll('fieldset')
		expect(fieldsets.length).toBe(3)
		expect(fieldsets.every((fieldset) => (fieldset.element as HTMLFieldSetElement).disabled)).toBe(true)
		expect((wrapper.find('textarea').element as HTMLTextAreaElement).disabled).toBe(true)
		await wrapper.find('input[name="overall-10"][value="1"]').trigger('change')
		expect(wrapper.emitted('change')).toBeUndefined()
	})
})
