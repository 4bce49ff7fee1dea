#!/usr/bin/env bash
# A private PostgreSQL server for the tests (never the system service): its own data folder under the temporary
# folder, listening on 127.0.0.1 only.
#   tests/servers/postgres.sh start   starts it if it is not running, then prints its connection string
#   tests/servers/postgres.sh url     prints the connection string of the running server (exit 1 if none)
#   tests/servers/postgres.sh stop    stops it and deletes its folder
# The connection string names no database: each test class creates its own and drops it afterwards. The tests read
# it from MADAR21_TEST_POSTGRES, or run this script themselves when that is not set.
# Settings: MADAR21_POSTGRES_PORT (55432), MADAR21_POSTGRES_DIR (${TMPDIR:-/tmp}/madar21-postgres).
set -euo pipefail

port=${MADAR21_POSTGRES_PORT:-55432}
dir=${MADAR21_POSTGRES_DIR:-${TMPDIR:-/tmp}/madar21-postgres}
data=$dir/data
user=madar21

bindir() {
    if command -v pg_config >/dev/null && [[ -x $(pg_config --bindir)/initdb ]]; then pg_config --bindir; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n $found && -x $found/initdb ]] || { echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 3; }
    echo "$found"
}

# PostgreSQL refuses to run as root: as root, the server runs as the postgres account.
as_owner() {
    # From /: the postgres account may not enter the current folder (a clone under /root).
    if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

url() {
    [[ -f $dir/password ]] || return 1
    echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$(cat "$dir/password")"
}

running() {
    [[ -f $data/postmaster.pid ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

case ${1:-} in
start)
    bin=$(bindir)
    if ! running; then
        if [[ ! -f $data/PG_VERSION ]]; then
            rm -rf "$dir"
            mkdir -p "$dir"
            # A random password, readable by the owner alone; scram over the loopback only.
            (umask 077; od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$dir/password")
            [[ $(id -u) == 0 ]] && chown -R postgres "$dir"
            as_owner test -r "$dir/password" \
                || { echo "the postgres account cannot reach $dir: a folder above it is closed to others" >&2; exit 1; }
            as_owner "$bin/initdb" -D "$data" -U "$user" --pwfile="$dir/password" --auth=scram-sha-256 \
                --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
                || { cat "$dir/initdb.log" >&2; exit 1; }
        fi
        # Test data only: durability is traded for speed (a crash loses nothing the tests need).
        as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            >/dev/null || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    fi
    url
    ;;
url)
    bin=$(bindir)
    running && url || { echo "no test PostgreSQL server is running; start it with $0 start" >&2; exit 1; }
    ;;
stop)
    bin=$(bindir)
    if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|url|stop" >&2
    exit 2
    ;;
esac
