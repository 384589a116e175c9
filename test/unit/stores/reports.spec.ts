import type { Report, ReportPage } from '../../../src/types/index.ts'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteReport, fetchReportFolder, fetchReportFormats, fetchReports, requestReport, retryReport } from '../../../src/api/reports.ts'
import { POLL_INTERVAL, useReportsStore } from '../../../src/stores/reports.ts'
import { deferred } from './deferred.ts'

vi.mock('../../../src/api/reports.ts', () => ({
	fetchReports: vi.fn(),
	fetchReportFormats: vi.fn(),
	fetchReportFolder: vi.fn(),
	requestReport: vi.fn(),
	retryReport: vi.fn(),
	deleteReport: vi.fn(),
	saveReportFolder: vi.fn(),
}))

function report(id: number, status: Report['status']): Report {
	return {
		id,
		type: 'export',
		pilotId: 1,
		organisationId: null,
		period: '2026-12',
		format: 'csv',
		language: 'en',
		pseudonymised: true,
		releasedOnly: false,
		origin: 'request',
		requestedBy: 'bmi',
		requestedByName: 'BMI',
		status,
		error: null,
		fileId: status === 'done' ? 40 + id : null,
		fileName: status === 'done' ? `r${id}.csv` : null,
		path: null,
		createdAt: 1,
		finishedAt: null,
	}
}

describe('reports store', () => {
	beforeEach(() => {
		vi.useFakeTimers()
		setActivePinia(createPinia())
		vi.mocked(fetchReportFormats).mockReset().mockResolvedValue({ documents: ['odt'], exports: ['csv'] })
		vi.mocked(fetchReportFolder).mockReset().mockResolvedValue({ folder: 'Pilot Feedback/Reports', default: 'Pilot Feedback/Reports' })
		vi.mocked(fetchReports).mockReset()
		vi.mocked(requestReport).mockReset()
		vi.mocked(retryReport).mockReset()
		vi.mocked(deleteReport).mockReset()
	})

	afterEach(() => {
		useReportsStore().stop()
		vi.useRealTimers()
	})

	it('loads the list, formats and folder, and does not poll when nothing is being made', async () => {
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(1, 'done')], total: 1, page: 1, limit: 50 })
		const store = useReportsStore()
		await store.load()
		expect(store.reports).toHaveLength(1)
		expect(store.formats.exports).toEqual(['csv'])
		expect(store.folder).toBe('Pilot Feedback/Reports')
		expect(store.busy).toBe(false)
		await vi.advanceTimersByTimeAsync(POLL_INTERVAL * 2)
		expect(fetchReports).toHaveBeenCalledTimes(1)
	})

	it('polls while a report is queued and stops once it is done', async () => {
		vi.mocked(fetchReports).mockResolvedValue({ reports: [], total: 0, page: 1, limit: 50 })
		const store = useReportsStore()
		await store.load()
		vi.mocked(requestReport).mockResolvedValue(report(2, 'queued'))
		await store.request({ type: 'export', fileFormat: 'csv', month: '2026-12' })
		expect(store.reports.map((r) => r.id)).toEqual([2])
		expect(store.busy).toBe(true)

		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(2, 'running')], total: 1, page: 1, limit: 50 })
		await vi.advanceTimersByTimeAsync(POLL_INTERVAL)
		expect(fetchReports).toHaveBeenCalledTimes(2)
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(2, 'done')], total: 1, page: 1, limit: 50 })
		await vi.advanceTimersByTimeAsync(POLL_INTERVAL)
		expect(fetchReports).toHaveBeenCalledTimes(3)
		expect(store.reports[0]!.fileId).toBe(42)
		await vi.advanceTimersByTimeAsync(POLL_INTERVAL * 3)
		expect(fetchReports).toHaveBeenCalledTimes(3)
	})

	it('keeps the list of the newer load when the load before it answers late (the view opened again)', async () => {
		const older = deferred<ReportPage>()
		vi.mocked(fetchReports).mockReturnValueOnce(older.promise).mockResolvedValueOnce({ reports: [report(2, 'done')], total: 1, page: 1, limit: 50 })
		const store = useReportsStore()
		const first = store.load()
		await store.load()
		expect(vi.mocked(fetchReports).mock.calls[0]![2]!.aborted).toBe(true)
		older.resolve({ reports: [report(1, 'done')], total: 1, page: 1, limit: 50 })
		await first
		expect(store.reports.map((r) => r.id)).toEqual([2])
		expect(store.loading).toBe(false)
	})

	it('tries a failed report again in its place in the list, and polls until it is made', async () => {
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(3, 'done'), report(2, 'failed')], total: 2, page: 1, limit: 50 })
		const store = useReportsStore()
		await store.load()
		vi.mocked(retryReport).mockResolvedValue(report(2, 'queued'))

		await store.retry(2)

		expect(retryReport).toHaveBeenCalledWith(2)
		expect(store.reports.map((r) => `${r.id} ${r.status}`)).toEqual(['3 done', '2 queued'])
		expect(store.busy).toBe(true)
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(3, 'done'), report(2, 'done')], total: 2, page: 1, limit: 50 })
		await vi.advanceTimersByTimeAsync(POLL_INTERVAL)
		expect(store.reports[1]!.status).toBe('done')
	})

	it('deletes a report from the list and says whether its file went too', async () => {
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(3, 'done'), report(2, 'failed')], total: 7, page: 1, limit: 50 })
		const store = useReportsStore()
		await store.load()
		vi.mocked(deleteReport).mockResolvedValue({ id: 3, fileRemoved: true })

		expect(await store.remove(3)).toBe(true)

		expect(deleteReport).toHaveBeenCalledWith(3)
		expect(store.reports.map((r) => r.id)).toEqual([2])
		expect(store.total).toBe(6)
	})

	it('keeps the list as it was when trying again or deleting is refused', async () => {
		vi.mocked(fetchReports).mockResolvedValue({ reports: [report(2, 'failed')], total: 1, page: 1, limit: 50 })
		const store = useReportsStore()
		await store.load()
		vi.mocked(retryReport).mockRejectedValue(new Error('403'))
		vi.mocked(deleteReport).mockRejectedValue(new Error('403'))

		await expect(store.retry(2)).rejects.toThrow('403')
		await expect(store.remove(2)).rejects.toThrow('403')

		expect(store.reports.map((r) => `${r.id} ${r.status}`)).toEqual(['2 failed'])
		expect(store.total).toBe(1)
	})
})
