import { describe, expect, it } from 'vitest'
import { releasedOnlyDefault, reportMonths } from '../../../src/utils/releasedDefault.ts'

describe('releasedOnlyDefault', () => {
	const periods = [
		{ month: '2026-07', status: 'closed' },
		{ month: '2026-09', status: 'closed' },
		{ month: '2026-10', status: 'closed' },
		{ month: '2026-11', status: 'open' },
	]

	it('is on for a closed month and off for an open one', () => {
		expect(releasedOnlyDefault(['2026-10'], periods)).toBe(true)
		expect(releasedOnlyDefault(['2026-11'], periods)).toBe(false)
	})

	it('skips months without a period but needs one period', () => {
		expect(releasedOnlyDefault(reportMonths('2026-08', true), periods)).toBe(true)
		expect(releasedOnlyDefault(['2026-08'], periods)).toBe(false)
	})

	it('is off when one month of the quarter is open', () => {
		expect(releasedOnlyDefault(reportMonths('2026-10', true), periods)).toBe(false)
	})
})

describe('reportMonths', () => {
	it('gives a month itself or the months of its quarter', () => {
		expect(reportMonths('2026-05', false)).toEqual(['2026-05'])
		expect(reportMonths('2026-05', true)).toEqual(['2026-04', '2026-05', '2026-06'])
		expect(reportMonths('2026-12', true)).toEqual(['2026-10', '2026-11', '2026-12'])
	})
})
