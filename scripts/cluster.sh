#!/usr/bin/env bash
# Usage: scripts/cluster.sh [--run <command...>]
#        scripts/cluster.sh node <kill|start> <a|b>
# A Nextcloud cluster on this machine, from Debian's packages, as throwaways in $CLUSTER_DIR
# (default /tmp/pilotfeedback-cluster, outside the repository), all stopped on exit:
# - PostgreSQL 15 primary ($PG_PRIMARY_PORT) and one streaming replica ($PG_REPLICA_PORT, hot
#   standby, synchronous_commit = remote_apply), the replica as Nextcloud's dbreplica;
# - Redis ($REDIS_PORT) as memcache.distributed and memcache.locking, and for PHP's sessions;
# - two app servers: two PHP-FPM masters (each its own APCu as memcache.local), one Nextcloud
#   tree and config.php, one data directory;
# - nginx: the balancer (round robin) on $BALANCER_PORT, node a on $NODE_A_PORT and node b on
#   $NODE_B_PORT (Nextcloud's documented nginx configuration);
# - background jobs on node b only (cron mode: cron.php every 30 s).
# The app is linked in from this repository and seeded with the demo data like make dev.
# Without --run it prints the URLs and logins and serves until Ctrl+C; with --run it runs the
# command with NEXTCLOUD_URL (the balancer), NODE_A_URL, NODE_B_URL and NEXTCLOUD_SERVER_DIR
# set, then stops everything and exits with the command's status.
# Missing Debian packages are installed as root (otherwise the apt-get command is printed).
# `node kill a` kills node a's PHP-FPM, master and workers, as a crash would, on the cluster
# running in $PILOTFEEDBACK_CLUSTER_DIR; `node start a` starts it again (the cluster's stop
# stops it then as well). --run exports PILOTFEEDBACK_CLUSTER_DIR, and NODE_A_PIDFILE and
# NODE_B_PIDFILE (the FPM masters' pid files), for test/cluster/node-kill.spec.ts, and
# REDIS_PORT and SESSION_LOCK_EXPIRE, for test/cluster/session-lock.spec.ts.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/db-server.sh"
source "$(dirname "$0")/cluster-services.sh"

run=()
node_action=()
if [[ "${1:-}" == node ]]; then
	[[ $# -eq 3 && "$2" =~ ^(kill|start)$ && "$3" =~ ^[ab]$ ]] || die "usage: $0 node <kill|start> <a|b>"
	node_action=("$2" "$3")
elif [[ "${1:-}" == --run ]]; then
	shift
	[[ $# -gt 0 ]] || die "--run needs a command, such as: npx vitest run --config vitest.integration.config.ts"
	run=("$@")
elif [[ $# -gt 0 ]]; then
	die "usage: $0 [--run <command...>]"
fi

CLUSTER_DIR="${PILOTFEEDBACK_CLUSTER_DIR:-/tmp/pilotfeedback-cluster}"
PG_PRIMARY_PORT="${PG_PRIMARY_PORT:-25481}"
PG_REPLICA_PORT="${PG_REPLICA_PORT:-25482}"
REDIS_PORT="${REDIS_PORT:-26379}"
BALANCER_PORT="${BALANCER_PORT:-8190}"
NODE_A_PORT="${NODE_A_PORT:-8191}"
NODE_B_PORT="${NODE_B_PORT:-8192}"
url="http://127.0.0.1:$BALANCER_PORT"
server="$CLUSTER_DIR/nextcloud"

if ((${#node_action[@]})); then
	case "${node_action[0]}" in
		kill) kill_fpm "${node_action[1]}" && log "Node ${node_action[1]} is dead (its PHP-FPM was killed)" ;;
		start) launch_fpm "${node_action[1]}" && log "Node ${node_action[1]} runs again (PHP-FPM pid $(fpm_pid "${node_action[1]}"))" ;;
	esac
	exit 0
fi

[[ "$CLUSTER_DIR" == /?*/* && "$CLUSTER_DIR" != "$REPO_DIR"* ]] \
	|| die "PILOTFEEDBACK_CLUSTER_DIR=$CLUSTER_DIR: choose a folder of its own outside the repository, such as /tmp/pilotfeedback-cluster"
cluster_requirements
why="$(db_available pgsql)" || die "make cluster needs PostgreSQL: $why"

trap 'cluster_stop; log "Stopped the cluster (its files stay in $CLUSTER_DIR)"' EXIT
trap 'exit 130' INT TERM

mkdir -p "$CLUSTER_DIR"
chmod 755 "$CLUSTER_DIR"
# A new database every time, so the Nextcloud of the last run goes too (its tree is kept, for
# a faster copy).
rm -rf "$CLUSTER_DIR/data" "$server/config/config.php"

start_pg_primary
start_pg_replica
start_redis

export DB_HOST=127.0.0.1 DB_PORT="$PG_PRIMARY_PORT" DB_NAME DB_ADMIN_USER DB_ADMIN_PASS
"${NICE[@]}" "$REPO_DIR/scripts/install-instance.sh" --db pgsql "$CLUSTER_DIR" "$url"

occ() {
	"${NICE[@]}" php "$server/occ" --no-interaction --no-warnings "$@"
}
log "Configuring the cluster: dbreplica, APCu, Redis"
# The replica is reached with the account Nextcloud's installer made on the primary.
php -r '
	[, $config, $port, $redis] = $argv;
	include $config; // $CONFIG: the primary as the installer wrote it
	$rateLimit = ["user" => ["limit" => 100000, "period" => 600]];
	echo json_encode(["system" => [
		"dbreplica" => [[
			"host" => "127.0.0.1", "port" => (int)$port, "dbname" => $CONFIG["dbname"],
			"user" => $CONFIG["dbuser"], "password" => $CONFIG["dbpassword"],
		]],
		"memcache.local" => "\\OC\\Memcache\\APCu",
		"memcache.distributed" => "\\OC\\Memcache\\Redis",
		"memcache.locking" => "\\OC\\Memcache\\Redis",
		"redis" => ["host" => "127.0.0.1", "port" => (int)$redis, "dbindex" => 0, "timeout" => 1.5],
		"filelocking.enabled" => true,
		"has_internet_connection" => false,
		"appstoreenabled" => false,
		// The suites ask for far more reports than an honest user would (as test-integration.sh).
		"ratelimit_overwrite" => [
			"pilotfeedback.report.create" => $rateLimit,
			"pilotfeedback.reportTemplate.choose" => $rateLimit,
		],
	]]);
' "$server/config/config.php" "$PG_REPLICA_PORT" "$REDIS_PORT" >"$CLUSTER_DIR/cluster-config.json"
occ config:import "$CLUSTER_DIR/cluster-config.json"
[[ "$(occ config:system:get memcache.locking)" == '\OC\Memcache\Redis' ]] || die "the cluster's configuration did not reach $server/config/config.php"
# Months of ratings, releases and items, as make dev has them.
occ pilotfeedback:demo:seed --password="$DEMO_PASSWORD" --activity --quiet

start_fpm a
start_fpm b
start_nginx
start_cron

# Each node answers, and the balancer alternates between them.
for port in "$NODE_A_PORT" "$NODE_B_PORT" "$BALANCER_PORT"; do
	curl -sf "http://127.0.0.1:$port/status.php" | grep -q '"installed":true' \
		|| die "Nextcloud does not answer on port $port (logs: $CLUSTER_DIR/nginx/error.log, $CLUSTER_DIR/node-*/php-fpm.log, $CLUSTER_DIR/data/nextcloud.log)"
done
nodes="$(for _ in 1 2 3 4; do curl -sf -o /dev/null -D - "$url/status.php" | sed -n 's/^X-Pilotfeedback-Node: *\([ab]\).*/\1/ip'; done | sort -u | tr -d '\n')"
[[ "$nodes" == ab ]] || die "the balancer did not alternate between the nodes (answered by: '$nodes')"

export NEXTCLOUD_URL="$url" NODE_A_URL="http://127.0.0.1:$NODE_A_PORT" NODE_B_URL="http://127.0.0.1:$NODE_B_PORT"
export NEXTCLOUD_SERVER_DIR="$server" PILOTFEEDBACK_CLUSTER_DIR="$CLUSTER_DIR"
export NODE_A_PIDFILE="$CLUSTER_DIR/node-a/php-fpm.pid" NODE_B_PIDFILE="$CLUSTER_DIR/node-b/php-fpm.pid"
export REDIS_PORT SESSION_LOCK_EXPIRE
if ((${#run[@]})); then
	log "Running through the balancer $url: ${run[*]}"
	status=0
	"${run[@]}" || status=$?
	exit "$status"
fi

echo
echo "Pilot Feedback (balancer, round robin): $url/index.php/apps/pilotfeedback/"
echo "Node a only: $NODE_A_URL/    node b only (and background jobs): $NODE_B_URL/"
echo "Every answer names its node in the header X-Pilotfeedback-Node."
echo
print_logins
echo
echo "Suites through the balancer, in another terminal:"
echo "  NEXTCLOUD_URL=$url NODE_A_URL=$NODE_A_URL NODE_B_URL=$NODE_B_URL NEXTCLOUD_SERVER_DIR=$server \\"
echo "    npx vitest run --config vitest.integration.config.ts test/cluster/cluster.spec.ts"
echo "Logs: $CLUSTER_DIR/nginx/access.log (node per request), $CLUSTER_DIR/node-{a,b}/, $CLUSTER_DIR/data/nextcloud.log"
echo
log "Serving $url (Ctrl+C stops the whole cluster)"
# (wait, unlike a foreground sleep, lets the trap run at once on TERM as on Ctrl+C)
while true; do
	sleep 3600 &
	stops+=("kill $!")
	wait $! || true
done
