import type { RouteLocationRaw } from 'vue-router'

import { t } from '@nextcloud/l10n'
import { formatMean } from '../names.ts'

/**
 * What a chart shows, independent of Chart.js: the categories along one axis and one or more
 * series of values. The chart config (chartConfig.ts), the "show as table" table, the tooltip
 * and the screen-reader summary are all derived from one model, so they show the same numbers.
 */
export interface ChartModel {
	/** Bars or lines */
	kind: 'bar' | 'line'
	/** Heading of the chart, also its accessible name */
	title: string
	/** Header of the category column of the table, e.g. "Criterion" or "Month" */
	categoryLabel: string
	/** The categories: bar groups, or the points of the x axis */
	categories: string[]
	/** The series: one dataset each */
	series: ChartSeries[]
	/** Means (two decimals, scale 1–5) or counts (whole numbers) */
	valueKind: 'mean' | 'count'
	/** Bars run horizontally (categories on the y axis) */
	horizontal?: boolean
	/** Text summary of the key figures, for screen readers */
	summary: string
	/** Note shown below the chart, e.g. how months with few ratings are marked */
	note?: string
}

/** One series of a chart: a value per category */
export interface ChartSeries {
	/** Name in the legend and the table header */
	label: string
	/** Value per category; null where there is none (no ratings) */
	values: (number | null)[]
	/** Number of ratings behind each value (means only) */
	n?: number[]
	/** Categories with few ratings (flagged in chart and table) */
	low?: boolean[]
	/** The whole each count is part of ("2 of 3 testers") */
	of?: number[]
	/** Where each value leads (the item list), null where nowhere */
	links?: (RouteLocationRaw | null)[]
	/** Drawn emphasised (the overall score) */
	emphasis?: boolean
}

/**
 * The text of one value as the table and the tooltip show it, e.g. "3.50 (n = 4)",
 * "2.00 (n = 1, few ratings)", "2 of 3" or "7".
 *
 * @param series the series
 * @param index the category's index
 */
export function valueText(series: ChartSeries, index: number): string {
	const value = series.values[index] ?? null
	const n = series.n?.[index]
	if (n !== undefined) {
		const mean = formatMean(value)
		return series.low?.[index]
			? t('pilotfeedback', '{mean} (n = {n}, few ratings)', { mean, n })
			: t('pilotfeedback', '{mean} (n = {n})', { mean, n })
	}
	const count = value === null ? '–' : String(value)
	const of = series.of?.[index]
	return of === undefined ? count : t('pilotfeedback', '{count} of {total}', { count, total: of })
}

/** One row of the "show as table" table: the category and a cell per series */
export interface ChartTableRow {
	/** The category */
	category: string
	/** One cell per series, in the order of the series */
	cells: { text: string, link: RouteLocationRaw | null, low: boolean }[]
}

/**
 * The rows of the table that replaces the chart: one per category, one cell per series.
 *
 * @param model the chart's model
 */
export function tableRows(model: ChartModel): ChartTableRow[] {
	return model.categories.map((category, index) => ({
		category,
		cells: model.series.map((series) => ({
			text: valueText(series, index),
			link: series.links?.[index] ?? null,
			low: series.low?.[index] ?? false,
		})),
	}))
}
