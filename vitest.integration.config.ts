// Integration (OCS API) and browser (e2e) suites against a running Nextcloud;
// run them through scripts/test-integration.sh, which provides NEXTCLOUD_URL.
import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		// test/cluster needs two app servers (make test-cluster sets NODE_A_URL and NODE_B_URL)
		include: ['test/integration/**/*.spec.ts', 'test/e2e/**/*.spec.ts', ...(process.env.NODE_A_URL ? ['test/cluster/**/*.spec.ts'] : [])],
		environment: 'node',
		// Suites share one server and its demo data, so files run one after another.
		fileParallelism: false,
		// One session per demo user for the whole run (a password check costs ~0.5 s a request)
		globalSetup: ['test/integration/setup/openSessions.ts'],
		// occ pilotfeedback:consolidation:verify after every suite
		setupFiles: ['test/integration/setup/verifyMonthlyTotals.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
})
