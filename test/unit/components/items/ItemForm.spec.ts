import type { Catalogue, ItemSuggestion } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ItemForm from '../../../../src/components/items/ItemForm.vue'
import { useItemsStore } from '../../../../src/stores/items.ts'

vi.mock('@nextcloud/dialogs')

/**
 * A catalogue with three components; only pilot 1 contains component 10; pilot 3 is only
 * planned, and component 12 is only in it; component 11 is in both active pilots and the
 * planned one.
 */
const catalogue: Catalogue = {
	pilots: [
		{ id: 1, title: 'PoC 1', description: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [10, 11] },
		{ id: 2, title: 'PoC 2', description: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [11] },
		{ id: 3, title: 'PoC 3', description: '', status: 'planned', startDate: null, endDate: null, archived: false, componentIds: [10, 11, 12] },
	],
	components: [
		{ id: 10, name: 'Files', category: 'filesharing', product: 'Nextcloud', description: '', archived: false, pilotIds: [1, 3] },
		{ id: 11, name: 'Chat', category: 'messaging', product: '', description: '', archived: false, pilotIds: [1, 2, 3] },
		{ id: 12, name: 'Portal', category: 'portal', product: '', description: '', archived: false, pilotIds: [3] },
	],
	criteria: [],
	organisations: [],
	periods: [],
}

/**
 * Mount the form with a testing pinia holding the catalogue and the given suggestions.
 *
 * @param suggestions what the items store suggests
 */
function mountForm(suggestions: ItemSuggestion[] = []) {
	const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:path(.*)*', component: { render: () => null } }] })
	return mount(ItemForm, {
		global: {
			plugins: [
				router,
				createTestingPinia({
					createSpy: vi.fn,
					initialState: {
						'pilotfeedback-catalogue': { catalogue },
						'pilotfeedback-items': { suggestions },
					},
				}),
			],
		},
	})
}

/**
 * Choose an option in the n-th dropdown, as the user would by clicking it.
 *
 * @param wrapper the mounted form
 * @param index which dropdown (0: component, 1: pilot)
 * @param id the option's record id
 */
async function choose(wrapper: ReturnType<typeof mountForm>, index: number, id: number): Promise<void> {
	const select = wrapper.findAllComponents(NcSelect)[index]!
	const option = (select.props() as { options: { id: number }[] }).options.find((candidate) => candidate.id === id)
	select.vm.$emit('update:modelValue', option)
	await flushPromises()
}

describe('ItemForm', () => {
	beforeEach(() => {
		vi.useFakeTimers()
	})

	afterEach(() => {
		vi.useRealTimers()
	})

	it('shows the four priority levels with their definitions', () => {
		const text = mountForm().text()
		expect(text).toContain('Low')
		expect(text).toContain('Single users affected, business not restricted, a workaround exists.')
		expect(text).toContain('Few users affected, no business-critical system, slight restrictions.')
		expect(text).toContain('Many users, business-critical systems affected, business restricted.')
		expect(text).toContain('Many users, business-critical systems, business cannot go on, no workaround, cannot be postponed.')
	})

	it('says that security findings are confidential', () => {
		expect(mountForm().text()).toContain('Confidential')
	})

	it('refuses an empty title', async () => {
		const wrapper = mountForm()
		await choose(wrapper, 0, 10)
		await wrapper.find('input[type="text"]').setValue('   ')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please enter a title.')
	})

	it('presets no priority on a new item and refuses to file it until one is chosen', async () => {
		const wrapper = mountForm()
		expect(wrapper.findAll('input[name="item-priority"]').filter((radio) => (radio.element as HTMLInputElement).checked)).toHaveLength(0)
		await wrapper.find('input[type="text"]').setValue('Export as ODT')
		await choose(wrapper, 0, 10)
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toBeUndefined()
		expect(wrapper.text()).toContain('Please choose a priority.')
		await wrapper.find('input[name="item-priority"][value="medium"]').trigger('change')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ priority: 'medium' })
		expect(wrapper.text()).not.toContain('Please choose a priority.')
	})

	it('offers only components of active pilots, not those of planned pilots', () => {
		const wrapper = mountForm()
		const options = (wrapper.findAllComponents(NcSelect)[0]!.props() as { options: { id: number }[] }).options
		expect(options.map((option) => option.id)).toEqual([10, 11])
	})

	it('chooses the pilot when the component is in one active pilot only (a planned one does not count)', async () => {
		const wrapper = mountForm()
		await choose(wrapper, 0, 10)
		const pilotSelect = wrapper.findAllComponents(NcSelect)[1]!
		expect((pilotSelect.props() as { options: { id: number }[] }).options.map((option) => option.id)).toEqual([1])
		expect((pilotSelect.props() as { modelValue: { id: number } | null }).modelValue?.id).toBe(1)
		await choose(wrapper, 0, 11)
		expect((wrapper.findAllComponents(NcSelect)[1]!.props() as { options: { id: number }[] }).options.map((option) => option.id)).toEqual([1, 2])
	})

	it('offers a preview of the description and keeps the text', async () => {
		const wrapper = mountForm()
		await wrapper.find('textarea').setValue('## Steps\n\nSee [the log](https://example.org/log)')
		const preview = wrapper.findAll('button').find((button) => button.text() === 'Preview')!
		expect(preview.attributes('aria-pressed')).toBe('false')
		await preview.trigger('click')
		expect(preview.attributes('aria-pressed')).toBe('true')
		expect(wrapper.find('textarea').exists()).toBe(false)
		expect(wrapper.find('[role="region"]').attributes('aria-label')).toBe('Preview of Description (Markdown)')
		await preview.trigger('click')
		expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe('## Steps\n\nSee [the log](https://example.org/log)')
	})

	it('offers only the pilots containing the chosen component and picks a single one', async () => {
		const wrapper = mountForm()
		await choose(wrapper, 0, 10)
		const pilotSelect = wrapper.findAllComponents(NcSelect)[1]!
		const { options, modelValue } = pilotSelect.props() as { options: { id: number }[], modelValue: { id: number } }
		expect(options.map((option) => option.id)).toEqual([1])
		expect(modelValue).toMatchObject({ id: 1 })
	})

	it('emits the complete item', async () => {
		const wrapper = mountForm()
		await wrapper.find('input[name="item-type"][value="requirement"]').trigger('change')
		await wrapper.find('input[type="text"]').setValue('  Export as ODT  ')
		await wrapper.find('textarea').setValue('Please add **ODT** export.')
		await choose(wrapper, 0, 11)
		await choose(wrapper, 1, 2)
		await wrapper.find('input[name="item-priority"][value="high"]').trigger('change')
		await wrapper.find('form').trigger('submit')
		expect(wrapper.emitted('submit')).toEqual([[{
			type: 'requirement',
			title: 'Export as ODT',
			body: 'Please add **ODT** export.',
			componentId: 11,
			pilotId: 2,
			priority: 'high',
			attachmentIds: [],
		}]])
	})

	it('looks up similar items while the title is typed and shows them', async () => {
		const wrapper = mountForm([{ id: 5, title: 'Upload of large files fails', type: 'defect', status: 'new', supportCount: 3 }])
		const items = useItemsStore()
		await wrapper.find('input[type="text"]').setValue('Upload')
		await vi.runAllTimersAsync()
		expect(items.searchSuggestions).toHaveBeenLastCalledWith('Upload')
		expect(wrapper.text()).toContain('Upload of large files fails')
		const supportButton = wrapper.findAll('button').find((button) => button.text() === 'Support instead')
		expect(supportButton).toBeDefined()
		await supportButton!.trigger('click')
		expect(items.supportInstead).toHaveBeenCalledWith(5)
	})
})
