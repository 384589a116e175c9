import type { ComponentResult, ConsolidationResults } from '../../../../src/types/index.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ResultsTable from '../../../../src/components/consolidation/ResultsTable.vue'

/**
 * A component's result with the given overall figures and one criterion.
 *
 * @param componentId the component
 * @param mean the overall mean
 * @param n the overall n
 */
function component(componentId: number, mean: number | null, n: number): ComponentResult {
	return {
		componentId,
		assessments: n + 1,
		overall: { mean, n, sum: Math.round((mean ?? 0) * n), distribution: n === 0 ? [0, 0, 0, 0, 0] : [0, 0, 1, n - 1, 0], notAssessed: 1 },
		criteria: [{ criterionId: 7, mean: 2.5, n: 2, sum: 5, distribution: [0, 1, 1, 0, 0], notAssessed: 0 }],
	}
}

const results: ConsolidationResults = {
	pilotId: 1,
	range: { from: '2026-01', to: '2026-01', months: ['2026-01'] },
	releasedOnly: false,
	components: [component(3, 3.67, 3)],
	organisations: [{ organisationId: 9, components: [component(3, null, 0)] }],
}
const names = { components: { 3: 'Files' }, criteria: { 7: 'Usability' }, organisations: { 9: 'BSH' } }

/**
 * The cells of the table's body, row by row.
 *
 * @param wrapper the mounted table
 */
function cells(wrapper: ReturnType<typeof mount>): string[][] {
	return wrapper.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))
}

describe('ResultsTable', () => {
	it('shows every figure across all organisations', () => {
		const wrapper = mount(ResultsTable, { props: { results, names, threshold: 3 } })
		expect(wrapper.find('caption').text()).toContain('Files')
		expect(wrapper.find('caption').text()).toContain('4 assessments')
		expect(cells(wrapper)).toEqual([
			['Overall score', '3.67', '3', '0', '0', '1', '2', '0', '1'],
			['Usability', '2.50', '2', '0', '1', '1', '0', '0', '0'],
		])
	})

	it('shows an organisation\'s breakdown when picked, with a dash for no ratings', async () => {
		const wrapper = mount(ResultsTable, { props: { results, names, threshold: 3 } })
		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', { id: 9, label: 'BSH' })
		await flushPromises()
		expect(cells(wrapper)[0]).toEqual(['Overall score', '–', '0', '0', '0', '0', '0', '0', '1'])
	})
})
