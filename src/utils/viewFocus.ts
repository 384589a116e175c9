import { nextTick } from 'vue'

/** The selector of a view's heading inside the app's content. */
export const VIEW_HEADING = '#app-content-vue h2, #app-content-vue h1'

/**
 * Moves focus to the heading of the view that is being shown (focusable by script only:
 * tabindex -1), waiting until the view has rendered it; gives up after `timeout` ms, or
 * when the user moved focus somewhere in the meantime.
 *
 * @param timeout how long to wait for the heading
 */
export async function focusViewHeading(timeout = 3000): Promise<boolean> {
	// the new view renders on the next tick; until then the old heading is in the document
	const before = document.activeElement
	await nextTick()
	const started = performance.now()
	return new Promise((resolve) => {
		const attempt = () => {
			const moved = document.activeElement !== before && document.activeElement !== document.body
			if (moved) {
				resolve(false)
				return
			}
			const heading = document.querySelector<HTMLElement>(VIEW_HEADING)
			if (heading !== null) {
				if (!heading.hasAttribute('tabindex')) {
					heading.setAttribute('tabindex', '-1')
				}
				heading.focus()
				resolve(document.activeElement === heading)
				return
			}
			if (performance.now() - started > timeout) {
				resolve(false)
				return
			}
			requestAnimationFrame(attempt)
		}
		attempt()
	})
}
