import type { Report, ReportFormats, ReportRequestPayload } from '../types/index.ts'

import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { deleteReport, fetchReportFolder, fetchReportFormats, fetchReports, requestReport, retryReport, saveReportFolder } from '../api/reports.ts'
import { latestRequest } from '../utils/latestRequest.ts'

/** How often the list is reloaded while a report is being made, in milliseconds */
export const POLL_INTERVAL = 5000

export const useReportsStore = defineStore('pilotfeedback-reports', () => {
	/** The newest reports the user may see */
	const reports = ref<Report[]>([])
	/** How many reports there are in all */
	const total = ref(0)
	/** The formats the server writes */
	const formats = ref<ReportFormats>({ documents: [], exports: [] })
	/** The user's report folder in Files */
	const folder = ref('')
	/** The default report folder */
	const defaultFolder = ref('')
	const loading = ref(false)
	/** Message of the last failed load, null if it succeeded */
	const error = ref<string | null>(null)
	let timer: ReturnType<typeof setTimeout> | null = null
	/** Each load aborts the one before (the view opened again): a late answer must not replace a newer one */
	const nextSignal = latestRequest()

	/** True while a report of the list is queued or being made */
	const busy = computed(() => reports.value.some((r) => r.status === 'queued' || r.status === 'running'))

	/**
	 * Load the list, the formats and the folder.
	 */
	async function load(): Promise<void> {
		const signal = nextSignal()
		loading.value = true
		error.value = null
		try {
			const [page, available, chosen] = await Promise.all([fetchReports(1, 50, signal), fetchReportFormats(signal), fetchReportFolder(signal)])
			if (signal.aborted) {
				return
			}
			reports.value = page.reports
			total.value = page.total
			formats.value = available
			folder.value = chosen.folder
			defaultFolder.value = chosen.default
		} catch (e) {
			if (signal.aborted) {
				return
			}
			error.value = errorMessage(e, t('pilotfeedback', 'Could not load the reports.'))
		}
		loading.value = false
		schedule()
	}

	/**
	 * Reload the list only (while reports are being made).
	 */
	async function refresh(): Promise<void> {
		try {
			const page = await fetchReports(1, 50)
			reports.value = page.reports
			total.value = page.total
		} catch (e) {
			error.value = errorMessage(e, t('pilotfeedback', 'Could not load the reports.'))
		}
		schedule()
	}

	/** Poll again while a report is queued or running; stop when none is. */
	function schedule(): void {
		stop()
		if (busy.value) {
			timer = setTimeout(refresh, POLL_INTERVAL)
		}
	}

	/** Stop polling (when the view closes). */
	function stop(): void {
		if (timer !== null) {
			clearTimeout(timer)
			timer = null
		}
	}

	/**
	 * Ask for a report; it is put first in the list. Errors are thrown for the form to show.
	 *
	 * @param payload what to make
	 */
	async function request(payload: ReportRequestPayload): Promise<Report> {
		const report = await requestReport(payload)
		reports.value = [report, ...reports.value.filter((r) => r.id !== report.id)]
		total.value += 1
		schedule()
		return report
	}

	/**
	 * Try a failed report again; the list shows it queued. Errors are thrown for the list to show.
	 *
	 * @param id the report
	 */
	async function retry(id: number): Promise<Report> {
		const report = await retryReport(id)
		reports.value = reports.value.map((r) => (r.id === id ? report : r))
		schedule()
		return report
	}

	/**
	 * Delete a report and its file. Errors are thrown for the list to show.
	 *
	 * @param id the report
	 * @return whether its file was deleted too
	 */
	async function remove(id: number): Promise<boolean> {
		const { fileRemoved } = await deleteReport(id)
		const before = reports.value.length
		reports.value = reports.value.filter((r) => r.id !== id)
		total.value -= before - reports.value.length
		return fileRemoved
	}

	/**
	 * Choose the report folder. Errors are thrown for the form to show.
	 *
	 * @param value a path inside the user's Files; empty restores the default
	 */
	async function setFolder(value: string): Promise<void> {
		folder.value = (await saveReportFolder(value)).folder
	}

	return { reports, total, formats, folder, defaultFolder, loading, error, busy, load, refresh, request, retry, remove, setFolder, stop }
})
