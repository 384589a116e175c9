import type { Item } from '../../../../src/types/index.ts'

import { createTestingPinia } from '@pinia/testing'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ItemCardList from '../../../../src/components/items/ItemCardList.vue'

/**
 * An item as the list returns it.
 *
 * @param fields what differs from the default item
 */
function item(fields: Partial<Item> = {}): Item {
	return {
		id: 7,
		type: 'defect',
		title: 'Upload stalls',
		priority: 'medium',
		consolidatedPriority: null,
		status: 'in_review',
		organisationId: 1,
		componentId: 3,
		createdAt: Date.UTC(2026, 2, 14, 12) / 1000,
		supportCount: 2,
		...fields,
	} as Item
}

/**
 * The facts of a card as "term: definition".
 *
 * @param card the card
 */
function facts(card: ReturnType<ReturnType<typeof mountCards>['find']>): string[] {
	return card.findAll('.item-card__facts > div').map((fact) => `${fact.find('dt').text()}: ${fact.find('dd').text().replace(/\s+/g, ' ')}`)
}

/**
 * The cards mounted with a catalogue that names organisation 1.
 *
 * @param props the list's props
 */
function mountCards(props: Record<string, unknown>) {
	return mount(ItemCardList, {
		props: props as { items: Item[] },
		global: {
			plugins: [createTestingPinia({
				createSpy: vi.fn,
				initialState: {
					'pilotfeedback-catalogue': {
						catalogue: {
							pilots: [],
							criteria: [],
							periods: [],
							components: [{ id: 3, name: 'Mail client' }],
							organisations: [{ id: 1, name: 'Robert Koch-Institut', shortName: 'RKI' }],
						},
					},
				},
			})],
			stubs: { RouterLink: RouterLinkStub },
		},
	})
}

describe('ItemCardList', () => {
	it('shows per item its type, linked title, status, priority, organisation and supporters', () => {
		const wrapper = mountCards({ items: [item(), item({ id: 8, title: 'Second', supportCount: 1 })] })
		const cards = wrapper.findAll('li.item-card')
		expect(cards).toHaveLength(2)
		expect(cards[0]!.find('.item-card__type').text()).toBe('Defect')
		expect(cards[0]!.find('.item-card__status').text()).toBe('Status: In review')
		expect(facts(cards[0]!)).toEqual(['Priority: Medium', 'Organisation: RKI', 'Support: 2 supporters'])
		expect(facts(cards[1]!)).toContain('Support: 1 supporter')
		const link = cards[0]!.findComponent(RouterLinkStub)
		expect(link.props('to')).toBe('/items/7')
		expect(link.text()).toBe('Upload stalls')
	})

	it('shows the consolidated priority and the reported one where they differ', () => {
		const card = mountCards({ items: [item({ priority: 'low', consolidatedPriority: 'critical' })] }).find('li')
		expect(facts(card)[0]).toBe('Priority: Critical (reported: Low)')
	})

	it('marks security findings as confidential', () => {
		const wrapper = mountCards({ items: [item({ type: 'security' })] })
		expect(wrapper.find('.item-card__type').text().replace(/\s+/g, ' ')).toBe('Security finding (Confidential)')
	})

	it('offers selection only when selectable, and reports it', async () => {
		expect(mountCards({ items: [item()] }).findAll('input[type="checkbox"]')).toHaveLength(0)

		const wrapper = mountCards({ items: [item(), item({ id: 8, title: 'Second' })], selectable: true, selected: [8] })
		const boxes = wrapper.findAll('input[type="checkbox"]')
		expect(boxes).toHaveLength(2)
		expect(wrapper.findAll('.item-card--selected')).toHaveLength(1)
		await boxes[0]!.setValue(true)
		expect(wrapper.emitted('update:selected')?.at(-1)).toEqual([[8, 7]])
	})
})
