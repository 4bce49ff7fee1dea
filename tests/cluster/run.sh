#!/usr/bin/env bash
# Madar21 as a cluster on this machine, everything on loopback: PostgreSQL and Redis with their own data folders
# (not the system services), N app nodes, and nginx in front as a round-robin load balancer.
#
#   tests/cluster/run.sh                 starts it, prints the URL, stops everything on Ctrl+C
#   tests/cluster/run.sh --detach        starts it and returns (the tests do this); stop it with --stop
#   tests/cluster/run.sh --stop          stops whatever a detached run left running, and forgets its data
# Options: --nodes N (2)  --port P (nginx; 8080)  --sqlite (one shared SQLite file instead of PostgreSQL)
#          --seeds DIR (seeds/)  --dir DIR (data/cluster)  --app DIR (an app published already: not published again)
#          --set Key=Value (configuration for every node, repeatable; e.g. --set Performance:OutputCache=false)
# While running (detached): --kill-node I (SIGKILL)  --start-node I  --stop-redis  --start-redis  --status
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

nodes=2; lb_port=8080; database=postgres; seeds=$root/seeds; dir=$root/data/cluster; action=run; app=; target=; settings=()
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift ;;
        --port) lb_port=$2; shift ;;
        --sqlite) database=sqlite ;;
        --seeds) seeds=$(realpath "$2"); shift ;;
        --dir) dir=$(realpath -m "$2"); shift ;;
        --app) app=$(realpath "$2"); shift ;;
        --set) settings+=("--$2"); shift ;;
        --detach) action=detach ;;
        --stop) action=stop ;;
        --status) action=status ;;
        --kill-node|--start-node) action=${1#--}; target=$2; shift ;;
        --stop-redis|--start-redis) action=${1#--} ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# PostgreSQL runs as the postgres account, which cannot reach a folder inside a clone it may not enter (under /root,
# say): its data then go to a folder of the temporary directory named after this cluster's folder.
pg_dir() {
    if [ "$(id -u)" = 0 ] && id -u postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$root"; then
        echo "${TMPDIR:-/tmp}/madar21-cluster-postgres-$(printf %s "$dir" | md5sum | cut -c1-12)"
    else
        echo "$dir/postgres"
    fi
}
state=$dir/state

# --- stopping ---------------------------------------------------------------------------------------------
stop_pid() { # stop_pid FILE [SIGNAL]: the process whose id is in FILE, waited for
    [ -f "$1" ] || return 0
    local pid; pid=$(cat "$1")
    kill "-${2:-TERM}" "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$1"
}

stop_all() {
    [ -n "${sleeper:-}" ] && kill "$sleeper" 2>/dev/null
    [ -d "$dir" ] || return 0
    log "stopping"
    stop_pid "$dir/nginx.pid" QUIT
    for pidfile in "$dir"/node*.pid; do [ -e "$pidfile" ] && stop_pid "$pidfile"; done
    tests/servers/redis.sh stop "$dir/redis" || true
    if [ -x tests/servers/postgres.sh ] && [ -d "$(pg_dir)" ]; then
        MADAR21_POSTGRES_DIR=$(pg_dir) tests/servers/postgres.sh stop || true
    fi
    rm -rf "$dir"
}

if [ "$action" = stop ]; then stop_all; exit 0; fi

# --- controlling a detached cluster (the cluster tests) -------------------------------------------------------
if [ "$action" != run ] && [ "$action" != detach ]; then
    [ -f "$state" ] || { echo "no cluster is running in $dir" >&2; exit 1; }
    . "$state"
fi

start_node() { # start_node I: the app on its port, logging to nodeI.log
    local i=$1 port_var="node${1}_port" seeds_for=$seeds
    # Without the PostgreSQL provider's import lease only the first node imports (two imports would collide).
    if [ "$database" = sqlite ] && [ "$i" != 1 ]; then seeds_for=$dir/no-seeds; mkdir -p "$seeds_for"; fi
    ASPNETCORE_ENVIRONMENT=Production setsid dotnet "$app/Madar21.Web.dll" \
        --urls "http://127.0.0.1:${!port_var}" \
        --ConnectionStrings:Default="$connection" \
        ${provider:+--Database:Provider=$provider} \
        --Redis:Configuration="127.0.0.1:$redis_port" \
        --ForwardedHeaders:KnownProxies:0=127.0.0.1 \
        --Seeds:Path="$seeds_for" \
        --Site:BaseUrl="http://127.0.0.1:$lb_port" \
        ${admin_email:+--Admin:Email=$admin_email --Admin:Password=$admin_password} \
        ${settings[@]+"${settings[@]}"} \
        >>"$dir/node$i.log" 2>&1 </dev/null &
    echo $! >"$dir/node$i.pid"
}

wait_healthy() { # wait_healthy URL: until /healthz answers 200 (at most 120 s)
    for _ in $(seq 600); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/healthz" || true)" = 200 ] && return 0
        sleep 0.2
    done
    echo "no healthy answer from $1/healthz" >&2
    return 1
}

case $action in
    kill-node) stop_pid "$dir/node$target.pid" KILL; exit 0 ;;
    start-node) start_node "$target"; port_var="node${target}_port"; wait_healthy "http://127.0.0.1:${!port_var}"; exit 0 ;;
    stop-redis) tests/servers/redis.sh stop "$dir/redis"; exit 0 ;;
    start-redis) tests/servers/redis.sh start "$dir/redis" "$redis_port" >/dev/null; exit 0 ;;
    status) cat "$state"; exit 0 ;;
esac

# --- starting ---------------------------------------------------------------------------------------------
[ -f "$state" ] && { echo "a cluster is already running in $dir: $0 --stop first" >&2; exit 1; }

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ "$database" = postgres ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ "$database" = postgres ] && ! [ -x tests/servers/postgres.sh ]; then
    log "this build has no PostgreSQL provider: the nodes share one SQLite file (--sqlite)"
    database=sqlite
fi

mkdir -p "$dir"
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

if [ -z "$app" ]; then
    app=$dir/app
    log "publishing the app (Release)"
    dotnet publish -c Release --nologo -v quiet -o "$app" src/Madar21.Web >/dev/null
fi

free_port() { # a port nothing listens on
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        ss -ltn "( sport = :$port )" 2>/dev/null | grep -q LISTEN || { echo "$port"; return; }
    done
}

redis_port=$(tests/servers/redis.sh start "$dir/redis")
log "Redis on 127.0.0.1:$redis_port"

provider=
if [ "$database" = postgres ]; then
    pg_port=$(free_port)
    server=$(MADAR21_POSTGRES_DIR=$(pg_dir) MADAR21_POSTGRES_PORT=$pg_port tests/servers/postgres.sh start)
    password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$server")
    PGPASSWORD=$password psql -q -h 127.0.0.1 -p "$pg_port" -U madar21 -d postgres -c 'CREATE DATABASE madar21' >/dev/null
    connection="$server;Database=madar21"
    provider=Postgres
    log "PostgreSQL on 127.0.0.1:$pg_port"
else
    connection="Data Source=$dir/madar21.db"
fi

admin_email=${MADAR21_CLUSTER_ADMIN_EMAIL:-}; admin_password=${MADAR21_CLUSTER_ADMIN_PASSWORD:-}
{
    echo "database=$database"; echo "provider=$provider"; printf 'connection=%q\n' "$connection"
    echo "redis_port=$redis_port"; echo "lb_port=$lb_port"; echo "nodes=$nodes"; printf 'seeds=%q\n' "$seeds"
    printf 'admin_email=%q\nadmin_password=%q\napp=%q\n' "$admin_email" "$admin_password" "$app"
    printf 'settings=(%s)\n' "${settings[*]+$(printf '%q ' "${settings[@]}")}"
} >"$state.tmp"
upstreams=
for i in $(seq "$nodes"); do
    port=$(free_port)
    echo "node${i}_port=$port" >>"$state.tmp"
    declare "node${i}_port=$port"
    upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
done
# The first node migrates the database and imports the seeds before the others start.
start_node 1
wait_healthy "http://127.0.0.1:$node1_port"
for i in $(seq 2 "$nodes"); do start_node "$i"; done
for i in $(seq 2 "$nodes"); do port_var="node${i}_port"; wait_healthy "http://127.0.0.1:${!port_var}"; done

mkdir -p "$dir/nginx"
cat >"$dir/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    upstream madar21 {
$upstreams        keepalive 32;
    }
    server {
        listen 127.0.0.1:$lb_port;
        client_max_body_size 1m;
        location / {
            proxy_pass http://madar21;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # A node that does not answer: the request goes to the next (only requests that may be repeated).
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
        }
    }
}
NGINX
mkdir -p "$dir"/nginx/{body,proxy,fastcgi,uwsgi,scgi}
chmod -R a+rwX "$dir/nginx" # nginx's workers run as an unprivileged user
"$nginx_bin" -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -e "$dir/nginx/error.log"
mv "$state.tmp" "$state"
log "$nodes nodes ($database, Redis) behind nginx; logs in $dir"
echo "http://127.0.0.1:$lb_port/"

if [ "$action" = detach ]; then trap - EXIT; exit 0; fi
log "Ctrl+C stops everything"
while :; do sleep 3600 & sleeper=$!; wait "$sleeper"; done
