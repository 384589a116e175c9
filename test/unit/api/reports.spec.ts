import axios from '@nextcloud/axios'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchReport, fetchReportCadence, fetchReportFolder, fetchReportFormats, fetchReports, requestReport, saveReportCadence, saveReportFolder } from '../../../src/api/reports.ts'

vi.mock('@nextcloud/axios', () => ({
	default: { get: vi.fn(), post: vi.fn(), put: vi.fn() },
}))
vi.mock('@nextcloud/router', () => ({
	generateOcsUrl: (path: string) => `/ocs/v2.php${path}`,
}))

const BASE = '/ocs/v2.php/apps/pilotfeedback/api/v1'
const answer = (data: unknown) => ({ data: { ocs: { meta: { status: 'ok', statuscode: 200 }, data } } })

describe('reports api', () => {
	beforeEach(() => vi.clearAllMocks())

	it('asks for a report with the payload as body', async () => {
		const payload = { type: 'export' as const, fileFormat: 'csv', pilotId: 2, quarter: '2026-Q1', language: 'de' as const, withNames: false }
		vi.mocked(axios.post).mockResolvedValue(answer({ id: 7, status: 'queued' }))
		await expect(requestReport(payload)).resolves.toEqual({ id: 7, status: 'queued' })
		expect(axios.post).toHaveBeenCalledWith(`${BASE}/reports`, payload)
	})

	it('lists a page of reports and reads one', async () => {
		vi.mocked(axios.get).mockResolvedValue(answer({ reports: [], total: 0, page: 2, limit: 10 }))
		await fetchReports(2, 10)
		expect(axios.get).toHaveBeenCalledWith(`${BASE}/reports`, { params: { page: 2, limit: 10 } })
		vi.mocked(axios.get).mockResolvedValue(answer({ id: 3 }))
		await expect(fetchReport(3)).resolves.toEqual({ id: 3 })
		expect(axios.get).toHaveBeenLastCalledWith(`${BASE}/reports/3`)
	})

	it('reads the formats and reads and saves the folder, passing on the signal that aborts a read', async () => {
		const signal = new AbortController().signal
		vi.mocked(axios.get).mockResolvedValue(answer({ documents: ['odt'], exports: ['csv'] }))
		await expect(fetchReportFormats(signal)).resolves.toEqual({ documents: ['odt'], exports: ['csv'] })
		expect(axios.get).toHaveBeenLastCalledWith(`${BASE}/reports/formats`, { signal })
		vi.mocked(axios.get).mockResolvedValue(answer({ folder: 'A/B', default: 'Pilot Feedback/Reports' }))
		await fetchReportFolder(signal)
		expect(axios.get).toHaveBeenLastCalledWith(`${BASE}/reports/folder`, { signal })
		vi.mocked(axios.put).mockResolvedValue(answer({ folder: 'C', default: 'Pilot Feedback/Reports' }))
		await expect(saveReportFolder('C')).resolves.toMatchObject({ folder: 'C' })
		expect(axios.put).toHaveBeenLastCalledWith(`${BASE}/reports/folder`, { folder: 'C' })
	})

	it('reads and saves the cadence', async () => {
		vi.mocked(axios.get).mockResolvedValue(answer({ monthly: true }))
		await fetchReportCadence()
		expect(axios.get).toHaveBeenLastCalledWith(`${BASE}/settings/report-cadence`)
		vi.mocked(axios.put).mockResolvedValue(answer({ monthly: false }))
		await saveReportCadence({ monthly: false })
		expect(axios.put).toHaveBeenLastCalledWith(`${BASE}/settings/report-cadence`, { monthly: false })
	})
})
