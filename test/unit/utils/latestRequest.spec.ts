import { describe, expect, it } from 'vitest'
import { latestRequest } from '../../../src/utils/latestRequest.ts'

describe('latestRequest', () => {
	it('aborts the signal of the request before when the next one starts', () => {
		const next = latestRequest()
		const first = next()
		expect(first.aborted).toBe(false)
		const second = next()
		expect(first.aborted).toBe(true)
		expect(second.aborted).toBe(false)
	})

	it('keeps the requests of different keys apart', () => {
		const next = latestRequest<number>()
		const one = next(1)
		const two = next(2)
		expect(one.aborted).toBe(false)
		const oneAgain = next(1)
		expect(one.aborted).toBe(true)
		expect(two.aborted).toBe(false)
		expect(oneAgain.aborted).toBe(false)
	})

	it('keeps the requests of two helpers apart', () => {
		const list = latestRequest()
		const item = latestRequest()
		const page = list()
		item()
		expect(page.aborted).toBe(false)
	})
})
