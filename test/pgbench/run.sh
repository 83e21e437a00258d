#!/usr/bin/env bash
# pgbench, unmodified, against `heliosdb-nano serve`: pgbench -i -s 1, a TPC-B-like run with
# 32 clients that must report 0 failed transactions, the check that the balances add up
# (sum(abalance) of accounts = sum(delta) of history = sum(bbalance) = sum(tbalance); the
# run's vacuum step empties history first, as on PostgreSQL, so it is checked right after
# the run), the same with prepared statements, and a select-only (-S) run.
# Prints `N passed, N failed`; exits non-zero on failure.
# Usage: test/pgbench/run.sh [BUILD_DIR]   (default: build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

if [ ! -x "$bin" ] || ! command -v pgbench > /dev/null; then
  echo "heliosdb-nano ($bin) or pgbench (postgresql-contrib / postgresql) missing"
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2> /dev/null
    wait "$server_pid" 2> /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export PGHOST=127.0.0.1 PGUSER=tester PGDATABASE=test PGCONNECT_TIMEOUT=10

"$bin" serve "$work/db" --port 0 > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  PGPORT=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/server.log")
  [ -n "$PGPORT" ] && break
  sleep 0.05
done
[ -n "$PGPORT" ] || { cat "$work/server.log"; echo "0 passed, 1 failed"; exit 1; }
export PGPORT

# run NAME ARGS...: runs pgbench; passes when it exits 0 and reports no failed transaction.
run() {
  local name=$1
  shift
  if pgbench "$@" > "$work/out.txt" 2>&1 &&
      grep -q "number of failed transactions: 0 (0.000%)" "$work/out.txt"; then
    pass
    grep -E "^tps|failed" "$work/out.txt" | sed "s/^/$name: /"
  else
    fail "$name"; tail -20 "$work/out.txt"
  fi
}

# balances NAME: the four sums agree and history is not empty.
balances() {
  local name=$1 got
  got=$(psql -X -At -F ' ' -c "SELECT (SELECT sum(abalance) FROM pgbench_accounts),
    (SELECT sum(delta) FROM pgbench_history), (SELECT sum(bbalance) FROM pgbench_branches),
    (SELECT sum(tbalance) FROM pgbench_tellers), (SELECT count(*) FROM pgbench_history)" 2>&1)
  set -- $got
  if [ $# -eq 5 ] && [ "$1" = "$2" ] && [ "$1" = "$3" ] && [ "$1" = "$4" ] && [ "$5" -gt 0 ]; then
    pass
  else
    fail "$name balances: $got"
  fi
}

if pgbench -i -s 1 > "$work/init.txt" 2>&1; then pass; else fail "pgbench -i"; cat "$work/init.txt"; fi
expect_rows=$(psql -X -At -c "SELECT count(*) FROM pgbench_accounts" 2>&1)
[ "$expect_rows" = 100000 ] && pass || fail "pgbench -i: $expect_rows accounts"

run "TPC-B, 32 clients" -c 32 -j 2 -t 100
balances "TPC-B, 32 clients"
# After a TPC-B run history holds that run's deltas only: start the sums from zero again.
psql -X -q -c "UPDATE pgbench_accounts SET abalance = 0 WHERE abalance <> 0" \
  -c "UPDATE pgbench_tellers SET tbalance = 0" -c "UPDATE pgbench_branches SET bbalance = 0"
run "TPC-B prepared, 32 clients" -M prepared -c 32 -j 2 -t 100
balances "TPC-B prepared, 32 clients"
run "select-only, 8 clients" -S -c 8 -j 2 -t 1000

kill -0 "$server_pid" 2> /dev/null && pass || fail "server exited: $(cat "$work/server.log")"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
