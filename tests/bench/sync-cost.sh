#!/usr/bin/env bash
# What synchronous=FULL costs against NORMAL, on the disk that holds the site's database (data/ at the repository
# root): SQLite in WAL mode, comment-sized rows, each committed on its own as the site commits a comment, an
# editor's save or a moderation; then in batches of 1,000 as the seed import commits. Prints one Markdown table.
#
#   tests/bench/sync-cost.sh [commits]     default 2000 single-row commits per mode
set -euo pipefail
cd "$(dirname "$0")/../.."
commits=${1:-2000}
batches=20

command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
mkdir -p data
work=$(mktemp -d "$PWD/data/sync-cost.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A row about the size of a stored comment: the text, the author, the encrypted email and its hash.
row="(1, 'قارئ من فاس', '$(printf 'تعليق على المقال %.0s' $(seq 1 20))', '$(head -c 180 /dev/urandom | base64 -w0)', '$(head -c 32 /dev/urandom | base64 -w0)', '2026-12-03T10:00:00')"
insert="INSERT INTO Comments (ArticleId, Author, Text, EmailProtected, EmailHash, CreatedAt) VALUES $row;"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "SQLite $(sqlite3 --version | cut -d' ' -f1), WAL, $(df -T data | awk 'NR==2 {print $2}') file system, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| synchronous | $commits single-row commits | per commit | $batches commits of 1,000 rows | per batch |"
echo "|---|---:|---:|---:|---:|"
for mode in NORMAL FULL; do
    db="$work/$mode.db"
    sqlite3 "$db" "PRAGMA journal_mode=WAL; CREATE TABLE Comments (Id INTEGER PRIMARY KEY, ArticleId INTEGER, Author TEXT, Text TEXT, EmailProtected TEXT, EmailHash TEXT, CreatedAt TEXT);" >/dev/null
    { echo "PRAGMA synchronous=$mode;"; for _ in $(seq "$commits"); do echo "$insert"; done; } > "$work/single.sql"
    { echo "PRAGMA synchronous=$mode;"; for _ in $(seq "$batches"); do echo "BEGIN;"; for _ in $(seq 1000); do echo "$insert"; done; echo "COMMIT;"; done; } > "$work/batch.sql"
    start=$(date +%s%N); sqlite3 "$db" < "$work/single.sql"; single=$(ms "$start")
    start=$(date +%s%N); sqlite3 "$db" < "$work/batch.sql"; batch=$(ms "$start")
    echo "| $mode | $single ms | $(( single * 1000 / commits )) µs | $batch ms | $(( batch / batches )) ms |"
done
