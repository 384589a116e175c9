import type { Pilot } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ComponentForm from '../../../../src/components/admin/ComponentForm.vue'

/** Stands in for the dialog: a plain form around the fields */
const DialogStub = {
	emits: ['submit', 'close'],
	template: '<form @submit.prevent="$emit(\'submit\')"><slot /></form>',
}

/** A pilot to offer */
const pilot: Pilot = { id: 5, title: 'PoC 1', titleEn: 'PoC 1', titleDe: '', description: '', descriptionEn: '', descriptionDe: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [] }

/**
 * Mount the form for a new component.
 */
function mountForm() {
	return mount(ComponentForm, {
		props: { component: null, pilots: [pilot], saving: false },
		global: { stubs: { AdminFormDialog: DialogStub } },
	})
}

describe('ComponentForm', () => {
	it('refuses to submit without a name and a category', async () => {
		const wrapper = mountForm()
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please enter a name in English, in German or in both.')
		expect(wrapper.text()).toContain('Please choose a category.')
	})

	it('refuses to submit without a category', async () => {
		const wrapper = mountForm()
		await wrapper.find('input').setValue('Nextcloud Files')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).not.toContain('Please enter a name')
	})

	it('emits the trimmed fields with category and pilot ids', async () => {
		const wrapper = mountForm()
		const inputs = wrapper.findAll('input')
		await inputs[0]!.setValue('  Nextcloud Files ')
		await inputs[1]!.setValue(' Nextcloud Dateien ')
		const [categorySelect, pilotSelect] = wrapper.findAllComponents(NcSelect)
		categorySelect!.vm.$emit('update:modelValue', { id: 'filesharing', label: 'File sharing' })
		pilotSelect!.vm.$emit('update:modelValue', [{ id: 5, label: 'PoC 1' }])
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			name: 'Nextcloud Files',
			nameDe: 'Nextcloud Dateien',
			category: 'filesharing',
			product: '',
			description: '',
			descriptionDe: '',
			pilotIds: [5],
		}]])
	})
})

describe('ComponentForm editing a component', () => {
	const component = { id: 9, name: 'Chat', nameEn: 'Chat', nameDe: 'Plaudern', category: 'messaging' as const, product: '', description: '', descriptionEn: '', descriptionDe: 'Kurznachrichten', archived: false, pilotIds: [5, 7] }

	it('pre-fills both languages and sends them back unchanged', async () => {
		const wrapper = mount(ComponentForm, {
			props: { component, pilots: [pilot], saving: false },
			global: { stubs: { AdminFormDialog: DialogStub } },
		})
		const inputs = wrapper.findAll('input')
		expect((inputs[0]!.element as HTMLInputElement).value).toBe('Chat')
		expect((inputs[1]!.element as HTMLInputElement).value).toBe('Plaudern')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ name: 'Chat', nameDe: 'Plaudern', description: '', descriptionDe: 'Kurznachrichten' })
	})

	it('labels the name fields with their language', () => {
		const wrapper = mount(ComponentForm, {
			props: { component: null, pilots: [pilot], saving: false },
			global: { stubs: { AdminFormDialog: DialogStub } },
		})
		const labels = wrapper.findAll('label').map((label) => label.text())
		expect(labels).toEqual(expect.arrayContaining(['Name (English)', 'Name (Deutsch)', 'Description (English)', 'Description (Deutsch)']))
	})

	// Under load the dialog could open before the pilots had loaded: the form then saved no
	// pilot at all, and the component vanished from its pilots (and from the testers' catalogue).
	it('keeps the component\'s pilots when the pilot list loads after the dialog opened', async () => {
		const wrapper = mount(ComponentForm, {
			props: { component, pilots: [], saving: false },
			global: { stubs: { AdminFormDialog: DialogStub } },
		})
		await wrapper.setProps({ pilots: [pilot] })
		const pilotSelect = wrapper.findAllComponents(NcSelect)[1]!
		expect((pilotSelect.props() as { modelValue: unknown }).modelValue).toEqual([{ id: 5, label: 'PoC 1' }])
		await wrapper.find('form').trigger('submit')
		expect((wrapper.emitted('submit')![0]![0] as { pilotIds: number[] }).pilotIds).toEqual([5, 7])
	})

	it('keeps a pilot that is not offered (archived) when another is chosen or removed', async () => {
		const wrapper = mount(ComponentForm, {
			props: { component, pilots: [pilot], saving: false },
			global: { stubs: { AdminFormDialog: DialogStub } },
		})
		wrapper.findAllComponents(NcSelect)[1]!.vm.$emit('update:modelValue', [])
		await wrapper.find('form').trigger('submit')
		expect((wrapper.emitted('submit')![0]![0] as { pilotIds: number[] }).pilotIds).toEqual([7])
	})
})
