import type { VueWrapper } from '@vue/test-utils'
import type { Organisation, Pilot } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import NcSelectUsers from '@nextcloud/vue/components/NcSelectUsers'
import OrganisationForm from '../../../../src/components/admin/OrganisationForm.vue'
import { useDirectoryStore } from '../../../../src/stores/directory.ts'

/** Stands in for the dialog: a plain form around the fields */
const DialogStub = {
	emits: ['submit', 'close'],
	template: '<form @submit.prevent="$emit(\'submit\')"><slot /></form>',
}

/** Pilots to offer */
const pilots: Pilot[] = [
	{ id: 1, title: 'PoC 1', description: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [] },
	{ id: 2, title: 'PoC 2', description: '', status: 'planned', startDate: null, endDate: null, archived: false, componentIds: [] },
]

/** A saved organisation to edit */
const saved: Organisation = { id: 7, name: 'Ministry of Finance', shortName: 'MoF', groupIds: ['mof-testers'], coordinatorIds: ['alice'], pilotIds: [2], archived: false }

/**
 * Mount the form with a directory that found one group.
 *
 * @param organisation the organisation to edit; null to create one
 */
function mountForm(organisation: Organisation | null = null, directoryState: Record<string, unknown> = {}) {
	const wrapper = mount(OrganisationForm, {
		props: { organisation, pilots, saving: false },
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: { 'pilotfeedback-directory': { groups: [{ id: 'mof-testers', displayName: 'MoF testers' }], ...directoryState } },
			})],
			stubs: { AdminFormDialog: DialogStub },
		},
	})
	return { wrapper, directory: useDirectoryStore() }
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

describe('OrganisationForm', () => {
	it('looks up groups and users when shown', () => {
		const { directory } = mountForm()
		expect(directory.findGroups).toHaveBeenCalledWith('')
		expect(directory.findUsers).toHaveBeenCalledWith('')
	})

	it('refuses to submit without a name and a short name', async () => {
		const { wrapper } = mountForm()
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please enter a name.')
		expect(wrapper.text()).toContain('Please enter a short name.')
	})

	it('refuses to submit without a short name', async () => {
		const { wrapper } = mountForm()
		const [name, shortName] = wrapper.findAll('input')
		await name!.setValue('Ministry of Finance')
		await shortName!.setValue('  ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).not.toContain('Please enter a name.')
		expect(wrapper.text()).toContain('Please enter a short name.')
	})

	it('emits the trimmed names with group, coordinator and pilot ids', async () => {
		const { wrapper } = mountForm()
		const [name, shortName] = wrapper.findAll('input')
		await name!.setValue(' Ministry of Finance ')
		await shortName!.setValue(' MoF ')
		const [groupSelect, pilotSelect] = wrapper.findAllComponents(NcSelect).filter((select) => selectProp(select, 'inputLabel') !== 'Coordinators')
		expect(selectProp(groupSelect!, 'options')).toEqual([{ id: 'mof-testers', label: 'MoF testers' }])
		groupSelect!.vm.$emit('update:modelValue', [{ id: 'mof-testers', label: 'MoF testers' }])
		wrapper.findComponent(NcSelectUsers).vm.$emit('update:modelValue', [{ id: 'alice', user: 'alice', displayName: 'Alice' }, { id: 'bob', user: 'bob', displayName: 'Bob' }])
		pilotSelect!.vm.$emit('update:modelValue', [{ id: 1, label: 'PoC 1' }])
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			name: 'Ministry of Finance',
			shortName: 'MoF',
			groupIds: ['mof-testers'],
			coordinatorIds: ['alice', 'bob'],
			pilotIds: [1],
		}]])
	})

	it('takes a single coordinator reported without a list', async () => {
		const { wrapper } = mountForm()
		const [name, shortName] = wrapper.findAll('input')
		await name!.setValue('Ministry of Finance')
		await shortName!.setValue('MoF')
		wrapper.findComponent(NcSelectUsers).vm.$emit('update:modelValue', { id: 'carol', user: 'carol', displayName: 'Carol' })
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ coordinatorIds: ['carol'] })
	})

	it('pre-fills the fields of a saved organisation and emits them unchanged', async () => {
		const { wrapper } = mountForm(saved)
		const [name, shortName] = wrapper.findAll('input')
		expect((name!.element as HTMLInputElement).value).toBe('Ministry of Finance')
		expect((shortName!.element as HTMLInputElement).value).toBe('MoF')
		expect(wrapper.text()).toContain('PoC 2')
		expect(wrapper.text()).not.toContain('PoC 1')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			name: 'Ministry of Finance',
			shortName: 'MoF',
			groupIds: ['mof-testers'],
			coordinatorIds: ['alice'],
			pilotIds: [2],
		}]])
	})

	it('shows the saved groups and coordinators by display name, not id, and looks up the names', () => {
		const { wrapper, directory } = mountForm(saved, { userNames: { alice: 'Alice Adams' } })
		const groupSelect = wrapper.findAllComponents(NcSelect).find((select) => selectProp(select, 'inputLabel') === 'Nextcloud groups of the testers')!
		expect(selectProp(groupSelect, 'modelValue')).toEqual([{ id: 'mof-testers', label: 'MoF testers' }])
		expect((wrapper.findComponent(NcSelectUsers).props() as unknown as Record<string, unknown>).modelValue).toEqual([{ id: 'alice', user: 'alice', displayName: 'Alice Adams' }])
		expect(wrapper.text()).toContain('Alice Adams')
		expect(directory.resolveGroups).toHaveBeenCalledWith(['mof-testers'])
		expect(directory.resolveUsers).toHaveBeenCalledWith(['alice'])
	})

	it('lists the members of the organisation\'s groups first among the coordinator choices', async () => {
		const member = { id: 'mia', user: 'mia', displayName: 'Mia Member' }
		const other = { id: 'otto', user: 'otto', displayName: 'Otto Other' }
		const { wrapper, directory } = mountForm(saved, { members: [member], users: [other, member] })
		expect(directory.findMembers).toHaveBeenCalledWith(['mof-testers'])
		expect((wrapper.findComponent(NcSelectUsers).props() as unknown as Record<string, unknown>).options).toEqual([member, other])
		const groupSelect = wrapper.findAllComponents(NcSelect).find((select) => selectProp(select, 'inputLabel') === 'Nextcloud groups of the testers')!
		groupSelect.vm.$emit('update:modelValue', [{ id: 'mof-testers', label: 'MoF testers' }, { id: 'mof-leads', label: 'MoF leads' }])
		await wrapper.vm.$nextTick()
		expect(directory.findMembers).toHaveBeenLastCalledWith(['mof-testers', 'mof-leads'])
	})
})
