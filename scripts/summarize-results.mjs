// Usage: node scripts/summarize-results.mjs <results-dir> <label>...
// Prints a table of every suite file's totals per label (database) from the Vitest JSON
// reports <results-dir>/<label>.json, the install and suite times from times.tsv, and a
// closing line "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'

const [dir, ...labels] = process.argv.slice(2)
if (!dir || labels.length === 0) {
	console.error('usage: node scripts/summarize-results.mjs <results-dir> <label>...')
	process.exit(2)
}

const rows = new Map() // suite -> label -> counts
const totals = { passed: 0, failed: 0, skipped: 0 }
const missing = []
for (const label of labels) {
	const file = `${dir}/${label}.json`
	if (!existsSync(file)) {
		missing.push(label)
		continue
	}
	const report = JSON.parse(readFileSync(file, 'utf8'))
	for (const result of report.testResults ?? []) {
		const suite = relative(process.cwd(), result.name).replace(/\.spec\.ts$/, '')
		const counts = { passed: 0, failed: 0, skipped: 0 }
		for (const test of result.assertionResults ?? []) {
			const key = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped'
			counts[key]++
		}
		// A file that failed to load has no tests but did fail.
		if (result.status === 'failed' && counts.failed === 0) {
			counts.failed = 1
		}
		for (const key of Object.keys(totals)) {
			totals[key] += counts[key]
		}
		if (!rows.has(suite)) {
			rows.set(suite, new Map())
		}
		rows.get(suite).set(label, counts)
	}
}

const times = new Map()
if (existsSync(`${dir}/times.tsv`)) {
	for (const line of readFileSync(`${dir}/times.tsv`, 'utf8').trim().split('\n')) {
		const [label, what, seconds] = line.split('\t')
		times.set(`${label}/${what}`, seconds)
	}
}

const cell = (c) => (c ? `${c.passed} passed${c.failed ? `, ${c.failed} FAILED` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}` : '-')
const header = ['suite', ...labels]
const table = [...rows.keys()].sort().map((suite) => [suite, ...labels.map((l) => cell(rows.get(suite).get(l)))])
const sum = (label) => {
	const c = { passed: 0, failed: 0, skipped: 0 }
	for (const perLabel of rows.values()) {
		const x = perLabel.get(label)
		if (x) {
			for (const k of Object.keys(c)) c[k] += x[k]
		}
	}
	return c
}
table.push(['total', ...labels.map((l) => (missing.includes(l) ? 'NO RESULTS' : cell(sum(l))))])
if (times.size > 0) {
	table.push(['install time', ...labels.map((l) => (times.has(`${l}/install`) ? `${times.get(`${l}/install`)} s` : '-'))])
	table.push(['suites time', ...labels.map((l) => (times.has(`${l}/suites`) ? `${times.get(`${l}/suites`)} s` : '-'))])
}
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)))
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' | ')
console.log("\nIntegration and browser suites per database:")
console.log(line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
table.forEach((r) => console.log(line(r)))
console.log()
if (missing.length > 0) {
	console.log(`no results from: ${missing.join(', ')} (the run stopped before the suites; see above)`)
}
console.log(`integration: ${totals.passed} passed, ${totals.failed + missing.length} failed, ${totals.skipped} skipped`)
