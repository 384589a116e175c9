import { showError, showSuccess } from '@nextcloud/dialogs'
import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ItemBulkBar from '../../../../src/components/items/ItemBulkBar.vue'
import ValueSelect from '../../../../src/components/items/ValueSelect.vue'
import { useBulkTriageStore } from '../../../../src/stores/bulkTriage.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn(), showSuccess: vi.fn() }))

/**
 * The bar with `selected` items selected; the store's apply() is a spy.
 *
 * @param selected ids of the selected items
 */
function mountBar(selected: number[]) {
	const wrapper = mount(ItemBulkBar, {
		attachTo: document.body,
		global: {
			plugins: [createTestingPinia({ createSpy: vi.fn, initialState: { 'pilotfeedback-bulk-triage': { selected } } })],
			stubs: { NcDialog: { template: '<div class="dialog-stub"><h2>{{ name }}</h2><slot /><slot name="actions" /></div>', props: ['name', 'open', 'size'] } },
		},
	})
	return { wrapper, store: useBulkTriageStore() }
}

/**
 * The button with this text.
 *
 * @param wrapper the mounted bar
 * @param text the button's text
 */
function button(wrapper: ReturnType<typeof mountBar>['wrapper'], text: string) {
	const found = wrapper.findAll('button').find((candidate) => candidate.text() === text)
	if (!found) {
		throw new Error(`No button "${text}" in: ${wrapper.findAll('button').map((b) => b.text()).join(' | ')}`)
	}
	return found
}

describe('ItemBulkBar', () => {
	afterEach(() => {
		vi.clearAllMocks()
		document.body.innerHTML = ''
	})

	it('says how many are selected and applies nothing until a change is chosen', () => {
		const { wrapper } = mountBar([1, 2])
		expect(wrapper.text()).toContain('2 items selected')
		expect(button(wrapper, 'Apply to 2 items').attributes('disabled')).toBeDefined()
	})

	it('does not offer "duplicate", which needs a target', () => {
		const { wrapper } = mountBar([1])
		const statuses = (wrapper.findAllComponents(ValueSelect)[0]!.props() as Record<string, unknown>).options as { value: string }[]
		expect(statuses.map((option) => option.value)).not.toContain('duplicate')
		expect(statuses).toHaveLength(8)
	})

	it('confirms with the count and the changes, then applies them and reports the result', async () => {
		const { wrapper, store } = mountBar([1, 2])
		vi.mocked(store.apply).mockResolvedValue({ ids: [1, 2], changed: 2, historyEntries: 4 })
		const [status, priority] = wrapper.findAllComponents(ValueSelect)
		status!.vm.$emit('update:modelValue', 'in_review')
		priority!.vm.$emit('update:modelValue', 'clear')
		await wrapper.vm.$nextTick()
		expect(wrapper.find('.dialog-stub').exists()).toBe(false)

		await button(wrapper, 'Apply to 2 items').trigger('click')
		const dialog = wrapper.find('.dialog-stub')
		expect(dialog.find('h2').text()).toBe('Change 2 items?')
		expect(dialog.findAll('li').map((li) => li.text())).toEqual(['Status: In review', 'Remove the consolidated priority'])

		await button(wrapper, 'Change 2 items').trigger('click')
		await flushPromises()
		expect(store.apply).toHaveBeenCalledWith({ status: 'in_review', consolidatedPriority: null })
		expect(showSuccess).toHaveBeenCalledWith('2 items changed.')
		expect(wrapper.emitted('applied')).toHaveLength(1)
		expect(wrapper.find('.dialog-stub').exists()).toBe(false)
	})

	it('says when some items had the values already', async () => {
		const { wrapper, store } = mountBar([1, 2, 3])
		vi.mocked(store.apply).mockResolvedValue({ ids: [1, 2, 3], changed: 1, historyEntries: 1 })
		wrapper.findAllComponents(ValueSelect)[1]!.vm.$emit('update:modelValue', 'high')
		await wrapper.vm.$nextTick()
		await button(wrapper, 'Apply to 3 items').trigger('click')
		await button(wrapper, 'Change 3 items').trigger('click')
		await flushPromises()
		expect(store.apply).toHaveBeenCalledWith({ consolidatedPriority: 'high' })
		expect(showSuccess).toHaveBeenCalledWith('1 item changed; the others had these values already.')
	})

	it('shows the server\'s refusal and keeps the choice', async () => {
		const { wrapper, store } = mountBar([1, 2])
		const refusal = Object.assign(new Error('Request failed'), {
			isAxiosError: true,
			response: { status: 400, data: { ocs: { data: { message: 'Nothing was changed: item "Upload stalls" (#2) cannot move from Done to New. From Done it can move to: Verified, In progress.' } } } },
		})
		vi.mocked(store.apply).mockRejectedValue(refusal)
		wrapper.findAllComponents(ValueSelect)[0]!.vm.$emit('update:modelValue', 'new')
		await wrapper.vm.$nextTick()
		await button(wrapper, 'Apply to 2 items').trigger('click')
		await button(wrapper, 'Change 2 items').trigger('click')
		await flushPromises()
		expect(showError).toHaveBeenCalledWith('Nothing was changed: item "Upload stalls" (#2) cannot move from Done to New. From Done it can move to: Verified, In progress.')
		expect(wrapper.emitted('applied')).toBeUndefined()
		expect((wrapper.findAllComponents(ValueSelect)[0]!.props() as Record<string, unknown>).modelValue).toBe('new')
	})

	it('sends a vendor reference, trimmed', async () => {
		const { wrapper, store } = mountBar([4])
		vi.mocked(store.apply).mockResolvedValue({ ids: [4], changed: 1, historyEntries: 1 })
		await wrapper.find('input[type="text"]').setValue('  JIRA-7 ')
		await button(wrapper, 'Apply to 1 item').trigger('click')
		expect(wrapper.find('.dialog-stub li').text()).toBe('Vendor reference: JIRA-7')
		await button(wrapper, 'Change 1 item').trigger('click')
		await flushPromises()
		expect(store.apply).toHaveBeenCalledWith({ vendorReference: 'JIRA-7' })
	})

	it('"Clear selection" deselects everything', async () => {
		const { wrapper, store } = mountBar([1])
		await button(wrapper, 'Clear selection').trigger('click')
		expect(store.clear).toHaveBeenCalled()
	})
})
