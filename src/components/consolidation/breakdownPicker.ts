import type { ComputedRef, WritableComputedRef } from 'vue'
import type { ConsolidationNames } from './names.ts'

import { t } from '@nextcloud/l10n'
import { computed, ref } from 'vue'

/** Option of a "figures for" picker: id 0 stands for all organisations */
export interface BreakdownOption { id: number, label: string }

/** The picker's state, shared by the tables that offer an organisation's breakdown */
export interface BreakdownPicker {
	/** "All organisations", then each organisation of the breakdown */
	options: ComputedRef<BreakdownOption[]>
	/** The chosen option; all organisations until one is picked */
	selected: WritableComputedRef<BreakdownOption | null>
	/** The chosen organisation's id, or 0 for all organisations */
	organisationId: ComputedRef<number>
}

/**
 * State of a picker between the figure across all organisations and one organisation's breakdown.
 *
 * @param organisationIds the organisations of the breakdown
 * @param names the names to show for them
 */
export function useBreakdownPicker(organisationIds: () => number[], names: () => ConsolidationNames): BreakdownPicker {
	const options = computed<BreakdownOption[]>(() => [
		{ id: 0, label: t('pilotfeedback', 'All organisations') },
		...organisationIds().map((id) => ({ id, label: names().organisations[id] ?? String(id) })),
	])
	const picked = ref<BreakdownOption | null>(null)
	const selected = computed<BreakdownOption | null>({
		get: () => picked.value ?? options.value[0] ?? null,
		set: (option) => {
			picked.value = option
		},
	})
	const organisationId = computed(() => selected.value?.id ?? 0)
	return { options, selected, organisationId }
}
