import type { Period } from '../../../../src/types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import NcInputField from '@nextcloud/vue/components/NcInputField'
import PeriodsSection from '../../../../src/components/admin/PeriodsSection.vue'
import { createPeriod, deletePeriod, fetchPeriodRatings, setPeriodStatus } from '../../../../src/api/periods.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn() }))
vi.mock('../../../../src/api/periods.ts', () => ({ fetchPeriods: vi.fn(), createPeriod: vi.fn(), setPeriodStatus: vi.fn(), fetchPeriodRatings: vi.fn(), deletePeriod: vi.fn() }))

/** An open and a closed month, oldest first */
const periods: Period[] = [
	{ id: 1, month: '2025-01', status: 'closed' },
	{ id: 2, month: '2025-02', status: 'open' },
]

/** A refusal as axios reports it, with the server's message */
const refusal = { isAxiosError: true, response: { status: 409, data: { ocs: { data: { message: 'This month has a period already.' } } } } }

/** Stands in for NcDialog: its name, message and buttons while open; a button closes it after its callback, as NcDialog does */
const DialogStub = {
	props: ['open', 'name', 'message', 'buttons'],
	emits: ['update:open'],
	template: '<div v-if="open" role="dialog" :aria-label="name"><p class="message">{{ message }}</p>'
		+ '<button v-for="b in buttons" :key="b.label" @click="b.callback(); $emit(\'update:open\', false)">{{ b.label }}</button></div>',
}

/**
 * Mount the section with the periods store in the given state; its actions run against the mocked API.
 *
 * @param state initial store state
 */
function mountSection(state: Record<string, unknown> = { periods }, pilots: Record<string, unknown>[] = []) {
	return mount(PeriodsSection, {
		global: {
			plugins: [createTestingPinia({ createSpy: vi.fn, stubActions: false, initialState: { 'pilotfeedback-admin-periods': state, 'pilotfeedback-admin-pilots': { records: pilots } } })],
			stubs: { NcDialog: DialogStub },
		},
	})
}

/**
 * Close the open period 2025-02 and confirm, with the server counting `ratings`.
 *
 * @param wrapper the mounted section
 * @param ratings what the server counts
 */
async function closeConfirmed(wrapper: ReturnType<typeof mountSection>, ratings = 4) {
	vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings })
	await button(wrapper, 'Close').trigger('click')
	await flushPromises()
	await button(wrapper, 'Close period').trigger('click')
	await flushPromises()
}

/**
 * The rows of the period list as text.
 *
 * @param wrapper the mounted section
 */
function rows(wrapper: ReturnType<typeof mountSection>): string[] {
	return wrapper.findAll('li').map((row) => row.text())
}

/**
 * The button with the given text.
 *
 * @param wrapper the mounted section
 * @param text what it says
 */
function button(wrapper: ReturnType<typeof mountSection>, text: string) {
	const found = wrapper.findAll('button').find((candidate) => candidate.text() === text)
	if (found === undefined) {
		throw new Error(`No button "${text}"`)
	}
	return found
}

describe('PeriodsSection', () => {
	beforeEach(() => {
		vi.clearAllMocks()
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(new Date(2025, 2, 15, 10, 30))
	})

	afterEach(() => {
		vi.useRealTimers()
	})

	it('lists the periods newest first with their status', () => {
		const wrapper = mountSection()
		expect(rows(wrapper)).toEqual([
			expect.stringMatching(/^2025-02\s*Open\s*Close\s*Delete$/),
			expect.stringMatching(/^2025-01\s*Closed\s*Reopen\s*Delete$/),
		])
	})

	it('says so when there are no periods', () => {
		const wrapper = mountSection({ periods: [] })
		expect(wrapper.findAll('li')).toHaveLength(0)
		expect(wrapper.text()).toContain('No periods yet')
	})

	it('shows why the periods could not be loaded', () => {
		const wrapper = mountSection({ periods: [], loadError: 'The server could not be reached.' })
		expect(wrapper.text()).toContain('The server could not be reached.')
		expect(wrapper.find('form').exists()).toBe(false)
	})

	it('opens the current month unless another is picked', async () => {
		vi.mocked(createPeriod).mockResolvedValue({ id: 3, month: '2025-03', status: 'open' })
		const wrapper = mountSection()
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(createPeriod).toHaveBeenCalledExactlyOnceWith({ month: '2025-03' })
		expect(rows(wrapper)[0]).toMatch(/^2025-03\s*Open/)
	})

	it('opens the picked month', async () => {
		vi.mocked(createPeriod).mockResolvedValue({ id: 3, month: '2024-11', status: 'open' })
		const wrapper = mountSection()
		await wrapper.find('input[type="month"]').setValue('2024-11')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(createPeriod).toHaveBeenCalledExactlyOnceWith({ month: '2024-11' })
		expect(rows(wrapper)).toHaveLength(3)
	})

	it('opens nothing while no month is picked', async () => {
		const wrapper = mountSection()
		await wrapper.find('input[type="month"]').setValue('')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(createPeriod).not.toHaveBeenCalled()
		expect(button(wrapper, 'Open period').attributes('disabled')).toBeDefined()
	})

	it('shows the server message when a month cannot be opened', async () => {
		vi.mocked(createPeriod).mockRejectedValue(refusal)
		const wrapper = mountSection()
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(showError).toHaveBeenCalledExactlyOnceWith('This month has a period already.')
		expect(rows(wrapper)).toHaveLength(2)
		expect(button(wrapper, 'Open period').attributes('disabled')).toBeUndefined()
	})

	it('asks before closing, saying how many ratings the server counts, and closes only when confirmed', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 37 })
		vi.mocked(setPeriodStatus).mockResolvedValue({ id: 2, month: '2025-02', status: 'closed' })
		const wrapper = mountSection()
		await button(wrapper, 'Close').trigger('click')
		await flushPromises()
		expect(fetchPeriodRatings).toHaveBeenCalledExactlyOnceWith(2)
		expect(setPeriodStatus).not.toHaveBeenCalled()
		expect(wrapper.find('[role="dialog"]').attributes('aria-label')).toBe('Close the period?')
		expect(wrapper.find('.message').text()).toBe('Closing 2025-02 freezes 37 ratings: testers can no longer change them.')
		await button(wrapper, 'Close period').trigger('click')
		await flushPromises()
		expect(setPeriodStatus).toHaveBeenCalledExactlyOnceWith(2, 'closed')
		expect(rows(wrapper)[0]).toMatch(/^2025-02\s*Closed\s*Reopen\s*Delete$/)
		expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
	})

	it('says "1 rating" in the singular', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 1 })
		const wrapper = mountSection()
		await button(wrapper, 'Close').trigger('click')
		await flushPromises()
		expect(wrapper.find('.message').text()).toBe('Closing 2025-02 freezes 1 rating: testers can no longer change it.')
	})

	it('keeps the period open when the confirmation is cancelled', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 3 })
		const wrapper = mountSection()
		await button(wrapper, 'Close').trigger('click')
		await flushPromises()
		await button(wrapper, 'Cancel').trigger('click')
		await flushPromises()
		expect(setPeriodStatus).not.toHaveBeenCalled()
		expect(rows(wrapper)[0]).toMatch(/^2025-02\s*Open\s*Close\s*Delete$/)
	})

	it('closes nothing when the server cannot count the ratings', async () => {
		vi.mocked(fetchPeriodRatings).mockRejectedValue(refusal)
		const wrapper = mountSection()
		await button(wrapper, 'Close').trigger('click')
		await flushPromises()
		expect(showError).toHaveBeenCalledExactlyOnceWith('This month has a period already.')
		expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
		expect(setPeriodStatus).not.toHaveBeenCalled()
	})

	it('sends one request for a double click on Close period', async () => {
		let answer: (period: Period) => void = () => undefined
		vi.mocked(setPeriodStatus).mockReturnValue(new Promise((resolve) => {
			answer = resolve
		}))
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 4 })
		const wrapper = mountSection()
		await button(wrapper, 'Close').trigger('click')
		await button(wrapper, 'Close').trigger('click')
		await flushPromises()
		await button(wrapper, 'Close period').trigger('click')
		answer({ id: 2, month: '2025-02', status: 'closed' })
		await flushPromises()
		expect(fetchPeriodRatings).toHaveBeenCalledOnce()
		expect(setPeriodStatus).toHaveBeenCalledOnce()
	})

	it('reopens a closed period', async () => {
		vi.mocked(setPeriodStatus).mockResolvedValue({ id: 1, month: '2025-01', status: 'open' })
		const wrapper = mountSection()
		await button(wrapper, 'Reopen').trigger('click')
		await flushPromises()
		expect(setPeriodStatus).toHaveBeenCalledExactlyOnceWith(1, 'open')
		expect(rows(wrapper)[1]).toMatch(/^2025-01\s*Open\s*Close\s*Delete$/)
	})

	it('shows the server message and keeps the status when a period cannot be closed', async () => {
		vi.mocked(setPeriodStatus).mockRejectedValue(new Error('offline'))
		const wrapper = mountSection()
		await closeConfirmed(wrapper)
		expect(showError).toHaveBeenCalledExactlyOnceWith('Something went wrong. Please try again.')
		expect(rows(wrapper)[0]).toMatch(/^2025-02\s*Open\s*Close\s*Delete$/)
	})

	it('says which months can be opened: up to the next month, from the first pilot\'s start', () => {
		expect(mountSection().text()).toContain('Months up to 2025-04 can be opened.')
		const wrapper = mountSection({ periods }, [{ id: 1, title: 'PoC Verwaltung', startDate: '2024-10-01', archived: false }])
		expect(wrapper.text()).toContain('Months from 2024-10 (the start of PoC Verwaltung) to 2025-04 can be opened.')
		const input = wrapper.find('input[type="month"]')
		expect(input.attributes('min')).toBe('2024-10')
		expect(input.attributes('max')).toBe('2025-04')
	})

	it('opens no month before the first pilot starts or more than one month ahead, and says why', async () => {
		const wrapper = mountSection({ periods }, [{ id: 1, title: 'PoC Verwaltung', startDate: '2024-10-01', archived: false }])
		// typed (the picker offers only the months between min and max)
		const type = async (month: string) => {
			wrapper.findComponent(NcInputField).vm.$emit('update:modelValue', month)
			await flushPromises()
		}
		await type('2024-09')
		expect(wrapper.text()).toContain('2024-09 is before PoC Verwaltung starts.')
		expect(button(wrapper, 'Open period').attributes('disabled')).toBeDefined()
		await type('2025-05')
		expect(wrapper.text()).toContain('2025-05 is more than one month ahead.')
		await wrapper.find('form').trigger('submit')
		await flushPromises()
		expect(createPeriod).not.toHaveBeenCalled()
		await type('2025-04')
		expect(button(wrapper, 'Open period').attributes('disabled')).toBeUndefined()
	})

	it('deletes a period without ratings once confirmed', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 0 })
		vi.mocked(deletePeriod).mockResolvedValue(periods[1]!)
		const wrapper = mountSection()
		await wrapper.findAll('button').filter((candidate) => candidate.text() === 'Delete')[0]!.trigger('click')
		await flushPromises()
		expect(wrapper.find('[role="dialog"]').attributes('aria-label')).toBe('Delete the period?')
		expect(wrapper.find('.message').text()).toBe('Nobody has rated in 2025-02 yet. Delete the period, for example one opened by mistake?')
		expect(deletePeriod).not.toHaveBeenCalled()
		await button(wrapper, 'Delete period').trigger('click')
		await flushPromises()
		expect(deletePeriod).toHaveBeenCalledExactlyOnceWith(2)
		expect(rows(wrapper)).toEqual([expect.stringMatching(/^2025-01\s*Closed/)])
	})

	it('does not offer to delete a period with ratings, and says to close it', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 3 })
		const wrapper = mountSection()
		await wrapper.findAll('button').filter((candidate) => candidate.text() === 'Delete')[0]!.trigger('click')
		await flushPromises()
		expect(showError).toHaveBeenCalledExactlyOnceWith('2025-02 holds 3 ratings, so it cannot be deleted. Close it instead.')
		expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
		expect(deletePeriod).not.toHaveBeenCalled()
	})

	it('keeps the period and shows the server\'s reason when it refuses the deletion', async () => {
		vi.mocked(fetchPeriodRatings).mockResolvedValue({ periodId: 2, ratings: 0 })
		vi.mocked(deletePeriod).mockRejectedValue(refusal)
		const wrapper = mountSection()
		await wrapper.findAll('button').filter((candidate) => candidate.text() === 'Delete')[0]!.trigger('click')
		await flushPromises()
		await button(wrapper, 'Delete period').trigger('click')
		await flushPromises()
		expect(showError).toHaveBeenCalledExactlyOnceWith('This month has a period already.')
		expect(rows(wrapper)).toHaveLength(2)
	})
})
