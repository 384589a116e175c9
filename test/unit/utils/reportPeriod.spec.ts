import { describe, expect, it } from 'vitest'
import { documentLanguage, quarterOf } from '../../../src/utils/reportPeriod.ts'

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
})
