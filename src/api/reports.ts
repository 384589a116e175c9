import type { Report, ReportCadence, ReportCadencePayload, ReportDeleted, ReportFolder, ReportFormats, ReportPage, ReportRequestPayload } from '../types/index.ts'

import axios from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/**
 * Ask for a report or export. Small reports come back made (done or failed), large reports
 * and exports queued.
 *
 * @param payload type, file format, pilot, month or quarter, language, names, released feedback only (reports; left out: the server decides by whether the period is closed)
 */
export async function requestReport(payload: ReportRequestPayload): Promise<Report> {
	return ocsData(await axios.post(ocsUrl('/reports'), payload))
}

/**
 * The reports the user may see, newest first.
 *
 * @param page page number, from 1
 * @param limit reports per page
 * @param signal aborts the request
 */
export async function fetchReports(page = 1, limit = 20, signal?: AbortSignal): Promise<ReportPage> {
	return ocsData(await axios.get(ocsUrl('/reports'), { params: { page, limit }, signal }))
}

/**
 * One report, e.g. to follow one being made.
 *
 * @param id the report
 */
export async function fetchReport(id: number): Promise<Report> {
	return ocsData(await axios.get(ocsUrl(`/reports/${id}`)))
}

/**
 * Try a failed report again: it is queued for the background job, for the same requester.
 *
 * @param id the report
 */
export async function retryReport(id: number): Promise<Report> {
	return ocsData(await axios.post(ocsUrl(`/reports/${id}/retry`)))
}

/**
 * Delete a report and the file the app saved for it (into its owner's trash bin).
 *
 * @param id the report
 */
export async function deleteReport(id: number): Promise<ReportDeleted> {
	return ocsData(await axios.delete(ocsUrl(`/reports/${id}`)))
}

/**
 * The formats the server can write: documents (reports) and exports (data).
 *
 * @param signal aborts the request
 */
export async function fetchReportFormats(signal?: AbortSignal): Promise<ReportFormats> {
	return ocsData(await axios.get(ocsUrl('/reports/formats'), { signal }))
}

/**
 * The user's report folder in Files.
 *
 * @param signal aborts the request
 */
export async function fetchReportFolder(signal?: AbortSignal): Promise<ReportFolder> {
	return ocsData(await axios.get(ocsUrl('/reports/folder'), { signal }))
}

/**
 * Choose the user's report folder; empty restores the default.
 *
 * @param folder a path inside the user's Files
 */
export async function saveReportFolder(folder: string): Promise<ReportFolder> {
	return ocsData(await axios.put(ocsUrl('/reports/folder'), { folder }))
}

/**
 * The report cadence (admin).
 */
export async function fetchReportCadence(): Promise<ReportCadence> {
	return ocsData(await axios.get(ocsUrl('/settings/report-cadence')))
}

/**
 * Save the report cadence (admin); fields left out keep their value.
 *
 * @param payload the settings to change
 */
export async function saveReportCadence(payload: ReportCadencePayload): Promise<ReportCadence> {
	return ocsData(await axios.put(ocsUrl('/settings/report-cadence'), payload))
}
