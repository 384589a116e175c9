import { showError } from '@nextcloud/dialogs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineAdminResourceStore } from '../../../src/stores/adminResource.ts'

vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn() }))

/** A minimal record */
interface Thing { id: number, name: string, archived: boolean }

/** The fake endpoints of the resource */
const api = {
	fetchAll: vi.fn<() => Promise<Thing[]>>(),
	create: vi.fn<(payload: { name: string }) => Promise<Thing>>(),
	update: vi.fn<(id: number, payload: { name: string, archived?: boolean }) => Promise<Thing>>(),
	archive: vi.fn<(id: number) => Promise<Thing>>(),
}
const useThingsStore = defineAdminResourceStore('things', api)

describe('admin resource store', () => {
	beforeEach(async () => {
		setActivePinia(createPinia())
		vi.clearAllMocks()
		api.fetchAll.mockResolvedValue([{ id: 1, name: 'One', archived: false }, { id: 2, name: 'Two', archived: false }])
		await useThingsStore().load()
	})

	it('adds created records', async () => {
		api.create.mockResolvedValue({ id: 3, name: 'Three', archived: false })
		const store = useThingsStore()
		await expect(store.create({ name: 'Three' })).resolves.toMatchObject({ id: 3 })
		expect(store.records.map((thing) => thing.name)).toEqual(['One', 'Two', 'Three'])
	})

	it('replaces updated and archived records in place', async () => {
		api.update.mockResolvedValue({ id: 1, name: 'Uno', archived: false })
		api.archive.mockResolvedValue({ id: 2, name: 'Two', archived: true })
		const store = useThingsStore()
		await store.update(1, { name: 'Uno' })
		await store.archive(2)
		expect(store.records).toEqual([{ id: 1, name: 'Uno', archived: false }, { id: 2, name: 'Two', archived: true }])
	})

	it('restores an archived record by sending its fields with archived: false', async () => {
		api.archive.mockResolvedValue({ id: 2, name: 'Two', archived: true })
		api.update.mockResolvedValue({ id: 2, name: 'Two', archived: false })
		const store = useThingsStore()
		await store.archive(2)
		await expect(store.restore(2)).resolves.toMatchObject({ id: 2, archived: false })
		expect(api.update).toHaveBeenCalledExactlyOnceWith(2, { id: 2, name: 'Two', archived: false })
		expect(store.records[1]).toEqual({ id: 2, name: 'Two', archived: false })
	})

	it('restores with only the fields restorePayload names, never the displayed name', async () => {
		const useNamedStore = defineAdminResourceStore('named-things', { ...api, restorePayload: () => ({ name: 'kept' }) })
		api.update.mockResolvedValue({ id: 2, name: 'Zwei', archived: false })
		const store = useNamedStore()
		await store.load()
		await store.restore(2)
		expect(api.update).toHaveBeenCalledExactlyOnceWith(2, { name: 'kept', archived: false })
	})

	it('restores nothing for an unknown id', async () => {
		await expect(useThingsStore().restore(99)).resolves.toBeNull()
		expect(api.update).not.toHaveBeenCalled()
	})

	it('shows the server message and answers null when a change is refused', async () => {
		api.create.mockRejectedValue(new Error('offline'))
		const store = useThingsStore()
		await expect(store.create({ name: 'Three' })).resolves.toBeNull()
		expect(showError).toHaveBeenCalledWith('Something went wrong. Please try again.')
		expect(store.records).toHaveLength(2)
	})
})
