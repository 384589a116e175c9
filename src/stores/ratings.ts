import type { Assessment, AssessmentPayload, RatingSheet } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { AssessmentConflictError, fetchRatingSheet, saveAssessment } from '../api/ratings.ts'
import { ratingState } from '../components/rating/ratingState.ts'

/** Where the autosave of one component's assessment stands. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict'

/** A save refused because the assessment changed elsewhere: what the user typed and what is stored. */
export interface RatingConflict {
	/** What the user typed, not saved */
	mine: AssessmentPayload
	/** The assessment as it is stored now (null: none) */
	theirs: Assessment | null
	/** The server's message */
	message: string
}

/** Milliseconds of quiet after the last edit before an assessment is saved. */
export const AUTOSAVE_DELAY_MS = 800

export const useRatingsStore = defineStore('pilotfeedback-ratings', () => {
	/** The loaded rating sheet; null before the first load */
	const sheet = ref<RatingSheet | null>(null)
	/** True while the sheet is being loaded */
	const loading = ref(false)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)
	/** Autosave state per component id */
	const saveStates = ref<Record<number, SaveState>>({})
	/** Refused saves per component id, until the user chooses theirs or mine */
	const conflicts = ref<Record<number, RatingConflict>>({})
	/** What the user last typed per component id (the form starts from it when shown again) */
	const edits = ref<Record<number, AssessmentPayload>>({})
	/** Raised when a component's form must start again from the stored assessment (after "load theirs") */
	const formGenerations = ref<Record<number, number>>({})
	/** The component shown on the sheet */
	const selectedComponentId = ref<number | null>(null)

	/** Edits waiting for the autosave delay, per component id */
	const pending = new Map<number, { timer: ReturnType<typeof setTimeout>, input: AssessmentPayload }>()
	/** The save under way per component id: the next one waits for it, so that it sends the new version */
	const inFlight = new Map<number, Promise<void>>()

	/** True if the sheet's period is open, so assessments may still change */
	const editable = computed(() => sheet.value?.period?.status === 'open')

	/** The user's assessments of this period by component id */
	const assessmentsByComponent = computed(() => new Map<number, Assessment>((sheet.value?.assessments ?? []).map((assessment) => [assessment.componentId, assessment])))

	/** Ids of the components the user has not rated yet this period (a comment alone is no rating) */
	const unratedComponentIds = computed(() => (sheet.value?.components ?? [])
		.map((component) => component.id)
		.filter((id) => !(assessmentsByComponent.value.get(id)?.rated ?? false)))

	/** Rating state per component id */
	const states = computed(() => new Map((sheet.value?.components ?? []).map((component) => [
		component.id,
		ratingState(assessmentsByComponent.value.get(component.id) ?? null, sheet.value?.criteria ?? []),
	])))

	/** The components whose rating the organisation released: read-only until the coordinator reopens them */
	const lockedComponentIds = computed(() => new Set(sheet.value?.lockedComponentIds ?? []))

	/** Last period's scores by component id */
	const previousByComponent = computed(() => new Map((sheet.value?.previous ?? []).map((entry) => [entry.componentId, entry])))

	/**
	 * Load the rating sheet of a period. A sheet loaded before stays shown meanwhile (the view
	 * appears at once when the user comes back); a form whose assessment changed elsewhere
	 * and that the user has not edited starts again from the new one.
	 *
	 * @param periodId the period, or undefined for the newest open one
	 */
	async function load(periodId?: number): Promise<void> {
		const shown = sheet.value
		const again = shown !== null && (periodId === undefined || shown.period?.id === periodId)
		loading.value = !again
		loadError.value = null
		try {
			const loaded = await fetchRatingSheet(periodId)
			if (again && shown.period?.id === loaded.period?.id) {
				const before = new Map(shown.assessments.map((a) => [a.componentId, a.version]))
				const after = new Map(loaded.assessments.map((a) => [a.componentId, a.version]))
				for (const componentId of new Set([...before.keys(), ...after.keys()])) {
					if (before.get(componentId) !== after.get(componentId) && edits.value[componentId] === undefined) {
						formGenerations.value[componentId] = (formGenerations.value[componentId] ?? 0) + 1
					}
				}
			} else {
				edits.value = {}
				conflicts.value = {}
				saveStates.value = {}
			}
			sheet.value = loaded
			const components = loaded.components
			if (!components.some((component) => component.id === selectedComponentId.value)) {
				selectedComponentId.value = unratedComponentIds.value[0] ?? components[0]?.id ?? null
			}
		} catch (error) {
			loadError.value = errorMessage(error, t('pilotfeedback', 'Could not load the rating sheet.'))
		} finally {
			loading.value = false
		}
	}

	/**
	 * Show a component on the sheet.
	 *
	 * @param componentId the component
	 */
	function select(componentId: number): void {
		selectedComponentId.value = componentId
	}

	/**
	 * Save an assessment after the autosave delay; a newer edit restarts the delay.
	 *
	 * @param componentId the rated component
	 * @param input the complete assessment as the user sees it now (without version)
	 */
	function scheduleSave(componentId: number, input: AssessmentPayload): void {
		edits.value[componentId] = input
		clearTimeout(pending.get(componentId)?.timer)
		const timer = setTimeout(() => save(componentId, input), AUTOSAVE_DELAY_MS)
		pending.set(componentId, { timer, input })
		if (conflicts.value[componentId] === undefined) {
			saveStates.value[componentId] = 'pending'
		}
	}

	/** Save every edit still waiting for its autosave delay right now. */
	async function flushPendingSaves(): Promise<void> {
		const waiting = [...pending.entries()]
		await Promise.all(waiting.map(([componentId, { timer, input }]) => {
			clearTimeout(timer)
			return save(componentId, input)
		}))
	}

	/**
	 * Save an assessment now, with the version the user edited, and put the server's answer
	 * into the sheet; a refusal because of a newer version becomes a conflict to resolve.
	 *
	 * @param componentId the rated component
	 * @param input the assessment to save
	 * @param version the version to send; default: the one of the assessment on the sheet (0: none yet)
	 */
	async function save(componentId: number, input: AssessmentPayload, version?: number): Promise<void> {
		pending.delete(componentId)
		const before = inFlight.get(componentId)
		const run = (async () => {
			await before
			await send(componentId, input, version)
		})()
		inFlight.set(componentId, run)
		try {
			await run
		} finally {
			if (inFlight.get(componentId) === run) {
				inFlight.delete(componentId)
			}
		}
	}

	/**
	 * One request of save().
	 *
	 * @param componentId the rated component
	 * @param input the assessment to save
	 * @param version the version to send, or undefined for the sheet's
	 */
	async function send(componentId: number, input: AssessmentPayload, version: number | undefined): Promise<void> {
		const period = sheet.value?.period
		if (!sheet.value || !period) {
			return
		}
		const conflict = conflicts.value[componentId]
		if (conflict !== undefined && version === undefined) {
			// Still unresolved: keep what the user types with the conflict, send nothing.
			conflict.mine = input
			return
		}
		saveStates.value[componentId] = 'saving'
		try {
			const sent = { ...input, version: version ?? assessmentsByComponent.value.get(componentId)?.version ?? 0 }
			const saved = await saveAssessment(period.id, componentId, sent)
			replaceAssessment(componentId, saved)
			delete conflicts.value[componentId]
			if (!pending.has(componentId)) {
				saveStates.value[componentId] = 'saved'
			}
		} catch (error) {
			if (error instanceof AssessmentConflictError) {
				conflicts.value[componentId] = { mine: edits.value[componentId] ?? input, theirs: error.current, message: error.message }
				saveStates.value[componentId] = 'conflict'
				return
			}
			saveStates.value[componentId] = 'error'
			showError(errorMessage(error, t('pilotfeedback', 'Could not save the assessment.')))
		}
	}

	/**
	 * Put a stored assessment into the sheet.
	 *
	 * @param componentId the component
	 * @param assessment the stored assessment, or null for none
	 */
	function replaceAssessment(componentId: number, assessment: Assessment | null): void {
		if (!sheet.value) {
			return
		}
		const others = sheet.value.assessments.filter((entry) => entry.componentId !== componentId)
		sheet.value.assessments = assessment === null ? others : [...others, assessment]
	}

	/**
	 * Resolve a conflict with the stored assessment: the form shows it, the user's edit is dropped.
	 *
	 * @param componentId the component
	 */
	function loadTheirs(componentId: number): void {
		const conflict = conflicts.value[componentId]
		if (conflict === undefined) {
			return
		}
		clearTimeout(pending.get(componentId)?.timer)
		pending.delete(componentId)
		replaceAssessment(componentId, conflict.theirs)
		delete edits.value[componentId]
		delete conflicts.value[componentId]
		saveStates.value[componentId] = 'idle'
		formGenerations.value[componentId] = (formGenerations.value[componentId] ?? 0) + 1
	}

	/**
	 * Resolve a conflict with the user's edit: save it over the stored assessment.
	 *
	 * @param componentId the component
	 */
	async function overwriteWithMine(componentId: number): Promise<void> {
		const conflict = conflicts.value[componentId]
		if (conflict === undefined) {
			return
		}
		clearTimeout(pending.get(componentId)?.timer)
		await save(componentId, edits.value[componentId] ?? conflict.mine, conflict.theirs?.version ?? 0)
	}

	return {
		sheet,
		loading,
		loadError,
		saveStates,
		conflicts,
		edits,
		formGenerations,
		selectedComponentId,
		editable,
		assessmentsByComponent,
		unratedComponentIds,
		states,
		lockedComponentIds,
		previousByComponent,
		load,
		select,
		scheduleSave,
		flushPendingSaves,
		loadTheirs,
		overwriteWithMine,
	}
})
