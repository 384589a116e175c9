import type { Criterion } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CriterionForm from '../../../../src/components/admin/CriterionForm.vue'

/** Stands in for the dialog: a plain form around the fields */
const DialogStub = {
	emits: ['submit', 'close'],
	template: '<form @submit.prevent="$emit(\'submit\')"><slot /></form>',
}

/** A saved criterion to edit */
const saved: Criterion = { id: 4, name: 'Bedienbarkeit', nameEn: 'Usability', nameDe: 'Bedienbarkeit', description: 'Leicht zu lernen', descriptionEn: 'Easy to learn and use', descriptionDe: 'Leicht zu lernen', sortOrder: 10, archived: false }

/**
 * Mount the form.
 *
 * @param criterion the criterion to edit; null to create one
 */
function mountForm(criterion: Criterion | null = null) {
	return mount(CriterionForm, {
		props: { criterion, nextSortOrder: 30, saving: false },
		global: { stubs: { AdminFormDialog: DialogStub } },
	})
}

describe('CriterionForm', () => {
	it('refuses to submit without a name', async () => {
		const wrapper = mountForm()
		await wrapper.find('textarea').setValue('Something')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please enter a name in English, in German or in both.')
	})

	it('accepts a German name alone', async () => {
		const wrapper = mountForm()
		await wrapper.findAll('input')[1]!.setValue(' Datenschutz ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{ name: '', nameDe: 'Datenschutz', description: '', descriptionDe: '', sortOrder: 30 }]])
	})

	it('does not mark the name before the first attempt', () => {
		const wrapper = mountForm()
		expect(wrapper.text()).not.toContain('Please enter a name')
	})

	it('emits the trimmed fields with the proposed sort order', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue(' Performance  ')
		await wrapper.find('textarea').setValue(' Fast enough for daily work ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{ name: 'Performance', nameDe: '', description: 'Fast enough for daily work', descriptionDe: '', sortOrder: 30 }]])
	})

	it('emits a typed sort order as a number', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('Performance')
		await wrapper.find('input[type="number"]').setValue('25')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{ name: 'Performance', nameDe: '', description: '', descriptionDe: '', sortOrder: 25 }]])
	})

	it('pre-fills both languages of a saved criterion, not the displayed name, and keeps its sort order', async () => {
		const wrapper = mountForm(saved)
		expect((wrapper.find('input').element as HTMLInputElement).value).toBe('Usability')
		expect((wrapper.findAll('input')[1]!.element as HTMLInputElement).value).toBe('Bedienbarkeit')
		expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('Easy to learn and use')
		expect((wrapper.find('input[type="number"]').element as HTMLInputElement).value).toBe('10')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{ name: 'Usability', nameDe: 'Bedienbarkeit', description: 'Easy to learn and use', descriptionDe: 'Leicht zu lernen', sortOrder: 10 }]])
	})
})
