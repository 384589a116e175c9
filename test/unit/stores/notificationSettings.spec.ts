import { showError } from '@nextcloud/dialogs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchNotificationSettings, saveNotificationSettings } from '../../../src/api/notificationSettings.ts'
import { useNotificationSettingsStore } from '../../../src/stores/notificationSettings.ts'

vi.mock('../../../src/api/notificationSettings.ts', () => ({ fetchNotificationSettings: vi.fn(), saveNotificationSettings: vi.fn() }))
vi.mock('@nextcloud/dialogs', () => ({ showError: vi.fn() }))

/** Everything on, as for a new user */
const allOn = { status_changed: true, merged: true, commented: true, rating_reminder: true, release_missing: true, released: true }

describe('notification settings store', () => {
	beforeEach(() => {
		setActivePinia(createPinia())
		vi.clearAllMocks()
	})

	it('loads the switches and sends only the one changed', async () => {
		vi.mocked(fetchNotificationSettings).mockResolvedValue(allOn)
		vi.mocked(saveNotificationSettings).mockResolvedValue({ ...allOn, commented: false })
		const store = useNotificationSettingsStore()
		await store.load()
		expect(store.settings).toEqual(allOn)
		expect(await store.set('commented', false)).toBe(true)
		expect(saveNotificationSettings).toHaveBeenCalledWith({ settings: { commented: false } })
		expect(store.settings?.commented).toBe(false)
	})

	it('keeps the saved state and shows the server message when the server refuses', async () => {
		vi.mocked(fetchNotificationSettings).mockResolvedValue(allOn)
		vi.mocked(saveNotificationSettings).mockRejectedValue(new Error('Unknown kind'))
		const store = useNotificationSettingsStore()
		await store.load()
		expect(await store.set('merged', false)).toBe(false)
		expect(store.settings?.merged).toBe(true)
		expect(showError).toHaveBeenCalled()
	})

	it('reports a failed load', async () => {
		vi.mocked(fetchNotificationSettings).mockRejectedValue(new Error('offline'))
		const store = useNotificationSettingsStore()
		await store.load()
		expect(store.settings).toBeNull()
		expect(store.loadError).not.toBeNull()
	})
})
