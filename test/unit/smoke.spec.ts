import { describe, expect, it } from 'vitest'

describe('test setup', () => {
	it('runs', () => {
		expect(1 + 1).toBe(2)
	})
})
