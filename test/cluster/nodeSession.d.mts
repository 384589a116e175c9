/** Types of nodeSession.mjs (plain JavaScript, for plain Node as well). */

/** The app's OCS API. */
export const API: string

/** What a request answered. */
export interface Answer {
	/** The HTTP status; 0 when no answer came at all */
	status: number
	/** The parsed `ocs.data`, or null if the answer was no OCS JSON */
	data: any
	text: string
	/** The node that answered (X-Pilotfeedback-Node: a or b), if it said */
	node: string | null
}

/** A logged-in cookie session for requests to the nodes of a cluster. */
export class NodeSession {
	readonly user: string
	constructor(user: string, password: string)
	/** Logs in with basic auth through `base`; throws unless Nextcloud answers 200. */
	open(base: string): Promise<this>
	/** The value of one of the session's cookies, if it has it. */
	cookie(name: string): string | undefined
	/** A JSON call of the app's API (`path` relative to /api/v1) on `base`. */
	api(base: string, method: string, path: string, body?: unknown): Promise<Answer>
	/** A request with the session's cookies to `base` + `path`; `body` is sent as JSON. */
	send(base: string, method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<Answer>
}
