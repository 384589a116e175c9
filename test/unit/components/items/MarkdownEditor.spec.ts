// @vitest-environment jsdom
// DOMPurify does not support happy-dom (cure53/DOMPurify#1457): the rendered preview needs a real DOM.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MarkdownEditor from '../../../../src/components/items/MarkdownEditor.vue'

/**
 * Mount the editor with a source and switch to the preview.
 *
 * @param source the Markdown text
 * @param topHeading the level of a # heading
 */
async function preview(source: string, topHeading?: number) {
	const wrapper = mount(MarkdownEditor, { props: { modelValue: source, label: 'New comment', ...(topHeading ? { topHeading } : {}) } })
	await wrapper.findAll('button').find((button) => button.text() === 'Preview')!.trigger('click')
	return wrapper
}

describe('MarkdownEditor', () => {
	it('writes in a text area until the preview is asked for', async () => {
		const wrapper = mount(MarkdownEditor, { props: { modelValue: '**bold**', label: 'New comment' } })
		expect(wrapper.find('textarea').exists()).toBe(true)
		expect(wrapper.find('.markdown-text').exists()).toBe(false)
		await wrapper.find('textarea').setValue('*new*')
		expect(wrapper.emitted('update:modelValue')).toEqual([['*new*']])
	})

	it('previews the text rendered and sanitised, headings below the page heading', async () => {
		const wrapper = await preview('## Steps\n\n**bold** [log](https://example.org/log) <img src=x onerror="alert(1)">')
		expect(wrapper.find('textarea').exists()).toBe(false)
		expect(wrapper.find('.markdown-text h4').text()).toBe('Steps')
		expect(wrapper.find('.markdown-text strong').text()).toBe('bold')
		expect(wrapper.find('.markdown-text a').attributes('href')).toBe('https://example.org/log')
		expect(wrapper.find('.markdown-text img').exists()).toBe(false)
		expect(wrapper.find('.markdown-text').text()).toContain('<img src=x onerror="alert(1)">')
	})

	it('starts the headings where the text will be shown', async () => {
		const wrapper = await preview('# Note', 4)
		expect(wrapper.find('.markdown-text h4').text()).toBe('Note')
	})

	it('says when there is nothing to preview', async () => {
		const wrapper = await preview('  ')
		expect(wrapper.text()).toContain('Nothing to preview yet.')
	})
})
