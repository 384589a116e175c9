import type { VueWrapper } from '@vue/test-utils'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import NcButton from '@nextcloud/vue/components/NcButton'
import NcCheckboxRadioSwitch from '@nextcloud/vue/components/NcCheckboxRadioSwitch'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ReportRequestForm from '../../../../src/components/reports/ReportRequestForm.vue'
import { useReportsStore } from '../../../../src/stores/reports.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn(), showSuccess: vi.fn() }))

/** The form of a consolidator, with November open and October closed. */
function mountForm() {
	const wrapper = mount(ReportRequestForm, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me: { userId: 'bmi', displayName: 'BMI', isAdmin: false, isConsolidator: true, organisations: [] } },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations: [], periods: [
						{ id: 2, month: '2026-11', status: 'open' },
						{ id: 1, month: '2026-10', status: 'closed' },
					] } },
					'pilotfeedback-reports': { formats: { documents: ['odt'], exports: ['csv'] } },
				},
			})],
		},
	})
	const store = useReportsStore()
	vi.mocked(store.request).mockResolvedValue({ status: 'done' } as never)
	return { wrapper, store }
}

/** The "Released feedback only" switch, if shown. */
function releasedSwitch(wrapper: ReturnType<typeof mountForm>['wrapper']) {
	return wrapper.findAllComponents(NcCheckboxRadioSwitch).find((c) => c.text().includes('Released feedback only'))
}

describe('ReportRequestForm: released feedback only', () => {
	it('is on for a closed month, off for an open one, and sent with the request', async () => {
		const { wrapper, store } = mountForm()
		const month = wrapper.find('input[type="month"]')
		await month.setValue('2026-10')
		expect(releasedSwitch(wrapper)!.props('modelValue')).toBe(true)
		await month.setValue('2026-11')
		expect(releasedSwitch(wrapper)!.props('modelValue')).toBe(false)

		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(store.request).toHaveBeenCalledWith(expect.objectContaining({ type: 'monthly', month: '2026-11', releasedOnly: false }))
	})
})

/**
 * The formats the report form offers are those the server says it writes (PDF only where it
 * has a file conversion provider), and the export shows what happens to free text.
 */

/**
 * The form of a consolidator on a server with these formats.
 *
 * @param documents the document formats the server offers
 */
function formWith(documents: string[]) {
	return mount(ReportRequestForm, {
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-me': { me: { userId: 'bmi', displayName: 'BMI', isAdmin: false, isConsolidator: true, organisations: [] } },
					'pilotfeedback-catalogue': { catalogue: { pilots: [], components: [], criteria: [], organisations: [], periods: [] } },
					'pilotfeedback-reports': { formats: { documents, exports: ['ods', 'xlsx', 'csv'] } },
				},
			})],
		},
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

/**
 * A picker of the form by its label.
 *
 * @param wrapper the form
 * @param label the picker's label
 */
function picker(wrapper: VueWrapper, label: string): VueWrapper {
	const select = wrapper.findAllComponents(NcSelect).find((s) => selectProp(s, 'inputLabel') === label)
	expect(select, label).toBeDefined()
	return select!
}

/**
 * The options of a picker.
 *
 * @param select the picker
 */
function options(select: VueWrapper): { id: string, label: string }[] {
	return selectProp(select, 'options') as { id: string, label: string }[]
}

const NOTE = 'Free text (rating comments, item texts) is exported as written. Testers are pseudonymised unless you choose names.'

describe('ReportRequestForm: formats and the note on free text', () => {
	it('offers PDF for reports only when the server offers it', async () => {
		const labels = (wrapper: VueWrapper): string[] => options(picker(wrapper, 'Format')).map((o) => o.label)
		expect(labels(formWith(['odt', 'docx']))).toEqual(['ODT', 'DOCX'])
		expect(labels(formWith(['odt', 'docx', 'pdf']))).toEqual(['ODT', 'DOCX', 'PDF'])
	})

	it('says for an export, and only for one, that free text is exported as written', async () => {
		const wrapper = formWith(['odt', 'docx', 'pdf'])
		expect(wrapper.text()).not.toContain(NOTE)

		const type = picker(wrapper, 'Report')
		type.vm.$emit('update:modelValue', options(type).find((o) => o.id === 'export'))
		await nextTick()

		expect(wrapper.text()).toContain(NOTE)
		expect(options(picker(wrapper, 'Format')).map((o) => o.id)).toEqual(['ods', 'xlsx', 'csv'])
	})
})

/**
 * An export covers a month, a quarter or a range of months (from … to); a range proposes a
 * year and is checked before it is sent.
 */
describe('ReportRequestForm: the months of an export', () => {
	/**
	 * The consolidator's form with "Data export" and the given kind of months chosen.
	 *
	 * @param kind month, quarter or range
	 */
	async function exportOf(kind: 'month' | 'quarter' | 'range') {
		const { wrapper, store } = mountForm()
		const type = picker(wrapper, 'Report')
		type.vm.$emit('update:modelValue', options(type).find((o) => o.id === 'export'))
		await nextTick()
		const months = picker(wrapper, 'Months')
		months.vm.$emit('update:modelValue', options(months).find((o) => o.id === kind))
		await nextTick()
		return { wrapper, store }
	}

	/**
	 * The month inputs of the form, first to last.
	 *
	 * @param wrapper the form
	 */
	function monthInputs(wrapper: VueWrapper) {
		return wrapper.findAll<HTMLInputElement>('input[type="month"]')
	}

	it('offers the kinds of months for exports only', async () => {
		const { wrapper } = mountForm()
		expect(wrapper.findAllComponents(NcSelect).some((s) => selectProp(s, 'inputLabel') === 'Months')).toBe(false)
		const { wrapper: exporting } = await exportOf('month')
		expect(options(picker(exporting, 'Months')).map((o) => o.id)).toEqual(['month', 'quarter', 'range'])
		expect(monthInputs(exporting)).toHaveLength(1)
	})

	it('proposes a year up to the month chosen and sends its first and last month', async () => {
		const { wrapper, store } = await exportOf('range')
		const [from, to] = monthInputs(wrapper)
		expect(to!.element.value).toBe('2026-10')
		expect(from!.element.value).toBe('2025-11')
		expect(wrapper.text()).toContain('Months: 12')

		await from!.setValue('2025-12')
		await to!.setValue('2026-11')
		await wrapper.find('form').trigger('submit')
		await flushPromises()

		const sent = vi.mocked(store.request).mock.calls[0]![0]
		expect(sent).toEqual(expect.objectContaining({ type: 'export', from: '2025-12', to: '2026-11' }))
		expect(sent).not.toHaveProperty('month')
		expect(sent).not.toHaveProperty('quarter')
		expect(sent).not.toHaveProperty('releasedOnly')
	})

	it('says what is wrong with a range that ends before it starts or is too long, and sends neither', async () => {
		const { wrapper, store } = await exportOf('range')
		const [from, to] = monthInputs(wrapper)
		const button = () => wrapper.findComponent(NcButton)

		// the last month first: jsdom, unlike browsers, empties a month input set below its min
		await to!.setValue('2026-02')
		await from!.setValue('2026-11')
		expect(wrapper.text()).toContain('The range ends before it starts. Choose a last month on or after 2026-11.')
		expect(button().props('disabled')).toBe(true)

		await from!.setValue('2023-01')
		await to!.setValue('2026-11')
		expect(wrapper.text()).toContain('The range covers 47 months; at most 36 are allowed. Choose a shorter range.')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(store.request).not.toHaveBeenCalled()
	})

	it('sends the quarter of the month for a quarter', async () => {
		const { wrapper, store } = await exportOf('quarter')
		await monthInputs(wrapper)[0]!.setValue('2026-05')
		expect(wrapper.text()).toContain('2026-Q2')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(store.request).toHaveBeenCalledWith(expect.objectContaining({ type: 'export', quarter: '2026-Q2' }))
	})
})
