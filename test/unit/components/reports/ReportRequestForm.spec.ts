import type { VueWrapper } from '@vue/test-utils'

import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
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
