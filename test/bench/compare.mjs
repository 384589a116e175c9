#!/usr/bin/env node
/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 *
 * Compares two runs of test/bench/bench.mjs (their BENCH_JSON files), e.g. the same instance
 * seeded with 100 000 and with 1 000 000 assessments: prints per row (matched by row name and
 * user) the medians and p95s of both runs, their growth (B / A), and the growth of the
 * floor-relative p95 (B's p95 ÷ its floor p95, over A's), which discounts a machine that was
 * busier during one run. Rows in only one file are listed at the end.
 *
 * Usage: node test/bench/compare.mjs <a.json> <b.json>
 */
import { readFileSync } from 'node:fs'
import process from 'node:process'

const [fileA, fileB] = process.argv.slice(2)
if (!fileA || !fileB) {
	console.error('usage: node test/bench/compare.mjs <a.json> <b.json>')
	process.exit(2)
}
const a = JSON.parse(readFileSync(fileA, 'utf8'))
const b = JSON.parse(readFileSync(fileB, 'utf8'))
const key = (row) => `${row.row}\u0000${row.user}`
const rowsB = new Map(b.rows.map((row) => [key(row), row]))
const pad = (value, width) => String(value).padEnd(width)
const padLeft = (value, width) => String(value).padStart(width)
const ms = (value) => value.toFixed(1)

console.log(`A: ${fileA} (${a.url}, ${a.at})`)
console.log(`B: ${fileB} (${b.url}, ${b.at})`)
console.log()
console.log(`${pad('row', 44)} ${pad('user', 12)} ${padLeft('A med', 8)} ${padLeft('B med', 8)} ${padLeft('×med', 6)} ${padLeft('A p95', 8)} ${padLeft('B p95', 8)} ${padLeft('×p95', 6)} ${padLeft('×(p95/floor)', 12)} ${padLeft('A MB', 5)} ${padLeft('B MB', 5)}`)
const seen = new Set()
for (const rowA of a.rows) {
	const rowB = rowsB.get(key(rowA))
	if (!rowB) {
		continue
	}
	seen.add(key(rowA))
	const mb = (row) => (row.peakMb === null ? '-' : row.peakMb.toFixed(1))
	console.log(`${pad(rowA.row, 44)} ${pad(rowA.user, 12)} ${padLeft(ms(rowA.median), 8)} ${padLeft(ms(rowB.median), 8)} ${padLeft((rowB.median / rowA.median).toFixed(2), 6)} `
		+ `${padLeft(ms(rowA.p95), 8)} ${padLeft(ms(rowB.p95), 8)} ${padLeft((rowB.p95 / rowA.p95).toFixed(2), 6)} ${padLeft((rowB.p95Factor / rowA.p95Factor).toFixed(2), 12)} `
		+ `${padLeft(mb(rowA), 5)} ${padLeft(mb(rowB), 5)}`)
}
const onlyA = a.rows.filter((row) => !seen.has(key(row)))
const onlyB = b.rows.filter((row) => !seen.has(key(row)))
if (onlyA.length + onlyB.length > 0) {
	console.log()
	onlyA.forEach((row) => console.log(`only in A: ${row.row} (${row.user})`))
	onlyB.forEach((row) => console.log(`only in B: ${row.row} (${row.user})`))
}
if (a.report && b.report) {
	console.log()
	console.log(`quarterly report: A ${a.report.seconds.toFixed(1)} s (${a.report.status}), B ${b.report.seconds.toFixed(1)} s (${b.report.status}), × ${(b.report.seconds / a.report.seconds).toFixed(2)}`)
}
