/**
 * The app's events reach other systems through Nextcloud's webhook_listeners app (issue 9, 6):
 * a webhook registered for ItemStatusChanged is called with ids and metadata, never with the
 * title or text of an item. Needs occ (NEXTCLOUD_SERVER_DIR, set by scripts/test-integration.sh)
 * to run the queued webhook calls and to let the server call a local address.
 */
import type { AddressInfo } from 'node:net'
import type { Item, Seed } from './setup/fixtures.ts'

import { execFile, spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createItem, expectApi, seed, uid, withVersion } from './setup/fixtures.ts'

const SERVER_DIR = process.env.NEXTCLOUD_SERVER_DIR ?? ''

/** Runs occ on the server under test. */
function occ(...args: string[]): { status: number, stdout: string, stderr: string } {
	const result = spawnSync('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8' })
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/**
 * Runs occ without blocking this process, so that the test's own HTTP server can answer the
 * webhook calls occ makes meanwhile; rejects on a non-zero exit code.
 */
async function occAsync(...args: string[]): Promise<string> {
	const { stdout } = await promisify(execFile)('php', [`${SERVER_DIR}/occ`, '--no-interaction', '--no-warnings', ...args], { encoding: 'utf-8' })
	return stdout
}

describe.skipIf(SERVER_DIR === '')('webhook events', () => {
	const received: any[] = []
	const server = createServer((request, response) => {
		let body = ''
		request.on('data', (chunk) => {
			body += chunk
		})
		request.on('end', () => {
			received.push(JSON.parse(body))
			response.end('ok')
		})
	})
	let webhookId: number | undefined
	let localBefore = ''
	let s: Seed
	let secret: Item
	let publicItem: Item
	const word = `zqhook${uid()}`

	beforeAll(async () => {
		s = await seed()
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		const port = (server.address() as AddressInfo).port
		localBefore = occ('config:system:get', 'allow_local_remote_servers').stdout.trim()
		occ('config:system:set', 'allow_local_remote_servers', '--type=boolean', '--value=true')
		const created = await call<{ id: number }>('admin', 'POST', '/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks', {
			httpMethod: 'POST',
			uri: `http://127.0.0.1:${port}/hook`,
			event: 'OCA\\PilotFeedback\\Event\\ItemStatusChanged',
		})
		expect(created.status, created.text).toBe(200)
		webhookId = created.data.id
		secret = await createItem('rki-tester1', s, { type: 'security', title: `Token in logs ${word}`, body: `Secret body ${word}`, priority: 'critical' })
		publicItem = await createItem('bsh-tester1', s, { title: `Printing fails ${word}`, body: `Public body ${word}` })
	})

	afterAll(async () => {
		if (webhookId !== undefined) {
			await call('admin', 'DELETE', `/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks/${webhookId}`)
		}
		if (localBefore === '') {
			occ('config:system:delete', 'allow_local_remote_servers')
		} else {
			occ('config:system:set', 'allow_local_remote_servers', '--type=boolean', `--value=${localBefore === 'true' ? 'true' : 'false'}`)
		}
		server.close()
	})

	it('call the webhook with ids and metadata, never the title or text', async () => {
		await expectApi(200, 'bmi', 'PUT', `/items/${secret.id}/status`, await withVersion(secret.id, { status: 'in_review' }))
		await expectApi(200, 'bmi', 'PUT', `/items/${publicItem.id}/status`, await withVersion(publicItem.id, { status: 'in_review' }))
		const jobs = JSON.parse(occ('background-job:list', '--class=OCA\\WebhookListeners\\BackgroundJobs\\WebhookCall', '--output=json', '--limit=500').stdout) as { id: number }[]
		expect(jobs.length).toBeGreaterThanOrEqual(2)
		for (const job of jobs) {
			await occAsync('background-job:execute', String(job.id), '--force-execute')
		}
		const events = received.map((r) => r.event).filter((e) => [secret.id, publicItem.id].includes(e.itemId))
		expect(events.map((e) => e.itemId).sort()).toEqual([secret.id, publicItem.id].sort())
		for (const event of events) {
			expect(event).toMatchObject({ class: 'OCA\\PilotFeedback\\Event\\ItemStatusChanged', status: 'in_review', oldStatus: 'new', actorId: 'bmi' })
		}
		expect(events.find((e) => e.itemId === secret.id)).toMatchObject({ type: 'security', confidential: true, organisationId: s.rki.id })
		expect(JSON.stringify(received)).not.toContain(word)
	})
})
