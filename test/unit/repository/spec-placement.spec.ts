import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Repository root */
const ROOT = join(__dirname, '..', '..', '..')
const UNIT = join(ROOT, 'test', 'unit')

/** Every *.spec.ts under test/unit, relative to it */
function specs(dir = UNIT): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => entry.isDirectory()
		? specs(join(dir, entry.name))
		: entry.name.endsWith('.spec.ts') ? [relative(UNIT, join(dir, entry.name))] : [])
}

describe('placement of the unit specs', () => {
	it('mirrors src/: the spec of src/X/y.ts or y.vue is test/unit/X/y.spec.ts; repository-wide checks live in test/unit/repository/', () => {
		const misplaced = specs()
			.filter((spec) => !spec.startsWith('repository/'))
			.filter((spec) => {
				const source = join(ROOT, 'src', spec.replace(/\.spec\.ts$/, ''))
				return !existsSync(`${source}.ts`) && !existsSync(`${source}.vue`)
			})
		expect(misplaced).toEqual([])
		expect(specs().length).toBeGreaterThan(10)
	})
})
