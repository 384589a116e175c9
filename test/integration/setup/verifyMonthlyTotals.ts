/**
 * After every suite: the monthly totals that the consolidation reads must equal what the
 * ratings give, the monthly item totals of the items overview what the items and their history
 * give, and the stored ranking weights what the supporters give, whatever the suite saved,
 * withdrew, filed, triaged, moved, released or deleted (occ pilotfeedback:consolidation:verify
 * recomputes them all; exit code 1 and the differences when they differ). A difference fails
 * the suite that caused it.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const serverDir = process.env.NEXTCLOUD_SERVER_DIR

afterAll(() => {
	if (!serverDir) {
		// A run against a remote server (NEXTCLOUD_URL only) has no occ to ask.
		if (process.env.CI === 'true') {
			throw new Error('NEXTCLOUD_SERVER_DIR is not set, so the monthly totals cannot be verified after this suite')
		}
		return
	}
	try {
		execFileSync('php', [join(serverDir, 'occ'), '--no-interaction', '--no-warnings', 'pilotfeedback:consolidation:verify'], { encoding: 'utf8', timeout: 110_000 })
	} catch (error) {
		const output = (error as { stdout?: string }).stdout ?? String(error)
		throw new Error(`The monthly totals differ from the ratings after this suite:\n${output}`, { cause: error })
	}
})
