#!/usr/bin/env bash
# Usage: scripts/print-totals.sh
# Prints the totals of every suite of the last `make test`: the Vitest unit tests, PHPUnit,
# the integration and browser suites per database, and the cluster subset (a suite without
# results says so).
set -uo pipefail
source "$(dirname "$0")/common.sh"

unit="$RUNTIME/unit-results"
{
	echo "Totals of every suite:"
if [[ -f "$unit/vitest-unit.json" ]]; then
	node -e '
		const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
		console.log(`  Vitest unit:  ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped (${r.testResults.length} files)`)
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
if [[ -f "$unit/phpunit-documents.xml" ]]; then
	php -r '
		$s = simplexml_load_file($argv[1])->testsuite;
		$failed = (int)$s["failures"] + (int)$s["errors"];
		printf("  Documents:    %d passed, %d failed, %d skipped (LibreOffice)\n", (int)$s["tests"] - $failed - (int)$s["skipped"], $failed, (int)$s["skipped"]);
	' "$unit/phpunit-documents.xml"
else
	echo '  Documents:    no results (the stage did not run)'
fi
if [[ -f "$unit/vitest-cluster.json" ]]; then
	node -e '
		const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
		console.log(`  Cluster:      ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped (${r.testResults.length} files through the balancer)`)
	' "$unit/vitest-cluster.json"
else
	echo '  Cluster:      no results (the stage did not run)'
fi
if [[ -f "$RUNTIME/results/summary.txt" ]]; then
	cat "$RUNTIME/results/summary.txt"
else
	echo '  integration and browser suites: no results (the stage did not run)'
fi
} | tee "$RUNTIME/totals.txt"

# One closing line over all of them; a suite without results counts as one failure.
passed=0
failed=0
while IFS= read -r line; do
	if [[ "$line" =~ ^(\ \ Vitest\ unit:|\ \ Cluster:|\ \ PHPUnit:|\ \ Documents:|integration:)\ +([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		passed=$((passed + BASH_REMATCH[2]))
		failed=$((failed + BASH_REMATCH[3]))
	elif [[ "$line" =~ ^\ \ [A-Za-z\ ]+:\ +no\ results ]]; then
		failed=$((failed + 1))
	fi
done <"$RUNTIME/totals.txt"
echo "total: $passed passed, $failed failed"
