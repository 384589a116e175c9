import type { Ref } from 'vue'

import { onBeforeUnmount, ref } from 'vue'

/** Below this width (CSS pixels) the views take their phone layout: cards, folded filters. */
export const NARROW_SCREEN_WIDTH = 600

/**
 * Whether the window is narrower than NARROW_SCREEN_WIDTH, kept up to date while the
 * component that asks lives. Without matchMedia (older test environments) it is false.
 */
export function useNarrowScreen(): Ref<boolean> {
	const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function'
		? window.matchMedia(`(max-width: ${NARROW_SCREEN_WIDTH - 0.02}px)`)
		: null
	const narrow = ref(query?.matches ?? false)
	if (query !== null) {
		const update = (event: MediaQueryListEvent) => {
			narrow.value = event.matches
		}
		query.addEventListener('change', update)
		onBeforeUnmount(() => query.removeEventListener('change', update))
	}
	return narrow
}
