#!/usr/bin/env bash
# Madar21 against nginx, side by side on loopback: import (empty database, then an update of every article),
# start-up, rescan, then wrk on the public pages with the page cache on and off, the uncached pages again on a
# 1,000-article database, and nginx serving the very bytes the app sends. Prints Markdown tables.
#
#   tests/bench/run.sh            100,000 articles, 20 s a run
#   tests/bench/run.sh --quick    10,000 articles, 5 s a run
#   tests/bench/run.sh --smoke    1,000 articles, 1 s a run (CI: proves the script works, measures nothing)
#   tests/bench/run.sh --cluster  the cost of the shared engines: one node against 2 nodes with Redis behind nginx
#                                 (tests/bench/cluster.sh; its options follow: --count N --duration D --nodes N)
#   tests/bench/run.sh --views-only --quick   only the cost of counting reads (see 3c), on the cached article
#   tests/bench/run.sh --import-only [--smoke|--quick|--count N]   build, corpus, import (new, update), start-up and
#                                 rescan only, and their table: to re-measure the import quickly
#   options: --count N  --duration 10s  --keep (leave the work folder)
set -euo pipefail
[ "${1:-}" = --cluster ] && { shift; exec "$(dirname "$0")/cluster.sh" "$@"; }
cd "$(dirname "$0")/../.."
root=$PWD

count=100000; duration=20s; warmup=10s; keep=0; mode=full; views_only=0; import_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) count=10000; duration=5s; warmup=2s; mode=quick ;;
        --smoke) count=1000; duration=1s; warmup=1s; mode=smoke ;;
        --count) count=$2; shift ;;
        --duration) duration=$2; shift ;;
        --keep) keep=1 ;;
        --views-only) views_only=1 ;;
        --import-only) import_only=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools ------------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# --- build and corpus ---------------------------------------------------------------------------------------
# Published as it would be deployed: Release, ReadyToRun (precompiled, so that start-up does not wait for the JIT).
log "publishing (Release, ReadyToRun)"
app_dir=$root/tests/bench/out/app
rid=linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')
dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true --nologo -v quiet \
    -o "$app_dir" src/Madar21.Web >/dev/null
dotnet build -c Release --nologo -v quiet tests/bench/Madar21.Bench.Corpus >/dev/null
app_dll=$app_dir/Madar21.Web.dll

corpus_tool=tests/bench/Madar21.Bench.Corpus/bin/Release/net10.0/Madar21.Bench.Corpus.dll
# make_corpus FOLDER COUNT [EDITION]: kept in tests/bench/out/ for the next run.
make_corpus() {
    if [ ! -f "$1/.complete" ]; then
        rm -rf "$1"
        log "generating $2 articles into $1"
        dotnet "$corpus_tool" "$1" "$2" 21 "${3:-1}" >&2
        touch "$1/.complete"
    fi
}
corpus=$root/tests/bench/out/corpus-v4-$count   # v4: Zipf word frequencies, headlines from a shared news vocabulary, names stable across runs
make_corpus "$corpus" "$count"
# The same files with one paragraph more: an import that updates every article.
corpus_updated=$root/tests/bench/out/corpus-v4-$count-edition2
[ "$views_only" = 1 ] || make_corpus "$corpus_updated" "$count" 2
# The uncached pages are measured again on 1,000 articles: what grows with the archive shows as a ratio.
reference_count=1000
reference_corpus=$root/tests/bench/out/corpus-v4-$reference_count
[ "$views_only" = 1 ] || [ "$import_only" = 1 ] || make_corpus "$reference_corpus" "$reference_count"
rare_word=$(sed -n 's/^rare=//p' "$corpus/.words"); common_word=$(sed -n 's/^common=//p' "$corpus/.words")

work=$(mktemp -d -t madar21-bench.XXXXXX)
app_pid=; nginx_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    if [ "$keep" = 1 ]; then log "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

now_ms() { date +%s%3N; }

# Starts the app on a fresh port; extra arguments are configuration (--Key=value). $db and $seeds say which
# database and which seed folder.
db=$work/madar21.db; seeds=$corpus
start_app() {
    port=$(free_port)
    base=http://127.0.0.1:$port
    app_log=$work/app-$1.log
    shift
    # The previous step's writes (a gigabyte copied or imported) are flushed first: otherwise the start-up's first
    # synchronous commit waits for the disk to catch up with them (measured: 19.9 s to the first answer at 100,000
    # articles, 4.5 s of it CPU, against 2.8 s once flushed).
    sync
    started_at=$(now_ms)
    ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 dotnet "$app_dll" --urls "$base" \
        --ConnectionStrings:Default="Data Source=$db" --Seeds:Path="$seeds" \
        --contentRoot "$root/src/Madar21.Web" "$@" >"$app_log" 2>&1 &
    app_pid=$!
    until curl -fs -o /dev/null "$base/healthz"; do
        kill -0 "$app_pid" 2>/dev/null || { cat "$app_log" >&2; echo "the app exited" >&2; exit 1; }
        sleep 0.02
    done
    healthz_ms=$(( $(now_ms) - started_at ))
    until curl -fs -o /dev/null "$base/"; do
        kill -0 "$app_pid" 2>/dev/null || { cat "$app_log" >&2; echo "the app exited" >&2; exit 1; }
        sleep 0.02
    done
    startup_ms=$(( $(now_ms) - started_at ))
    # CPU time too: on a shared machine the wall time mostly measures the neighbours.
    startup_cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$app_pid/stat")
}

wait_for_import() {
    local waited=0
    until grep -q "Seed import of" "$app_log"; do
        sleep 0.2; waited=$((waited + 1))
        [ $waited -lt 9000 ] || { echo "no import summary after 30 minutes" >&2; exit 1; }
    done
    grep "Seed import of" "$app_log" | tail -1
}

# The CPU time the import line reports (the wall time measures the neighbours too on a shared machine).
cpu_of_import() { sed -nE 's/.*\(([0-9]+) ms of the process.s CPU\).*/\1/p' <<<"$1"; }

# The related lists a bulk import queues are computed in the background once it is over.
wait_for_related() {
    local waited=0
    until grep -q "Related articles computed" "$app_log"; do
        sleep 0.2; waited=$((waited + 1))
        [ $waited -lt 9000 ] || { echo "no related-articles summary after 30 minutes" >&2; exit 1; }
    done
    grep "Related articles computed" "$app_log" | tail -1
}

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

peak_rss_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

stop_app() {
    rss=$(peak_rss_mb "$app_pid")
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
    app_pid=
}

# The import, start-up and rescan rows, for the full table and for --import-only.
import_rows() {
    echo "| measure | value |"
    echo "|---|---:|"
    echo "| import into an empty database | $imported articles in $import_ms ms = $import_rate articles/s (CPU ${import_cpu:-?} ms) |"
    echo "| related lists computed after it (background) | $related_n articles in $related_ms ms |"
    echo "| import updating every article | $updated articles in $update_ms ms = $update_rate articles/s (CPU ${update_cpu:-?} ms) |"
    echo "| start-up ($count articles in the database): first 200 from /healthz / first home page / CPU | $startup_healthz / $startup_cached / $startup_cpu ms |"
    echo "| background rescan of $count unchanged files | $rescan_ms ms |"
}

# --- 1. import into an empty database, then an update of every article ---------------------------------------
log "import of $count articles"
start_app import
line=$(wait_for_import)
import_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$line"); import_cpu=$(cpu_of_import "$line")
imported=$(sed -E 's/.* ([0-9]+) imported.*/\1/' <<<"$line")
import_rate=$(( imported * 1000 / (import_ms > 0 ? import_ms : 1) ))
related_line=$(wait_for_related)
related_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$related_line")
related_n=$(sed -E 's/.* for ([0-9]+) articles.*/\1/' <<<"$related_line")
stop_app; rss_import=$rss
log "imported $imported in $import_ms ms ($import_rate/s), related lists of $related_n in $related_ms ms, peak RSS $rss_import MB"

if [ "$views_only" = 0 ]; then
# The update runs on a copy, so that the pages below are measured on the database the first import made.
cp "$db" "$work/updated.db"
db=$work/updated.db; seeds=$corpus_updated
start_app update
line=$(wait_for_import)
update_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$line"); update_cpu=$(cpu_of_import "$line")
updated=$(sed -E 's/.* ([0-9]+) updated.*/\1/' <<<"$line")
update_rate=$(( updated * 1000 / (update_ms > 0 ? update_ms : 1) ))
stop_app; rm -f "$work"/updated.db*
db=$work/madar21.db; seeds=$corpus
log "updated $updated in $update_ms ms ($update_rate/s)"
fi

# --- 2. start-up with a full database, then the background rescan -----------------------------------------------
start_app cached
startup_cached=$startup_ms; startup_cpu=$startup_cpu_ms; startup_healthz=$healthz_ms
rescan_ms=$(wait_for_import | sed -E 's/.* in ([0-9]+) ms.*/\1/')
log "start-up to first 200 from /healthz $startup_healthz ms, to the home page $startup_cached ms ($startup_cpu ms CPU); rescan of $count unchanged files $rescan_ms ms"

if [ "$import_only" = 1 ]; then
    stop_app
    echo
    echo "Madar21 import and start-up, $(date -u +%Y-%m-%d), $mode mode: $count articles; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    import_rows
    echo "| peak RSS: import | $rss_import MB |"
    exit 0
fi

# --- 3. the pages -------------------------------------------------------------------------------------------------
section_path=/section/%D9%85%D8%AC%D8%AA%D9%85%D8%B9   # مجتمع, the corpus's largest section (45%)
deep=$(( count * 45 / 100 / 20 * 9 / 10 )); [ "$deep" -gt 2000 ] && deep=2000; [ "$deep" -lt 2 ] && deep=2
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$section_path?page=$deep")" = 200 ] || [ "$deep" -le 2 ]; do deep=$((deep / 2)); done
article_path=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/article/$((count / 2))" | sed -E 's#^https?://[^/]+##')
[ -n "$article_path" ] || article_path=/article/$((count / 2))
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
search_path=/search?q=%D8%A7%D9%84%D8%AC%D9%81%D8%A7%D9%81   # الجفاف, in about 3% of the corpus's articles
rare_path=/search?q=$(urlencode "$rare_word"); common_path=/search?q=$(urlencode "$common_word")
rare_hits=$(curl -s "$base$rare_path" | tr '\n' ' ' | grep -oE 'class="search-count"[^>]*>[^<]*' | sed -E 's/.*>//; s/ *لـ«.*//; s/^ *//' || true)

pages=("home|/" "section p1|$section_path" "section p$deep|$section_path?page=$deep" "article|$article_path" "search|$search_path" "feed|/feed")
uncached_pages=("${pages[@]}" "search, rare word ($rare_word: ${rare_hits:-?})|$rare_path" "search, most common word ($common_word)|$common_path")

results=()
wrk_extra=()   # extra request headers (-H 'Name: value') for the rows that need them
# wrk with the same settings for every target; gzip for all, since Debian's nginx has no brotli. The row also
# has the response's size (gzip) and, for the app, its CPU time per request (user + system, read from /proc
# before and after the run, so it includes the server's own work only, not wrk's).
bench() {
    local name=$1 url=$2 pid=${3:-} status out bytes cpu_before cpu_after
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "${wrk_extra[@]}" "$url")
    if [ "$status" != 200 ]; then
        results+=("$name|answers $status||||||")
        log "$name: $url answers $status, not measured"
        return
    fi
    bytes=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$url")
    # Warm-up, not measured: the JIT's tiers (and, uncached, SQLite's page cache) settle under the same load first
    # (10 s in full mode: the home page cost 10.7 CPU-ms a request in its first 20 s after a start, 5.2 once settled).
    wrk -t2 -c64 -d"$warmup" -H 'Accept-Encoding: gzip' "${wrk_extra[@]}" "$url" >/dev/null
    [ -n "$pid" ] && cpu_before=$(cpu_ms "$pid")
    out=$(wrk -t2 -c64 -d"$duration" --latency -H 'Accept-Encoding: gzip' "${wrk_extra[@]}" "$url")
    [ -n "$pid" ] && cpu_after=$(cpu_ms "$pid")
    results+=("$name|$(awk -v bytes="$bytes" -v cpu="${cpu_after:+$((cpu_after - cpu_before))}" '
        /requests in/ { requests = $1 }
        /^Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { errors += $5 }
        END {
            per = (cpu != "" && requests > 0) ? sprintf("%.3f", cpu / requests) : ""
            printf "%d|%s|%s|%d|%d|%s", rps, p50, p99, errors, bytes, per
        }' <<<"$out")")
    log "$name: ${results[-1]#*|}"
}

[ "$views_only" = 1 ] || for page in "${pages[@]}"; do bench "cached ${page%%|*}" "$base${page#*|}" "$app_pid"; done

# --- 3c. what counting reads costs the cached article ------------------------------------------------------------
# wrk sends no User-Agent, which is not counted as a read (ViewCounting.IsPerson), so these rows send a browser's.
# Two apps on the same database, one with Readers:CountViews=false, measured in turn (counted, not, counted, not),
# so that the neighbours' load falls on both alike; the cost is the difference of their summed requests/s.
browser_agent='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
counted_pid=$app_pid; counted_base=$base
start_app nocount --Readers:CountViews=false
wait_for_import >/dev/null
uncounted_pid=$app_pid; uncounted_base=$base
wrk_extra=(-H "User-Agent: $browser_agent")
counted_rps=0; uncounted_rps=0; counted_cpu=0; uncounted_cpu=0
# A first round of each is thrown away: both apps are minutes old, and whichever ran first paid for its tiered JIT.
for round in 0 1 2; do
    if [ "$round" = 0 ]; then
        bench "warm-up, counted" "$counted_base$article_path" "$counted_pid"; unset 'results[-1]'
        bench "warm-up, not counted" "$uncounted_base$article_path" "$uncounted_pid"; unset 'results[-1]'
        continue
    fi
    bench "cached article, reads counted (round $round)" "$counted_base$article_path" "$counted_pid"
    counted_rps=$((counted_rps + $(cut -d'|' -f2 <<<"${results[-1]}")))
    counted_cpu=$(awk -v a="$counted_cpu" -v b="$(cut -d'|' -f7 <<<"${results[-1]}")" 'BEGIN { print a + b }')
    bench "cached article, reads not counted (round $round)" "$uncounted_base$article_path" "$uncounted_pid"
    uncounted_rps=$((uncounted_rps + $(cut -d'|' -f2 <<<"${results[-1]}")))
    uncounted_cpu=$(awk -v a="$uncounted_cpu" -v b="$(cut -d'|' -f7 <<<"${results[-1]}")" 'BEGIN { print a + b }')
done
wrk_extra=()
views_cost=$(awk -v c="$counted_rps" -v u="$uncounted_rps" 'BEGIN { printf "%.1f", (u > 0 ? (1 - c / u) * 100 : 0) }')
# CPU time per request is steadier than requests/s on a shared machine: the neighbours take wall time, not our CPU.
views_cpu=$(awk -v c="$counted_cpu" -v u="$uncounted_cpu" 'BEGIN { printf "%.1f", (u > 0 ? (c / u - 1) * 100 : 0) }')
log "counting reads costs the cached article $views_cost % of its requests/s ($counted_rps against $uncounted_rps, summed over two rounds) and $views_cpu % more CPU per request"
stop_app
app_pid=$counted_pid; base=$counted_base
if [ "$views_only" = 1 ]; then
    echo
    echo "Madar21 benchmark, $(date -u +%Y-%m-%d), the cost of counting reads: $count articles, wrk -t2 -c64 -d$duration --latency, Accept-Encoding: gzip, a browser's User-Agent"
    echo "Machine: $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| target | requests/s | p50 | p99 | errors | bytes (gzip) | CPU ms/request |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for row in "${results[@]}"; do echo "| ${row//|/ | } |"; done
    echo
    echo "Counting reads: $views_cost % fewer requests/s on the cached article ($counted_rps counted against $uncounted_rps not counted, two rounds each), $views_cpu % more CPU time per request."
    exit 0
fi

# The bytes the app sends (gzip, from its page cache), for nginx to send the same; and the plain HTML, for nginx
# to gzip on the fly (the extra row, labelled so).
mkdir -p "$work/www"
article_html=$work/www/article.html
curl -s -o "$article_html" "$base$article_path"
curl -s -o "$work/www/article.html.gz" -H 'Accept-Encoding: gzip' "$base$article_path"
curl -s -o "$work/www/home.html.gz" -H 'Accept-Encoding: gzip' "$base/"
cp "$article_html" "$work/www/article-plain.html"
weight_html=$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: br' "$base$article_path")
subresources=$(grep -oE '<(link rel="stylesheet"|script|img|iframe)[^>]*' "$article_html" | grep -oE '(href|src)="[^"]+"' | cut -d'"' -f2 || true)
weight=$weight_html; requests=1
for sub in $subresources; do
    requests=$((requests + 1))
    weight=$((weight + $(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: br' "$base$sub")))
done
blocking_js=$(grep -oE '<script[^>]*>' "$article_html" | grep -vcE 'defer|async|type="module"|type="application/(ld\+)?json"' || true)
stop_app; rss_cached=$rss

log "restarting with the page cache off"
start_app uncached --Performance:OutputCache=false
wait_for_import >/dev/null
for page in "${uncached_pages[@]}"; do bench "uncached ${page%%|*}" "$base${page#*|}" "$app_pid"; done
stop_app; rss_uncached=$rss

# --- 3b. the same uncached pages on 1,000 articles ------------------------------------------------------------------
log "uncached pages on $reference_count articles"
db=$work/reference.db; seeds=$reference_corpus
start_app reference --Performance:OutputCache=false
wait_for_import >/dev/null; wait_for_related >/dev/null
reference_article=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/article/$((reference_count / 2))" | sed -E 's#^https?://[^/]+##')
for page in "home|/" "section p1|$section_path" "article|${reference_article:-/article/$((reference_count / 2))}"; do
    bench "uncached ${page%%|*}, $reference_count articles" "$base${page#*|}" "$app_pid"
done
stop_app
db=$work/madar21.db; seeds=$corpus

# --- 4. nginx with the same bytes -----------------------------------------------------------------------------------
nginx_port=$(free_port)
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log $work/nginx-access.log combined buffer=64k;
    types { text/html html; }
    sendfile on;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        # The app's own gzip bytes, sent as they are (gzip_static), for the article and the home page.
        location = /article { gzip_static always; try_files /article.html =404; }
        location = /home { gzip_static always; try_files /home.html =404; }
        # Extra row: the plain HTML, gzipped by nginx on every request (level 1, as most sites configure it).
        location = /on-the-fly { gzip on; gzip_comp_level 1; try_files /article-plain.html =404; }
    }
}
NGINX
# gzip_static serves X.gz for X; X itself must exist too.
touch "$work/www/home.html"
chmod -R a+rX "$work"   # nginx's workers run as an unprivileged user
"$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/article" && break; sleep 0.05; done
bench "nginx, the app's article bytes (gzip_static)" "http://127.0.0.1:$nginx_port/article"
nginx_article=$(cut -d'|' -f2 <<<"${results[-1]}")
bench "nginx, the app's home bytes (gzip_static)" "http://127.0.0.1:$nginx_port/home"
nginx_home=$(cut -d'|' -f2 <<<"${results[-1]}")
bench "nginx, article gzipped on the fly (level 1)" "http://127.0.0.1:$nginx_port/on-the-fly"
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=

# --- 5. the table ----------------------------------------------------------------------------------------------------
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Madar21 benchmark, $(date -u +%Y-%m-%d), $mode mode: $count articles, wrk -t2 -c64 -d$duration --latency, Accept-Encoding: gzip"
echo "Machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%d GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "× nginx: against nginx sending the same bytes (the article's for article rows, the home page's for the others)."
echo
echo "| target | requests/s | p50 | p99 | errors | bytes (gzip) | CPU ms/request | × nginx |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for row in "${results[@]}"; do
    IFS='|' read -r name rps p50 p99 errors bytes per <<<"$row"
    reference=$nginx_home
    [[ "$name" == *article* ]] && reference=$nginx_article
    if [[ "$rps" =~ ^[0-9]+$ ]] && [ "${reference:-0}" -gt 0 ] 2>/dev/null && [[ "$name" != nginx* ]]; then
        ratio=$(awk -v a="$rps" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
    else
        ratio=
    fi
    echo "| $name | $rps | $p50 | $p99 | $errors | $bytes | $per | $ratio |"
done
echo
import_rows
echo "| peak RSS: import / serving cached / serving uncached | $rss_import / $rss_cached / $rss_uncached MB |"
echo "| article page: Brotli bytes (HTML + sub-resources), requests, render-blocking scripts | $weight B, $requests, $blocking_js |"
echo "| counting reads: cost on the cached article's requests/s, and on its CPU time per request (counted against Readers:CountViews=false, two rounds each) | $views_cost %, $views_cpu % |"
