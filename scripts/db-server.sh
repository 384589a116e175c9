# Throwaway database servers for the integration suites; source it, don't run it.
#
#   db_start pgsql|mysql <dir>   initialises a new server in <dir> (deleted first), starts it on
#                                127.0.0.1 and a private port, creates an administrator account
#                                and an empty database for Nextcloud and sets DB_HOST, DB_PORT,
#                                DB_NAME, DB_ADMIN_USER, DB_ADMIN_PASS; dies with what went
#                                wrong and how to fix it
#   db_restart pgsql|mysql <dir> starts again a server that db_start initialised in <dir>
#                                earlier and that was stopped since (its data kept), on the
#                                same port variables; sets DB_HOST and DB_PORT
#   db_stop                      stops the server that db_start started (call it from a trap)
#   db_available pgsql|mysql     exits 0 when the server's programs are installed, otherwise
#                                prints why not
#
# PGSQL_PORT (default 25432) and MYSQL_PORT (default 23306) pick the ports, below Linux's
# ephemeral range (32768-60999): a port in it can be held by a client connection of the suites
# run before, and the server then fails with "Address already in use". PG_BINDIR the
# PostgreSQL programs (default: the newest /usr/lib/postgresql/*/bin). As root, the servers
# run as the system users postgres and mysql (PostgreSQL refuses root), so <dir> must be
# reachable by them: choose a PILOTFEEDBACK_RUNTIME outside /root, such as /tmp/pilotfeedback.

DB_ADMIN_USER='ncadmin'
DB_ADMIN_PASS='Throwaway-DB-Admin-1'
# Created beforehand: Nextcloud 34's PostgreSQL setup connects to it before creating it.
DB_NAME='nextcloud'
db_kind=''
db_dir=''
db_running=''

pg_bindir() {
	if [[ -n "${PG_BINDIR:-}" ]]; then
		echo "$PG_BINDIR"
		return
	fi
	local dirs=(/usr/lib/postgresql/*/bin)
	[[ -x "${dirs[-1]}/initdb" ]] && echo "${dirs[-1]}"
}

# has_php_ext <name>: (not `php -m | grep -q`: with pipefail, grep's early exit fails the pipe)
has_php_ext() {
	php -r 'exit(extension_loaded($argv[1]) ? 0 : 1);' "$1"
}

db_available() {
	case "$1" in
		sqlite)
			has_php_ext pdo_sqlite || { echo 'the PHP extension pdo_sqlite is missing (apt install php8.2-sqlite3)'; return 1; }
			;;
		pgsql)
			local bin
			bin="$(pg_bindir)"
			[[ -n "$bin" && -x "$bin/initdb" && -x "$bin/pg_ctl" ]] \
				|| { echo 'the PostgreSQL server is not installed (apt install postgresql, or set PG_BINDIR)'; return 1; }
			has_php_ext pdo_pgsql || { echo 'the PHP extension pdo_pgsql is missing (apt install php8.2-pgsql)'; return 1; }
			;;
		mysql)
			command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] \
				|| { echo 'the MariaDB server is not installed (apt install mariadb-server)'; return 1; }
			command -v mariadb-install-db >/dev/null || { echo 'mariadb-install-db is missing (apt install mariadb-server)'; return 1; }
			has_php_ext pdo_mysql || { echo 'the PHP extension pdo_mysql is missing (apt install php8.2-mysql)'; return 1; }
			;;
		*)
			echo "unknown database '$1'; use sqlite, pgsql or mysql"
			return 1
			;;
	esac
}

# port_free <port> <variable that sets it>: dies when something listens there.
port_free() {
	if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
		die "port $1 is in use (by: $(ss -ltnp "sport = :$1" 2>/dev/null | awk 'NR==2 {print $NF}')); stop that server or set $2 to a free port"
	fi
}

# as_user <system user> <command...>: runs the command as that user when we are root.
as_user() {
	local user="$1"
	shift
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u "$user" -- "$@"
	else
		"$@"
	fi
}

# prepare_dir <dir> <system user>: a new empty directory that the server's user owns.
prepare_dir() {
	local dir="$1" user="$2"
	rm -rf "$dir"
	mkdir -p "$dir"
	if [[ $(id -u) -eq 0 ]]; then
		id "$user" >/dev/null 2>&1 || die "the system user $user is missing; reinstall the database server package"
		chown "$user:" "$dir"
		as_user "$user" test -w "$dir" \
			|| die "the user $user cannot reach $dir (a parent folder is private, e.g. /root); set PILOTFEEDBACK_RUNTIME to a folder under /tmp or /var/tmp"
	fi
}

# wait_for <seconds> <log> <what> <command...>
wait_for() {
	local seconds="$1" logfile="$2" what="$3"
	shift 3
	local i
	for ((i = 0; i < seconds * 5; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	tail -n 20 "$logfile" >&2 || true
	die "$what did not start within ${seconds}s; its log is $logfile (above)"
}

db_start() {
	db_kind="$1"
	db_dir="$2"
	local why
	why="$(db_available "$db_kind")" || die "cannot test on $db_kind: $why"
	case "$db_kind" in
		pgsql) pg_start ;;
		mysql) mysql_start ;;
		*) die "db_start: unknown database $db_kind" ;;
	esac
}

pg_start() {
	local bin port="${PGSQL_PORT:-25432}"
	bin="$(pg_bindir)"
	port_free "$port" PGSQL_PORT
	prepare_dir "$db_dir" postgres
	db_running=yes # from here on, db_stop has something to stop
	local data="$db_dir/data" sock="$db_dir/socket" pwfile="$db_dir/pwfile"
	as_user postgres mkdir "$data" "$sock"
	printf '%s\n' "$DB_ADMIN_PASS" >"$pwfile"
	chmod 644 "$pwfile"
	log "Starting a throwaway PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) in $db_dir on 127.0.0.1:$port"
	as_user postgres "$bin/initdb" --pgdata="$data" --username="$DB_ADMIN_USER" --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$db_dir/initdb.log" 2>&1 \
		|| { tail -n 20 "$db_dir/initdb.log" >&2; die "initdb failed (log: $db_dir/initdb.log)"; }
	rm -f "$pwfile"
	pg_run "$bin" "$port"
	as_user postgres "$bin/psql" --quiet --host="$sock" --port="$port" --username="$DB_ADMIN_USER" --dbname=postgres \
		--command="CREATE DATABASE $DB_NAME OWNER $DB_ADMIN_USER" || die "could not create the PostgreSQL database $DB_NAME"
	DB_HOST='127.0.0.1'
	DB_PORT="$port"
}

mysql_start() {
	local port="${MYSQL_PORT:-23306}"
	port_free "$port" MYSQL_PORT
	prepare_dir "$db_dir" mysql
	db_running=yes
	local data="$db_dir/data" sock="$db_dir/mysqld.sock"
	as_user mysql mkdir "$data"
	log "Starting a throwaway MariaDB ($(mariadbd --version | awk '{print $3}')) in $db_dir on 127.0.0.1:$port"
	as_user mysql mariadb-install-db --no-defaults --datadir="$data" --auth-root-authentication-method=normal \
		--skip-test-db >"$db_dir/install-db.log" 2>&1 \
		|| { tail -n 20 "$db_dir/install-db.log" >&2; die "mariadb-install-db failed (log: $db_dir/install-db.log)"; }
	mysql_run "$port"
	# Nextcloud's installer needs an account that may create its database and its own user.
	mariadb --no-defaults --socket="$sock" --user=root -e "
		CREATE USER '$DB_ADMIN_USER'@'127.0.0.1' IDENTIFIED BY '$DB_ADMIN_PASS';
		GRANT ALL PRIVILEGES ON *.* TO '$DB_ADMIN_USER'@'127.0.0.1' WITH GRANT OPTION;
		CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
		FLUSH PRIVILEGES;" || die "could not create the MariaDB administrator $DB_ADMIN_USER"
	DB_HOST='127.0.0.1'
	DB_PORT="$port"
}

# pg_run <bindir> <port>: starts the PostgreSQL of $db_dir and waits until it answers.
pg_run() {
	local bin="$1" port="$2"
	# Throwaway data: durability off for speed.
	as_user postgres "$bin/pg_ctl" --pgdata="$db_dir/data" --log="$db_dir/server.log" --silent \
		-o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$db_dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null 2>&1 || true
	wait_for 30 "$db_dir/server.log" "PostgreSQL on port $port" \
		"$bin/pg_isready" --quiet --host=127.0.0.1 --port="$port"
}

# mysql_run <port>: starts the MariaDB of $db_dir and waits until it answers.
mysql_run() {
	local port="$1" sock="$db_dir/mysqld.sock"
	# Throwaway data: durability off for speed.
	as_user mysql setsid mariadbd --no-defaults --datadir="$db_dir/data" --socket="$sock" --pid-file="$db_dir/mariadbd.pid" \
		--port="$port" --bind-address=127.0.0.1 --skip-name-resolve --log-error="$db_dir/server.log" \
		--innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci </dev/null >/dev/null 2>&1 &
	wait_for 30 "$db_dir/server.log" "MariaDB on port $port" \
		mariadb --no-defaults --socket="$sock" --user=root -e 'SELECT 1'
}

db_restart() {
	db_kind="$1"
	db_dir="$2"
	db_running=yes
	log "Starting the $db_kind server of $db_dir again"
	case "$db_kind" in
		pgsql)
			DB_PORT="${PGSQL_PORT:-25432}"
			pg_run "$(pg_bindir)" "$DB_PORT"
			;;
		mysql)
			DB_PORT="${MYSQL_PORT:-23306}"
			mysql_run "$DB_PORT"
			;;
		*) die "db_restart: unknown database $db_kind" ;;
	esac
	DB_HOST='127.0.0.1'
}

db_stop() {
	[[ -n "$db_running" && -d "$db_dir" ]] || return 0
	case "$db_kind" in
		pgsql)
			as_user postgres "$(pg_bindir)/pg_ctl" --pgdata="$db_dir/data" --mode=immediate --silent stop >/dev/null 2>&1 || true
			;;
		mysql)
			if [[ -f "$db_dir/mariadbd.pid" ]]; then
				local pid
				pid="$(cat "$db_dir/mariadbd.pid")"
				kill "$pid" 2>/dev/null || true
				for _ in $(seq 50); do
					kill -0 "$pid" 2>/dev/null || break
					sleep 0.2
				done
				kill -9 "$pid" 2>/dev/null || true
			fi
			;;
	esac
	log "Stopped the throwaway $db_kind server"
	db_running=''
}
