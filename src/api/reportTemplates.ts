import type { ReportTemplate, ReportTemplates } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/** The format of a report template */
export type TemplateFormat = 'odt' | 'docx'

/**
 * The chosen templates of report documents (admin).
 */
export async function fetchReportTemplates(): Promise<ReportTemplates> {
	return ocsData(await axios.get(ocsUrl('/settings/report-templates')))
}

/**
 * Choose a file of the admin's Files as the template of a format; the server checks it.
 *
 * @param format odt or docx
 * @param path the file's path in the admin's Files
 */
export async function chooseReportTemplate(format: TemplateFormat, path: string): Promise<ReportTemplate> {
	return ocsData(await axios.put(ocsUrl(`/settings/report-templates/${format}`), { path }))
}

/**
 * Go back to the built-in layout for a format.
 *
 * @param format odt or docx
 */
export async function removeReportTemplate(format: TemplateFormat): Promise<ReportTemplates> {
	return ocsData(await axios.delete(ocsUrl(`/settings/report-templates/${format}`)))
}
