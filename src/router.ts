import type { RouteLocationNormalized } from 'vue-router'

import { createRouter, createWebHashHistory } from 'vue-router'
import CatalogueView from './views/CatalogueView.vue'

/** The routes of the main app; views other than the start page load on demand */
export const routes = [
	{ path: '/', name: 'catalogue', component: CatalogueView },
	{ path: '/rate', name: 'rate', component: () => import('./views/RateView.vue') },
	{ path: '/items', name: 'items', component: () => import('./views/ItemListView.vue') },
	{ path: '/items/new', name: 'item-new', component: () => import('./views/ItemNewView.vue') },
	{
		path: '/items/:id(\\d+)',
		name: 'item-detail',
		component: () => import('./views/ItemDetailView.vue'),
		props: (route: RouteLocationNormalized) => ({ id: Number(route.params.id) }),
	},
	{ path: '/coordination', name: 'coordination', component: () => import('./views/CoordinationView.vue') },
	{ path: '/consolidation', name: 'consolidation', component: () => import('./views/ConsolidationView.vue') },
	{ path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
	{ path: '/:unknown(.*)*', redirect: '/' },
]

/**
 * Create the router of the main app (hash history, so Nextcloud's page route needs no catch-all).
 */
export function createAppRouter() {
	return createRouter({ history: createWebHashHistory(), routes })
}
