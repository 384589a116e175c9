import type { RouteLocationRaw } from 'vue-router'
import type { ComponentResult, ConsolidationTrend, ItemsOverview, Participation } from '../../../types/index.ts'
import type { ConsolidationNames } from '../names.ts'
import type { ChartModel, ChartSeries } from './chartModel.ts'

import { t } from '@nextcloud/l10n'
import { valueText } from './chartModel.ts'

/**
 * The chart models of the Consolidation view, built from the API's answers. Plain functions,
 * so that the tests can show that the chart, its table and its summary carry the same numbers.
 */

/**
 * Every value of every series, as "category value" pairs: the summary of a small chart.
 *
 * @param categories the categories
 * @param series the series
 */
function listAll(categories: string[], series: ChartSeries[]): string {
	return series.map((s) => (series.length > 1 ? `${s.label}: ` : '')
		+ categories.map((category, index) => `${category} ${valueText(s, index)}`).join(', ')).join('. ')
}

/**
 * The mean of the overall score and of each criterion of one component, as horizontal bars;
 * n shows beside each bar, and means from fewer ratings than the threshold are flagged.
 *
 * @param component the component's results
 * @param names names of components and criteria
 * @param threshold ratings below which a mean is flagged (admin setting)
 */
export function resultsChart(component: ComponentResult, names: ConsolidationNames, threshold: number): ChartModel {
	const stats = [component.overall, ...component.criteria]
	const categories = [
		t('pilotfeedback', 'Overall score'),
		...component.criteria.map((c) => names.criteria[c.criterionId] ?? String(c.criterionId)),
	]
	const series: ChartSeries = {
		label: t('pilotfeedback', 'Mean'),
		values: stats.map((s) => s.mean),
		n: stats.map((s) => s.n),
		low: stats.map((s) => s.n > 0 && s.n < threshold),
	}
	const name = names.components[component.componentId] ?? String(component.componentId)
	return {
		kind: 'bar',
		horizontal: true,
		title: t('pilotfeedback', 'Mean scores of {component}', { component: name }),
		categoryLabel: t('pilotfeedback', 'Criterion'),
		categories,
		series: [series],
		valueKind: 'mean',
		summary: `${t('pilotfeedback', 'Mean scores of {component} on a scale of 1 to 5, from {count} assessments', { component: name, count: component.assessments })}: ${listAll(categories, [series])}.`,
		...(series.low!.some(Boolean) ? { note: t('pilotfeedback', 'Outlined bars and "few ratings" mark means from fewer than {threshold} ratings.', { threshold }) } : {}),
	}
}

/**
 * The month-by-month mean of the overall score and each criterion of one component, one line
 * each; n per month is in the tooltip and the table, and months with few ratings are flagged.
 *
 * @param trend the trend
 * @param componentId the component
 * @param names names of components and criteria
 */
export function trendChart(trend: ConsolidationTrend, componentId: number, names: ConsolidationNames): ChartModel {
	const months = trend.range.months
	const ofComponent = trend.series.filter((s) => s.componentId === componentId)
	// The overall score first, then the criteria in the order of the answer.
	const ordered = [...ofComponent.filter((s) => s.criterionId === null), ...ofComponent.filter((s) => s.criterionId !== null)]
	const series: ChartSeries[] = ordered.map((s) => {
		const byMonth = new Map(s.points.map((p) => [p.month, p]))
		return {
			label: s.criterionId === null ? t('pilotfeedback', 'Overall score') : (names.criteria[s.criterionId] ?? String(s.criterionId)),
			values: months.map((m) => byMonth.get(m)?.mean ?? null),
			n: months.map((m) => byMonth.get(m)?.n ?? 0),
			low: months.map((m) => byMonth.get(m)?.lowN ?? false),
			emphasis: s.criterionId === null,
		}
	})
	const name = names.components[componentId] ?? String(componentId)
	const lines = series.map((s) => {
		const rated = months.map((_, i) => i).filter((i) => s.values[i] !== null)
		if (rated.length === 0) {
			return t('pilotfeedback', '{series}: no ratings', { series: s.label })
		}
		const first = rated[0]!
		const last = rated[rated.length - 1]!
		return first === last
			? `${s.label}: ${months[first]} ${valueText(s, first)}`
			: t('pilotfeedback', '{series}: from {first} in {firstMonth} to {last} in {lastMonth}', {
					series: s.label,
					first: valueText(s, first),
					firstMonth: months[first]!,
					last: valueText(s, last),
					lastMonth: months[last]!,
				})
	})
	const lowMonths = months.filter((_, i) => series.some((s) => s.low?.[i]))
	return {
		kind: 'line',
		title: t('pilotfeedback', 'Trend of {component}', { component: name }),
		categoryLabel: t('pilotfeedback', 'Month'),
		categories: months,
		series,
		valueKind: 'mean',
		summary: `${t('pilotfeedback', 'Mean scores of {component} per month, on a scale of 1 to 5', { component: name })}. ${lines.join('. ')}.`
			+ (lowMonths.length > 0 ? ` ${t('pilotfeedback', 'Months with few ratings: {months}.', { months: lowMonths.join(', ') })}` : ''),
		note: t('pilotfeedback', 'Hollow points and "few ratings" mark months with fewer than {threshold} ratings.', { threshold: trend.lowRatingThreshold }),
	}
}

/** Where a number of filed or closed items leads */
export interface PerMonthLinks {
	/** The items filed in a month */
	filed: (month: string) => RouteLocationRaw
	/** The items closed in a month */
	closed: (month: string) => RouteLocationRaw
}

/**
 * Items filed and closed per month, as grouped bars; each number links to those items.
 *
 * @param overview the items overview
 * @param links where the numbers lead
 */
export function itemsPerMonthChart(overview: ItemsOverview, links: PerMonthLinks): ChartModel {
	const months = overview.perMonth.map((m) => m.month)
	const filed: ChartSeries = {
		label: t('pilotfeedback', 'Filed'),
		values: overview.perMonth.map((m) => m.filed),
		links: months.map(links.filed),
	}
	const closed: ChartSeries = {
		label: t('pilotfeedback', 'Closed'),
		values: overview.perMonth.map((m) => m.closed),
		links: months.map(links.closed),
	}
	const total = (s: ChartSeries): number => s.values.reduce<number>((sum, v) => sum + (v ?? 0), 0)
	return {
		kind: 'bar',
		title: t('pilotfeedback', 'Items filed and closed per month'),
		categoryLabel: t('pilotfeedback', 'Month'),
		categories: months,
		series: [filed, closed],
		valueKind: 'count',
		summary: `${t('pilotfeedback', '{filed} items filed and {closed} closed', { filed: total(filed), closed: total(closed) })}. ${listAll(months, [filed, closed])}.`,
	}
}

/**
 * Testers who rated, of the testers in each organisation's groups, per month: one bar series
 * per organisation.
 *
 * @param participation the participation
 * @param names names of organisations
 */
export function participationChart(participation: Participation, names: ConsolidationNames): ChartModel {
	const months = participation.range.months
	const organisationIds = [...new Set(participation.rows.map((r) => r.organisationId))]
	const series: ChartSeries[] = organisationIds.map((id) => {
		const byMonth = new Map(participation.rows.filter((r) => r.organisationId === id).map((r) => [r.month, r]))
		return {
			label: names.organisations[id] ?? String(id),
			values: months.map((m) => byMonth.get(m)?.testersWithAssessment ?? 0),
			of: months.map((m) => byMonth.get(m)?.testers ?? 0),
		}
	})
	return {
		kind: 'bar',
		title: t('pilotfeedback', 'Testers who rated, per month'),
		categoryLabel: t('pilotfeedback', 'Month'),
		categories: months,
		series,
		valueKind: 'count',
		summary: `${t('pilotfeedback', 'Testers who rated of the testers in the organisation')}. ${listAll(months, series)}.`,
	}
}
