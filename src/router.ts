import type { RouteLocationNormalized, RouteLocationRaw, Router, RouteRecordRaw } from 'vue-router'

import { t } from '@nextcloud/l10n'
import { generateUrl } from '@nextcloud/router'
import { createRouter, createWebHistory } from 'vue-router'
import MonthView from './views/MonthView.vue'
import { focusViewHeading } from './utils/viewFocus.ts'

/**
 * The rating sheet opened on one component, as the start page links to it
 * (/rate?component=3&pilot=1): the sheet shows that component in that pilot (without
 * pilot: in the first that holds it), and the address drops the query,
 * which the sheet does not follow when another component is chosen.
 *
 * @param to the route to the rating sheet
 */
export async function openComponentToRate(to: Pick<RouteLocationNormalized, 'query'>): Promise<true | RouteLocationRaw> {
	const raw = to.query.component
	if (raw === undefined) {
		return true
	}
	const id = Number(raw)
	if (typeof raw === 'string' && Number.isInteger(id) && id > 0) {
		// ?pilot= names the pilot of a component that is in several
		const pilot = Number(to.query.pilot)
		const { useRatingsStore } = await import('./stores/ratings.ts')
		useRatingsStore().selectComponent(id, Number.isInteger(pilot) && pilot > 0 ? pilot : null)
	}
	return { name: 'rate', replace: true }
}

/**
 * The routes of the main app; views other than the start page load on demand. meta.title
 * names the view. The start page is the month's to-do (it was the catalogue, now at
 * /catalogue: links to / open the start page, whose navigation leads to the catalogue).
 */
export const routes: RouteRecordRaw[] = [
	{ path: '/', name: 'month', component: MonthView, meta: { title: () => t('pilotfeedback', 'This month') } },
	{ path: '/catalogue', name: 'catalogue', component: () => import('./views/CatalogueView.vue'), meta: { title: () => t('pilotfeedback', 'Catalogue') } },
	{ path: '/rate', name: 'rate', component: () => import('./views/RateView.vue'), beforeEnter: openComponentToRate, meta: { title: () => t('pilotfeedback', 'Rate') } },
	{ path: '/items', name: 'items', component: () => import('./views/ItemListView.vue'), meta: { title: () => t('pilotfeedback', 'Items') } },
	{ path: '/items/new', name: 'item-new', component: () => import('./views/ItemNewView.vue'), meta: { title: () => t('pilotfeedback', 'New item') } },
	{
		path: '/items/:id(\\d+)',
		name: 'item-detail',
		component: () => import('./views/ItemDetailView.vue'),
		props: (route: RouteLocationNormalized) => ({ id: Number(route.params.id) }),
		meta: { title: (route: Pick<RouteLocationNormalized, 'params'>) => t('pilotfeedback', 'Item #{id}', { id: String(route.params.id) }) },
	},
	{ path: '/coordination', name: 'coordination', component: () => import('./views/CoordinationView.vue'), meta: { title: () => t('pilotfeedback', 'Coordination') } },
	{ path: '/consolidation', name: 'consolidation', component: () => import('./views/ConsolidationView.vue'), meta: { title: () => t('pilotfeedback', 'Consolidation') } },
	{ path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue'), meta: { title: () => t('pilotfeedback', 'Reports') } },
	{ path: '/accessibility', name: 'accessibility', component: () => import('./views/AccessibilityView.vue'), meta: { title: () => t('pilotfeedback', 'Accessibility') } },
	{ path: '/:unknown(.*)*', redirect: '/' },
]

/** Nextcloud's URL of the app, the base of every route (e.g. /index.php/apps/pilotfeedback). */
export function routerBase(): string {
	return generateUrl('/apps/pilotfeedback')
}

/**
 * The route of an old hash URL ('#/items/3?x=1' → '/items/3?x=1'), or null when the hash is
 * no route (an anchor such as the skip link's '#app-content-vue', or none).
 *
 * @param hash location.hash
 */
export function pathFromLegacyHash(hash: string): string | null {
	return hash.startsWith('#/') ? hash.slice(1) : null
}

/**
 * The document title of a view: "Items – Pilot Feedback – Nextcloud".
 *
 * @param route the route shown
 * @param product the name of the Nextcloud (theming)
 */
export function documentTitle(route: Pick<RouteLocationNormalized, 'meta' | 'params'>, product = 'Nextcloud'): string {
	const title = route.meta.title as ((route: Pick<RouteLocationNormalized, 'params'>) => string) | undefined
	const app = t('pilotfeedback', 'Pilot Feedback')
	return title === undefined ? `${app} – ${product}` : `${title(route)} – ${app} – ${product}`
}

/**
 * After every change of view (not of the query or the anchor alone): the document title
 * names the view, and focus moves to the view's heading, so that a screen reader announces
 * the new view and the next Tab starts in it.
 *
 * @param router the app's router
 */
export function announceViews(router: Router): void {
	const product = (window as { OC?: { theme?: { name?: string } } }).OC?.theme?.name ?? 'Nextcloud'
	router.afterEach((to, from, failure) => {
		if (failure) {
			return
		}
		document.title = documentTitle(to, product)
		// the first view of the page too (from is the start location, which matches nothing)
		if (to.path !== from.path || from.matched.length === 0) {
			focusViewHeading()
		}
	})
}

/**
 * Create the router of the main app: history mode below Nextcloud's URL of the app, as
 * Nextcloud's apps do (PageController serves every path below it). An old hash URL
 * (#/items) is replaced by its path first.
 */
export function createAppRouter(): Router {
	const base = routerBase()
	const legacy = pathFromLegacyHash(window.location.hash)
	if (legacy !== null) {
		window.history.replaceState(window.history.state, '', base + legacy)
	}
	const router = createRouter({ history: createWebHistory(base), routes })
	announceViews(router)
	return router
}
