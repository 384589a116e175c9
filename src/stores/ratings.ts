import type { Assessment, AssessmentPayload, RatingSheet } from '../types/index.ts'

import { showError } from '@nextcloud/dialogs'
import { t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchRatingSheet, saveAssessment } from '../api/ratings.ts'

/** Where the autosave of one component's assessment stands. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

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

	/** Edits waiting for the autosave delay, per component id */
	const pending = new Map<number, { timer: ReturnType<typeof setTimeout>, input: AssessmentPayload }>()

	/** True if the sheet's period is open, so assessments may still change */
	const editable = computed(() => sheet.value?.period?.status === 'open')

	/** The user's assessments of this period by component id */
	const assessmentsByComponent = computed(() => new Map<number, Assessment>((sheet.value?.assessments ?? []).map((assessment) => [assessment.componentId, assessment])))

	/** Ids of the components the user has not rated yet this period */
	const unratedComponentIds = computed(() => (sheet.value?.components ?? [])
		.map((component) => component.id)
		.filter((id) => !assessmentsByComponent.value.has(id)))

	/**
	 * Load the rating sheet of a period.
	 *
	 * @param periodId the period, or undefined for the newest open one
	 */
	async function load(periodId?: number): Promise<void> {
		loading.value = true
		loadError.value = null
		try {
			sheet.value = await fetchRatingSheet(periodId)
		} catch (error) {
			loadError.value = errorMessage(error, t('pilotfeedback', 'Could not load the rating sheet.'))
		} finally {
			loading.value = false
		}
	}

	/**
	 * Save an assessment after the autosave delay; a newer edit restarts the delay.
	 *
	 * @param componentId the rated component
	 * @param input the complete assessment as the user sees it now
	 */
	function scheduleSave(componentId: number, input: AssessmentPayload): void {
		clearTimeout(pending.get(componentId)?.timer)
		const timer = setTimeout(() => save(componentId, input), AUTOSAVE_DELAY_MS)
		pending.set(componentId, { timer, input })
		saveStates.value[componentId] = 'pending'
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
	 * Save an assessment now and put the server's answer into the sheet.
	 *
	 * @param componentId the rated component
	 * @param input the assessment to save
	 */
	async function save(componentId: number, input: AssessmentPayload): Promise<void> {
		pending.delete(componentId)
		const period = sheet.value?.period
		if (!sheet.value || !period) {
			return
		}
		saveStates.value[componentId] = 'saving'
		try {
			const saved = await saveAssessment(period.id, componentId, input)
			const others = sheet.value.assessments.filter((assessment) => assessment.componentId !== componentId)
			sheet.value.assessments = [...others, saved]
			if (!pending.has(componentId)) {
				saveStates.value[componentId] = 'saved'
			}
		} catch (error) {
			saveStates.value[componentId] = 'error'
			showError(errorMessage(error, t('pilotfeedback', 'Could not save the assessment.')))
		}
	}

	return { sheet, loading, loadError, saveStates, editable, assessmentsByComponent, unratedComponentIds, load, scheduleSave, flushPendingSaves }
})
