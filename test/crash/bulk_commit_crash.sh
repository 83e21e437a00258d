#!/usr/bin/env bash
# Crash during a bulk commit: a transaction of more than 4 MB commits by ingesting table
# files (src/txn/commit_pipeline.h). It is killed (SIGKILL) at a different moment each cycle;
# the database must reopen with all of its rows or none, with no leftover ingest files, and
# take new writes.
#   bash test/crash/bulk_commit_crash.sh [BUILD_DIR] [CYCLES]
set -u
build=${1:-build-dev}
cycles=${2:-5}
nano="$build/bin/heliosdb-nano"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for cycle in $(seq 1 "$cycles"); do
  db="$work/db$cycle"
  "$nano" -q "$db" -c "CREATE TABLE t (id int PRIMARY KEY, pad text)" >/dev/null || exit 1
  "$nano" -q "$db" -c "INSERT INTO t SELECT i, repeat('x', 100) FROM generate_series(1, 200000) AS g(i)" \
    >/dev/null 2>&1 &
  pid=$!
  sleep "$((RANDOM % 2)).$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  count=$("$nano" -q "$db" -c "SELECT 'N=' || count(*) FROM t" 2>&1 | grep -o 'N=[0-9]*' | cut -c3-)
  case "$count" in
    0 | 200000) ;;
    *) echo "cycle $cycle: partial commit visible: '$count' rows"; fail=$((fail + 1)); continue ;;
  esac
  if ls "$db" | grep -q '^ingest-'; then
    echo "cycle $cycle: leftover ingest files"; fail=$((fail + 1)); continue
  fi
  "$nano" -q "$db" -c "INSERT INTO t VALUES (-1, 'after')" >/dev/null 2>&1 ||
    { echo "cycle $cycle: write after reopen failed"; fail=$((fail + 1)); }
done
echo "$((cycles - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
