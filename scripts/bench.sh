#!/usr/bin/env bash
# Usage: scripts/bench.sh
# Benchmarks the item list (filtered and sorted, text search), the title suggestions, the
# consolidation (results, trend, participation, items overview for a month, a quarter, 12
# months and all seeded months; all organisations, one, released only) and the quarterly
# report through the OCS API of a Nextcloud: seeds it with synthetic data once (occ
# pilotfeedback:bench:seed), then runs test/bench/bench.mjs, which prints the median and 95th
# percentile per row and user, each next to Nextcloud's own /cloud/user floor measured in the
# same run, and PHP's peak memory per request: for the run, the system config
# pilotfeedback.bench is set, which makes the app send X-PilotFeedback-Peak-Memory; the
# earlier value is restored at the end.
#
# Which Nextcloud:
# BENCH_DB          unset: a running server (NEXTCLOUD_URL, BENCH_INSTANCE; default the one of
#                   make dev). sqlite, pgsql or mysql: an instance of its own, installed when missing
#                   (scripts/install-instance.sh --db), served by `php -S` with
#                   PHP_CLI_SERVER_WORKERS=4 unless something answers at its URL already; for
#                   pgsql and mysql with a throwaway PostgreSQL or MariaDB (scripts/db-server.sh,
#                   run as the system user postgres or mysql) whose data lives in BENCH_RUNTIME
#                   and is started again from there when it is stopped
# BENCH_INSTANCE    the instance directory holding nextcloud/ (default: the one of make dev, or
#                   $PILOTFEEDBACK_RUNTIME/bench-<db> with BENCH_DB)
# BENCH_PORT        port of the server with BENCH_DB (default 8190 for sqlite, 8191 for pgsql,
#                   8192 for mysql)
# BENCH_RUNTIME     folder for the PostgreSQL data and logs, outside the repository and
#                   reachable by the user postgres (default /tmp/pilotfeedback-bench)
# PGSQL_PORT        port of that PostgreSQL (default 25492); a server that answers there is used
#                   as it is
# BENCH_PG_DIR      its folder (default $BENCH_RUNTIME/pgsql-$PGSQL_PORT)
# MYSQL_PORT, BENCH_MYSQL_DIR   the same for MariaDB (default 25494, $BENCH_RUNTIME/mysql-$MYSQL_PORT)
# BENCH_APCU        0: serve without APCu as memcache.local (default 1: with it where the
#                   extension is installed, as Nextcloud recommends for production)
# BENCH_KEEP        1: leave the server and database this script started running (default:
#                   stop them at the end); the instance and its data always stay
# NEXTCLOUD_URL     the server to measure without BENCH_DB (default http://127.0.0.1:8080)
#
# How much data (seeded only when the instance has no bench data yet, or with BENCH_RESEED=1):
# BENCH_SCALE       100k (default: 100 000 assessments, 20 000 items, 200 testers, 2
#                   organisations, 12 months) or 1m (1 000 000 assessments, 200 000 items,
#                   2 000 testers in 50 organisations, 24 months); each number can be set alone:
# BENCH_ASSESSMENTS, BENCH_ITEMS, BENCH_USERS, BENCH_ORGS, BENCH_MONTHS
# BENCH_COMPONENTS  components each tester can rate a month, at least (default 0: as many as
#                   the assessments need); to compare 100 000 with 1 000 000 on one catalogue,
#                   seed both with BENCH_SCALE=1m BENCH_COMPONENTS=21 and set BENCH_ASSESSMENTS
# BENCH_RESEED      1: delete the bench data and seed again (occ pilotfeedback:bench:seed --force)
#
# Measuring (passed to test/bench/bench.mjs, which documents more):
# BENCH_REQUESTS, BENCH_WARMUP     measured and warm-up requests per row (default 30, 3)
# BENCH_ROWS        regular expression: measure only the rows it matches (the floor always)
# BENCH_RANGES, BENCH_SCOPES, BENCH_REPORT   which ranges, scopes and whether the report
# BENCH_JSON        write the rows as JSON to this file (compare two: test/bench/compare.mjs)
# BENCH_SERVER_PID  pid(s) of the PHP server, comma-separated, to print its peak memory (found via ss if unset)
set -euo pipefail
source "$(dirname "$0")/common.sh"

case "${BENCH_SCALE:-100k}" in
	100k) scale=(100000 20000 200 2 12) ;;
	1m) scale=(1000000 200000 2000 50 24) ;;
	*) die "BENCH_SCALE=${BENCH_SCALE}: use 100k or 1m" ;;
esac
assessments="${BENCH_ASSESSMENTS:-${scale[0]}}"
items="${BENCH_ITEMS:-${scale[1]}}"
users="${BENCH_USERS:-${scale[2]}}"
orgs="${BENCH_ORGS:-${scale[3]}}"
months="${BENCH_MONTHS:-${scale[4]}}"

db="${BENCH_DB:-}"
started_server=''
started_db=''
seed_restore=()
cleanup() {
	if [[ ${#seed_restore[@]} -gt 0 ]]; then
		restore_seeding_config
	fi
	if [[ -n "${restore_flag_needed:-}" ]]; then
		restore_flag
	fi
	if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
		if [[ -n "$started_server" ]]; then
			kill "$started_server" 2>/dev/null || true
			log "Stopped the PHP server $started_server"
		fi
		if [[ -n "$started_db" ]]; then
			db_stop
		fi
	fi
}
trap cleanup EXIT

if [[ -n "$db" ]]; then
	case "$db" in
		sqlite) default_port=8190 ;;
		pgsql) default_port=8191 ;;
		mysql) default_port=8192 ;;
		*) die "BENCH_DB=$db: use sqlite, pgsql or mysql" ;;
	esac
	port="${BENCH_PORT:-$default_port}"
	url="http://127.0.0.1:$port"
	instance="${BENCH_INSTANCE:-$RUNTIME/bench-$db}"
	server="$instance/nextcloud"
	if [[ "$db" != sqlite ]]; then
		source "$REPO_DIR/scripts/db-server.sh"
		why="$(db_available "$db")" || die "cannot benchmark on $db: $why"
		if [[ "$db" == pgsql ]]; then
			export PGSQL_PORT="${PGSQL_PORT:-25492}"
			db_port="$PGSQL_PORT"
			db_dir_here="${BENCH_PG_DIR:-${BENCH_RUNTIME:-/tmp/pilotfeedback-bench}/pgsql-$PGSQL_PORT}"
			answers() { "$(pg_bindir)/pg_isready" --quiet --host=127.0.0.1 --port="$PGSQL_PORT"; }
			initialised="$db_dir_here/data/PG_VERSION"
		else
			export MYSQL_PORT="${MYSQL_PORT:-25494}"
			db_port="$MYSQL_PORT"
			db_dir_here="${BENCH_MYSQL_DIR:-${BENCH_RUNTIME:-/tmp/pilotfeedback-bench}/mysql-$MYSQL_PORT}"
			answers() { mariadb --no-defaults --host=127.0.0.1 --port="$MYSQL_PORT" --user="$DB_ADMIN_USER" --password="$DB_ADMIN_PASS" -e 'SELECT 1' >/dev/null 2>&1; }
			initialised="$db_dir_here/data/mysql"
		fi
		if answers; then
			log "$db already answers on port $db_port; using it"
		elif [[ -e "$initialised" && -f "$server/config/config.php" ]]; then
			db_restart "$db" "$db_dir_here"
			started_db=yes
		else
			# A new, empty database: the instance must be installed into it afresh.
			db_start "$db" "$db_dir_here"
			started_db=yes
			rm -rf "$instance"
		fi
		export DB_HOST=127.0.0.1 DB_PORT="$db_port" DB_NAME DB_ADMIN_USER DB_ADMIN_PASS
	fi
	if [[ ! -f "$server/config/config.php" ]] || ! php "$server/occ" status --output=json 2>/dev/null | grep -q '"installed":true'; then
		log "Installing a $db instance in $instance for $url"
		"$REPO_DIR/scripts/install-instance.sh" --db "$db" "$instance" "$url"
	fi
	if php "$server/occ" status --output=json 2>/dev/null | grep -q '"needsDbUpgrade":true'; then
		log "Upgrading $instance to this tree's version of the app"
		php "$server/occ" --no-interaction --no-warnings upgrade >/dev/null || die "occ upgrade failed in $server"
	fi
	# Configured as Nextcloud recommends for production: APCu as the local cache (and, with no
	# distributed cache set, as that too). php -S is PHP's CLI, where APCu is off unless enabled;
	# occ keeps running without it (Nextcloud falls back to no cache on the command line).
	# BENCH_APCU=0 serves without it (as before 0.4.4), to compare with older figures.
	apcu=()
	if [[ "${BENCH_APCU:-1}" == 0 ]]; then
		php "$server/occ" --no-warnings config:system:delete memcache.local >/dev/null
	elif php -r 'exit(extension_loaded("apcu") ? 0 : 1);'; then
		php "$server/occ" --no-warnings config:system:set memcache.local --value='\OC\Memcache\APCu' >/dev/null
		apcu=(-d apc.enable_cli=1 -d apc.shm_size=128M)
	fi
	if ! curl -fsS -o /dev/null "$url/status.php" 2>/dev/null; then
		log "Serving $server on $url (php -S, 4 workers${apcu:+, APCu}; log $instance/server.log)"
		PHP_CLI_SERVER_WORKERS=4 setsid php "${apcu[@]}" -S "127.0.0.1:$port" -t "$server" >"$instance/server.log" 2>&1 &
		started_server=$!
		for _ in $(seq 50); do
			curl -fsS -o /dev/null "$url/status.php" 2>/dev/null && break
			sleep 0.2
		done
	fi
else
	url="${NEXTCLOUD_URL:-http://127.0.0.1:8080}"
	instance="${BENCH_INSTANCE:-$RUNTIME/dev}"
	server="$instance/nextcloud"
fi
url="${url%/}"

[[ -f "$server/occ" ]] || die "no Nextcloud in $server; start one with make dev, set BENCH_INSTANCE, or set BENCH_DB=sqlite|pgsql"
command -v node >/dev/null || die "node is missing"
curl -fsS -o /dev/null "$url/status.php" || die "no Nextcloud answers at $url; start it with make dev or set NEXTCLOUD_URL"

occ() {
	php "$server/occ" --no-interaction --no-warnings "$@"
}

configured="$(occ config:system:get overwrite.cli.url || true)"
if [[ "${configured%/}" != "$url" ]]; then
	log "warning: $server is configured for ${configured:-no URL}, but the benchmark measures $url"
fi
if occ status --output=json | grep -q '"needsDbUpgrade":true'; then
	log "Upgrading $server (the app's version changed)"
	occ upgrade
fi

# set_config_for_seeding <key> <type> <value>: sets a system config value and remembers the earlier one.
set_config_for_seeding() {
	local earlier
	earlier="$(occ config:system:get "$1" || true)"
	seed_restore+=("$1|$2|$earlier")
	occ config:system:set "$1" --type="$2" --value="$3" >/dev/null
}
restore_seeding_config() {
	local entry key type value
	for entry in "${seed_restore[@]}"; do
		IFS='|' read -r key type value <<<"$entry"
		if [[ -z "$value" ]]; then
			occ config:system:delete "$key" >/dev/null
		else
			occ config:system:set "$key" --type="$type" --value="$value" >/dev/null
		fi
	done
	seed_restore=()
}

if [[ "${BENCH_RESEED:-0}" != 1 ]] && occ pilotfeedback:bench:seed --check; then
	log "Bench data present; not seeding again (BENCH_RESEED=1 or occ pilotfeedback:bench:seed --force reseeds)"
else
	log "Seeding $assessments assessments, $items items, $users testers in $orgs organisations over $months months into $server"
	# The testers' passwords are random and never used: bcrypt at its lowest cost instead of
	# Argon2id while the accounts are created (the hasher reads the cost when Nextcloud boots).
	set_config_for_seeding hashing_default_password boolean true
	set_config_for_seeding hashingCost integer 4
	force=()
	[[ "${BENCH_RESEED:-0}" == 1 ]] && force=(--force)
	nice -n 10 php "$server/occ" --no-interaction --no-warnings pilotfeedback:bench:seed -v "${force[@]}" \
		--assessments "$assessments" --items "$items" --users "$users" --organisations "$orgs" --months "$months" \
		--components "${BENCH_COMPONENTS:-0}" \
		|| die "seeding failed"
	restore_seeding_config
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
restore_flag_needed=yes
occ config:system:set pilotfeedback.bench --type=boolean --value=true >/dev/null

log "Measuring $url"
NEXTCLOUD_URL="$url" NEXTCLOUD_SERVER_DIR="$server" BENCH_MONTHS="$months" node "$REPO_DIR/test/bench/bench.mjs"
