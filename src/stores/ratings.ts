import type { Assessment, AssessmentPayload, Component, RatingSheet } from '../types/index.ts'

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

/** One thing to rate on the sheet: a component in one pilot (a component in two pilots is rated in each). */
export interface RatingSlot {
	/** `${pilotId}:${componentId}`, the key of everything the store keeps per rating */
	key: string
	/** The pilot the component is rated in */
	pilotId: number
	/** The pilot's title */
	pilotTitle: string
	/** The component */
	component: Component
	/** True when the organisation has released its feedback for the period: read-only until reopened */
	locked: boolean
}

/** The ratings of one pilot, in the sheet's order. */
export interface RatingGroup {
	/** The pilot */
	pilotId: number
	/** The pilot's title */
	title: string
	/** Its components to rate */
	slots: RatingSlot[]
}

/** Milliseconds of quiet after the last edit before an assessment is saved. */
export const AUTOSAVE_DELAY_MS = 800

/**
 * The key of a rating on the sheet: a component in a pilot.
 *
 * @param pilotId the pilot
 * @param componentId the component
 */
export function slotKey(pilotId: number, componentId: number): string {
	return `${pilotId}:${componentId}`
}

export const useRatingsStore = defineStore('pilotfeedback-ratings', () => {
	/** The loaded rating sheet; null before the first load */
	const sheet = ref<RatingSheet | null>(null)
	/** True while the sheet is being loaded */
	const loading = ref(false)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)
	/** Autosave state per rating key */
	const saveStates = ref<Record<string, SaveState>>({})
	/** Refused saves per rating key, until the user chooses theirs or mine */
	const conflicts = ref<Record<string, RatingConflict>>({})
	/** What the user last typed per rating key (the form starts from it when shown again) */
	const edits = ref<Record<string, AssessmentPayload>>({})
	/** Raised when a rating's form must start again from the stored assessment (after "load theirs") */
	const formGenerations = ref<Record<string, number>>({})
	/** The rating (component in a pilot) shown on the sheet */
	const selectedKey = ref<string | null>(null)
	/** A component to show once the sheet is loaded, in whichever pilot comes first (a link without its pilot) */
	const wantedComponentId = ref<number | null>(null)

	/** Edits waiting for the autosave delay, per rating key */
	const pending = new Map<string, { timer: ReturnType<typeof setTimeout>, input: AssessmentPayload }>()
	/** The save under way per rating key: the next one waits for it, so that it sends the new version */
	const inFlight = new Map<string, Promise<void>>()

	/** True if the sheet's period is open, so assessments may still change */
	const editable = computed(() => sheet.value?.period?.status === 'open')

	/** The ratings of the sheet pilot by pilot: a component in two pilots appears in each */
	const groups = computed<RatingGroup[]>(() => {
		const components = new Map((sheet.value?.components ?? []).map((component) => [component.id, component]))
		return (sheet.value?.pilots ?? []).map((pilot) => ({
			pilotId: pilot.id,
			title: pilot.title,
			slots: pilot.componentIds.flatMap((componentId) => {
				const component = components.get(componentId)
				return component === undefined
					? []
					: [{ key: slotKey(pilot.id, componentId), pilotId: pilot.id, pilotTitle: pilot.title, component, locked: pilot.locked }]
			}),
		})).filter((group) => group.slots.length > 0)
	})

	/** Every rating of the sheet, pilot after pilot */
	const slots = computed(() => groups.value.flatMap((group) => group.slots))

	/** The ratings by key */
	const slotsByKey = computed(() => new Map(slots.value.map((slot) => [slot.key, slot])))

	/** The user's assessments of this period by rating key */
	const assessmentsByKey = computed(() => new Map<string, Assessment>((sheet.value?.assessments ?? []).map((assessment) => [slotKey(assessment.pilotId, assessment.componentId), assessment])))

	/** Keys of the ratings the user has not given yet this period (a comment alone is no rating) */
	const unratedKeys = computed(() => slots.value
		.map((slot) => slot.key)
		.filter((key) => !(assessmentsByKey.value.get(key)?.rated ?? false)))

	/** Rating state per rating key */
	const states = computed(() => new Map(slots.value.map((slot) => [
		slot.key,
		ratingState(assessmentsByKey.value.get(slot.key) ?? null, sheet.value?.criteria ?? []),
	])))

	/** Last period's scores by rating key */
	const previousByKey = computed(() => new Map((sheet.value?.previous ?? []).map((entry) => [slotKey(entry.pilotId, entry.componentId), entry])))

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
				const before = new Map(shown.assessments.map((a) => [slotKey(a.pilotId, a.componentId), a.version]))
				const after = new Map(loaded.assessments.map((a) => [slotKey(a.pilotId, a.componentId), a.version]))
				for (const key of new Set([...before.keys(), ...after.keys()])) {
					if (before.get(key) !== after.get(key) && edits.value[key] === undefined) {
						formGenerations.value[key] = (formGenerations.value[key] ?? 0) + 1
					}
				}
			} else {
				edits.value = {}
				conflicts.value = {}
				saveStates.value = {}
			}
			sheet.value = loaded
			if (selectedKey.value === null || !slotsByKey.value.has(selectedKey.value)) {
				const wanted = slots.value.find((slot) => slot.component.id === wantedComponentId.value)
				selectedKey.value = wanted?.key ?? unratedKeys.value[0] ?? slots.value[0]?.key ?? null
			}
			wantedComponentId.value = null
		} catch (error) {
			loadError.value = errorMessage(error, t('pilotfeedback', 'Could not load the rating sheet.'))
		} finally {
			loading.value = false
		}
	}

	/**
	 * Show a rating (a component in a pilot) on the sheet.
	 *
	 * @param key the rating's key
	 */
	function select(key: string): void {
		selectedKey.value = key
	}

	/**
	 * Show a component on the sheet: in the given pilot, or without one in the first pilot
	 * that holds it (also before the sheet is loaded).
	 *
	 * @param componentId the component
	 * @param pilotId the pilot, or null for the first that holds the component
	 */
	function selectComponent(componentId: number, pilotId: number | null): void {
		const slot = slots.value.find((entry) => entry.component.id === componentId && (pilotId === null || entry.pilotId === pilotId))
		selectedKey.value = slot?.key ?? (pilotId === null ? null : slotKey(pilotId, componentId))
		wantedComponentId.value = slot === undefined && pilotId === null ? componentId : null
	}

	/**
	 * Save an assessment after the autosave delay; a newer edit restarts the delay.
	 *
	 * @param key the rating's key
	 * @param input the complete assessment as the user sees it now (without version and pilot)
	 */
	function scheduleSave(key: string, input: AssessmentPayload): void {
		edits.value[key] = input
		clearTimeout(pending.get(key)?.timer)
		const timer = setTimeout(() => save(key, input), AUTOSAVE_DELAY_MS)
		pending.set(key, { timer, input })
		if (conflicts.value[key] === undefined) {
			saveStates.value[key] = 'pending'
		}
	}

	/** Save every edit still waiting for its autosave delay right now. */
	async function flushPendingSaves(): Promise<void> {
		const waiting = [...pending.entries()]
		await Promise.all(waiting.map(([key, { timer, input }]) => {
			clearTimeout(timer)
			return save(key, input)
		}))
	}

	/**
	 * Save an assessment now, with the version the user edited, and put the server's answer
	 * into the sheet; a refusal because of a newer version becomes a conflict to resolve.
	 *
	 * @param key the rating's key
	 * @param input the assessment to save
	 * @param version the version to send; default: the one of the assessment on the sheet (0: none yet)
	 */
	async function save(key: string, input: AssessmentPayload, version?: number): Promise<void> {
		pending.delete(key)
		const before = inFlight.get(key)
		const run = (async () => {
			await before
			await send(key, input, version)
		})()
		inFlight.set(key, run)
		try {
			await run
		} finally {
			if (inFlight.get(key) === run) {
				inFlight.delete(key)
			}
		}
	}

	/**
	 * One request of save().
	 *
	 * @param key the rating's key
	 * @param input the assessment to save
	 * @param version the version to send, or undefined for the sheet's
	 */
	async function send(key: string, input: AssessmentPayload, version: number | undefined): Promise<void> {
		const period = sheet.value?.period
		const slot = slotsByKey.value.get(key)
		if (!sheet.value || !period || slot === undefined) {
			return
		}
		const conflict = conflicts.value[key]
		if (conflict !== undefined && version === undefined) {
			// Still unresolved: keep what the user types with the conflict, send nothing.
			conflict.mine = input
			return
		}
		saveStates.value[key] = 'saving'
		try {
			const sent = { ...input, pilotId: slot.pilotId, version: version ?? assessmentsByKey.value.get(key)?.version ?? 0 }
			const saved = await saveAssessment(period.id, slot.component.id, sent)
			replaceAssessment(key, saved)
			delete conflicts.value[key]
			if (!pending.has(key)) {
				saveStates.value[key] = 'saved'
			}
		} catch (error) {
			if (error instanceof AssessmentConflictError) {
				conflicts.value[key] = { mine: edits.value[key] ?? input, theirs: error.current, message: error.message }
				saveStates.value[key] = 'conflict'
				return
			}
			saveStates.value[key] = 'error'
			showError(errorMessage(error, t('pilotfeedback', 'Could not save the assessment.')))
		}
	}

	/**
	 * Put a stored assessment into the sheet.
	 *
	 * @param key the rating's key
	 * @param assessment the stored assessment, or null for none
	 */
	function replaceAssessment(key: string, assessment: Assessment | null): void {
		if (!sheet.value) {
			return
		}
		const others = sheet.value.assessments.filter((entry) => slotKey(entry.pilotId, entry.componentId) !== key)
		sheet.value.assessments = assessment === null ? others : [...others, assessment]
	}

	/**
	 * Resolve a conflict with the stored assessment: the form shows it, the user's edit is dropped.
	 *
	 * @param key the rating's key
	 */
	function loadTheirs(key: string): void {
		const conflict = conflicts.value[key]
		if (conflict === undefined) {
			return
		}
		clearTimeout(pending.get(key)?.timer)
		pending.delete(key)
		replaceAssessment(key, conflict.theirs)
		delete edits.value[key]
		delete conflicts.value[key]
		saveStates.value[key] = 'idle'
		formGenerations.value[key] = (formGenerations.value[key] ?? 0) + 1
	}

	/**
	 * Resolve a conflict with the user's edit: save it over the stored assessment.
	 *
	 * @param key the rating's key
	 */
	async function overwriteWithMine(key: string): Promise<void> {
		const conflict = conflicts.value[key]
		if (conflict === undefined) {
			return
		}
		clearTimeout(pending.get(key)?.timer)
		await save(key, edits.value[key] ?? conflict.mine, conflict.theirs?.version ?? 0)
	}

	return {
		sheet,
		loading,
		loadError,
		saveStates,
		conflicts,
		edits,
		formGenerations,
		selectedKey,
		editable,
		groups,
		slots,
		slotsByKey,
		assessmentsByKey,
		unratedKeys,
		states,
		previousByKey,
		load,
		select,
		selectComponent,
		scheduleSave,
		flushPendingSaves,
		loadTheirs,
		overwriteWithMine,
	}
})
