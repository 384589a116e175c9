#!/usr/bin/env bash
# Usage: scripts/install-instance.sh <instance-dir> <base-url>
# Installs (or refreshes) a Nextcloud with SQLite in <instance-dir>/nextcloud, data in
# <instance-dir>/data, with this repository as the app "pilotfeedback", enabled and seeded
# with the default catalogue and the demo accounts. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/common.sh"

[[ $# -eq 2 ]] || die "usage: $0 <instance-dir> <base-url>"
instance="$1"
base_url="$2"
server="$instance/nextcloud"
source_dir="$("$(dirname "$0")/nextcloud-source.sh")"

occ() {
	php "$server/occ" --no-interaction --no-warnings "$@"
}

log "Copying Nextcloud from $source_dir to $server"
mkdir -p "$server" "$instance/data"
# Keep what the install created (config.php, the app link); don't bring back the web installer.
rsync -a --delete \
	--exclude=/config/config.php --exclude=/config/CAN_INSTALL --exclude=/custom_apps/ \
	"$source_dir/" "$server/"

if [[ -s "$server/config/config.php" ]] && occ status --output=json | grep -q '"installed":true'; then
	log "Nextcloud already installed in $server"
	if occ status --output=json | grep -q '"needsDbUpgrade":true'; then
		occ upgrade
	fi
else
	log "Installing Nextcloud (SQLite, admin/$ADMIN_PASSWORD)"
	occ maintenance:install --database=sqlite \
		--admin-user=admin --admin-pass="$ADMIN_PASSWORD" --data-dir="$instance/data"
fi

log "Configuring $base_url and linking the app"
mkdir -p "$server/custom_apps"
ln -sfn "$REPO_DIR" "$server/custom_apps/pilotfeedback"
php -r '
	[, $server, $url] = $argv;
	echo json_encode(["system" => [
		"trusted_domains" => ["localhost", "127.0.0.1"],
		"overwrite.cli.url" => $url,
		"apps_paths" => [
			["path" => "$server/apps", "url" => "/apps", "writable" => false],
			["path" => "$server/custom_apps", "url" => "/custom_apps", "writable" => true],
		],
	]]);
' "$server" "$base_url" | occ config:import
occ background:cron

log "Enabling pilotfeedback and seeding the catalogue and demo data"
occ app:enable pilotfeedback
occ pilotfeedback:catalogue:install
occ pilotfeedback:demo:seed --quiet # the logins are printed by dev.sh
