/// <reference types="vitest/config" />
import { createAppConfig } from '@nextcloud/vite-config'
import { defineConfig } from 'vite'

/** The bundles: js/pilotfeedback-main.mjs and js/pilotfeedback-admin.mjs */
const entries = {
	main: 'src/main.ts',
	admin: 'src/admin.ts',
}

export default defineConfig((env) => createAppConfig(entries, {
	// Browser polyfills for Node modules would hide node:fs from the specs that read the repository
	nodePolyfills: env.mode === 'test' ? false : { protocolImports: true },
	config: {
		experimental: {
			// Chunks are found relative to the importing module (import.meta.url), not through
			// window.OC.filePath, so lazy views load even before Nextcloud's core scripts ran.
			renderBuiltUrl: () => ({ relative: true }),
		},
		test: {
			environment: 'happy-dom',
			include: ['test/unit/**/*.spec.ts'],
			server: {
				deps: {
					// @nextcloud/vue ships CSS imports that must pass through Vite
					inline: [/@nextcloud\//],
				},
			},
		},
	},
})(env))
