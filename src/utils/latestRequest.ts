/**
 * For loads of which only the newest counts (the list for the current filters, the item of the
 * current address): each call aborts the request started before it (with the same key) and
 * returns the signal for the next one, to pass to the api call.
 *
 * An aborted signal thus means "superseded": the store then drops whatever the request brings,
 * the answer that was already on its way as well as the CanceledError of the abort, which is no
 * failure to show, and leaves the loading flag to the newer request.
 *
 * @return a function that starts the next request, optionally per key (e.g. an organisation)
 */
export function latestRequest<Key = undefined>(): (key?: Key) => AbortSignal {
	const running = new Map<Key | undefined, AbortController>()
	return (key) => {
		running.get(key)?.abort()
		const controller = new AbortController()
		running.set(key, controller)
		return controller.signal
	}
}
