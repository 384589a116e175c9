# The throwaway servers of scripts/cluster.sh; source it (after common.sh and db-server.sh),
# don't run it. Every server runs on 127.0.0.1 only, in $CLUSTER_DIR, and each start_* records
# how to stop it, so that cluster_stop (called from the trap) stops whatever was started.
#
#   cluster_requirements         installs the missing Debian packages (as root; otherwise dies
#                                with the apt-get command)
#   start_pg_primary, start_pg_replica, start_redis, start_fpm <a|b>, start_nginx, start_cron
#   kill_fpm <a|b>               a node dies: its PHP-FPM master and workers are killed (SIGKILL)
#   launch_fpm <a|b>             starts the PHP-FPM of a node again from its configuration
#   cluster_stop                 stops them all, newest first

CLUSTER_PACKAGES=(postgresql nginx redis-server php8.2-fpm php8.2-redis php8.2-apcu php8.2-pgsql)
PHP_FPM="${PHP_FPM:-/usr/sbin/php-fpm8.2}"
# Seconds a session lock lives at most (redis.session.lock_expire), so that a dead node's
# lock frees its session again.
SESSION_LOCK_EXPIRE="${SESSION_LOCK_EXPIRE:-30}"
# The replica's name, which the primary waits for (synchronous_standby_names).
PG_REPLICA_NAME='replica1'
# Throwaway servers on a shared 2-core machine: below the foreground's priority.
NICE=(nice -n "${CLUSTER_NICE:-5}")

stops=() # commands that stop what was started, in start order

# cluster_requirements: what make cluster needs beyond make dev, installed when missing.
cluster_requirements() {
	local missing=() p
	for p in "${CLUSTER_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	((${#missing[@]})) || return 0
	[[ $(id -u) -eq 0 ]] || die "make cluster needs: ${missing[*]}; on Debian or Ubuntu: sudo apt-get install ${missing[*]}"
	log "Installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	# Debian starts a server after installing its package; ours are throwaways on private ports.
	printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
	chmod +x /usr/sbin/policy-rc.d
	local rc=0
	apt-get install -y --no-install-recommends "${missing[@]}" || rc=$?
	rm -f /usr/sbin/policy-rc.d
	((rc == 0)) || die "apt-get install ${missing[*]} failed (above)"
}

# pg_server <role> <port> <extra postgres options...>: starts the server in $CLUSTER_DIR/pg-<role>/data.
pg_server() {
	local role="$1" port="$2" dir="$CLUSTER_DIR/pg-$1"
	shift 2
	as_user postgres mkdir -p "$dir/socket"
	# Throwaway data: no fsync. Synchronous replication still holds: a commit returns only once
	# the replica has applied it (remote_apply), so a read on the replica sees every commit.
	as_user postgres "${NICE[@]}" "$(pg_bindir)/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --silent \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB $*" \
		start >/dev/null 2>&1 || true
	stops+=("as_user postgres $(pg_bindir)/pg_ctl --pgdata=$dir/data --mode=fast --silent stop")
	wait_for 60 "$dir/server.log" "PostgreSQL ($role) on port $port" \
		"$(pg_bindir)/pg_isready" --quiet --host=127.0.0.1 --port="$port"
}

# psql_primary <sql>: runs SQL on the primary as the administrator.
psql_primary() {
	as_user postgres "$(pg_bindir)/psql" --quiet --tuples-only --no-align --host="$CLUSTER_DIR/pg-primary/socket" \
		--port="$PG_PRIMARY_PORT" --username="$DB_ADMIN_USER" --dbname=postgres --command="$1"
}

start_pg_primary() {
	port_free "$PG_PRIMARY_PORT" PG_PRIMARY_PORT
	local dir="$CLUSTER_DIR/pg-primary" pwfile
	prepare_dir "$dir" postgres
	pwfile="$dir/pwfile"
	printf '%s\n' "$DB_ADMIN_PASS" >"$pwfile"
	chmod 644 "$pwfile"
	log "PostgreSQL $("$(pg_bindir)/postgres" --version | awk '{print $3}') primary on 127.0.0.1:$PG_PRIMARY_PORT"
	# initdb's pg_hba.conf lets the administrator (a superuser) replicate over 127.0.0.1.
	as_user postgres "$(pg_bindir)/initdb" --pgdata="$dir/data" --username="$DB_ADMIN_USER" --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
		|| { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed (log: $dir/initdb.log)"; }
	rm -f "$pwfile"
	pg_server primary "$PG_PRIMARY_PORT" -c wal_level=replica -c max_wal_senders=4 -c synchronous_commit=remote_apply
	psql_primary "CREATE DATABASE $DB_NAME OWNER $DB_ADMIN_USER" || die "could not create the database $DB_NAME"
}

# A hot standby streaming from the primary; once it streams, the primary waits for it.
start_pg_replica() {
	port_free "$PG_REPLICA_PORT" PG_REPLICA_PORT
	local dir="$CLUSTER_DIR/pg-replica"
	prepare_dir "$dir" postgres
	log "PostgreSQL streaming replica (hot standby) on 127.0.0.1:$PG_REPLICA_PORT"
	as_user postgres env PGPASSWORD="$DB_ADMIN_PASS" "$(pg_bindir)/pg_basebackup" --pgdata="$dir/data" \
		--host=127.0.0.1 --port="$PG_PRIMARY_PORT" --username="$DB_ADMIN_USER" \
		--wal-method=stream --write-recovery-conf --checkpoint=fast >"$dir/basebackup.log" 2>&1 \
		|| { tail -n 20 "$dir/basebackup.log" >&2; die "pg_basebackup from the primary failed (log: $dir/basebackup.log)"; }
	# cluster_name is the name the replica gives the primary (application_name).
	pg_server replica "$PG_REPLICA_PORT" -c hot_standby=on -c cluster_name="$PG_REPLICA_NAME"
	local i state=''
	for ((i = 0; i < 150; i++)); do
		state="$(psql_primary "SELECT state FROM pg_stat_replication WHERE application_name = '$PG_REPLICA_NAME'")"
		[[ "$state" == streaming ]] && break
		sleep 0.2
	done
	[[ "$state" == streaming ]] || die "the replica does not stream from the primary (state '$state'; logs: $dir/server.log, $CLUSTER_DIR/pg-primary/server.log)"
	psql_primary "ALTER SYSTEM SET synchronous_standby_names = '$PG_REPLICA_NAME'" >/dev/null
	psql_primary 'SELECT pg_reload_conf()' >/dev/null
	for ((i = 0; i < 50; i++)); do
		state="$(psql_primary "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$PG_REPLICA_NAME'")"
		[[ "$state" == sync ]] && return 0
		sleep 0.2
	done
	die "the replica streams but is not synchronous (sync_state '$state')"
}

start_redis() {
	port_free "$REDIS_PORT" REDIS_PORT
	local dir="$CLUSTER_DIR/redis"
	rm -rf "$dir" && mkdir -p "$dir"
	log "Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT (cache, file locks, sessions)"
	"${NICE[@]}" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir" --logfile "$dir/redis.log" \
		--save '' --appendonly no --maxmemory 256mb --daemonize no </dev/null >/dev/null 2>&1 &
	stops+=("kill $!")
	wait_for 20 "$dir/redis.log" "Redis on port $REDIS_PORT" redis-cli -p "$REDIS_PORT" ping
}

# start_fpm <a|b>: one app server, a PHP-FPM master of its own (own APCu, pid, socket, log).
start_fpm() {
	local node="$1" dir="$CLUSTER_DIR/node-$1"
	rm -rf "$dir" && mkdir -p "$dir"
	# occ, cron.php and the suites run as this user and the web must write the same files:
	# as root here, the workers run as root too (a real set-up runs all of them as www-data).
	local user=''
	if [[ $(id -u) -eq 0 ]]; then
		user=$'user = root\ngroup = root'
	fi
	cat >"$dir/php-fpm.conf" <<-EOF
		[global]
		pid = $dir/php-fpm.pid
		error_log = $dir/php-fpm.log
		daemonize = no

		[node-$node]
		$user
		listen = $dir/php-fpm.sock
		listen.mode = 0666
		pm = dynamic
		pm.max_children = ${FPM_MAX_CHILDREN:-4}
		pm.start_servers = 1
		pm.min_spare_servers = 1
		pm.max_spare_servers = 2
		catch_workers_output = yes
		; As Nextcloud's documented PHP-FPM pool: the workers get a cleared environment
		; (clear_env, FPM's default) and only these variables, so that what runs here runs
		; under a real deployment's environment too (soffice found without the shell's PATH).
		env[HOSTNAME] = $(hostname)
		env[PATH] = /usr/local/bin:/usr/bin:/bin
		env[TMP] = /tmp
		env[TMPDIR] = /tmp
		env[TEMP] = /tmp
		env[PILOTFEEDBACK_NODE] = $node
		php_admin_value[memory_limit] = 512M
		php_admin_value[error_log] = $dir/php-error.log
		php_admin_value[apc.enabled] = 1
		php_admin_value[apc.shm_size] = 64M
		; Sessions in Redis as well, so that a login holds on both nodes, locked as Nextcloud's
		; manual sets it. A lock outlives a worker killed while holding it until it expires:
		; by default after max_execution_time, which Nextcloud raises to 3600 s, and the
		; session's requests wait that long (docs/deployment.md).
		php_admin_value[session.save_handler] = redis
		php_admin_value[session.save_path] = "tcp://127.0.0.1:$REDIS_PORT?database=1"
		php_admin_value[redis.session.locking_enabled] = 1
		php_admin_value[redis.session.lock_retries] = -1
		php_admin_value[redis.session.lock_wait_time] = 10000
		php_admin_value[redis.session.lock_expire] = $SESSION_LOCK_EXPIRE
	EOF
	log "App server $node: PHP-FPM $("$PHP_FPM" -v | awk 'NR==1 {print $2}') on $dir/php-fpm.sock"
	stops+=("stop_fpm $node")
	launch_fpm "$node"
}

# fpm_pid <a|b>: prints the pid of the node's PHP-FPM master (from its pid file) if it runs.
fpm_pid() {
	local pid
	pid="$(cat "$CLUSTER_DIR/node-$1/php-fpm.pid" 2>/dev/null)" || return 1
	[[ "$pid" =~ ^[0-9]+$ ]] && grep -qa "node-$1/php-fpm.conf" "/proc/$pid/cmdline" 2>/dev/null || return 1
	echo "$pid"
}

# launch_fpm <a|b>: starts the node's PHP-FPM master from the configuration start_fpm wrote, in
# a session of its own (so that kill_fpm reaches its workers too, and it outlives the shell that
# started it), and waits for its socket. The socket a killed master left behind goes first.
launch_fpm() {
	local dir="$CLUSTER_DIR/node-$1" as_root=()
	[[ -f "$dir/php-fpm.conf" ]] || die "node $1 has no $dir/php-fpm.conf: is the cluster in $CLUSTER_DIR running?"
	! fpm_pid "$1" >/dev/null || die "the PHP-FPM of node $1 runs already (pid $(fpm_pid "$1"))"
	[[ $(id -u) -ne 0 ]] || as_root=(--allow-to-run-as-root)
	rm -f "$dir/php-fpm.sock" "$dir/php-fpm.pid"
	"${NICE[@]}" setsid "$PHP_FPM" --nodaemonize --fpm-config "$dir/php-fpm.conf" "${as_root[@]}" \
		</dev/null >>"$dir/php-fpm.log" 2>&1 &
	wait_for 20 "$dir/php-fpm.log" "PHP-FPM of node $1" test -S "$dir/php-fpm.sock"
}

# kill_fpm <a|b>: the node dies as in a crash: its master and every worker get SIGKILL at once
# (the whole process group), so requests they were answering end without an answer.
kill_fpm() {
	local pid
	pid="$(fpm_pid "$1")" || die "the PHP-FPM of node $1 does not run"
	kill -KILL -- "-$pid"
	for _ in $(seq 50); do
		pgrep -g "$pid" >/dev/null || return 0
		sleep 0.1
	done
	die "the PHP-FPM of node $1 (process group $pid) did not die"
}

# stop_fpm <a|b>: stops the node's PHP-FPM if it runs (started by start_fpm or launch_fpm).
stop_fpm() {
	local pid
	pid="$(fpm_pid "$1")" || return 0
	stop_pid "$pid" "FPM-$1"
}

# stop_pid <pid> <what>: asks the process to stop, then makes it.
stop_pid() {
	kill -TERM "$1" 2>/dev/null || return 0
	for _ in $(seq 50); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null || true
}

# stop_tree <pid> <what>: stops the process and its children (a loop and what it runs).
stop_tree() {
	pkill -TERM -P "$1" 2>/dev/null
	stop_pid "$1" "$2"
}

# The load balancer on $BALANCER_PORT (round robin over both nodes' PHP-FPM), and each node on a
# port of its own ($NODE_A_PORT, $NODE_B_PORT), all with Nextcloud's documented nginx configuration.
start_nginx() {
	local dir="$CLUSTER_DIR/nginx" p
	for p in "$BALANCER_PORT" "$NODE_A_PORT" "$NODE_B_PORT"; do
		port_free "$p" "BALANCER_PORT, NODE_A_PORT or NODE_B_PORT"
	done
	rm -rf "$dir" && mkdir -p "$dir/tmp"
	local user=''
	if [[ $(id -u) -eq 0 ]]; then
		user='user www-data;'
		chown www-data: "$dir/tmp"
	fi
	{
		cat <<-EOF
			$user
			worker_processes 1;
			pid $dir/nginx.pid;
			error_log $dir/error.log warn;
			events { worker_connections 512; }
			http {
			    include /etc/nginx/mime.types;
			    types { text/javascript mjs; }
			    default_type application/octet-stream;
			    client_body_temp_path $dir/tmp/body;
			    proxy_temp_path $dir/tmp/proxy;
			    fastcgi_temp_path $dir/tmp/fastcgi;
			    uwsgi_temp_path $dir/tmp/uwsgi;
			    scgi_temp_path $dir/tmp/scgi;
			    log_format node '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent \$request_time node=\$upstream_addr';
			    access_log $dir/access.log node;
			    server_tokens off;
			    map \$arg_v \$asset_immutable { "" ""; default ", immutable"; }

			    # The balancer passes PHP round robin to both nodes' PHP-FPM. A node whose FPM
			    # refuses connections (dead) is skipped, and for 5 s left out: a request not yet
			    # sent to it goes to the other node, a POST too. A request that a node was
			    # answering when it died is sent again to the other node only when nginx counts
			    # its method idempotent (GET, HEAD, PUT, DELETE; not POST or PATCH), else it
			    # fails with 502 (fastcgi_next_upstream, in the balancer's server block below).
			    upstream nextcloud_fpm {
			        server unix:$CLUSTER_DIR/node-a/php-fpm.sock max_fails=1 fail_timeout=5s;
			        server unix:$CLUSTER_DIR/node-b/php-fpm.sock max_fails=1 fail_timeout=5s;
			    }
			    # The node that answered (the last one tried), for the header X-Pilotfeedback-Node.
			    map \$upstream_addr \$pilotfeedback_node {
			        ~node-a/php-fpm\\.sock\$ a;
			        ~node-b/php-fpm\\.sock\$ b;
			        default "";
			    }
		EOF
		nginx_server "$BALANCER_PORT" nextcloud_fpm '$pilotfeedback_node' 'fastcgi_next_upstream error timeout;'
		nginx_server "$NODE_A_PORT" "unix:$CLUSTER_DIR/node-a/php-fpm.sock" a
		nginx_server "$NODE_B_PORT" "unix:$CLUSTER_DIR/node-b/php-fpm.sock" b
		echo '}'
	} >"$dir/nginx.conf"
	log "nginx: balancer on 127.0.0.1:$BALANCER_PORT, node a on :$NODE_A_PORT, node b on :$NODE_B_PORT"
	nginx -t -q -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' 2>"$dir/nginx-t.log" \
		|| { cat "$dir/nginx-t.log" >&2; die "the generated nginx configuration $dir/nginx.conf is refused (above)"; }
	"${NICE[@]}" nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' </dev/null >>"$dir/error.log" 2>&1 &
	stops+=("stop_pid $! nginx")
	wait_for 20 "$dir/error.log" "nginx" curl -sf -o /dev/null "http://127.0.0.1:$NODE_B_PORT/status.php"
}

# nginx_server <port> <fastcgi_pass target> <X-Pilotfeedback-Node value> [more fastcgi directives]:
# Nextcloud's documented server block (admin manual, "NGINX configuration", web root variant),
# without TLS, passing PHP to one node's FPM or to the balancer's upstream of both.
nginx_server() {
	cat <<-EOF
		    server {
		        listen 127.0.0.1:$1;
		        root $CLUSTER_DIR/nextcloud;
		        client_max_body_size 512M;
		        client_body_timeout 300s;
		        fastcgi_buffers 64 4K;
		        client_body_buffer_size 512k;
		        add_header X-Pilotfeedback-Node "$3" always;
		        add_header Referrer-Policy "no-referrer" always;
		        add_header X-Content-Type-Options "nosniff" always;
		        add_header X-Frame-Options "SAMEORIGIN" always;
		        add_header X-Permitted-Cross-Domain-Policies "none" always;
		        add_header X-Robots-Tag "noindex, nofollow" always;
		        fastcgi_hide_header X-Powered-By;
		        index index.php index.html /index.php\$request_uri;
		        location = / {
		            if ( \$http_user_agent ~ ^DavClnt ) { return 302 /remote.php/webdav/\$is_args\$args; }
		        }
		        location = /robots.txt { allow all; log_not_found off; access_log off; }
		        location ^~ /.well-known {
		            location = /.well-known/carddav { return 301 /remote.php/dav/; }
		            location = /.well-known/caldav { return 301 /remote.php/dav/; }
		            return 301 /index.php\$request_uri;
		        }
		        location ~ ^/(?:build|tests|config|lib|3rdparty|templates|data)(?:$|/) { return 404; }
		        location ~ ^/(?:\\.|autotest|occ|issue|indie|db_|console) { return 404; }
		        location ~ \\.php(?:$|/) {
		            rewrite ^/(?!index|remote|public|cron|core\\/ajax\\/update|status|ocs\\/v[12]|updater\\/.+|ocs-provider\\/.+|.+\\/richdocumentscode(_arm64)?\\/proxy) /index.php\$request_uri;
		            fastcgi_split_path_info ^(.+?\\.php)(/.*)$;
		            set \$path_info \$fastcgi_path_info;
		            try_files \$fastcgi_script_name =404;
		            include /etc/nginx/fastcgi_params;
		            # Debian's fastcgi_params (a security update) passes HTTP_HOST as \$host, without
		            # the port, so that Nextcloud would write its links to port 80; the port these
		            # servers listen on, not the client's Host header.
		            fastcgi_param HTTP_HOST \$host:\$server_port;
		            fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
		            fastcgi_param PATH_INFO \$path_info;
		            fastcgi_param modHeadersAvailable true;
		            fastcgi_param front_controller_active true;
		            fastcgi_pass $2;
		            ${4:-}
		            fastcgi_intercept_errors on;
		            fastcgi_request_buffering off;
		            fastcgi_max_temp_file_size 0;
		            fastcgi_read_timeout 300s;
		        }
		        location ~ \\.(?:css|js|mjs|svg|gif|ico|jpg|png|webp|wasm|tflite|map|ogg|flac)$ {
		            try_files \$uri /index.php\$request_uri;
		            add_header Cache-Control "public, max-age=15778463\$asset_immutable";
		            add_header X-Pilotfeedback-Node "$3" always;
		            access_log off;
		        }
		        location ~ \\.(otf|woff2?)$ { try_files \$uri /index.php\$request_uri; expires 7d; access_log off; }
		        location /remote { return 301 /remote.php\$request_uri; }
		        location / { try_files \$uri \$uri/ /index.php\$request_uri; }
		    }
	EOF
}

# Background jobs on node b only, as the system cron of that server would run them (cron mode):
# cron.php every 30 s with node b's name in the environment.
start_cron() {
	local log="$CLUSTER_DIR/node-b/cron.log"
	(
		while sleep "${CLUSTER_CRON_INTERVAL:-30}"; do
			PILOTFEEDBACK_NODE=b "${NICE[@]}" php -d memory_limit=512M "$CLUSTER_DIR/nextcloud/cron.php" >>"$log" 2>&1 || true
		done
	) 2>/dev/null &
	stops+=("stop_tree $! cron")
}

cluster_stop() {
	set +e
	local i
	for ((i = ${#stops[@]} - 1; i >= 0; i--)); do
		eval "${stops[$i]}" >/dev/null 2>&1
	done
	stops=()
	return 0
}
