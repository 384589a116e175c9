/**
 * globalSetup of the integration suites: opens one Nextcloud session per demo user before
 * any suite runs and hands the cookies to every suite (sessionJar.ts). Without it, each
 * suite file (its own process) would pay the password hash again for every user it calls as.
 */
import type { TestProject } from 'vitest/node'

import { sessionKey } from './sessionJar.ts'
import { rememberSetCookies } from './setCookies.mjs'

const DEMO_USERS = ['admin', 'bmi', 'rki-coord', 'rki-tester1', 'rki-tester2', 'bsh-coord', 'bsh-tester1', 'bsh-tester2']

async function openSession(url: string, user: string, password: string): Promise<Record<string, string> | null> {
	const response = await fetch(`${url}/ocs/v2.php/cloud/user?format=json`, {
		headers: {
			'OCS-APIRequest': 'true',
			Accept: 'application/json',
			Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
			Cookie: 'cookie_test=test',
		},
	})
	await response.text()
	if (response.status !== 200) {
		return null
	}
	const jar = new Map([['cookie_test', 'test']])
	rememberSetCookies(jar, response)
	return Object.fromEntries(jar)
}

export default async function setup(project: TestProject): Promise<void> {
	const url = (process.env.NEXTCLOUD_URL ?? '').replace(/\/+$/, '')
	const sessions: Record<string, Record<string, string>> = {}
	if (url !== '') {
		// A login that fails here (no demo data yet) simply opens its session later.
		for (const user of DEMO_USERS) {
			const password = user === 'admin' ? 'admin' : 'Pilot-Feedback-2026'
			const cookies = await openSession(url, user, password).catch(() => null)
			if (cookies !== null) {
				sessions[sessionKey(user, password)] = cookies
			}
		}
	}
	project.provide('sessions', sessions)
}
