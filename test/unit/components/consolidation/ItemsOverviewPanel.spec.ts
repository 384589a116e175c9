import type { ItemsOverview } from '../../../../src/types/index.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import ItemsOverviewPanel from '../../../../src/components/consolidation/ItemsOverviewPanel.vue'
import { fetchItemsOverview, fetchParticipation, fetchResults, fetchTrend } from '../../../../src/api/consolidation.ts'
import { useConsolidationStore } from '../../../../src/stores/consolidation.ts'
import { deferred } from '../../stores/deferred.ts'

vi.mock('../../../../src/api/consolidation.ts', () => ({
	fetchResults: vi.fn(),
	fetchTrend: vi.fn(),
	fetchParticipation: vi.fn(),
	fetchItemsOverview: vi.fn(),
}))

const range = { from: '2026-01', to: '2026-01', months: ['2026-01'] }
const overview: ItemsOverview = {
	pilotId: 1,
	range,
	counts: [{ componentId: 3, type: 'defect', priority: 'high', status: 'new', count: 7 }],
	organisationIds: [9],
	openUrgent: [],
	perMonth: [{ month: '2026-01', filed: 7, closed: 0 }],
	ranking: [],
	rankingWeights: { low: 1, medium: 2, high: 4, critical: 8 },
}
const names = { components: { 3: 'Files' }, criteria: {}, organisations: { 9: 'BSH' } }

/**
 * The cells of the counts table (the last table), row by row.
 *
 * @param wrapper the mounted panel
 */
function counts(wrapper: ReturnType<typeof mount>): string[][] {
	const tables = wrapper.findAll('table')
	return tables[tables.length - 1]!.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()))
}

/**
 * The picker's options and picked option.
 *
 * @param wrapper the mounted panel
 */
function picker(wrapper: ReturnType<typeof mount>): { options: unknown, modelValue: unknown } {
	return wrapper.findComponent(NcSelect).props() as { options: unknown, modelValue: unknown }
}

describe('ItemsOverviewPanel', () => {
	beforeEach(async () => {
		setActivePinia(createPinia())
		vi.mocked(fetchResults).mockReset().mockResolvedValue({ pilotId: 1, range, releasedOnly: false, components: [], organisations: [] })
		vi.mocked(fetchTrend).mockReset().mockResolvedValue({ pilotId: 1, range, releasedOnly: false, organisationId: null, lowRatingThreshold: 3, series: [] })
		vi.mocked(fetchParticipation).mockReset().mockResolvedValue({ pilotId: 1, range, releasedOnly: false, componentsInPilot: 1, rows: [] })
		vi.mocked(fetchItemsOverview).mockReset().mockResolvedValue(overview)
		await useConsolidationStore().load({ pilotId: 1, kind: 'month', from: '2026-01', to: '2026-01', releasedOnly: false })
	})

	/** The panel showing the store's overview, as the view mounts it */
	function mountPanel() {
		const store = useConsolidationStore()
		return mount({
			components: { ItemsOverviewPanel },
			setup: () => ({ store, names }),
			template: '<ItemsOverviewPanel v-if="store.items" :overview="store.items" :names="names" />',
		}, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' }, ChartFigure: true } } })
	}

	it('offers the organisations the user may pick and shows the counts across all', () => {
		const wrapper = mountPanel()
		expect(picker(wrapper).options).toEqual([{ id: 0, label: 'All organisations' }, { id: 9, label: 'BSH' }])
		expect(counts(wrapper)).toEqual([['Files', 'Defect', 'High', 'New', '7']])
	})

	it('loads the picked organisation\'s counts and shows them once they arrive', async () => {
		const answer = deferred<ItemsOverview>()
		vi.mocked(fetchItemsOverview).mockReturnValueOnce(answer.promise)
		const wrapper = mountPanel()
		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', { id: 9, label: 'BSH' })
		await flushPromises()
		expect(fetchItemsOverview).toHaveBeenLastCalledWith({ pilotId: 1, month: '2026-01', organisationId: 9 }, expect.any(AbortSignal))
		expect(picker(wrapper).modelValue).toEqual({ id: 9, label: 'BSH' })
		expect(wrapper.text()).toContain('Loading figures …')
		answer.resolve({ ...overview, organisations: [{ organisationId: 9, counts: [{ componentId: 3, type: 'defect', priority: 'high', status: 'new', count: 2 }] }] })
		await flushPromises()
		expect(counts(wrapper)).toEqual([['Files', 'Defect', 'High', 'New', '2']])

		wrapper.findComponent(NcSelect).vm.$emit('update:modelValue', { id: 0, label: 'All organisations' })
		await flushPromises()
		expect(counts(wrapper)).toEqual([['Files', 'Defect', 'High', 'New', '7']])
	})
})
