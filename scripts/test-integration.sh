#!/usr/bin/env bash
# Runs the integration and browser suites (vitest.integration.config.ts).
# - NEXTCLOUD_DIR set: installs a fresh throwaway Nextcloud from it, serves it on
#   http://127.0.0.1:${TEST_PORT:-8081} for the run, and stops it afterwards.
# - only NEXTCLOUD_URL set: runs against that server, which must hold the demo data.
# - neither: skips.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$REPO_DIR"

run_suites() {
	npx vitest run --config vitest.integration.config.ts
}

if [[ -z "${NEXTCLOUD_DIR:-}" ]]; then
	if [[ -n "${NEXTCLOUD_URL:-}" ]]; then
		log "Running integration and browser tests against $NEXTCLOUD_URL"
		run_suites
	else
		echo 'SKIPPED: integration and browser tests need NEXTCLOUD_DIR (a Nextcloud server directory) or NEXTCLOUD_URL'
	fi
	exit 0
fi

port="${TEST_PORT:-8081}"
export NEXTCLOUD_URL="http://127.0.0.1:$port"
instance="$RUNTIME/test"
if curl -s -o /dev/null "$NEXTCLOUD_URL"; then
	die "port $port is in use; stop that server or set TEST_PORT"
fi

rm -rf "$instance"
"$(dirname "$0")/install-instance.sh" "$instance" "$NEXTCLOUD_URL"
# Keep the throwaway server from reaching out to the internet during tests.
php "$instance/nextcloud/occ" --no-warnings config:system:set has_internet_connection --type=boolean --value=false
php "$instance/nextcloud/occ" --no-warnings config:system:set appstoreenabled --type=boolean --value=false

log "Starting $NEXTCLOUD_URL (log: $instance/server.log)"
# In its own process group, so that stopping it also stops its worker processes.
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$instance/nextcloud" >"$instance/server.log" 2>&1 &
server_pgid=$!
trap 'kill -- "-$server_pgid" 2>/dev/null || true' EXIT

for _ in $(seq 50); do
	curl -sf -o /dev/null "$NEXTCLOUD_URL/status.php" && break
	sleep 0.2
done
curl -sf -o /dev/null "$NEXTCLOUD_URL/status.php" || {
	tail -n 20 "$instance/server.log" >&2
	die "Nextcloud did not answer on $NEXTCLOUD_URL"
}

log "Running integration and browser tests against $NEXTCLOUD_URL"
run_suites
