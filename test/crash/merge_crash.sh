#!/usr/bin/env bash
# Crash during MERGE DATABASE BRANCH: a merge of many changed rows is killed (SIGKILL) at a
# different moment each cycle; the database must reopen with the merge applied in full or not
# at all (one transaction, one atomic batch), and then merge cleanly.
#   bash test/crash/merge_crash.sh [BUILD_DIR] [CYCLES]
set -u
build=${1:-build-dev}
cycles=${2:-5}
nano="$build/bin/heliosdb-nano"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
state_of() {
  "$nano" -q "$1" -c "SELECT 'S=' || count(*) || ',' || sum(v) FROM t" 2>&1 | grep -o 'S=[0-9,]*' | cut -c3-
}
for cycle in $(seq 1 "$cycles"); do
  db="$work/db$cycle"
  "$nano" -q "$db" \
    -c "CREATE TABLE t (id int PRIMARY KEY, v int)" \
    -c "INSERT INTO t SELECT i, 0 FROM generate_series(1, 20000) AS g(i)" \
    -c "CREATE DATABASE BRANCH x FROM main AS OF NOW" >/dev/null || exit 1
  "$nano" -q -b x "$db" -c "UPDATE t SET v = 1" \
    -c "INSERT INTO t SELECT i, 1 FROM generate_series(20001, 30000) AS g(i)" >/dev/null || exit 1
  "$nano" -q "$db" -c "MERGE DATABASE BRANCH x INTO main" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  state=$(state_of "$db")
  case "$state" in
    "20000,0" | "30000,30000") ;;
    *) echo "cycle $cycle: partial merge visible: $state"; fail=$((fail + 1)); continue ;;
  esac
  "$nano" -q "$db" -c "MERGE DATABASE BRANCH x INTO main" >/dev/null 2>&1
  state=$(state_of "$db")
  [ "$state" = "30000,30000" ] || { echo "cycle $cycle: merge after reopen: $state"; fail=$((fail + 1)); }
done
echo "$((cycles - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
