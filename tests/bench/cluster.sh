#!/usr/bin/env bash
# What the shared engines cost: the same corpus served by one node on SQLite with its page cache in process, by
# that node with the page cache in Redis (with and without its in-process copies), and by the cluster of
# tests/cluster/run.sh (2 nodes on PostgreSQL, or one shared SQLite file when the build has no PostgreSQL
# provider, with Redis, behind nginx). Cached and uncached (a request with a cookie is never served from the
# cache). Prints a Markdown table. Called by tests/bench/run.sh --cluster.
#   options: --count N (1000 articles)  --duration D (5s a run)  --nodes N (2)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

count=1000; duration=5s; warmup=2s; nodes=2
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=$2; shift ;;
        --duration) duration=$2; shift ;;
        --nodes) nodes=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log "publishing (Release, ReadyToRun)"
app_dir=$root/tests/bench/out/app
rid=linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')
dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true --nologo -v quiet \
    -o "$app_dir" src/Madar21.Web >/dev/null
dotnet build -c Release --nologo -v quiet tests/bench/Madar21.Bench.Corpus >/dev/null
corpus=$root/tests/bench/out/corpus-v4-$count
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    log "generating $count articles into $corpus"
    dotnet tests/bench/Madar21.Bench.Corpus/bin/Release/net10.0/Madar21.Bench.Corpus.dll "$corpus" "$count" 21 1 >&2
    touch "$corpus/.complete"
fi

work=$(mktemp -d -t madar21-bench-cluster.XXXXXX)
chmod 755 "$work" # PostgreSQL runs as the postgres account, which must reach its folder inside
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    tests/servers/redis.sh stop "$work/redis" || true
    tests/cluster/run.sh --dir "$work/cluster" --stop 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# start_app NAME [--Key=value...]: one node on the corpus's SQLite database, once the import is over.
start_app() {
    local name=$1; shift
    base=http://127.0.0.1:$(free_port)
    ASPNETCORE_ENVIRONMENT=Production dotnet "$app_dir/Madar21.Web.dll" --urls "$base" \
        --ConnectionStrings:Default="Data Source=$work/madar21.db" --Seeds:Path="$corpus" \
        --contentRoot "$root/src/Madar21.Web" "$@" >"$work/app-$name.log" 2>&1 &
    app_pid=$!
    until grep -q "Seed import of" "$work/app-$name.log" 2>/dev/null; do
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app-$name.log" >&2; exit 1; }
        sleep 0.2
    done
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

rows=()
# measure NAME URL [wrk header...]: requests/s, p50, p99, errors of a bounded wrk run after a warm-up.
measure() {
    local name=$1 url=$2; shift 2
    local headers=(-H 'Accept-Encoding: gzip' "$@")
    wrk -t2 -c32 -d"$warmup" "${headers[@]}" "$url" >/dev/null
    local out rps p50 p99 errors
    out=$(wrk -t2 -c32 -d"$duration" --latency "${headers[@]}" "$url")
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out"); p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    errors=$(awk '/Socket errors/ { for (i = 4; i <= NF; i += 2) s += $i } /Non-2xx/ { s += $NF } END { print s + 0 }' <<<"$out")
    rows+=("$name|$rps|$p50|$p99|$errors")
    log "$name: $rps requests/s"
}

# pages BASE LABEL: the home page and an article, cached and uncached.
pages() {
    local base=$1 label=$2 article
    curl -s "$base/" >"$work/home.html"
    article=$(grep -oE 'href="/article/[^"#]+' "$work/home.html" | sed -n '1s/^href="//p')
    measure "$label, cached home" "$base/"
    measure "$label, cached article" "$base$article"
    [ "${3:-}" = cached-only ] && return
    measure "$label, uncached home" "$base/" -H 'Cookie: bench=1'
    measure "$label, uncached article" "$base$article" -H 'Cookie: bench=1'
}

log "one node, SQLite, page cache in process"
start_app single
pages "$base" "1 node, SQLite, in-process cache"

redis_port=$(tests/servers/redis.sh start "$work/redis")
stop_app
log "the same node, page cache in Redis"
start_app redis --Redis:Configuration=127.0.0.1:$redis_port
pages "$base" "1 node, SQLite, Redis + in-process copies" cached-only
stop_app
start_app redis-plain --Redis:Configuration=127.0.0.1:$redis_port --Redis:InProcessCopies=false
pages "$base" "1 node, SQLite, Redis store alone" cached-only
stop_app
tests/servers/redis.sh stop "$work/redis"

log "the cluster: $nodes nodes behind nginx"
lb=$(tests/cluster/run.sh --detach --dir "$work/cluster" --app "$app_dir" --seeds "$corpus" --nodes "$nodes" --port "$(free_port)")
. "$work/cluster/state"
until grep -q "Seed import of" "$work/cluster/node1.log"; do sleep 0.2; done
pages "${lb%/}" "$nodes nodes ($database + Redis) through nginx"
tests/cluster/run.sh --dir "$work/cluster" --stop

echo
echo "Madar21 cluster benchmark, $(date -u +%F): $count articles, wrk -t2 -c32 -d$duration --latency, Accept-Encoding: gzip"
echo "Machine: $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| target | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
