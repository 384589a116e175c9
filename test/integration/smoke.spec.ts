import { describe, expect, it } from 'vitest'
import { NEXTCLOUD_URL, ocs } from './setup/client.ts'

describe('smoke', () => {
	it('talks to an installed Nextcloud', async () => {
		const response = await fetch(`${NEXTCLOUD_URL}/status.php`)
		expect(response.status).toBe(200)
		expect(await response.json()).toMatchObject({ installed: true, maintenance: false })
	})

	it('refuses anonymous requests', async () => {
		const { status } = await ocs(null, 'GET', '/me')
		expect(status).toBe(401)
	})

	it('answers /me for the administrator', async () => {
		const { status, data } = await ocs('admin', 'GET', '/me')
		expect(status).toBe(200)
		expect(data).toMatchObject({ userId: 'admin', isAdmin: true })
	})
})
