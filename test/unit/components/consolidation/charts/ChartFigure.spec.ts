import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import NcCheckboxRadioSwitch from '@nextcloud/vue/components/NcCheckboxRadioSwitch'
import ChartFigure from '../../../../../src/components/consolidation/charts/ChartFigure.vue'
import { itemsPerMonthChart, resultsChart } from '../../../../../src/components/consolidation/charts/consolidationCharts.ts'
import { component, names, overview } from './fixtures.ts'

// The canvas needs a real browser; here it is a stand-in that shows what it was given.
vi.mock('../../../../../src/components/consolidation/charts/ChartCanvas.vue', async () => {
	const { defineComponent, h } = await import('vue')
	return {
		__esModule: true,
		default: defineComponent({
			props: { model: { type: Object, required: true }, describedBy: { type: String, required: true } },
			setup: (props) => () => h('canvas', { role: 'img', 'aria-label': (props.model as { title: string }).title, 'aria-describedby': props.describedBy }),
		}),
	}
})

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/items', name: 'items', component: { template: '<div />' } }, { path: '/', component: { template: '<div />' } }] })

/**
 * Mounts a figure for a model.
 *
 * @param model the model
 */
async function mountFigure(model: ReturnType<typeof resultsChart>) {
	const wrapper = mount(ChartFigure, { props: { model }, global: { plugins: [router] } })
	await flushPromises()
	return wrapper
}

describe('ChartFigure', () => {
	it('shows the chart, named by its title and described by the summary', async () => {
		const wrapper = await mountFigure(resultsChart(component, names, 3))
		expect(wrapper.find('h4').text()).toBe('Mean scores of Files')
		const canvas = wrapper.find('canvas')
		expect(canvas.attributes('aria-label')).toBe('Mean scores of Files')
		const summary = wrapper.find(`#${canvas.attributes('aria-describedby')}`)
		expect(summary.text()).toContain('Overall score 3.67 (n = 3)')
		expect(summary.classes()).toContain('hidden-visually')
		expect(wrapper.find('table').exists()).toBe(false)
	})

	it('shows the same numbers as a table when switched, and the chart again when switched back', async () => {
		const wrapper = await mountFigure(resultsChart(component, names, 3))
		wrapper.findComponent(NcCheckboxRadioSwitch).vm.$emit('update:modelValue', true)
		await flushPromises()
		expect(wrapper.find('canvas').exists()).toBe(false)
		expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Criterion', 'Mean'])
		expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
			['Overall score', '3.67 (n = 3)'],
			['Usability', '2.50 (n = 2, few ratings)'],
			['Stability', '– (n = 0)'],
		])
		wrapper.findComponent(NcCheckboxRadioSwitch).vm.$emit('update:modelValue', false)
		await flushPromises()
		expect(wrapper.find('canvas').exists()).toBe(true)
	})

	it('links the numbers that stand for items', async () => {
		const model = itemsPerMonthChart(overview, {
			filed: (month) => ({ name: 'items', query: { filedFrom: month } }),
			closed: (month) => ({ name: 'items', query: { closedFrom: month } }),
		})
		const wrapper = await mountFigure(model)
		wrapper.findComponent(NcCheckboxRadioSwitch).vm.$emit('update:modelValue', true)
		await flushPromises()
		const links = wrapper.findAll('tbody a')
		expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
			['5', '/items?filedFrom=2026-01'],
			['1', '/items?closedFrom=2026-01'],
			['0', '/items?filedFrom=2026-02'],
			['3', '/items?closedFrom=2026-02'],
		])
	})
})
