/**
 * Fixtures for the integration suites: calls as any login (demo users and accounts made
 * by a suite), throwaway users, periods and items, and catalogue lookups.
 */
import type { DemoUser } from './client.ts'

import { expect } from 'vitest'
import { NEXTCLOUD_URL, passwordOf } from './client.ts'
import { cookieHeader, rememberCookies } from './sessionJar.ts'

/** A login: a demo user, explicit credentials, or null for an anonymous call. */
export type Login = DemoUser | { user: string, password: string } | null

/** An OCS answer with the HTTP status, `ocs.data`, the raw text and the headers. */
export interface ApiResponse<T = any> {
	status: number
	data: T
	text: string
	headers: Headers
}

/** The API base path of the app. */
export const API = '/ocs/v2.php/apps/pilotfeedback/api/v1'

/** A short random suffix that makes titles and names unique per run. */
export function uid(): string {
	return Math.random().toString(36).slice(2, 10)
}

function credentials(login: Login): { user: string, password: string } | null {
	if (login === null) {
		return null
	}
	return typeof login === 'string' ? { user: login, password: passwordOf(login) } : login
}

/**
 * Calls `${NEXTCLOUD_URL}${path}` (path starting with /ocs/...) as `login`. A string body
 * is sent as it is (with Content-Type JSON), anything else JSON-encoded.
 */
export async function call<T = any>(login: Login, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { 'OCS-APIRequest': 'true', Accept: 'application/json' }
	const creds = credentials(login)
	if (creds !== null) {
		headers.Authorization = `Basic ${Buffer.from(`${creds.user}:${creds.password}`).toString('base64')}`
		headers.Cookie = cookieHeader(creds.user, creds.password)
	}
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json'
	}
	const response = await fetch(`${NEXTCLOUD_URL}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
	})
	if (creds !== null) {
		rememberCookies(creds.user, creds.password, response)
	}
	const text = await response.text()
	let json: any
	try {
		json = text === '' ? null : JSON.parse(text)
	} catch {
		// Not JSON (an HTML error page, say): data stays null, the test sees `text`.
		json = null
	}
	return { status: response.status, data: json?.ocs?.data ?? null, text, headers: response.headers }
}

/** Calls the app's API (`path` relative to /api/v1) as `login`. */
export function api<T = any>(login: Login, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
	return call<T>(login, method, `${API}${path}`, body)
}

/** Like api(), but fails the test unless the status is the expected one. */
export async function expectApi<T = any>(expected: number, login: Login, method: string, path: string, body?: unknown): Promise<T> {
	const response = await api<T>(login, method, path, body)
	expect(response.status, `${method} ${path} as ${JSON.stringify(credentials(login)?.user ?? null)}: ${response.text.slice(0, 500)}`).toBe(expected)
	return response.data
}

/** Creates a Nextcloud account through the provisioning API (as admin) that is in no organisation. */
export async function createUser(prefix = 'pf-it'): Promise<{ user: string, password: string }> {
	const user = `${prefix}-${uid()}`
	const password = `Pf-${uid()}-${uid()}-Aa1!`
	const response = await call('admin', 'POST', '/ocs/v2.php/cloud/users', { userid: user, password })
	expect(response.status, response.text).toBe(200)
	return { user, password }
}

/**
 * Runs `work` while `user` has German as their Nextcloud language, then sets English again.
 * The user's own setting decides, not only Accept-Language: a browser login may already have
 * stored the browser's language for the account.
 */
export async function asGermanUser<T>(user: string, work: () => Promise<T>): Promise<T> {
	await setLanguage(user, 'de')
	try {
		return await work()
	} finally {
		await setLanguage(user, 'en')
	}
}

/** Sets a user's language through the provisioning API, as admin. */
async function setLanguage(user: string, language: string): Promise<void> {
	const response = await call('admin', 'PUT', `/ocs/v2.php/cloud/users/${encodeURIComponent(user)}`, { key: 'language', value: language })
	expect(response.status, response.text).toBe(200)
}

/** Deletes an account made by createUser(). */
export async function deleteUser(user: string): Promise<void> {
	await call('admin', 'DELETE', `/ocs/v2.php/cloud/users/${encodeURIComponent(user)}`)
}

export interface Period { id: number, month: string, status: 'open' | 'closed' }
export interface Pilot { id: number, title: string, status: string, componentIds: number[] }
export interface Component { id: number, name: string, pilotIds: number[] }
export interface Organisation { id: number, name: string, shortName: string, groupIds: string[], coordinatorIds: string[], pilotIds: number[] }
export interface Catalogue { pilots: Pilot[], components: Component[], criteria: { id: number, name: string }[], organisations: Organisation[], periods: Period[] }

/**
 * Opens the period of any month that has none, as the development app does it
 * (dev/pilotfeedback_dev/lib/Controller/FixturePeriodController.php): administrators open
 * months only from the first pilot's start up to the next month (POST /periods), while the
 * suites rate in months of their own far in the past or the future.
 */
export async function fixturePeriod(month: string): Promise<Period> {
	const response = await call<Period>('admin', 'POST', '/ocs/v2.php/apps/pilotfeedback_dev/api/v1/fixture-periods', { month })
	expect(response.status, `fixture period ${month} (is the development app pilotfeedback_dev enabled?): ${response.text.slice(0, 300)}`).toBe(201)
	return response.data
}

/**
 * An unused month of the given years, like 1957-03.
 *
 * @param from the first year
 * @param years how many years from it
 * @param aloneInQuarter whether the other months of its quarter must be unused too
 */
export async function freeMonth(from: number, years: number, aloneInQuarter = false): Promise<string> {
	const existing = new Set((await expectApi<Period[]>(200, 'admin', 'GET', '/periods')).map((p) => p.month))
	const name = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`
	for (let attempt = 0; attempt < 200; attempt++) {
		const year = from + Math.floor(Math.random() * years)
		const m = 1 + Math.floor(Math.random() * 12)
		const first = m - ((m - 1) % 3)
		const taken = aloneInQuarter ? [first, first + 1, first + 2] : [m]
		if (!taken.some((x) => existing.has(name(year, x)))) {
			return name(year, m)
		}
	}
	throw new Error(`No free month found in ${from}–${from + years - 1}`)
}

/**
 * Opens a reporting period in an unused month of the 20th century: it never becomes the
 * newest open period (the default of the rating sheet), so suites don't disturb each other.
 * Close it with setPeriodStatus() when done.
 */
export async function freshPeriod(): Promise<Period> {
	return fixturePeriod(await freeMonth(1900, 100))
}

/**
 * Like freshPeriod(), in a quarter without any other period: the quarter's figures are the
 * month's (the quarter is read from the quarter totals, the month from the monthly ones).
 */
export async function freshQuarterPeriod(): Promise<Period> {
	return fixturePeriod(await freeMonth(1900, 100, true))
}

/**
 * Opens a reporting period in an unused month far in the future (29th century), so that it is
 * the newest open period, which the rating sheet and the coordination view show.
 */
export async function newestPeriod(): Promise<Period> {
	return fixturePeriod(await freeMonth(2900, 99))
}

/** Sets a period's status (admin). */
export async function setPeriodStatus(id: number, status: 'open' | 'closed'): Promise<Period> {
	return expectApi<Period>(200, 'admin', 'PUT', `/periods/${id}`, { status })
}

/** The default catalogue as the seed made it: organisations by short name, active pilots, their components. */
export interface Seed {
	catalogue: Catalogue
	rki: Organisation
	bsh: Organisation
	/** The newest open period (the seeded current month). */
	openPeriod: Period
	/** Active pilots both RKI and BSH take part in, each with at least one component. */
	activePilots: Pilot[]
	/** A pilot that is planned (not active). */
	plannedPilot: Pilot
	/** Components only in planned pilots. */
	plannedOnlyComponents: number[]
	criteria: { id: number, name: string }[]
}

/** Reads the seeded catalogue (as the consolidator, who sees all of it). */
export async function seed(): Promise<Seed> {
	const catalogue = await expectApi<Catalogue>(200, 'bmi', 'GET', '/catalogue')
	const organisations = await expectApi<Organisation[]>(200, 'admin', 'GET', '/organisations')
	const byShort = (short: string): Organisation => {
		const org = organisations.find((o) => o.shortName === short && o.groupIds.length > 0)
		if (org === undefined) {
			throw new Error(`Organisation ${short} is not seeded`)
		}
		return org
	}
	const rki = byShort('RKI')
	const bsh = byShort('BSH')
	const sheet = await expectApi<{ period: Period | null }>(200, 'rki-tester1', 'GET', '/ratings')
	if (sheet.period === null) {
		throw new Error('No open period is seeded')
	}
	const both = (p: Pilot): boolean => rki.pilotIds.includes(p.id) && bsh.pilotIds.includes(p.id)
	const activePilots = catalogue.pilots.filter((p) => p.status === 'active' && both(p) && p.componentIds.length > 0)
	const plannedPilot = catalogue.pilots.find((p) => p.status === 'planned' && both(p))
	if (activePilots.length < 2 || plannedPilot === undefined) {
		throw new Error('The seed needs two active pilots and a planned one with RKI and BSH in them')
	}
	const activeComponents = new Set(activePilots.flatMap((p) => p.componentIds))
	return {
		catalogue,
		rki,
		bsh,
		openPeriod: sheet.period,
		activePilots,
		plannedPilot,
		plannedOnlyComponents: plannedPilot.componentIds.filter((id) => !activeComponents.has(id)),
		criteria: catalogue.criteria,
	}
}

export interface Item {
	id: number
	type: string
	title: string
	body: string
	componentId: number
	pilotId: number
	priority: string
	status: string
	reporterId: string
	organisationId: number
	supportCount: number
	supportedByMe: boolean
	canEdit: boolean
	version: number
	allowedStatuses?: string[]
	vendorReference?: string
	vendorUrl?: string
	duplicateOf?: number | null
	mergedDuplicates?: { id: number, title: string, organisationId: number, priority: string }[]
	priorityPerOrganisation?: { organisationId: number, priority: string }[]
	history?: { userId: string, userName: string, field: string, oldValue: string | null, newValue: string | null }[]
	supporters?: { userId: string, displayName: string, organisationId: number, mergedFrom: number | null, priority: string }[]
	canChangeStatus?: boolean
}

/** Files an item as `login` in the first active pilot (unless overridden) and returns it. */
export async function createItem(login: Login, s: Seed, fields: Record<string, unknown> = {}): Promise<Item> {
	const pilot = s.activePilots[0]
	return expectApi<Item>(201, login, 'POST', '/items', {
		type: 'defect',
		title: `Item ${uid()}`,
		body: 'Steps to reproduce: …',
		pilotId: pilot.id,
		componentId: pilot.componentIds[0],
		priority: 'medium',
		...fields,
	})
}

/** A complete PUT /items/{id} body: the item's current fields and version, with some replaced. */
export function itemEdit(item: Item, fields: Record<string, unknown> = {}): Record<string, unknown> {
	const { title, body, componentId, pilotId, priority, version } = item
	return { title, body, componentId, pilotId, priority, version, ...fields }
}

/** The body of a write to an item with the item's current version (read as the consolidator, who sees every item). */
export async function withVersion(id: number, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
	const item = await expectApi<Item>(200, 'bmi', 'GET', `/items/${id}`)
	return { version: item.version, ...fields }
}

export interface ItemPage { items: Item[], total: number, page: number, limit: number }

/** Every item of a list query, paging through all pages; also returns the reported total. */
export async function listAll(login: Login, query: Record<string, string | number> = {}): Promise<{ items: Item[], total: number }> {
	const items: Item[] = []
	let total = -1
	for (let page = 1; page <= 1000; page++) {
		const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), page: String(page), limit: '100' })
		const data = await expectApi<ItemPage>(200, login, 'GET', `/items?${params}`)
		if (total === -1) {
			total = data.total
		}
		items.push(...data.items)
		if (data.items.length < 100) {
			break
		}
	}
	return { items, total }
}
