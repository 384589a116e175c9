#!/usr/bin/env bash
# Installs or refreshes the development Nextcloud (see install-instance.sh) and serves it
# in the foreground on http://127.0.0.1:${DEV_PORT:-8080}, running Nextcloud's background jobs
# every 30 s meanwhile (exports and reports are made there). Stop it with Ctrl+C.
set -euo pipefail
source "$(dirname "$0")/common.sh"

port="${DEV_PORT:-8080}"
url="http://127.0.0.1:$port"
instance="$RUNTIME/dev"

"$(dirname "$0")/install-instance.sh" "$instance" "$url"
# Months of ratings, releases and items, so that the consolidation is not empty on first start
# (only here: the test instances keep the bare demo accounts; running it again adds nothing).
php "$instance/nextcloud/occ" --no-interaction --no-warnings pilotfeedback:demo:seed --password="$DEMO_PASSWORD" --activity --quiet

echo
echo "Pilot Feedback:  $url/index.php/apps/pilotfeedback/"
echo "Nextcloud files: $instance (delete it to start over)"
echo
print_logins
echo

# The web server's access log would drown the terminal; Nextcloud's own log is in its data folder.
access_log="$instance/php-server.log"
echo "Access log:      $access_log"
echo "Nextcloud log:   $instance/data/nextcloud.log"
echo "Background jobs: every 30 s (php cron.php), so queued exports and reports finish by themselves"
echo

# Background jobs, as the system cron of a real installation would run them; stopped with the server.
(
	while sleep 30; do
		php "$instance/nextcloud/cron.php" >>"$instance/cron.log" 2>&1 || true
	done
) &
cron_pid=$!
trap 'kill "$cron_pid" 2>/dev/null || true' EXIT

log "Serving $url (Ctrl+C to stop)"
PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$port" -t "$instance/nextcloud" 2>>"$access_log"
