#!/usr/bin/env bash
# Usage: scripts/install-instance.sh [--db sqlite|pgsql|mysql] [--app-tarball FILE] <instance-dir> <base-url>
# Installs (or refreshes) a Nextcloud in <instance-dir>/nextcloud, data in <instance-dir>/data,
# with the app "pilotfeedback" enabled and seeded with the default catalogue and the demo
# accounts (by the development app dev/pilotfeedback_dev, linked in and enabled beside it;
# it never ships in the tarball). Safe to run again.
#   --db              the database (default sqlite). pgsql and mysql need a running server:
#                     DB_HOST, DB_PORT, DB_NAME, DB_ADMIN_USER and DB_ADMIN_PASS name it, an
#                     empty database and an account that may create Nextcloud's database user
#                     (scripts/db-server.sh starts such a throwaway server).
#   --app-tarball     install the app from this app store tarball (make appstore), unpacked
#                     into custom_apps/; without it, this repository is linked in (make dev).
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage="usage: $0 [--db sqlite|pgsql|mysql] [--app-tarball FILE] <instance-dir> <base-url>"
db=sqlite
tarball=''
while [[ $# -gt 0 ]]; do
	case "$1" in
		--db)
			[[ $# -ge 2 ]] || die "--db needs a value: sqlite, pgsql or mysql"
			db="$2"
			shift 2
			;;
		--app-tarball)
			[[ $# -ge 2 ]] || die "--app-tarball needs a file (build it with make appstore)"
			tarball="$2"
			shift 2
			;;
		--) shift; break ;;
		-*) die "unknown option $1; $usage" ;;
		*) break ;;
	esac
done
[[ $# -eq 2 ]] || die "$usage"
case "$db" in
	sqlite | pgsql | mysql) ;;
	*) die "--db $db: unknown database; use sqlite, pgsql or mysql" ;;
esac
if [[ "$db" != sqlite ]]; then
	for var in DB_HOST DB_PORT DB_NAME DB_ADMIN_USER DB_ADMIN_PASS; do
		[[ -n "${!var:-}" ]] || die "--db $db needs $var (the server and an administrator account; scripts/test-integration.sh starts a throwaway server and sets them)"
	done
fi
if [[ -n "$tarball" ]]; then
	[[ -f "$tarball" ]] || die "--app-tarball $tarball does not exist; build it with make appstore"
	tarball="$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")"
fi
instance="$1"
base_url="$2"
[[ "$base_url" =~ ^https?://[^/]+ ]] || die "<base-url> $base_url is not a URL such as http://127.0.0.1:8080"
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
	db_args=(--database="$db")
	if [[ "$db" != sqlite ]]; then
		db_args+=(--database-host="$DB_HOST:$DB_PORT" --database-name="$DB_NAME"
			--database-user="$DB_ADMIN_USER" --database-pass="$DB_ADMIN_PASS")
	fi
	log "Installing Nextcloud ($db, admin/$ADMIN_PASSWORD)"
	occ maintenance:install "${db_args[@]}" \
		--admin-user=admin --admin-pass="$ADMIN_PASSWORD" --data-dir="$instance/data"
fi

mkdir -p "$server/custom_apps"
rm -rf "$server/custom_apps/pilotfeedback" "$server/custom_apps/pilotfeedback_dev"
ln -sfn "$REPO_DIR/dev/pilotfeedback_dev" "$server/custom_apps/pilotfeedback_dev"
if [[ -n "$tarball" ]]; then
	log "Configuring $base_url and installing the app from $tarball"
	tar -xzf "$tarball" -C "$server/custom_apps"
	[[ -f "$server/custom_apps/pilotfeedback/appinfo/info.xml" ]] \
		|| die "$tarball has no pilotfeedback/appinfo/info.xml; rebuild it with make appstore"
else
	log "Configuring $base_url and linking the app from $REPO_DIR"
	ln -sfn "$REPO_DIR" "$server/custom_apps/pilotfeedback"
fi
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
' "$server" "$base_url" | occ config:import >/dev/null
occ background:cron

log "Enabling pilotfeedback (and its development app) and seeding the catalogue and demo data"
occ app:enable pilotfeedback
occ app:enable pilotfeedback_dev
# Nextcloud's first-run wizard would cover the app at every demo user's first login.
occ app:disable firstrunwizard >/dev/null 2>&1 || true
occ pilotfeedback:catalogue:install
occ pilotfeedback:demo:seed --password="$DEMO_PASSWORD" --quiet # the logins are printed by dev.sh
