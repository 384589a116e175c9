import type { RouteRecordRaw } from 'vue-router'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { announceViews, documentTitle, openComponentToRate, pathFromLegacyHash, routerBase, routes } from '../../src/router.ts'
import { useRatingsStore } from '../../src/stores/ratings.ts'

vi.mock('@nextcloud/router', () => ({ generateUrl: (path: string) => `/index.php${path}` }))

/** A router with the app's routes, views replaced by a heading, in memory. */
function testRouter() {
	const stub = defineComponent({ render: () => h('h2', 'View') })
	const router = createRouter({
		history: createMemoryHistory(),
		routes: routes.map((route) => ('component' in route && route.component ? { ...route, component: stub } : route)) as RouteRecordRaw[],
	})
	announceViews(router)
	return router
}

describe('router', () => {
	afterEach(() => {
		document.title = ''
	})

	it('routes below Nextcloud\'s URL of the app (history mode, not the hash)', () => {
		expect(routerBase()).toBe('/index.php/apps/pilotfeedback')
	})

	it('turns an old hash URL into its path, and leaves anchors such as the skip link alone', () => {
		expect(pathFromLegacyHash('#/items/3?type=defect')).toBe('/items/3?type=defect')
		expect(pathFromLegacyHash('#/')).toBe('/')
		// the skip link's anchor was taken for a route by the hash router
		expect(pathFromLegacyHash('#app-content-vue')).toBeNull()
		expect(pathFromLegacyHash('')).toBeNull()
	})

	it('sets the document title "<View> – Pilot Feedback – Nextcloud" on every view', async () => {
		const router = testRouter()
		await router.push('/items')
		expect(document.title).toBe('Items – Pilot Feedback – Nextcloud')
		await router.push('/items/new')
		expect(document.title).toBe('New item – Pilot Feedback – Nextcloud')
		await router.push('/items/42')
		expect(document.title).toBe('Item #42 – Pilot Feedback – Nextcloud')
		await router.push('/consolidation?pilot=1')
		expect(document.title).toBe('Consolidation – Pilot Feedback – Nextcloud')
	})

	it('names the views in German for a German user', async () => {
		const registry = window as unknown as { _oc_l10n_registry_translations?: Record<string, Record<string, string>>, _oc_l10n_registry_plural_functions?: Record<string, (n: number) => number> }
		const saved = { translations: registry._oc_l10n_registry_translations, plurals: registry._oc_l10n_registry_plural_functions }
		registry._oc_l10n_registry_translations = { pilotfeedback: { Items: 'Meldungen', 'New item': 'Neue Meldung', 'Item #{id}': 'Meldung #{id}', 'Pilot Feedback': 'Pilot Feedback' } }
		registry._oc_l10n_registry_plural_functions = { pilotfeedback: (n: number) => (n === 1 ? 0 : 1) }
		try {
			const router = testRouter()
			await router.push('/items')
			expect(document.title).toBe('Meldungen – Pilot Feedback – Nextcloud')
			await router.push('/items/7')
			expect(document.title).toBe('Meldung #7 – Pilot Feedback – Nextcloud')
		} finally {
			registry._oc_l10n_registry_translations = saved.translations
			registry._oc_l10n_registry_plural_functions = saved.plurals
		}
	})

	it('names every routed view', () => {
		const router = createRouter({ history: createMemoryHistory(), routes })
		for (const path of ['/', '/catalogue', '/rate', '/items', '/items/new', '/items/7', '/coordination', '/consolidation']) {
			expect(documentTitle(router.resolve(path), 'Cloud')).toMatch(/^[^–]+ – Pilot Feedback – Cloud$/)
		}
	})

	it('opens on what to do this month; the catalogue has its own address', () => {
		const router = createRouter({ history: createMemoryHistory(), routes })
		expect(router.resolve('/').name).toBe('month')
		expect(documentTitle(router.resolve('/'), 'Cloud')).toBe('This month – Pilot Feedback – Cloud')
		expect(router.resolve('/catalogue').name).toBe('catalogue')
		expect(router.resolve('/somewhere/old').matched[0]?.redirect).toBe('/')
	})

	it('opens the rating sheet on the component of a start page link, and drops the query', async () => {
		setActivePinia(createPinia())
		const ratings = useRatingsStore()
		expect(await openComponentToRate({ query: {} })).toBe(true)
		expect(await openComponentToRate({ query: { component: '4', pilot: '2' } })).toEqual({ name: 'rate', replace: true })
		expect(ratings.selectedKey).toBe('2:4')
		// No component id: the sheet opens as always.
		expect(await openComponentToRate({ query: { component: 'x' } })).toEqual({ name: 'rate', replace: true })
		expect(ratings.selectedKey).toBe('2:4')
	})
})
