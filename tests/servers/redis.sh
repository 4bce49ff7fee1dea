#!/usr/bin/env bash
# A private redis-server on loopback, for the tests and the cluster: its own directory, nothing written to disk,
# not the system service.
#   tests/servers/redis.sh start DIR [PORT]   starts it (on a free port when none is given) and prints the port
#   tests/servers/redis.sh stop DIR           stops it, and waits until it is gone
# Exits with 3 when redis-server is not installed (apt-get install redis-server).
set -euo pipefail
command=${1:?start or stop} dir=${2:?a directory}

stop() {
    [[ -f $dir/redis.pid ]] || return 0
    local pid
    pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/redis.pid"
}

case $command in
start)
    command -v redis-server >/dev/null || { echo "redis-server is not installed: apt-get install redis-server" >&2; exit 3; }
    mkdir -p "$dir"
    for attempt in $(seq 20); do
        port=${3:-$((20000 + RANDOM % 40000))}
        rm -f "$dir/redis.pid"
        redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
            --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
        for _ in $(seq 100); do
            redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && { echo "$port"; exit 0; }
            [[ -f $dir/redis.pid ]] && ! kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null && break
            sleep 0.05
        done
        stop
        [[ -n ${3:-} ]] && break # the port asked for is taken: no other will do
    done
    echo "redis-server did not start; see $dir/redis.log" >&2
    exit 1
    ;;
stop) stop ;;
*) echo "usage: $0 start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
