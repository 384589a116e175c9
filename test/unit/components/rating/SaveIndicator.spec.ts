import { mount } from '@vue/test-utils'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import SaveIndicator from '../../../../src/components/rating/SaveIndicator.vue'

describe('SaveIndicator', () => {
	it('says where the autosave stands, as a status', () => {
		const texts = (['idle', 'saved', 'error', 'conflict'] as const).map((state) => {
			const wrapper = mount(SaveIndicator, { props: { state } })
			expect(wrapper.attributes('role')).toBe('status')
			expect(wrapper.classes()).toContain(`save-indicator--${state}`)
			return wrapper.text()
		})
		expect(texts).toEqual(['', 'Saved', 'Not saved, please try again', 'Not saved: changed elsewhere'])
	})

	it('writes its states in Nextcloud\'s text colours, not in the element colours (3:1 only)', () => {
		const source = readFileSync(join(__dirname, '../../../../src/components/rating/SaveIndicator.vue'), 'utf8')
		const style = source.slice(source.indexOf('<style'))
		const colours = [...style.matchAll(/color:\s*([^;]+);/g)].map((match) => match[1])
		expect(colours).toContain('var(--color-text-success, var(--color-success-text))')
		expect(colours).toContain('var(--color-text-error, var(--color-error-text))')
		expect(colours.filter((colour) => colour!.includes('--color-element-'))).toEqual([])
	})
})
