import type { TooltipItem } from 'chart.js'
import type { ChartEnvironment } from '../../../../../src/components/consolidation/charts/chartConfig.ts'

import { describe, expect, it } from 'vitest'
import { barConfig, categoryTick, DASHES, lineConfig, PALETTE, POINT_STYLES } from '../../../../../src/components/consolidation/charts/chartConfig.ts'
import { tableRows } from '../../../../../src/components/consolidation/charts/chartModel.ts'
import { itemsPerMonthChart, participationChart, resultsChart, trendChart } from '../../../../../src/components/consolidation/charts/consolidationCharts.ts'
import { component, names, overview, participation, trend } from './fixtures.ts'

const env: ChartEnvironment = { reducedMotion: false, foreground: '#111111', grid: '#cccccc', background: '#ffffff' }

/**
 * What the tooltip says for a point.
 *
 * @param options the chart's options
 * @param datasetIndex the series
 * @param dataIndex the category
 */
function tooltip(options: unknown, datasetIndex: number, dataIndex: number): string {
	const label = (options as { plugins: { tooltip: { callbacks: { label: (item: TooltipItem<'bar'>) => string } } } }).plugins.tooltip.callbacks.label
	return label({ datasetIndex, dataIndex } as TooltipItem<'bar'>)
}

const models = [
	resultsChart(component, names, 3),
	itemsPerMonthChart(overview, { filed: () => '/items', closed: () => '/items' }),
	participationChart(participation, names),
	trendChart(trend, 3, names),
]

describe('chart and table show the same numbers', () => {
	it.each(models.map((m) => [m.title, m] as const))('%s', (_title, model) => {
		const config = model.kind === 'line' ? lineConfig(model, env) : barConfig(model, env)
		expect(config.data.labels).toEqual(model.categories)
		const rows = tableRows(model)
		config.data.datasets.forEach((dataset, s) => {
			expect(dataset.label).toBe(model.series[s]!.label)
			expect(dataset.data).toEqual(model.series[s]!.values)
			rows.forEach((row, c) => {
				// The tooltip of every point says what the table's cell says
				expect(tooltip(config.options, s, c)).toBe(`${model.series[s]!.label}: ${row.cells[s]!.text}`)
			})
		})
	})
})

describe('barConfig', () => {
	it('draws the results horizontally on a 0–5 scale with n beside each bar', () => {
		const model = resultsChart(component, names, 3)
		const { options } = barConfig(model, env)
		expect(options.indexAxis).toBe('y')
		expect(options.scales?.x).toMatchObject({ min: 0, max: 5 })
		expect([0, 1, 2].map((i) => categoryTick(model, i))).toEqual(['Overall score (n = 3)', 'Usability (n = 2)', 'Stability (n = 0)'])
	})

	it('outlines bars with few ratings instead of filling them', () => {
		const { data } = barConfig(resultsChart(component, names, 3), env)
		expect(data.datasets[0]!.backgroundColor).toEqual([PALETTE[0], '#ffffff', PALETTE[0]])
	})

	it('gives each series its own colour of the palette and counts from zero in whole numbers', () => {
		const { data, options } = barConfig(itemsPerMonthChart(overview, { filed: () => '/items', closed: () => '/items' }), env)
		expect(data.datasets.map((d) => d.backgroundColor)).toEqual([PALETTE[0], PALETTE[1]])
		expect(options.scales?.y).toMatchObject({ beginAtZero: true, ticks: { precision: 0 } })
		expect(options.plugins?.legend?.display).toBe(true)
	})

	it('animates unless reduced motion is asked for', () => {
		const model = participationChart(participation, names)
		expect(barConfig(model, env).options.animation).toBeUndefined()
		expect(barConfig(model, { ...env, reducedMotion: true }).options.animation).toBe(false)
	})
})

describe('lineConfig', () => {
	it('tells lines apart by dash and point style, not by colour alone; the overall score in the text colour', () => {
		const { data } = lineConfig(trendChart(trend, 3, names), env)
		const [overall, usability] = data.datasets
		expect(overall!.borderColor).toBe('#111111')
		expect(overall!.borderWidth).toBeGreaterThan(usability!.borderWidth as number)
		expect(usability!.borderColor).toBe(PALETTE[0])
		expect(overall!.borderDash).not.toEqual(usability!.borderDash)
		expect(overall!.pointStyle).not.toBe(usability!.pointStyle)
	})

	it('draws points with few ratings hollow and larger', () => {
		const { data } = lineConfig(trendChart(trend, 3, names), env)
		expect(data.datasets[1]!.pointBackgroundColor).toEqual([PALETTE[0], '#ffffff', PALETTE[0]])
		expect(data.datasets[1]!.pointRadius).toEqual([4, 6, 4])
	})

	it('has no animation when reduced motion is asked for, and a 1–5 scale', () => {
		const { options } = lineConfig(trendChart(trend, 3, names), { ...env, reducedMotion: true })
		expect(options.animation).toBe(false)
		expect(options.scales?.y).toMatchObject({ min: 1, max: 5 })
	})

	it('has as many distinct dashes and point styles as colours', () => {
		expect(new Set(DASHES.map((d) => d.join())).size).toBe(PALETTE.length)
		expect(new Set(POINT_STYLES).size).toBe(PALETTE.length)
	})
})
