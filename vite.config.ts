/// <reference types="vitest/config" />
import type { Plugin } from 'vite'

import { createAppConfig } from '@nextcloud/vite-config'
import { defineConfig } from 'vite'

/** The bundles: js/pilotfeedback-main.mjs and js/pilotfeedback-admin.mjs */
const entries = {
	main: 'src/main.ts',
	admin: 'src/admin.ts',
}

/**
 * The date-fns locales the date pickers may load: the app speaks German and English. en-US needs
 * no entry, @nextcloud/vue imports it statically as its fallback.
 */
const DATE_FNS_LOCALES = ['de', 'en-GB']

/**
 * Keep the other date-fns locales out of js/.
 *
 * NcDateTimePicker of @nextcloud/vue (reached through the file picker's NcActionInput) has one
 * line per date-fns locale, `loader["af"] = async () => (await import("date-fns/locale/af")).af`,
 * so Rollup emits a chunk for each of about 130 locales. Dropping the lines of the others keeps
 * every locale working: a code without a line falls back to its language (de-DE, de-AT and de-CH
 * load de), then to the built-in en-US, without a request. An alias to a stub module would not
 * do, as the loader reads a named export of the module (`.af`) and would get undefined.
 * The lines are blanked rather than removed, so that line numbers and source maps stay right.
 */
function onlyUsedDateFnsLocales(): Plugin {
	const line = /^loader\[(["'])([\w-]+)\1\]\s*=.*\bimport\((["'])date-fns\/locale\/[\w-]+\3\).*$/gm
	return {
		name: 'pilotfeedback:only-used-date-fns-locales',
		apply: 'build',
		transform(code, id) {
			if (!id.includes('/node_modules/@nextcloud/vue/') || !code.includes('import("date-fns/locale/')) {
				return null
			}
			let dropped = 0
			const kept = code.replace(line, (entry: string, _quote: string, locale: string) => {
				if (DATE_FNS_LOCALES.includes(locale)) {
					return entry
				}
				dropped++
				return ''
			})
			if (dropped === 0) {
				this.warn('No date-fns locale loader found to drop: has @nextcloud/vue changed how NcDateTimePicker loads locales?')
				return null
			}
			return { code: kept, map: null }
		},
	}
}

export default defineConfig((env) => createAppConfig(entries, {
	// Browser polyfills for Node modules would hide node:fs from the specs that read the repository
	nodePolyfills: env.mode === 'test' ? false : { protocolImports: true },
	config: {
		plugins: [onlyUsedDateFnsLocales()],
		build: {
			// Source maps only for `npm run dev`: the app-store tarball would ship 14 MB of them.
			sourcemap: env.mode === 'development',
		},
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
