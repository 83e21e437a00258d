#!/usr/bin/env bash
# Merge join vs hash join in HeliosDB Nano, side by side on the same data (and, with PSQL set,
# the same comparison in PostgreSQL through enable_hashjoin / enable_mergejoin). Tables of 1M
# and 250k rows; each query runs 3 times in one shell session and the median of \timing is
# printed. The hash plans are forced by writing the smaller side's key as `key + 0`, which no
# order passes through (the +0 costs a few ms over 250k rows).
#
#   bench/merge_join/run.sh [BUILD_DIR]          (default build-dev; Release build)
#   PSQL="runuser -u postgres -- psql -X -q -d bench" bench/merge_join/run.sh build-dev
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-dev}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
shell="$build/bin/heliosdb-nano"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/bench.db"

load=(
  "CREATE TABLE big (id int PRIMARY KEY, v int)"
  "CREATE TABLE small (id int PRIMARY KEY, w int)"
  "CREATE TABLE li (k int, seq int, v int, PRIMARY KEY (k, seq))"
  "CREATE TABLE ord (k int PRIMARY KEY, w int)"
  "CREATE TABLE ul (id int PRIMARY KEY, k int)"
  "CREATE TABLE uo (id int PRIMARY KEY, k int)"
  "CREATE TABLE ux (id int PRIMARY KEY, k int)"
  "CREATE TABLE uy (id int PRIMARY KEY, k int)"
  "INSERT INTO big SELECT g, g % 100 FROM generate_series(1, 1000000) g"
  "INSERT INTO small SELECT 4 * g, g % 7 FROM generate_series(1, 250000) g"
  "INSERT INTO li SELECT g / 4 + 1, g % 4, g % 100 FROM generate_series(0, 999999) g"
  "INSERT INTO ord SELECT g, g % 7 FROM generate_series(1, 250000) g"
  # Unordered join columns: about 4 ul rows per uo key (1M output), or 1 in 4 ux rows (250k).
  "INSERT INTO ul SELECT g, ((g::bigint * 7919) % 1000003 % 250000)::int FROM generate_series(1, 1000000) g"
  "INSERT INTO uo SELECT g, ((g::bigint * 104729) % 1000003 % 250000)::int FROM generate_series(1, 250000) g"
  "INSERT INTO ux SELECT g, ((g::bigint * 7919) % 1000003)::int FROM generate_series(1, 1000000) g"
  "INSERT INTO uy SELECT g, ((g::bigint * 104729) % 1000003)::int FROM generate_series(1, 250000) g"
  "ANALYZE"
)

# name | merge plan | hash plan
cases=(
  "PK 1M x 250k, 250k rows|SELECT count(*), sum(v), sum(w) FROM big JOIN small ON big.id = small.id|SELECT count(*), sum(v), sum(w) FROM big JOIN small ON big.id = small.id + 0"
  "PK (k,seq) 1M x 250k, 1M rows|SELECT count(*), sum(v), sum(w) FROM li JOIN ord ON li.k = ord.k|SELECT count(*), sum(v), sum(w) FROM li JOIN ord ON li.k = ord.k + 0"
  "ORDER BY key, 1M rows|SELECT count(*), sum(s.k) FROM (SELECT ul.k FROM ul JOIN uo ON ul.k = uo.k ORDER BY ul.k) s|SELECT count(*), sum(s.k) FROM (SELECT ul.k FROM ul JOIN uo ON ul.k = uo.k + 0 ORDER BY ul.k) s"
  "ORDER BY key, 250k rows|SELECT count(*), sum(s.k) FROM (SELECT x.k FROM (SELECT * FROM ux ORDER BY k) x JOIN (SELECT * FROM uy ORDER BY k) y ON x.k = y.k ORDER BY x.k) s|SELECT count(*), sum(s.k) FROM (SELECT ux.k FROM ux JOIN uy ON ux.k = uy.k ORDER BY ux.k) s"
)

median() { sort -n | sed -n 2p; }

args=()
for s in "${load[@]}"; do args+=(-c "$s"); done
"$shell" "$db" "${args[@]}" > /dev/null

printf '%-32s %12s %12s %8s\n' "case" "merge ms" "hash ms" "hash/merge"
for c in "${cases[@]}"; do
  IFS='|' read -r name merge hash <<< "$c"
  run() {
    "$shell" "$db" -c '\timing' -c "$1" -c "$1" -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
  }
  m=$(run "$merge")
  h=$(run "$hash")
  printf '%-32s %12s %12s %8.2f\n' "$name" "$m" "$h" "$(echo "$h / $m" | bc -l)"
done
IFS='|' read -r _ merge _ <<< "${cases[0]}"
"$shell" "$db" -c "EXPLAIN (COSTS OFF) $merge" | grep -q "Merge Join" || echo "warning: no merge join"

if [ -n "${PSQL:-}" ]; then
  echo
  echo "PostgreSQL (same data and queries, plans forced with enable_hashjoin / enable_mergejoin):"
  for s in "${load[@]}"; do $PSQL -c "$s" > /dev/null; done
  for c in "${cases[@]}"; do
    IFS='|' read -r name merge hash <<< "$c"
    pg() {
      $PSQL -c "SET $1 = off" -c '\timing on' -c "$2" -c "$2" -c "$2" |
        sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
    }
    printf '%-32s %12s %12s\n' "$name" "$(pg enable_hashjoin "$merge")" "$(pg enable_mergejoin "$merge")"
  done
  for t in big small li ord ul uo ux uy; do $PSQL -c "DROP TABLE $t" > /dev/null; done
fi
