// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): the history renders Markdown.
import type * as ReportTextsApi from '../../../../src/api/reportTexts.ts'
import type { Catalogue, ReportText } from '../../../../src/types/index.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ReportCommentaryEditor from '../../../../src/components/reports/ReportCommentaryEditor.vue'
import { fetchReportTextHistory, fetchReportTexts, ReportTextConflictError, saveReportText } from '../../../../src/api/reportTexts.ts'
import { useCatalogueStore } from '../../../../src/stores/catalogue.ts'

vi.mock('../../../../src/api/reportTexts.ts', async (original) => ({
	ReportTextConflictError: (await original<typeof ReportTextsApi>()).ReportTextConflictError,
	fetchReportTexts: vi.fn(),
	fetchReportTextHistory: vi.fn(),
	saveReportText: vi.fn(),
}))

/**
 * A stored text.
 *
 * @param componentId the component; null for the foreword
 * @param body its Markdown
 * @param version its version
 * @param by who saved it
 */
function text(componentId: number | null, body: string, version: number, by = 'BMI'): ReportText {
	return { componentId, body, version, updatedBy: by.toLowerCase(), updatedByName: by, updatedAt: 1_764_000_000 }
}

const catalogue = {
	pilots: [{ id: 3, title: 'Files & Office', titleEn: 'Files & Office', titleDe: 'Pilot Drei', description: '', descriptionEn: '', descriptionDe: '', status: 'active', startDate: null, endDate: null, archived: false, componentIds: [31, 32] }],
	components: [
		{ id: 31, name: 'Mail', nameEn: 'Mail', nameDe: 'Mail', category: 'groupware', product: '', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [3] },
		{ id: 32, name: 'Chat', nameEn: 'Chat', nameDe: 'Chat', category: 'messaging', product: '', description: '', descriptionEn: '', descriptionDe: '', archived: false, pilotIds: [3] },
	],
	criteria: [],
	organisations: [],
	periods: [],
} as unknown as Catalogue

/**
 * The editor for a pilot (null: the form asks for all pilots) and period.
 *
 * @param pilotId the pilot chosen in the form
 * @param period the period chosen in the form
 */
async function editor(pilotId: number | null, period: string | null) {
	setActivePinia(createPinia())
	useCatalogueStore().catalogue = catalogue
	const wrapper = mount(ReportCommentaryEditor, { props: { pilotId, period } })
	await flushPromises()
	return wrapper
}

/**
 * The field of one text.
 *
 * @param wrapper the editor
 * @param heading the field's heading
 */
function field(wrapper: Awaited<ReturnType<typeof editor>>, heading: string) {
	const found = wrapper.findAll('.report-text').find((section) => section.find('h4').text() === heading)
	if (found === undefined) {
		throw new Error(`No field ${heading}`)
	}
	return found
}

/**
 * A button of a field by its text.
 *
 * @param section the field
 * @param label the button's text
 */
function button(section: ReturnType<typeof field>, label: string) {
	const found = section.findAll('button').find((b) => b.text() === label)
	if (found === undefined) {
		throw new Error(`No button ${label}`)
	}
	return found
}

describe('ReportCommentaryEditor', () => {
	beforeEach(() => {
		vi.mocked(fetchReportTexts).mockReset().mockResolvedValue({ pilotId: 3, period: '2026-Q4', foreword: text(null, 'Our **foreword**', 1), components: [text(31, 'Mail works', 2)] })
		vi.mocked(fetchReportTextHistory).mockReset()
		vi.mocked(saveReportText).mockReset()
	})

	it('says whose words these are and shows the foreword and the components that have a comment', async () => {
		const wrapper = await editor(3, '2026-Q4')
		expect(fetchReportTexts).toHaveBeenCalledWith(3, '2026-Q4')
		expect(wrapper.text()).toContain('The coordinating ministry\'s words: shown in the report, marked as such; they never change a figure.')
		expect(wrapper.findAll('.report-text h4').map((h) => h.text())).toEqual(['Foreword', 'Comment on Mail'])
		expect((field(wrapper, 'Foreword').find('textarea').element as HTMLTextAreaElement).value).toBe('Our **foreword**')
		expect(field(wrapper, 'Foreword').text()).toContain('Last saved by BMI')
		// Names are escaped once, by Vue: no "&amp;"
		expect(wrapper.text()).toContain('For Files & Office, 2026-Q4')
	})

	it('lets the consolidator choose the pilot when the report covers all pilots', async () => {
		const wrapper = await editor(null, '2026-Q4')
		expect(fetchReportTexts).not.toHaveBeenCalled()
		expect(wrapper.text()).toContain('choose the pilot whose texts you write')
		expect(wrapper.findAll('.report-text')).toHaveLength(0)
	})

	it('saves the foreword and says "Saved"; Save is off while nothing changed', async () => {
		vi.mocked(saveReportText).mockResolvedValue(text(null, 'New foreword', 2))
		const wrapper = await editor(3, '2026-Q4')
		const foreword = field(wrapper, 'Foreword')
		expect(button(foreword, 'Save').attributes('disabled')).toBeDefined()

		await foreword.find('textarea').setValue('New foreword')
		expect(button(foreword, 'Save').attributes('disabled')).toBeUndefined()
		await button(foreword, 'Save').trigger('click')
		await flushPromises()

		expect(saveReportText).toHaveBeenCalledWith({ pilotId: 3, period: '2026-Q4', componentId: null }, 'New foreword', 1)
		expect(foreword.find('[role="status"]').text()).toBe('Saved')
	})

	it('shows a conflict with the text saved meanwhile and offers to save over it', async () => {
		vi.mocked(saveReportText).mockRejectedValue(new ReportTextConflictError('This text was changed meanwhile by Second.', text(31, 'Their **words**', 3, 'Second')))
		const wrapper = await editor(3, '2026-Q4')
		const mail = field(wrapper, 'Comment on Mail')
		await mail.find('textarea').setValue('My words')
		await button(mail, 'Save').trigger('click')
		await flushPromises()

		expect(mail.text()).toContain('This text was changed meanwhile by Second.')
		expect(mail.find('.markdown-text strong').text()).toBe('words')
		expect(button(mail, 'Save mine anyway').attributes('disabled')).toBeUndefined()
		expect((mail.find('textarea').element as HTMLTextAreaElement).value).toBe('My words')
	})

	it('shows that a save failed, with the reason', async () => {
		vi.mocked(saveReportText).mockRejectedValue(Object.assign(new Error('x'), { isAxiosError: true, response: { status: 400, data: { ocs: { data: { message: 'Period must be a month like 2026-11 or a quarter like 2026-Q4.' } } } } }))
		const wrapper = await editor(3, '2026-Q4')
		const foreword = field(wrapper, 'Foreword')
		await foreword.find('textarea').setValue('x')
		await button(foreword, 'Save').trigger('click')
		await flushPromises()
		expect(foreword.text()).toContain('Saving failed: Period must be a month like 2026-11 or a quarter like 2026-Q4.')
	})

	it('lists who changed a text when in its history, a removal included', async () => {
		vi.mocked(fetchReportTextHistory).mockResolvedValue([
			{ version: 2, body: '', changedBy: 'bmi2', changedByName: 'Second', changedAt: 1_764_000_100 },
			{ version: 1, body: 'Mail *works*', changedBy: 'bmi', changedByName: 'BMI', changedAt: 1_764_000_000 },
		])
		const wrapper = await editor(3, '2026-Q4')
		const mail = field(wrapper, 'Comment on Mail')
		await button(mail, 'History').trigger('click')
		await flushPromises()

		expect(fetchReportTextHistory).toHaveBeenCalledWith({ pilotId: 3, period: '2026-Q4', componentId: 31 })
		const entries = mail.findAll('.report-text__history li')
		expect(entries.map((e) => e.find('.report-text__meta').text())).toEqual([expect.stringContaining('Version 2 by Second'), expect.stringContaining('Version 1 by BMI')])
		expect(entries[0]!.text()).toContain('Removed')
		expect(entries[1]!.find('em').text()).toBe('works')
	})

	it('offers a comment field for a component that has none yet', async () => {
		const wrapper = await editor(3, '2026-Q4')
		expect(wrapper.text()).toContain('Comment on a component')
		expect(wrapper.findAll('.report-text h4').map((h) => h.text())).not.toContain('Comment on Chat')
	})
})
