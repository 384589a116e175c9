import type { ReportText, ReportTextConflict, ReportTexts, ReportTextVersion } from '../types/index.ts'

import axios, { isAxiosError } from '@nextcloud/axios'
import { ocsData, ocsUrl } from './client.ts'

/** Which text of a pilot's report period: its foreword (componentId null) or a component's comment */
export interface ReportTextKey {
	/** The pilot */
	pilotId: number
	/** A month (2026-11) or a quarter (2026-Q4) */
	period: string
	/** The component commented on; null for the foreword */
	componentId: number | null
}

/** A save was refused because someone saved a newer version meanwhile: the server's current text. */
export class ReportTextConflictError extends Error {
	/** The text as it is stored now */
	readonly current: ReportText

	/**
	 * @param message the server's message
	 * @param current the stored text
	 */
	constructor(message: string, current: ReportText) {
		super(message)
		this.name = 'ReportTextConflictError'
		this.current = current
	}
}

/**
 * The path of one text below /api/v1.
 *
 * @param key which text
 */
function textPath(key: ReportTextKey): string {
	const base = `/report-texts/${key.pilotId}/${encodeURIComponent(key.period)}`
	return key.componentId === null ? `${base}/foreword` : `${base}/components/${key.componentId}`
}

/**
 * The foreword and the component comments of a pilot for a report period.
 *
 * @param pilotId the pilot
 * @param period a month or a quarter
 */
export async function fetchReportTexts(pilotId: number, period: string): Promise<ReportTexts> {
	return ocsData(await axios.get(ocsUrl('/report-texts'), { params: { pilotId, period } }))
}

/**
 * Save one text; an empty body removes it. Throws ReportTextConflictError when the version is outdated.
 *
 * @param key which text
 * @param body the Markdown
 * @param version the version the user edited; 0 when there was none
 */
export async function saveReportText(key: ReportTextKey, body: string, version: number): Promise<ReportText> {
	try {
		return ocsData(await axios.put(ocsUrl(textPath(key)), { body, version }))
	} catch (error) {
		const data = isAxiosError(error) && error.response?.status === 409
			? (error.response.data as { ocs?: { data?: Partial<ReportTextConflict> } } | undefined)?.ocs?.data
			: undefined
		if (data?.current !== undefined) {
			throw new ReportTextConflictError(data.message ?? '', data.current)
		}
		throw error
	}
}

/**
 * Every saved version of one text, newest first.
 *
 * @param key which text
 */
export async function fetchReportTextHistory(key: ReportTextKey): Promise<ReportTextVersion[]> {
	return ocsData(await axios.get(ocsUrl(`${textPath(key)}/history`)))
}
