#!/usr/bin/env bash
# Usage: scripts/bench.sh
# Benchmarks the item list, the title suggestions and the consolidation (results, trend,
# items overview) through the OCS API of a running Nextcloud: seeds it with synthetic data
# once (occ pilotfeedback:bench:seed: 200 tester accounts of RKI and BSH, 20 000 items,
# 100 000 assessments with a score per criterion over 12 closed months), then runs
# test/bench/bench.mjs, which prints the median and 95th percentile per endpoint and user,
# each next to Nextcloud's own /cloud/user floor measured in the same run, and PHP's peak
# memory per request: for the run, the system config pilotfeedback.bench is set, which makes
# the app send X-PilotFeedback-Peak-Memory; the earlier value is restored at the end.
#
# NEXTCLOUD_URL     the server to measure (default http://127.0.0.1:8080, the one of make dev)
# BENCH_INSTANCE    the instance directory holding nextcloud/ for occ (default: the one of make dev)
# BENCH_ITEMS, BENCH_ASSESSMENTS, BENCH_MONTHS   how much to seed (default 20000, 100000, 12)
# BENCH_REQUESTS, BENCH_WARMUP     measured and warm-up requests per row (default 50, 5)
# BENCH_SERVER_PID  pid(s) of the PHP server, comma-separated, to print its peak memory (found via ss if unset)
set -euo pipefail
source "$(dirname "$0")/common.sh"

url="${NEXTCLOUD_URL:-http://127.0.0.1:8080}"
url="${url%/}"
instance="${BENCH_INSTANCE:-$RUNTIME/dev}"
server="$instance/nextcloud"

[[ -f "$server/occ" ]] || die "no Nextcloud in $server; start one with make dev or set BENCH_INSTANCE"
command -v node >/dev/null || die "node is missing"
curl -fsS -o /dev/null "$url/status.php" || die "no Nextcloud answers at $url; start it with make dev or set NEXTCLOUD_URL"

occ() {
	php "$server/occ" --no-interaction --no-warnings "$@"
}

configured="$(occ config:system:get overwrite.cli.url || true)"
if [[ "${configured%/}" != "$url" ]]; then
	log "warning: $server is configured for ${configured:-no URL}, but the benchmark measures $url"
fi

if occ pilotfeedback:bench:seed --check; then
	log "Bench data present; not seeding again (occ pilotfeedback:bench:seed --force reseeds)"
else
	log "Seeding bench data into $server"
	occ pilotfeedback:bench:seed --items "${BENCH_ITEMS:-20000}" --assessments "${BENCH_ASSESSMENTS:-100000}" --months "${BENCH_MONTHS:-12}"
fi

if [[ -z "${BENCH_SERVER_PID:-}" && "$url" =~ ^https?://[^/]+:([0-9]+) ]] && command -v ss >/dev/null; then
	port="${BASH_REMATCH[1]}"
	# every worker of `php -S` listens on the port; the client adds their children too
	BENCH_SERVER_PID="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -un | paste -sd, || true)"
fi
export BENCH_SERVER_PID="${BENCH_SERVER_PID:-}"

# The peak-memory header, for this run only.
previous_flag="$(occ config:system:get pilotfeedback.bench || true)"
restore_flag() {
	if [[ -z "$previous_flag" ]]; then
		occ config:system:delete pilotfeedback.bench >/dev/null
	else
		occ config:system:set pilotfeedback.bench --type=boolean --value="$previous_flag" >/dev/null
	fi
}
trap restore_flag EXIT
occ config:system:set pilotfeedback.bench --type=boolean --value=true >/dev/null

log "Measuring $url"
NEXTCLOUD_URL="$url" node "$REPO_DIR/test/bench/bench.mjs"
