import { afterEach, describe, expect, it } from 'vitest'
import { focusViewHeading } from '../../../src/utils/viewFocus.ts'

describe('focusViewHeading', () => {
	afterEach(() => {
		document.body.innerHTML = ''
	})

	it('focuses the view\'s heading, focusable by script only', async () => {
		document.body.innerHTML = '<nav><a href="#">Items</a></nav><main id="app-content-vue"><div><h2>Items</h2><button>Filter</button></div></main>'
		expect(await focusViewHeading()).toBe(true)
		const heading = document.querySelector('h2')!
		expect(document.activeElement).toBe(heading)
		expect(heading.getAttribute('tabindex')).toBe('-1')
	})

	it('waits for a view that renders its heading later', async () => {
		document.body.innerHTML = '<main id="app-content-vue"></main>'
		const focused = focusViewHeading()
		setTimeout(() => {
			document.getElementById('app-content-vue')!.innerHTML = '<h2>New item</h2>'
		}, 50)
		expect(await focused).toBe(true)
		expect(document.activeElement?.textContent).toBe('New item')
	})

	it('leaves focus where the user put it meanwhile', async () => {
		document.body.innerHTML = '<main id="app-content-vue"><input id="search"></main>'
		const focused = focusViewHeading(500)
		document.getElementById('search')!.focus()
		document.getElementById('app-content-vue')!.insertAdjacentHTML('afterbegin', '<h2>Items</h2>')
		expect(await focused).toBe(false)
		expect(document.activeElement?.id).toBe('search')
	})
})
