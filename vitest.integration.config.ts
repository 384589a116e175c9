// Integration (OCS API) and browser (e2e) suites against a running Nextcloud;
// run them through scripts/test-integration.sh, which provides NEXTCLOUD_URL.
import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['test/integration/**/*.spec.ts', 'test/e2e/**/*.spec.ts'],
		environment: 'node',
		// Suites share one server and its demo data, so files run one after another.
		fileParallelism: false,
		// occ pilotfeedback:consolidation:verify after every suite
		setupFiles: ['test/integration/setup/verifyMonthlyTotals.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
})
