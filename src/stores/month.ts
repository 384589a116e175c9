import type { Month, MonthComponent } from '../types/index.ts'

import { n, t } from '@nextcloud/l10n'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorMessage } from '../api/client.ts'
import { fetchMonth, remindCoordinators } from '../api/month.ts'
import { latestRequest } from '../utils/latestRequest.ts'

/** The components of one pilot that are still to rate */
export interface PilotToRate {
	/** The pilot */
	pilotId: number
	/** Its title */
	title: string
	/** Its components not rated yet */
	components: MonthComponent[]
}

/** What became of the last reminder to an organisation's coordinators */
export interface ReminderOutcome {
	/** Whether it was sent */
	sent: boolean
	/** What to tell the user */
	message: string
}

export const useMonthStore = defineStore('pilotfeedback-month', () => {
	/** The month as loaded: the open period, its deadline and a section per role */
	const month = ref<Month | null>(null)
	/** Whether the first load is under way (a reload keeps showing the month) */
	const loading = ref(false)
	/** Message of the last failed load */
	const loadError = ref<string | null>(null)
	/** Organisations whose coordinators are being reminded */
	const remindingIds = ref<number[]>([])
	/** The outcome of the last reminder per organisation id */
	const reminders = ref<Record<number, ReminderOutcome>>({})
	/** Each load aborts the one before: a late answer must not replace a newer one */
	const nextSignal = latestRequest()

	/** The tester's components still to rate, by pilot, in the order the server sent them */
	const toRateByPilot = computed<PilotToRate[]>(() => {
		const pilots = new Map<number, PilotToRate>()
		for (const component of month.value?.tester?.toRate ?? []) {
			const pilot = pilots.get(component.pilotId) ?? { pilotId: component.pilotId, title: component.pilotTitle, components: [] }
			pilot.components.push(component)
			pilots.set(component.pilotId, pilot)
		}
		return [...pilots.values()]
	})

	/** Whether the user has any section: a role in a pilot */
	const hasSections = computed(() => month.value !== null && (month.value.tester !== null || month.value.coordinator !== null || month.value.consolidator !== null))

	/** Load the month (again). */
	async function load(): Promise<void> {
		const signal = nextSignal()
		loading.value = month.value === null
		loadError.value = null
		try {
			const loaded = await fetchMonth(signal)
			if (signal.aborted) {
				return
			}
			month.value = loaded
		} catch (error) {
			if (signal.aborted) {
				return
			}
			loadError.value = errorMessage(error, t('pilotfeedback', 'Could not load what to do this month.'))
		}
		loading.value = false
	}

	/**
	 * Remind an organisation's coordinators to release its feedback for the open period.
	 *
	 * @param organisationId the organisation
	 */
	async function remind(organisationId: number): Promise<void> {
		if (remindingIds.value.includes(organisationId)) {
			return
		}
		remindingIds.value = [...remindingIds.value, organisationId]
		delete reminders.value[organisationId]
		try {
			const sent = await remindCoordinators(organisationId, month.value?.period?.id)
			reminders.value[organisationId] = {
				sent: true,
				message: n('pilotfeedback', 'Reminder sent to %n coordinator.', 'Reminder sent to %n coordinators.', sent.reminded),
			}
		} catch (error) {
			reminders.value[organisationId] = { sent: false, message: errorMessage(error, t('pilotfeedback', 'The reminder could not be sent.')) }
		} finally {
			remindingIds.value = remindingIds.value.filter((id) => id !== organisationId)
		}
	}

	return { month, loading, loadError, remindingIds, reminders, toRateByPilot, hasSections, load, remind }
})
