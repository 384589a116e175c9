import type { Component } from '../../../../src/types/index.ts'

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ComponentSheet from '../../../../src/components/rating/ComponentSheet.vue'

const onlyoffice = { id: 3, name: 'OnlyOffice', category: 'weboffice', product: 'ONLYOFFICE Docs', description: '', archived: false, pilotIds: [1, 3] } as unknown as Component

/**
 * The sheet of OnlyOffice in a pilot, with the next component named.
 *
 * @param pilotTitle the pilot the sheet names
 * @param nextName the next component as the view names it
 */
function mountSheet(pilotTitle: string, nextName: string | null) {
	return mount(ComponentSheet, {
		props: {
			component: onlyoffice,
			pilotTitle,
			criteria: [],
			assessment: null,
			edit: null,
			previous: null,
			state: 'unrated',
			showDescriptions: false,
			readonly: false,
			saveState: 'idle',
			conflict: null,
			generation: 0,
			nextName,
		},
	})
}

describe('ComponentSheet', () => {
	it('names the pilot it rates in and the next component as they are written, "&" included', () => {
		const wrapper = mountSheet('PoC 1 File-Sharing & WebOffice', 'Jitsi in PoC 2 Audio & Video')
		expect(wrapper.text()).toContain('in PoC 1 File-Sharing & WebOffice')
		expect(wrapper.text()).toContain('Next: Jitsi in PoC 2 Audio & Video')
		expect(wrapper.html()).not.toContain('&amp;amp;')
		expect(wrapper.text()).not.toContain('&amp;')
	})

	it('names no pilot when the sheet has only one', () => {
		expect(mountSheet('', null).text()).not.toMatch(/\bin PoC/)
	})
})
