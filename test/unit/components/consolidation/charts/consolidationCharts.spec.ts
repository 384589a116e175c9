import { describe, expect, it } from 'vitest'
import { tableRows } from '../../../../../src/components/consolidation/charts/chartModel.ts'
import { itemsPerMonthChart, participationChart, resultsChart, trendChart } from '../../../../../src/components/consolidation/charts/consolidationCharts.ts'
import { component, names, overview, participation, trend } from './fixtures.ts'

/**
 * The table as text: category, then each cell.
 *
 * @param rows the rows
 */
function texts(rows: ReturnType<typeof tableRows>): string[][] {
	return rows.map((row) => [row.category, ...row.cells.map((c) => c.text)])
}

describe('resultsChart', () => {
	it('has the overall score then each criterion, with mean, n and the few-ratings flag', () => {
		const model = resultsChart(component, names, 3)
		expect(model.kind).toBe('bar')
		expect(model.horizontal).toBe(true)
		expect(model.title).toBe('Mean scores of Files')
		expect(model.series[0]!.values).toEqual([3.6666666, 2.5, null])
		expect(model.series[0]!.n).toEqual([3, 2, 0])
		expect(texts(tableRows(model))).toEqual([
			['Overall score', '3.67 (n = 3)'],
			['Usability', '2.50 (n = 2, few ratings)'],
			['Stability', '– (n = 0)'],
		])
		expect(model.summary).toBe('Mean scores of Files on a scale of 1 to 5, from 5 assessments: Overall score 3.67 (n = 3), Usability 2.50 (n = 2, few ratings), Stability – (n = 0).')
		expect(model.note).toContain('fewer than 3 ratings')
	})

	it('flags nothing and has no note when every mean has enough ratings', () => {
		const model = resultsChart(component, names, 2)
		expect(model.series[0]!.low).toEqual([false, false, false])
		expect(model.note).toBeUndefined()
	})
})

describe('trendChart', () => {
	it('has one line per series of the component, the overall score first and emphasised', () => {
		const model = trendChart(trend, 3, names)
		expect(model.kind).toBe('line')
		expect(model.categories).toEqual(['2026-01', '2026-02', '2026-03'])
		expect(model.series.map((s) => s.label)).toEqual(['Overall score', 'Usability'])
		expect(model.series.map((s) => s.emphasis)).toEqual([true, false])
		expect(model.series[1]!.values).toEqual([4, 2, null])
		expect(model.series[1]!.low).toEqual([false, true, false])
		expect(texts(tableRows(model))).toEqual([
			['2026-01', '3.25 (n = 4)', '4.00 (n = 4)'],
			['2026-02', '3.00 (n = 3)', '2.00 (n = 1, few ratings)'],
			['2026-03', '4.50 (n = 4)', '– (n = 0)'],
		])
	})

	it('summarises first and last month and names the months with few ratings', () => {
		const model = trendChart(trend, 3, names)
		expect(model.summary).toContain('Overall score: from 3.25 (n = 4) in 2026-01 to 4.50 (n = 4) in 2026-03')
		expect(model.summary).toContain('Usability: from 4.00 (n = 4) in 2026-01 to 2.00 (n = 1, few ratings) in 2026-02')
		expect(model.summary).toContain('Months with few ratings: 2026-02.')
	})

	it('fills months without a point with no value and n 0', () => {
		const model = trendChart(trend, 4, names)
		expect(model.series[0]!.values).toEqual([1, null, null])
		expect(model.series[0]!.n).toEqual([1, 0, 0])
		expect(model.summary).toContain('Overall score: 2026-01 1.00 (n = 1, few ratings)')
	})
})

describe('itemsPerMonthChart', () => {
	it('has filed and closed per month, each with its link', () => {
		const model = itemsPerMonthChart(overview, { filed: (m) => `filed ${m}`, closed: (m) => `closed ${m}` })
		expect(model.series.map((s) => s.values)).toEqual([[5, 0], [1, 3]])
		expect(tableRows(model)).toEqual([
			{ category: '2026-01', cells: [{ text: '5', link: 'filed 2026-01', low: false }, { text: '1', link: 'closed 2026-01', low: false }] },
			{ category: '2026-02', cells: [{ text: '0', link: 'filed 2026-02', low: false }, { text: '3', link: 'closed 2026-02', low: false }] },
		])
		expect(model.summary).toBe('5 items filed and 4 closed. Filed: 2026-01 5, 2026-02 0. Closed: 2026-01 1, 2026-02 3.')
	})
})

describe('participationChart', () => {
	it('has one series per organisation: testers who rated of the testers', () => {
		const model = participationChart(participation, names)
		expect(model.series.map((s) => s.label)).toEqual(['RKI', 'BSH'])
		expect(texts(tableRows(model))).toEqual([
			['2026-01', '2 of 2', '0 of 3'],
			['2026-02', '1 of 2', '3 of 3'],
		])
	})

	it('counts 0 of 0 for a month the answer has no row for', () => {
		const model = participationChart({ ...participation, rows: participation.rows.slice(0, 1) }, names)
		expect(texts(tableRows(model))).toEqual([['2026-01', '2 of 2'], ['2026-02', '0 of 0']])
	})
})
