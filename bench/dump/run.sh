#!/usr/bin/env bash
# Export / import throughput of the dump (format v2) side by side with pg_dump / pg_restore of
# the same data in PostgreSQL 15 (a throwaway server, initdb in a temporary directory).
# The data: one table of ROWS rows (bigint key, int, numeric, timestamp, 60-byte text), the
# same bytes in both engines (PostgreSQL loads our SQL export). MB/s is over the data's size as
# COPY text, the same number for every tool.
# Each step runs REPEAT times (default 3), the engines taking turns, and the medians are
# reported (the machine is shared and noisy).
# Usage: [REPEAT=n] bench/dump/run.sh [BUILD_DIR] [ROWS]     (defaults: build-dev, 1000000)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-dev}
rows=${2:-1000000}
repeat=${REPEAT:-3}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
work=$(mktemp -d)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
pg() { "${as_pg[@]}" "$pgbin/$@"; }
cleanup() { pg pg_ctl -D "$work/pgdata" -s stop -m immediate > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

"$bin" src.db -q -c "CREATE TABLE t (id bigint PRIMARY KEY, k integer, amount numeric(12,2),
  at timestamp, note text)"
"$bin" src.db -q -c "INSERT INTO t SELECT g, g % 1000, g * 0.01, TIMESTAMP '2024-01-01' + g * INTERVAL '1 second',
  md5(g::text) || '-' || repeat('x', 27) FROM generate_series(1, $rows) g"
"$bin" export src.db --format sql -o data.sql 2> /dev/null
mb=$(echo "scale=1; $(stat -c %s data.sql) / 1048576" | bc)

mkdir pgdata; [ "$(id -u)" -eq 0 ] && chown postgres pgdata
pg initdb -D "$work/pgdata" -A trust -U postgres > /dev/null
port=$(( (RANDOM % 20000) + 30000 ))
pg pg_ctl -D "$work/pgdata" -s -w -o "-p $port -k $work/pgdata -c listen_addresses=127.0.0.1" -l "$work/pgdata/log" start
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
psql -X -q -d postgres -c "CREATE DATABASE src"
psql -X -q -v ON_ERROR_STOP=1 -d src -f data.sql > /dev/null

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
h_exps=(); h_imps=(); p_exps=(); p_imps=()
for i in $(seq 1 "$repeat"); do
  rm -rf data.dump copy.db pg.dump
  t0=$(now); "$bin" export src.db -o data.dump 2> /dev/null; t1=$(now)
  "$bin" import data.dump copy.db 2> /dev/null; t2=$(now)
  h_exps+=("$(secs "$t0" "$t1")"); h_imps+=("$(secs "$t1" "$t2")")
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS dst" -c "CREATE DATABASE dst"
  t0=$(now); pg_dump -Fc -Z 3 -f pg.dump src; t1=$(now)
  pg_restore -d dst pg.dump; t2=$(now)
  p_exps+=("$(secs "$t0" "$t1")"); p_imps+=("$(secs "$t1" "$t2")")
  echo "run $i: export ${h_exps[-1]} s vs pg_dump ${p_exps[-1]} s; import ${h_imps[-1]} s vs pg_restore ${p_imps[-1]} s"
done
h_exp=$(median "${h_exps[@]}"); h_imp=$(median "${h_imps[@]}")
p_exp=$(median "${p_exps[@]}"); p_imp=$(median "${p_imps[@]}")

rate() { echo "scale=1; $mb / $1" | bc; }
echo "medians of $repeat runs; data: $rows rows, $mb MB as COPY text; dump v2 $(stat -c %s data.dump) bytes, pg_dump -Fc -Z3 $(stat -c %s pg.dump) bytes"
printf '%-28s %8s s %8s MB/s\n' "heliosdb export (v2)" "$h_exp" "$(rate "$h_exp")"
printf '%-28s %8s s %8s MB/s\n' "pg_dump -Fc" "$p_exp" "$(rate "$p_exp")"
printf '%-28s %8s s %8s MB/s\n' "heliosdb import" "$h_imp" "$(rate "$h_imp")"
printf '%-28s %8s s %8s MB/s\n' "pg_restore" "$p_imp" "$(rate "$p_imp")"
echo "ratios (PostgreSQL time / HeliosDB time): export $(echo "scale=2; $p_exp / $h_exp" | bc), import $(echo "scale=2; $p_imp / $h_imp" | bc)"
