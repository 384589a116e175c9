import { describe, expect, it } from 'vitest'
import { addMonths, documentLanguage, openableMonths, periodLabel, proposedReportMonth, quarterOf, rangeError, rangeLength, rangeMonths, rangePeriod } from '../../../src/utils/reportPeriod.ts'

describe('reportPeriod', () => {
	it.each([['2026-01', '2026-Q1'], ['2026-03', '2026-Q1'], ['2026-04', '2026-Q2'], ['2026-09', '2026-Q3'], ['2026-12', '2026-Q4']])('the quarter of %s is %s', (month, quarter) => {
		expect(quarterOf(month)).toBe(quarter)
	})

	it('German variants give German documents, everything else English', () => {
		expect(documentLanguage('de_DE')).toBe('de')
		expect(documentLanguage('de')).toBe('de')
		expect(documentLanguage('en_GB')).toBe('en')
		expect(documentLanguage('fr')).toBe('en')
	})

	it('counts months across years', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12')
		expect(addMonths('2026-12', 1)).toBe('2027-01')
		expect(addMonths('2026-05', -17)).toBe('2024-12')
		expect(addMonths('0999-12', 1)).toBe('1000-01')
	})

	describe('the proposed report month', () => {
		const periods = [
			{ month: '2026-02', status: 'closed' },
			{ month: '2026-03', status: 'closed' },
			{ month: '2026-04', status: 'open' },
			{ month: '2026-05', status: 'open' },
			{ month: '2950-01', status: 'closed' },
		]

		it('is the last closed month for a monthly report', () => {
			expect(proposedReportMonth('2026-05', periods, false)).toBe('2026-03')
		})

		it('is the month before when no month before this one is closed', () => {
			expect(proposedReportMonth('2026-05', [{ month: '2026-04', status: 'open' }], false)).toBe('2026-04')
			expect(proposedReportMonth('2026-01', [], false)).toBe('2025-12')
		})

		it('is the last month of the last quarter that ended for a quarterly report', () => {
			expect(proposedReportMonth('2026-05', periods, true)).toBe('2026-03')
			expect(proposedReportMonth('2026-04', periods, true)).toBe('2026-03')
			expect(proposedReportMonth('2026-03', [], true)).toBe('2025-12')
			expect(proposedReportMonth('2026-12', [], true)).toBe('2026-09')
			expect(quarterOf(proposedReportMonth('2026-01', [], true))).toBe('2025-Q4')
		})
	})

	describe('the months an administrator may open', () => {
		const pilot = (title: string, startDate: string | null, archived = false) => ({ title, startDate, archived })

		it('run from the start of the first pilot up to the next month', () => {
			expect(openableMonths([pilot('PoC 2', '2026-03-01'), pilot('PoC 1', '2026-02-15'), pilot('Planned', null)], '2026-05'))
				.toEqual({ first: '2026-02', last: '2026-06', pilot: 'PoC 1' })
		})

		it('have no first month while no pilot has a start date; archived pilots do not count', () => {
			expect(openableMonths([pilot('Planned', null), pilot('Old', '2020-01-01', true)], '2026-12')).toEqual({ first: null, last: '2027-01', pilot: null })
		})
	})
})

describe('ranges of months for exports', () => {
	it('counts and lists the months of a range across the year, both ends included', () => {
		expect(rangeLength('2025-12', '2026-11')).toBe(12)
		expect(rangeLength('2026-03', '2026-03')).toBe(1)
		expect(rangeLength('2026-03', '2026-02')).toBe(0)
		expect(rangeLength('', '2026-02')).toBe(0)
		expect(rangeMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
		expect(rangeMonths('2020-01', '2026-02')).toEqual([])
	})

	it('says what is wrong with a range as the server would', () => {
		expect(rangeError('2025-12', '2026-11')).toBe('')
		expect(rangeError('2024-01', '2026-12')).toBe('')
		expect(rangeError('2024-01', '2027-01')).toBe('The range covers 37 months; at most 36 are allowed. Choose a shorter range.')
		expect(rangeError('2026-11', '2025-12')).toBe('The range ends before it starts. Choose a last month on or after 2026-11.')
		expect(rangeError('2026-11', '')).toBe('Choose the first and the last month.')
	})

	it('records a range as the API does and shows it to people', () => {
		expect(rangePeriod('2025-12', '2026-11')).toBe('2025-12--2026-11')
		expect(rangePeriod('2026-03', '2026-03')).toBe('2026-03')
		expect(periodLabel('2025-12--2026-11')).toBe('2025-12 – 2026-11')
		expect(periodLabel('2026-Q4')).toBe('2026-Q4')
		expect(periodLabel('2026-03')).toBe('2026-03')
	})
})
