import type { Ref } from 'vue'
import type { SelectOption } from './selectOption.ts'

import { computed, ref } from 'vue'

/**
 * The choice of a multiple NcSelect over records, kept as the records' ids.
 *
 * The ids are what gets saved, never the options the form happened to know when it
 * opened: a list that loads after the dialog opened shows its chosen records once it is
 * there, and a chosen record that is not offered (an archived pilot) stays chosen. A form
 * that derived the saved ids from the options known at opening saved an empty choice
 * whenever the list was still loading, and so silently unlinked the record.
 *
 * @param initial the ids chosen when the form opens
 * @param options the options offered, as they load
 */
export function useChosenIds<Id>(initial: Id[], options: Ref<SelectOption<Id>[]>) {
	/** The chosen ids, offered or not */
	const ids = ref([...initial]) as Ref<Id[]>

	/** The chosen options, for the select's v-model; choosing keeps the ids that are not offered */
	const selected = computed<SelectOption<Id>[]>({
		get: () => ids.value.flatMap((id) => options.value.filter((option) => option.id === id)),
		set: (chosen) => {
			const offered = new Set(options.value.map((option) => option.id))
			ids.value = [...ids.value.filter((id) => !offered.has(id)), ...chosen.map((option) => option.id)]
		},
	})

	return { ids, selected }
}
