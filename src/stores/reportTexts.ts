import type { ReportTextKey } from '../api/reportTexts.ts'
import type { ReportText, ReportTextVersion } from '../types/index.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchReportTextHistory, fetchReportTexts, ReportTextConflictError, saveReportText } from '../api/reportTexts.ts'

/** Where the save of one text stands. */
export type TextSaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict'

/** The foreword's key; a component's comment is `component:<id>`. */
export const FOREWORD_KEY = 'foreword'

/**
 * The key of a text in the store.
 *
 * @param componentId the component commented on; null for the foreword
 */
export function textKey(componentId: number | null): string {
	return componentId === null ? FOREWORD_KEY : `component:${componentId}`
}

/**
 * A text that was never written: version 0, no author.
 *
 * @param componentId the component; null for the foreword
 */
function emptyText(componentId: number | null): ReportText {
	return { componentId, body: '', version: 0, updatedBy: null, updatedByName: null, updatedAt: null }
}

/**
 * The consolidators' texts for the reports of one pilot and period (foreword and a comment per
 * component): what is stored, what the user is typing, and how each save went.
 */
export const useReportTextsStore = defineStore('pilotfeedback-report-texts', () => {
	/** The pilot whose texts are loaded, null before the first load */
	const pilotId = ref<number | null>(null)
	/** The period whose texts are loaded: a month or a quarter */
	const period = ref<string | null>(null)
	/** True while the texts are being loaded */
	const loading = ref(false)
	/** Message of the last failed load, null if it succeeded */
	const loadError = ref<string | null>(null)
	/** The stored texts by key (the version a save sends back) */
	const texts = ref<Record<string, ReportText>>({})
	/** What the user typed, by key */
	const drafts = ref<Record<string, string>>({})
	/** The state of the last save, by key */
	const states = ref<Record<string, TextSaveState>>({})
	/** The message of a failed or refused save, by key */
	const messages = ref<Record<string, string | null>>({})
	/** The loaded histories by key, newest version first */
	const histories = ref<Record<string, ReportTextVersion[]>>({})
	/** Counts the loads, so that an answer to an older one is dropped */
	let loadCount = 0

	/**
	 * The stored text of a key, or an empty one.
	 *
	 * @param componentId the component; null for the foreword
	 */
	function stored(componentId: number | null): ReportText {
		return texts.value[textKey(componentId)] ?? emptyText(componentId)
	}

	/**
	 * What the user is typing for a text (the stored text until they type).
	 *
	 * @param componentId the component; null for the foreword
	 */
	function draft(componentId: number | null): string {
		return drafts.value[textKey(componentId)] ?? stored(componentId).body
	}

	/**
	 * Keep what the user typed; a "Saved" from before no longer holds.
	 *
	 * @param componentId the component; null for the foreword
	 * @param body the Markdown
	 */
	function setDraft(componentId: number | null, body: string): void {
		const key = textKey(componentId)
		drafts.value[key] = body
		if (states.value[key] === 'saved') {
			states.value[key] = 'idle'
		}
	}

	/**
	 * Whether the user typed something that is not saved.
	 *
	 * @param componentId the component; null for the foreword
	 */
	function isChanged(componentId: number | null): boolean {
		return draft(componentId).trim() !== stored(componentId).body
	}

	/**
	 * Load the texts of a pilot and period; drafts, states and histories start afresh.
	 *
	 * @param nextPilotId the pilot
	 * @param nextPeriod a month or a quarter
	 */
	async function load(nextPilotId: number, nextPeriod: string): Promise<void> {
		const mine = ++loadCount
		pilotId.value = nextPilotId
		period.value = nextPeriod
		texts.value = {}
		drafts.value = {}
		states.value = {}
		messages.value = {}
		histories.value = {}
		loading.value = true
		try {
			const loaded = await fetchReportTexts(nextPilotId, nextPeriod)
			if (mine !== loadCount) {
				return
			}
			const byKey: Record<string, ReportText> = { [FOREWORD_KEY]: loaded.foreword }
			for (const text of loaded.components) {
				byKey[textKey(text.componentId)] = text
			}
			texts.value = byKey
			loadError.value = null
		} catch (error) {
			if (mine === loadCount) {
				loadError.value = errorMessage(error)
			}
		} finally {
			if (mine === loadCount) {
				loading.value = false
			}
		}
	}

	/**
	 * The key of a text of the loaded pilot and period for the API.
	 *
	 * @param componentId the component; null for the foreword
	 */
	function apiKey(componentId: number | null): ReportTextKey | null {
		return pilotId.value === null || period.value === null ? null : { pilotId: pilotId.value, period: period.value, componentId }
	}

	/**
	 * Save what the user typed. A refusal because someone saved meanwhile keeps the draft and
	 * takes the stored version: saving again overwrites it.
	 *
	 * @param componentId the component; null for the foreword
	 */
	async function save(componentId: number | null): Promise<void> {
		const key = textKey(componentId)
		const target = apiKey(componentId)
		if (target === null) {
			return
		}
		states.value[key] = 'saving'
		messages.value[key] = null
		try {
			const saved = await saveReportText(target, draft(componentId), stored(componentId).version)
			if (!sameTarget(target)) {
				return
			}
			texts.value[key] = saved
			drafts.value[key] = saved.body
			states.value[key] = 'saved'
			if (histories.value[key] !== undefined) {
				await loadHistory(componentId)
			}
		} catch (error) {
			if (!sameTarget(target)) {
				return
			}
			if (error instanceof ReportTextConflictError) {
				texts.value[key] = error.current
				states.value[key] = 'conflict'
				messages.value[key] = error.message
			} else {
				states.value[key] = 'error'
				messages.value[key] = errorMessage(error)
			}
		}
	}

	/**
	 * Load who changed a text when.
	 *
	 * @param componentId the component; null for the foreword
	 */
	async function loadHistory(componentId: number | null): Promise<void> {
		const key = textKey(componentId)
		const target = apiKey(componentId)
		if (target === null) {
			return
		}
		try {
			const versions = await fetchReportTextHistory(target)
			if (sameTarget(target)) {
				histories.value[key] = versions
			}
		} catch (error) {
			if (sameTarget(target)) {
				messages.value[key] = errorMessage(error)
			}
		}
	}

	/**
	 * Whether the pilot and period are still those of a request that was sent.
	 *
	 * @param target the request's text
	 */
	function sameTarget(target: ReportTextKey): boolean {
		return target.pilotId === pilotId.value && target.period === period.value
	}

	return { pilotId, period, loading, loadError, texts, drafts, states, messages, histories, stored, draft, setDraft, isChanged, load, save, loadHistory }
})
