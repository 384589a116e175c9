import type { VueWrapper } from '@vue/test-utils'
import type { Component, Pilot } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import PilotForm from '../../../../src/components/admin/PilotForm.vue'

/** Stands in for the dialog: a plain form around the fields */
const DialogStub = {
	emits: ['submit', 'close'],
	template: '<form @submit.prevent="$emit(\'submit\')"><slot /></form>',
}

/** Components to offer */
const components: Component[] = [
	{ id: 11, name: 'Nextcloud', nameEn: 'Nextcloud', nameDe: '', category: 'filesharing', product: 'Nextcloud Hub', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [] },
	{ id: 12, name: 'Jitsi', nameEn: 'Jitsi', nameDe: '', category: 'messaging', product: '', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [] },
]

/** A saved pilot to edit */
const saved: Pilot = { id: 3, title: 'PoC 2', titleEn: 'PoC 2', titleDe: 'PoC 2 (Video)', description: 'Video calls', descriptionEn: 'Video calls', descriptionDe: 'Videoanrufe', status: 'planned', startDate: '2025-02-01', endDate: '2025-06-30', archived: false, componentIds: [12] }

/**
 * Mount the form.
 *
 * @param pilot the pilot to edit; null to create one
 */
function mountForm(pilot: Pilot | null = null) {
	return mount(PilotForm, {
		props: { pilot, components, saving: false },
		global: { stubs: { AdminFormDialog: DialogStub } },
	})
}

/**
 * A prop of a select, read untyped: NcSelect declares its props in a way test-utils cannot name.
 *
 * @param select the select's wrapper
 * @param name the prop
 */
function selectProp(select: VueWrapper, name: string): unknown {
	return (select.props() as Record<string, unknown>)[name]
}

describe('PilotForm', () => {
	it('refuses to submit without a title', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('   ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please enter a title in English, in German or in both.')
	})

	it('labels the title and description fields with their language', () => {
		const labels = mountForm().findAll('label').map((label) => label.text())
		expect(labels).toEqual(expect.arrayContaining(['Title (English)', 'Title (Deutsch)', 'Description (English)', 'Description (Deutsch)']))
	})

	it('accepts a German title alone', async () => {
		const wrapper = mountForm()
		await wrapper.findAll('input')[1]!.setValue(' PoC 1 Filesharing ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ title: '', titleDe: 'PoC 1 Filesharing' })
	})

	it('emits the trimmed fields with status, days and component ids', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('  PoC 1 ')
		await wrapper.find('textarea').setValue(' Files and office ')
		await wrapper.findAll('textarea')[1]!.setValue(' Dateien und Büro ')
		const [statusSelect, componentSelect] = wrapper.findAllComponents(NcSelect)
		statusSelect!.vm.$emit('update:modelValue', { id: 'active', label: 'Active' })
		componentSelect!.vm.$emit('update:modelValue', [{ id: 12, label: 'Jitsi' }, { id: 11, label: 'Nextcloud' }])
		const [start, end] = wrapper.findAll('input[type="date"]')
		await start!.setValue('2025-03-01')
		await end!.setValue('2025-03-31')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			title: 'PoC 1',
			titleDe: '',
			description: 'Files and office',
			descriptionDe: 'Dateien und Büro',
			status: 'active',
			startDate: '2025-03-01',
			endDate: '2025-03-31',
			componentIds: [12, 11],
		}]])
	})

	it('starts a new pilot as planned, without days or components', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('PoC 1')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ status: 'planned', startDate: null, endDate: null, componentIds: [] })
	})

	it('refuses an end date before the start date', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('PoC 1')
		const [start, end] = wrapper.findAll('input[type="date"]')
		await start!.setValue('2025-03-10')
		await end!.setValue('2025-03-09')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('The end date must not be before the start date.')
	})

	it('accepts a pilot that starts and ends on the same day', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('PoC 1')
		const [start, end] = wrapper.findAll('input[type="date"]')
		await start!.setValue('2025-03-10')
		await end!.setValue('2025-03-10')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ startDate: '2025-03-10', endDate: '2025-03-10' })
		expect(wrapper.text()).not.toContain('The end date must not be before the start date.')
	})

	it('pre-fills the fields of a saved pilot and emits them unchanged', async () => {
		const wrapper = mountForm(saved)
		expect((wrapper.find('input').element as HTMLInputElement).value).toBe('PoC 2')
		expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('Video calls')
		expect((wrapper.findAll('input')[1]!.element as HTMLInputElement).value).toBe('PoC 2 (Video)')
		expect((wrapper.findAll('textarea')[1]!.element as HTMLTextAreaElement).value).toBe('Videoanrufe')
		const [start, end] = wrapper.findAll('input[type="date"]')
		expect((start!.element as HTMLInputElement).value).toBe('2025-02-01')
		expect((end!.element as HTMLInputElement).value).toBe('2025-06-30')
		const [statusSelect, componentSelect] = wrapper.findAllComponents(NcSelect)
		expect(selectProp(statusSelect!, 'modelValue')).toMatchObject({ id: 'planned' })
		expect(selectProp(componentSelect!, 'modelValue')).toEqual([{ id: 12, label: 'Jitsi' }])
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			title: 'PoC 2',
			titleDe: 'PoC 2 (Video)',
			description: 'Video calls',
			descriptionDe: 'Videoanrufe',
			status: 'planned',
			startDate: '2025-02-01',
			endDate: '2025-06-30',
			componentIds: [12],
		}]])
	})
})
