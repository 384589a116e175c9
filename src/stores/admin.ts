import type { Criterion, CriterionPayload } from '../types/index.ts'

import * as componentsApi from '../api/components.ts'
import * as criteriaApi from '../api/criteria.ts'
import * as organisationsApi from '../api/organisations.ts'
import * as pilotsApi from '../api/pilots.ts'
import { defineAdminResourceStore } from './adminResource.ts'

/** Pilots as the administrator manages them */
export const useAdminPilotsStore = defineAdminResourceStore('pilotfeedback-admin-pilots', {
	fetchAll: pilotsApi.fetchPilots,
	create: pilotsApi.createPilot,
	update: pilotsApi.updatePilot,
	archive: pilotsApi.archivePilot,
	restorePayload: (pilot) => ({ status: pilot.status }),
})

/** Components as the administrator manages them */
export const useAdminComponentsStore = defineAdminResourceStore('pilotfeedback-admin-components', {
	fetchAll: componentsApi.fetchComponents,
	create: componentsApi.createComponent,
	update: componentsApi.updateComponent,
	archive: componentsApi.archiveComponent,
	restorePayload: (component) => ({ category: component.category }),
})

/** Rating criteria as the administrator manages them */
export const useAdminCriteriaStore = defineAdminResourceStore<Criterion, CriterionPayload>('pilotfeedback-admin-criteria', {
	fetchAll: criteriaApi.fetchCriteria,
	create: criteriaApi.createCriterion,
	update: criteriaApi.updateCriterion,
	archive: criteriaApi.archiveCriterion,
	restorePayload: () => ({}),
})

/** Test organisations as the administrator manages them */
export const useAdminOrganisationsStore = defineAdminResourceStore('pilotfeedback-admin-organisations', {
	fetchAll: organisationsApi.fetchOrganisations,
	create: organisationsApi.createOrganisation,
	update: organisationsApi.updateOrganisation,
	archive: organisationsApi.archiveOrganisation,
})
