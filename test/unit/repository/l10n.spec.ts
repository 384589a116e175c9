import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Repository root */
const ROOT = join(__dirname, '..', '..', '..')
/** A quoted string literal in single quotes */
const LITERAL = String.raw`'((?:[^'\\]|\\.)*)'`
/** t('pilotfeedback', '…') */
const SINGULAR = new RegExp(String.raw`\bt\(\s*'pilotfeedback',\s*${LITERAL}`, 'g')
/** n('pilotfeedback', '…', '…', count) */
const PLURAL = new RegExp(String.raw`\bn\(\s*'pilotfeedback',\s*${LITERAL},\s*${LITERAL}`, 'g')

/**
 * The text of a string literal's body.
 *
 * @param body what stands between the quotes
 */
function unescape(body: string): string {
	return body.replace(/\\(.)/g, '$1')
}

/**
 * Every .ts and .vue file below a directory.
 *
 * @param dir the directory
 */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name)
		if (entry.isDirectory()) {
			return sourceFiles(path)
		}
		return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
	})
}

/**
 * The translation keys used in src/: plain strings, and plurals as Nextcloud keys them.
 */
function usedKeys(): string[] {
	const keys = new Set<string>()
	for (const file of sourceFiles(join(ROOT, 'src'))) {
		const source = readFileSync(file, 'utf-8')
		for (const [, text] of source.matchAll(SINGULAR)) {
			keys.add(unescape(text!))
		}
		for (const [, singular, plural] of source.matchAll(PLURAL)) {
			keys.add(`_${unescape(singular!)}_::_${unescape(plural!)}_`)
		}
	}
	return [...keys].sort()
}

/** l10n/de.json */
const german = JSON.parse(readFileSync(join(ROOT, 'l10n', 'de.json'), 'utf-8')) as { translations: Record<string, string | string[]>, pluralForm: string }

describe('German translation', () => {
	it('translates every string of the user interface', () => {
		const missing = usedKeys().filter((key) => !(key in german.translations))
		expect(missing).toEqual([])
	})

	it('gives plurals two forms and placeholders intact', () => {
		for (const [key, value] of Object.entries(german.translations)) {
			const placeholders = (text: string) => (text.match(/\{\w+\}|%n/g) ?? []).sort()
			if (key.startsWith('_') && key.includes('_::_')) {
				expect(value, key).toHaveLength(2)
				expect(placeholders((value as string[])[1]!), key).toEqual(placeholders(key.slice(1, key.indexOf('_::_'))))
			} else {
				expect(typeof value, key).toBe('string')
				expect(placeholders(value as string), key).toEqual(placeholders(key))
			}
		}
	})

	it('ships the same translations in de.js for the browser', () => {
		const script = readFileSync(join(ROOT, 'l10n', 'de.js'), 'utf-8')
		const match = script.match(/^OC\.L10N\.register\(\s*"pilotfeedback",\s*(\{[\s\S]*\}),\s*"([^"]+)"\s*\);\s*$/)
		expect(match).not.toBeNull()
		expect(JSON.parse(match![1]!)).toEqual(german.translations)
		expect(match![2]).toBe(german.pluralForm)
	})
})
