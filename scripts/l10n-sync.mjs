// Sorts l10n/de.json and writes l10n/de.js from it, so that the two never drift.
// Usage: node scripts/l10n-sync.mjs ["English" "Deutsch" ...]  (pairs to add first)
import { readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'

const jsonPath = new URL('../l10n/de.json', import.meta.url)
const l10n = JSON.parse(readFileSync(jsonPath, 'utf-8'))
const pairs = process.argv.slice(2)
if (pairs.length % 2 !== 0) {
	process.stderr.write('error: give English and German strings in pairs\n')
	process.exit(1)
}
for (let i = 0; i < pairs.length; i += 2) {
	l10n.translations[pairs[i]] = pairs[i + 1]
}
const sorted = Object.fromEntries(Object.entries(l10n.translations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
const body = JSON.stringify(sorted, null, 4).replace(/\n/g, '\n    ')
writeFileSync(jsonPath, `{\n    "translations": ${body},\n    "pluralForm": ${JSON.stringify(l10n.pluralForm)}\n}\n`)
writeFileSync(new URL('../l10n/de.js', import.meta.url), `OC.L10N.register(\n    "pilotfeedback",\n    ${body},\n    ${JSON.stringify(l10n.pluralForm)}\n);\n`)
