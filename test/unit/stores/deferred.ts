/** A promise the test settles when it wants, standing in for a slow answer */
export interface Deferred<T> {
	/** What the mocked api call returns */
	promise: Promise<T>
	/** Answer */
	resolve: (value: T) => void
	/** Fail */
	reject: (reason: unknown) => void
}

/**
 * A promise to settle later, to let answers arrive in another order than their requests.
 */
export function deferred<T>(): Deferred<T> {
	let resolve: Deferred<T>['resolve'] = () => {}
	let reject: Deferred<T>['reject'] = () => {}
	const promise = new Promise<T>((res, rej) => {
		resolve = res
		reject = rej
	})
	return { promise, resolve, reject }
}
