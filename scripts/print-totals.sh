#!/usr/bin/env bash
# Usage: scripts/print-totals.sh
# Prints the totals of every suite of the last `make test`: the Vitest unit tests, PHPUnit,
# and the integration and browser suites per database (a suite without results says so).
set -uo pipefail
source "$(dirname "$0")/common.sh"

unit="$RUNTIME/unit-results"
echo 'Totals of every suite:'
if [[ -f "$unit/vitest-unit.json" ]]; then
	node -e '
		const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
		console.log(`  Vitest unit:  ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped (${r.numTotalTestSuites} files)`)
	' "$unit/vitest-unit.json"
else
	echo '  Vitest unit:  no results (the stage did not run)'
fi
if [[ -f "$unit/phpunit.xml" ]]; then
	php -r '
		$s = simplexml_load_file($argv[1])->testsuite;
		$failed = (int)$s["failures"] + (int)$s["errors"];
		printf("  PHPUnit:      %d passed, %d failed, %d skipped\n", (int)$s["tests"] - $failed - (int)$s["skipped"], $failed, (int)$s["skipped"]);
	' "$unit/phpunit.xml"
else
	echo '  PHPUnit:      no results (the stage did not run)'
fi
if [[ -f "$RUNTIME/results/summary.txt" ]]; then
	cat "$RUNTIME/results/summary.txt"
else
	echo '  integration and browser suites: no results (the stage did not run)'
fi
