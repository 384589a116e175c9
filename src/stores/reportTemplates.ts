import type { TemplateFormat } from '../api/reportTemplates.ts'
import type { ReportTemplates } from '../types/index.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { chooseReportTemplate, fetchReportTemplates, removeReportTemplate } from '../api/reportTemplates.ts'

export const useReportTemplatesStore = defineStore('pilotfeedback-report-templates', () => {
	/** The chosen templates; null until loaded */
	const templates = ref<ReportTemplates | null>(null)
	/** Message of the last failed action per format (or of the load), null if it succeeded */
	const errors = ref<Record<TemplateFormat | 'load', string | null>>({ odt: null, docx: null, load: null })
	/** The format being saved, if any */
	const busy = ref<TemplateFormat | null>(null)

	/** Load the chosen templates. */
	async function load(): Promise<void> {
		try {
			templates.value = await fetchReportTemplates()
			errors.value.load = null
		} catch (error) {
			errors.value.load = errorMessage(error)
		}
	}

	/**
	 * Choose a file as a format's template; false with the server's reason if it was refused.
	 *
	 * @param format odt or docx
	 * @param path the file's path in the admin's Files
	 */
	async function choose(format: TemplateFormat, path: string): Promise<boolean> {
		busy.value = format
		try {
			const chosen = await chooseReportTemplate(format, path)
			templates.value = { odt: templates.value?.odt ?? null, docx: templates.value?.docx ?? null, [format]: chosen }
			errors.value[format] = null
			return true
		} catch (error) {
			errors.value[format] = errorMessage(error)
			return false
		} finally {
			busy.value = null
		}
	}

	/**
	 * Go back to the built-in layout for a format.
	 *
	 * @param format odt or docx
	 */
	async function remove(format: TemplateFormat): Promise<void> {
		busy.value = format
		try {
			templates.value = await removeReportTemplate(format)
			errors.value[format] = null
		} catch (error) {
			errors.value[format] = errorMessage(error)
		} finally {
			busy.value = null
		}
	}

	return { templates, errors, busy, load, choose, remove }
})
