import type { ChartData, ChartOptions, PointStyle, TooltipItem } from 'chart.js'
import type { ChartModel } from './chartModel.ts'

import { valueText } from './chartModel.ts'

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Black (the
 * emphasised series, replaced by the theme's text colour) is left out; yellow comes last as it
 * has the least contrast on white.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442']

/** Dash patterns of the lines, so that lines differ without colour too */
export const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [16, 4], [2, 6]]

/** Point styles of the lines, in the order of the series */
export const POINT_STYLES: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded']

/** What the chart takes from the page rather than from the data */
export interface ChartEnvironment {
	/** The user asked for reduced motion: no animation */
	reducedMotion: boolean
	/** Colour of text and of the emphasised series (the theme's text colour) */
	foreground: string
	/** Colour of the grid lines */
	grid: string
	/** Background behind the chart, the fill of hollow points */
	background: string
}

/** The Chart.js configuration of a model */
export interface ChartConfig<K extends 'bar' | 'line'> {
	data: ChartData<K, (number | null)[], string>
	options: ChartOptions<K>
}

/**
 * Colour of the series at an index: the foreground for an emphasised series, else the palette.
 *
 * @param model the model
 * @param index the series' index
 * @param env the page's colours
 */
export function seriesColour(model: ChartModel, index: number, env: ChartEnvironment): string {
	if (model.series[index]?.emphasis) {
		return env.foreground
	}
	// Series before this one that took a palette colour
	const before = model.series.slice(0, index).filter((s) => !s.emphasis).length
	return PALETTE[before % PALETTE.length]!
}

/**
 * A category's axis label: the category, with n when the chart has one series with n
 * (so that n is readable beside each bar, not only in the tooltip).
 *
 * @param model the model
 * @param index the category's index
 */
export function categoryTick(model: ChartModel, index: number): string {
	const category = model.categories[index] ?? ''
	const only = model.series.length === 1 ? model.series[0] : undefined
	const n = only?.n?.[index]
	return n === undefined ? category : `${category} (n = ${n})`
}

/**
 * The options both kinds share: no animation when reduced motion is asked for, tooltips with
 * the same text as the table, the theme's colours.
 *
 * @param model the model
 * @param env the page's colours and preferences
 */
function commonOptions(model: ChartModel, env: ChartEnvironment) {
	const valueScale = model.valueKind === 'mean'
		? { min: model.kind === 'line' ? 1 : 0, max: 5, ticks: { stepSize: 1, color: env.foreground }, grid: { color: env.grid } }
		: { beginAtZero: true, ticks: { precision: 0, color: env.foreground }, grid: { color: env.grid } }
	const categoryScale = {
		ticks: { color: env.foreground, callback: (_value: unknown, index: number) => categoryTick(model, index) },
		grid: { color: env.grid },
	}
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: env.reducedMotion ? false as const : undefined,
		scales: model.horizontal ? { x: valueScale, y: categoryScale } : { x: categoryScale, y: valueScale },
		plugins: {
			legend: {
				display: model.series.length > 1,
				labels: { color: env.foreground, usePointStyle: model.kind === 'line' },
			},
			tooltip: {
				callbacks: {
					label: (item: TooltipItem<'bar' | 'line'>) => `${model.series[item.datasetIndex]?.label ?? ''}: ${valueText(model.series[item.datasetIndex]!, item.dataIndex)}`,
				},
			},
		},
	}
}

/**
 * Chart.js data and options for a bar chart.
 *
 * @param model the model (kind bar)
 * @param env the page's colours and preferences
 */
export function barConfig(model: ChartModel, env: ChartEnvironment): ChartConfig<'bar'> {
	return {
		data: {
			labels: model.categories,
			datasets: model.series.map((series, index) => ({
				label: series.label,
				data: series.values,
				backgroundColor: seriesColour(model, index, env),
				borderColor: seriesColour(model, index, env),
				borderWidth: 1,
				// Flagged values (few ratings) are drawn as an outline only
				...(series.low ? { backgroundColor: series.low.map((low) => (low ? env.background : seriesColour(model, index, env))), borderWidth: 2 } : {}),
			})),
		},
		options: { ...commonOptions(model, env), indexAxis: model.horizontal ? 'y' : 'x' } as ChartOptions<'bar'>,
	}
}

/**
 * Chart.js data and options for a line chart: a colour, dash pattern and point style per
 * series (the first series solid), the emphasised one thicker; flagged points (few ratings) are hollow and larger.
 *
 * @param model the model (kind line)
 * @param env the page's colours and preferences
 */
export function lineConfig(model: ChartModel, env: ChartEnvironment): ChartConfig<'line'> {
	return {
		data: {
			labels: model.categories,
			datasets: model.series.map((series, index) => {
				const colour = seriesColour(model, index, env)
				const low = series.low ?? []
				return {
					label: series.label,
					data: series.values,
					borderColor: colour,
					backgroundColor: colour,
					borderWidth: series.emphasis ? 4 : 2,
					borderDash: DASHES[index % DASHES.length],
					pointStyle: POINT_STYLES[index % POINT_STYLES.length],
					pointRadius: series.values.map((_, i) => (low[i] ? 6 : 4)),
					pointBackgroundColor: series.values.map((_, i) => (low[i] ? env.background : colour)),
					pointBorderColor: colour,
					pointBorderWidth: 2,
					spanGaps: false,
				}
			}),
		},
		options: commonOptions(model, env) as ChartOptions<'line'>,
	}
}
