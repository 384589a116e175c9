/**
 * The Consolidation view in Chromium: the consolidator opens it from the navigation with
 * filters in the URL and reads the figures of ratings made through the API; a chart's "show as
 * table" switch shows the numbers the API returns; a number of the items overview leads to an
 * item list with that many items; a BSH coordinator can pick only BSH's breakdown; a tester
 * has no such entry.
 */
import type { Locator } from 'playwright-core'
import type { Period, Seed } from '../integration/setup/fixtures.ts'
import type { Session } from './helpers.ts'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createItem, expectApi, freshPeriod, seed } from '../integration/setup/fixtures.ts'
import { openApp, openAs, screenshotIfFailed } from './helpers.ts'

let s: Seed
let period: Period
let session: Session | undefined
let pilotId: number
let componentName: string
let criterionName: string

/** The results answer, as far as these tests read it */
interface Stats { mean: number | null, n: number }
interface Results { components: { componentId: number, overall: Stats, criteria: (Stats & { criterionId: number })[] }[] }
interface Trend { lowRatingThreshold: number, series: { componentId: number, criterionId: number | null, points: (Stats & { month: string })[] }[] }

/**
 * A mean as the chart's table writes it: "3.50 (n = 2)", flagged when from few ratings.
 *
 * @param stats the mean and n
 * @param threshold ratings below which a mean is flagged
 */
function meanText(stats: Stats, threshold: number): string {
	const mean = stats.mean === null ? '–' : stats.mean.toFixed(2)
	return stats.n > 0 && stats.n < threshold ? `${mean} (n = ${stats.n}, few ratings)` : `${mean} (n = ${stats.n})`
}

/**
 * The body of a table as text, row by row.
 *
 * @param table the table
 */
async function tableTexts(table: Locator): Promise<string[][]> {
	const rows: string[][] = []
	for (const row of await table.locator('tbody tr').all()) {
		rows.push((await row.locator('th, td').allInnerTexts()).map((x) => x.trim()))
	}
	return rows
}

/** The pilot of the ratings */
function ratedPilot(): Seed['activePilots'][number] {
	return s.activePilots[0]!
}

beforeAll(async () => {
	s = await seed()
	period = await freshPeriod()
	const pilot = s.activePilots[0]
	pilotId = pilot.id
	const componentId = pilot.componentIds[0]
	componentName = s.catalogue.components.find((c) => c.id === componentId)!.name
	criterionName = s.criteria[0].name
	// Overall 5, 2 and 4: mean 3.67 over three ratings; the criterion 4 and 3: 3.50.
	for (const [user, overall, score] of [['rki-tester1', 5, 4], ['rki-tester2', 2, 3], ['bsh-tester1', 4, null]] as const) {
		await expectApi(200, user, 'PUT', `/ratings/${period.id}/${componentId}`, { overall, comment: '', scores: [{ criterionId: s.criteria[0].id, score }] })
	}
})

afterAll(async () => {
	if (period !== undefined) {
		await api('admin', 'PUT', `/periods/${period.id}`, { status: 'closed' })
	}
})

afterEach(async (context) => {
	await screenshotIfFailed(context, session)
	await session?.context.close()
	session = undefined
})

describe('Consolidation view', () => {
	it('bmi reads the figures of a month, kept in the URL', async () => {
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${pilotId}&kind=month&from=${period.month}`)
		await page.getByRole('heading', { level: 2, name: 'Consolidation' }).waitFor()
		await page.getByRole('link', { name: 'Consolidation' }).waitFor()
		const table = page.locator('table').filter({ has: page.locator('caption', { hasText: componentName }) }).first()
		await table.waitFor()
		await expect.poll(() => table.locator('caption').innerText()).toContain('3 assessments')
		const overall = table.getByRole('row', { name: /Overall score/ })
		expect((await overall.locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['3.67', '3', '0', '1', '0', '1', '1', '0'])
		const criterion = table.getByRole('row', { name: new RegExp(criterionName) })
		expect((await criterion.locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['3.50', '2', '0', '0', '1', '1', '0', '1'])
	})

	it('bmi: a chart shown as a table has the numbers the API returns', async () => {
		const query = `pilotId=${pilotId}&month=${period.month}`
		const results = await expectApi<Results>(200, 'bmi', 'GET', `/consolidation/results?${query}`)
		const trend = await expectApi<Trend>(200, 'bmi', 'GET', `/consolidation/trend?${query}`)
		const threshold = trend.lowRatingThreshold
		const component = results.components.find((c) => c.componentId === ratedPilot().componentIds[0])!
		const criterionNames = new Map(s.catalogue.criteria.map((c) => [c.id, c.name]))
		const expected = [
			['Overall score', meanText(component.overall, threshold)],
			...component.criteria.map((c) => [criterionNames.get(c.criterionId)!, meanText(c, threshold)]),
		]
		// The figures of the ratings above, whatever the threshold
		expect(expected[0]![1]).toMatch(/^3\.67 \(n = 3/)
		expect(expected.find(([name]) => name === criterionName)![1]).toMatch(/^3\.50 \(n = 2/)

		session = await openAs('bmi')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${pilotId}&kind=month&from=${period.month}`)
		const figure = page.locator('.chart-figure').filter({ has: page.getByRole('heading', { name: `Mean scores of ${componentName}`, exact: true }) })
		// The chart: an image named by its title, described by the summary with the same figures
		const canvas = figure.getByRole('img', { name: `Mean scores of ${componentName}` })
		await canvas.waitFor()
		const summary = page.locator(`[id="${await canvas.getAttribute('aria-describedby')}"]`)
		expect(await summary.textContent()).toContain(`Overall score ${expected[0]![1]}`)

		await figure.getByText('Show as table').click()
		const table = figure.getByRole('table')
		await table.waitFor()
		expect(await figure.getByRole('img').count()).toBe(0)
		expect(await tableTexts(table)).toEqual(expected)

		// The trend of the component, as a table: this month's overall score
		const series = trend.series.find((x) => x.componentId === component.componentId && x.criterionId === null)!
		const point = series.points.find((p) => p.month === period.month)!
		const trendFigure = page.locator('.chart-figure').filter({ has: page.getByRole('heading', { name: `Trend of ${componentName}`, exact: true }) })
		await trendFigure.getByText('Show as table').click()
		const trendRows = await tableTexts(trendFigure.getByRole('table'))
		expect(trendRows[0]!.slice(0, 2)).toEqual([period.month, meanText(point, threshold)])
	})

	it('a number of the items overview leads to an item list with that many items', async () => {
		// The links carry the item list's filters (docs/api.md, "Item list filters": pilotId,
		// comma lists, filed and closed months). A server that ignored them would answer the
		// whole list: a pilot that does not exist must select nothing.
		const probe = await expectApi<{ total: number }>(200, 'bmi', 'GET', '/items?pilotId=999999999&limit=1')
		expect(probe.total, 'GET /items ignores the pilotId filter').toBe(0)
		const item = await createItem('rki-tester1', s, { title: `Overview link ${Date.now()}`, priority: 'high' })
		const month = new Date(Date.now()).toISOString().slice(0, 7)
		session = await openAs('bmi')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${item.pilotId}&kind=month&from=${month}`)
		const heading = page.getByRole('heading', { name: 'Items by type, priority and status' })
		await heading.waitFor()

		// A count of the table by component, type, priority and status
		const count = page.locator('.items-overview table').last().locator('tbody a').first()
		const number = Number((await count.innerText()).trim())
		expect(number).toBeGreaterThan(0)
		await count.click()
		await expect.poll(() => page.locator('.item-list-view__total').innerText(), { timeout: 20_000 }).toBe(number === 1 ? '1 item' : `${number} items`)

		// Items filed this month, from the chart's table
		await openApp(page, `#/consolidation?pilot=${item.pilotId}&kind=month&from=${month}`)
		const figure = page.locator('.chart-figure').filter({ has: page.getByRole('heading', { name: 'Items filed and closed per month' }) })
		await figure.getByText('Show as table').click()
		const filed = figure.getByRole('table').locator('tbody tr').first().locator('td a').first()
		const filedNumber = Number((await filed.innerText()).trim())
		expect(filedNumber).toBeGreaterThan(0)
		await filed.click()
		await expect.poll(() => page.locator('.item-list-view__total').innerText(), { timeout: 20_000 }).toBe(filedNumber === 1 ? '1 item' : `${filedNumber} items`)
	})

	it('bsh-coord can pick the figure across all organisations and BSH, never RKI', async () => {
		session = await openAs('bsh-coord')
		const { page } = session
		await openApp(page, `#/consolidation?pilot=${pilotId}&kind=month&from=${period.month}`)
		await page.getByRole('heading', { name: 'Ratings' }).waitFor()
		await page.getByRole('combobox', { name: 'Figures for' }).first().click()
		const options = await page.getByRole('option').allTextContents()
		expect(options.map((o) => o.trim())).toEqual(['All organisations', 'BSH'])
		await page.keyboard.press('Escape')
		// The items overview offers the same two, and participation has BSH's rows only
		await page.getByRole('combobox', { name: 'Figures for' }).last().click()
		const itemOptions = await page.getByRole('option').allTextContents()
		expect(itemOptions.map((o) => o.trim())).toEqual(['All organisations', 'BSH'])
		await page.keyboard.press('Escape')
		const participation = page.locator('.participation-table table')
		const organisations = await participation.locator('tbody tr th').allInnerTexts()
		expect(organisations.length).toBeGreaterThan(0)
		expect(new Set(organisations.map((o) => o.trim()))).toEqual(new Set(['BSH']))
	})

	it('a tester has no Consolidation entry', async () => {
		session = await openAs('rki-tester1')
		const { page } = session
		await openApp(page, '#/')
		await page.getByRole('link', { name: 'Rate' }).waitFor()
		expect(await page.getByRole('link', { name: 'Consolidation' }).count()).toBe(0)
	})
})
