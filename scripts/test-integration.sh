#!/usr/bin/env bash
# Runs the integration and browser suites (vitest.integration.config.ts) on a fresh throwaway
# Nextcloud per database, with the app installed from the app store tarball (make appstore),
# and ends with a table of every suite's totals per database.
#
# - Nextcloud comes from NEXTCLOUD_DIR or NEXTCLOUD_ARCHIVE (scripts/nextcloud-source.sh).
# - DB=sqlite|pgsql|mysql (or a comma-separated list) picks the databases; unset, every one
#   whose server is installed runs, and the others are named with the reason. In CI (CI=true)
#   a database that cannot run is a failure, never a skip.
# - PostgreSQL and MariaDB run as throwaway servers in $RUNTIME/db-<db> on PGSQL_PORT (25432)
#   and MYSQL_PORT (23306), stopped afterwards, also on failure (scripts/db-server.sh).
# - Each instance is served on http://127.0.0.1:${TEST_PORT:-8081} for its run.
# - Only NEXTCLOUD_URL set: runs once against that server, which must hold the demo data.
# - None of them (outside CI): skips, saying how to run them.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/db-server.sh"
cd "$REPO_DIR"

results="$RUNTIME/results"
summarize() { # also kept in $results/summary.txt, which .ci/run prints again at its end
	node scripts/summarize-results.mjs "$results" "$@" | tee "$results/summary.txt"
}
run_suites() { # <label>
	npx vitest run --config vitest.integration.config.ts \
		--reporter=default --reporter=json --outputFile.json="$results/$1.json"
}

if [[ -z "${NEXTCLOUD_DIR:-}" && -z "${NEXTCLOUD_ARCHIVE:-}" ]]; then
	if [[ -n "${NEXTCLOUD_URL:-}" ]]; then
		log "Running integration and browser tests against $NEXTCLOUD_URL"
		rm -rf "$results" && mkdir -p "$results"
		status=0
		run_suites server || status=$?
		summarize server
		exit "$status"
	elif [[ "${CI:-}" == true ]]; then
		die "CI must run the integration and browser suites, but there is no Nextcloud: set NEXTCLOUD_ARCHIVE to a Nextcloud release archive or NEXTCLOUD_DIR to an unpacked Nextcloud (.ci/run sets NEXTCLOUD_ARCHIVE when ../shared/nextcloud/ holds one)"
	else
		echo 'SKIPPED: integration and browser tests need NEXTCLOUD_ARCHIVE (a release archive), NEXTCLOUD_DIR (an unpacked Nextcloud) or NEXTCLOUD_URL (a running one with the demo data); see README.md'
		exit 0
	fi
fi

version="$(sed -n 's|.*<version>\(.*\)</version>.*|\1|p' appinfo/info.xml | head -n1)"
tarball="${APP_TARBALL:-$REPO_DIR/build/artifacts/pilotfeedback-$version.tar.gz}"
[[ -f "$tarball" ]] || die "no app tarball $tarball; build it with make appstore (or set APP_TARBALL)"

port="${TEST_PORT:-8081}"
[[ "$port" =~ ^[0-9]+$ && "$port" -ge 1024 && "$port" -le 65535 ]] || die "TEST_PORT=$port is not a port number between 1024 and 65535"
export NEXTCLOUD_URL="http://127.0.0.1:$port"

# Which databases, and why the others don't run.
all_dbs=(sqlite pgsql mysql)
dbs=()
skipped=()
if [[ -n "${DB:-}" ]]; then
	IFS=', ' read -r -a wanted <<<"$DB"
	for db in "${wanted[@]}"; do
		[[ " ${all_dbs[*]} " == *" $db "* ]] || die "DB=$DB: unknown database '$db'; use sqlite, pgsql or mysql (or a comma-separated list)"
		why="$(db_available "$db")" || die "DB=$DB asks for $db, but $why"
		dbs+=("$db")
	done
else
	for db in "${all_dbs[@]}"; do
		if why="$(db_available "$db")"; then
			dbs+=("$db")
		else
			skipped+=("$db: $why")
		fi
	done
fi
for s in "${skipped[@]}"; do
	echo "SKIPPED database $s" >&2
done
if [[ "${CI:-}" == true && ${#skipped[@]} -gt 0 ]]; then
	die "CI runs the suites on every database, but ${#skipped[@]} cannot run (above); .ci/run installs their packages"
fi

# Unpack the archive (once) before the per-database runs, so its time is counted once.
source_dir="$(scripts/nextcloud-source.sh)"

# run_db <db>: one fresh instance on that database, the suites against it; in a subshell, so
# its traps stop the web and database servers whatever happens, and a failure on one database
# still lets the others run.
run_db() (
	set -euo pipefail
	db="$1"
	instance="$RUNTIME/test-$db"
	server_pgid=''
	cleanup() {
		set +e # a trap that fails half-way would leave the database server running
		if [[ -n "$server_pgid" ]]; then
			# The next database's run needs the port: wait until every worker has let go of it.
			kill -- "-$server_pgid" 2>/dev/null
			for _ in $(seq 50); do
				kill -0 -- "-$server_pgid" 2>/dev/null || break
				sleep 0.2
			done
			kill -9 -- "-$server_pgid" 2>/dev/null
		fi
		db_stop
		return 0
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM

	port_free "$port" TEST_PORT
	started=$SECONDS
	rm -rf "$instance"
	if [[ "$db" != sqlite ]]; then
		db_start "$db" "$RUNTIME/db-$db"
		export DB_HOST DB_PORT DB_NAME DB_ADMIN_USER DB_ADMIN_PASS
	fi
	NEXTCLOUD_DIR="$source_dir" scripts/install-instance.sh --db "$db" --app-tarball "$tarball" "$instance" "$NEXTCLOUD_URL"
	occ() {
		php "$instance/nextcloud/occ" --no-interaction --no-warnings "$@"
	}
	# The suites that run occ (background jobs, the export command) find the server here.
	export NEXTCLOUD_SERVER_DIR="$instance/nextcloud"
	# Keep the throwaway server from reaching out to the internet during tests.
	occ config:system:set has_internet_connection --type=boolean --value=false
	occ config:system:set appstoreenabled --type=boolean --value=false
	# The suites together ask for far more reports as bmi than an honest user would in ten
	# minutes; the limit itself is tested with the overwrite removed (reports-faults.spec.ts).
	occ config:system:set ratelimit_overwrite pilotfeedback.report.create user limit --value=100000 --type=integer
	occ config:system:set ratelimit_overwrite pilotfeedback.report.create user period --value=600 --type=integer
	occ config:system:set ratelimit_overwrite pilotfeedback.reportTemplate.choose user limit --value=100000 --type=integer
	occ config:system:set ratelimit_overwrite pilotfeedback.reportTemplate.choose user period --value=600 --type=integer
	[[ -L "$instance/nextcloud/custom_apps/pilotfeedback" ]] && die "the app is a link, not the tarball"
	log "[$db] The app under test: $(occ app:list --output=json | php -r '$a = json_decode(stream_get_contents(STDIN), true); echo "pilotfeedback ", $a["enabled"]["pilotfeedback"] ?? "NOT ENABLED";') from ${tarball#"$REPO_DIR"/}, database $(occ config:system:get dbtype)"
	printf '%s\t%s\t%d\n' "$db" install $((SECONDS - started)) >>"$results/times.tsv"

	log "[$db] Starting $NEXTCLOUD_URL (log: $instance/server.log)"
	# In its own process group, so that stopping it also stops its worker processes.
	PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$instance/nextcloud" >"$instance/server.log" 2>&1 &
	server_pgid=$!
	for _ in $(seq 50); do
		curl -sf -o /dev/null "$NEXTCLOUD_URL/status.php" && break
		sleep 0.2
	done
	curl -sf -o /dev/null "$NEXTCLOUD_URL/status.php" || {
		tail -n 20 "$instance/server.log" >&2
		die "Nextcloud did not answer on $NEXTCLOUD_URL"
	}

	log "[$db] Running integration and browser tests against $NEXTCLOUD_URL"
	# The reports suite runs the queued background jobs with this server's occ.
	export NEXTCLOUD_SERVER_DIR="$instance/nextcloud"
	started=$SECONDS
	status=0
	run_suites "$db" || status=$?
	printf '%s\t%s\t%d\n' "$db" suites $((SECONDS - started)) >>"$results/times.tsv"
	exit "$status"
)

rm -rf "$results" && mkdir -p "$results"
failed=()
for db in "${dbs[@]}"; do
	started=$SECONDS
	# Not `run_db || ...`: bash would ignore set -e inside it.
	set +e
	run_db "$db"
	rc=$?
	set -e
	((rc != 130)) || die "interrupted"
	((rc == 0)) || failed+=("$db")
	log "[$db] done in $((SECONDS - started)) s"
done

summarize "${dbs[@]}"
for s in "${skipped[@]}"; do
	echo "not run: $s"
done
if ((${#failed[@]})); then
	die "the suites failed on: ${failed[*]} (see above)"
fi
