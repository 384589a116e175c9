/// <reference types="vitest/config" />
import { createAppConfig } from '@nextcloud/vite-config'

export default createAppConfig({
	main: 'src/main.ts',
	admin: 'src/admin.ts',
}, {
	config: {
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
})
