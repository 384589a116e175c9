import { describe, expect, it } from 'vitest'
import { useBreakdownPicker } from '../../../../src/components/consolidation/breakdownPicker.ts'

const names = { components: {}, criteria: {}, organisations: { 1: 'RKI', 2: 'BSH' } }

describe('useBreakdownPicker', () => {
	it('offers all organisations first, then each organisation of the breakdown by name', () => {
		const { options, selected, organisationId } = useBreakdownPicker(() => [1, 2, 9], () => names)
		expect(options.value).toEqual([{ id: 0, label: 'All organisations' }, { id: 1, label: 'RKI' }, { id: 2, label: 'BSH' }, { id: 9, label: '9' }])
		expect(selected.value).toEqual({ id: 0, label: 'All organisations' })
		expect(organisationId.value).toBe(0)
	})

	it('follows the picked organisation', () => {
		const { options, selected, organisationId } = useBreakdownPicker(() => [1, 2], () => names)
		selected.value = options.value[2]!
		expect(organisationId.value).toBe(2)
	})
})
