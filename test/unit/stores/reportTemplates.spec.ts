import { AxiosError, AxiosHeaders } from 'axios'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseReportTemplate, fetchReportTemplates, removeReportTemplate } from '../../../src/api/reportTemplates.ts'
import { useReportTemplatesStore } from '../../../src/stores/reportTemplates.ts'

vi.mock('../../../src/api/reportTemplates.ts', () => ({ fetchReportTemplates: vi.fn(), chooseReportTemplate: vi.fn(), removeReportTemplate: vi.fn() }))

const odt = { format: 'odt', name: 'Briefkopf.odt', size: 11287, chosenBy: 'admin', chosenAt: 1796431428 }

describe('report templates store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.mocked(fetchReportTemplates).mockResolvedValue({ odt: null, docx: null })
	})

	it('shows a chosen template beside the other format\'s', async () => {
		const store = useReportTemplatesStore()
		await store.load()
		vi.mocked(chooseReportTemplate).mockResolvedValue(odt)
		expect(await store.choose('odt', 'Vorlagen/Briefkopf.odt')).toBe(true)
		expect(chooseReportTemplate).toHaveBeenCalledWith('odt', 'Vorlagen/Briefkopf.odt')
		expect(store.templates).toEqual({ odt, docx: null })
		expect(store.errors.odt).toBeNull()
		expect(store.busy).toBeNull()
	})

	it('keeps the server\'s reason when a file is refused, for that format only', async () => {
		const store = useReportTemplatesStore()
		await store.load()
		const config = { headers: new AxiosHeaders() }
		vi.mocked(chooseReportTemplate).mockRejectedValue(new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, {}, {
			status: 400,
			statusText: '',
			headers: {},
			config,
			data: { ocs: { meta: { status: 'failure', statuscode: 400 }, data: { message: 'The file is no Word document (.docx or .dotx)' } } },
		}))
		expect(await store.choose('docx', 'logo.png')).toBe(false)
		expect(store.errors.docx).toContain('no Word document')
		expect(store.errors.odt).toBeNull()
		expect(store.templates).toEqual({ odt: null, docx: null })
	})

	it('goes back to the built-in layout', async () => {
		vi.mocked(fetchReportTemplates).mockResolvedValue({ odt, docx: null })
		const store = useReportTemplatesStore()
		await store.load()
		vi.mocked(removeReportTemplate).mockResolvedValue({ odt: null, docx: null })
		await store.remove('odt')
		expect(removeReportTemplate).toHaveBeenCalledWith('odt')
		expect(store.templates?.odt).toBeNull()
	})
})
