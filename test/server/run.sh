#!/usr/bin/env bash
# Wire protocol server tests with real clients: starts `heliosdb-nano serve` on a free port
# with a temporary database, runs the psql scripts cases/NAME.sql (output compared with
# cases/NAME.out, which is what PostgreSQL 15 prints for the same script), the libpq client
# (server_libpq_test), row lock waits between sessions (concurrency.sh), node-postgres
# (node/pg_client_test.mjs, installed by node/setup.sh), a client killed in the middle of a
# transaction and of a long query, shutdown by SIGTERM and SIGINT, and authentication, TLS,
# privileges and timeouts (auth.sh).
# Prints `N passed, N failed`; exits non-zero on failure.
# Usage: test/server/run.sh [BUILD_DIR]   (default: build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
cases="$root/test/server/cases"
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

if [ ! -x "$bin" ] || ! command -v psql > /dev/null; then
  echo "heliosdb-nano ($bin) or psql (postgresql-client) missing"
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export PGHOST=127.0.0.1 PGUSER=tester PGDATABASE=test PGCONNECT_TIMEOUT=10

# start_server DB [OPTION]...: serves DB on a free port; sets server_pid and PGPORT.
start_server() {
  : > "$work/server.log"  # never read the port of the previous server
  "$bin" serve "$1" --port 0 "${@:2}" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    PGPORT=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/server.log")
    [ -n "$PGPORT" ] && export PGPORT && return 0
    sleep 0.05
  done
  echo "server did not start:"; cat "$work/server.log"
  return 1
}

# stop_server SIGNAL: signals the server and waits for it; fails the check NAME if it does
# not exit with status 0 within 20 seconds.
stop_server() {
  local signal=$1 name=$2
  kill -s "$signal" "$server_pid"
  for _ in $(seq 200); do
    kill -0 "$server_pid" 2> /dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2> /dev/null; then
    fail "$name: server still running"
    kill -9 "$server_pid"
  fi
  wait "$server_pid"
  local rc=$?
  server_pid=
  if [ $rc -eq 0 ]; then pass; else fail "$name: exit status $rc"; cat "$work/server.log"; fi
}

# Background clients are disowned so that killing them is not reported by the shell.
kill_client() {
  kill -9 "$1" 2> /dev/null
  while kill -0 "$1" 2> /dev/null; do sleep 0.05; done
}

# expect NAME WANT SQL: runs SQL with psql -Atc, compares the output.
expect() {
  local got
  got=$(psql -X -At -c "$3" 2>&1)
  if [ "$got" = "$2" ]; then pass; else fail "$1: got '$got', expected '$2'"; fi
}

start_server "$work/db" || { echo "0 passed, 1 failed"; exit 1; }

# 1. psql scripts.
for sql in "$cases"/*.sql; do
  name=$(basename "$sql" .sql)
  (cd "$cases" && psql -X -a -f "$name.sql" > "$work/$name.txt" 2>&1)
  if diff -u "$cases/$name.out" "$work/$name.txt" > "$work/$name.diff"; then
    pass
  else
    fail "$name (output differs)"
    head -40 "$work/$name.diff"
  fi
done

# 2. The libpq client: extended protocol, binary parameters and results, pipeline, cancel.
if [ -x "$build/bin/server_libpq_test" ]; then
  if "$build/bin/server_libpq_test" "host=127.0.0.1 port=$PGPORT user=tester dbname=test" \
      > "$work/libpq.txt" 2>&1; then
    pass
  else
    fail "libpq client"; cat "$work/libpq.txt"
  fi
else
  fail "server_libpq_test not built (libpq-dev missing?)"
fi

# 3. Several statements in one message, errors with SQLSTATE (VERBOSITY verbose), COPY files.
expect "multi-statement message" "1
2" "SELECT 1; SELECT 2"
got=$(psql -X -v VERBOSITY=verbose -c "SELECT 1; SELECT * FROM nosuch" 2>&1 | grep ERROR)
[ "$got" = 'ERROR:  42P01: relation "nosuch" does not exist' ] && pass || fail "verbose error: $got"

# Server-side COPY files: written and read back by the server process.
expect "COPY TO a server file" "COPY 3" "COPY (SELECT * FROM generate_series(1, 3)) TO '$work/copy.txt'"
expect "COPY FROM a server file" "CREATE TABLE
COPY 3
6" "CREATE TABLE copied (a int); COPY copied FROM '$work/copy.txt'; SELECT sum(a) FROM copied"
got=$(psql -X -v VERBOSITY=sqlstate -c "COPY copied FROM '$work/missing.txt'" 2>&1)
[ "$got" = "ERROR:  58P01" ] && pass || fail "COPY FROM a missing file: $got"

# 4. A client killed inside a transaction, then inside a long query: its session rolls back
# and the server keeps serving.
expect "setup" "CREATE TABLE" "CREATE TABLE k (a int)"
mkfifo "$work/in"
psql -X -q < "$work/in" > /dev/null 2>&1 &
client=$!
disown $client
exec 3> "$work/in"
echo "BEGIN; INSERT INTO k VALUES (1);" >&3
sleep 0.5
kill_client $client
exec 3>&-
expect "killed client's insert rolled back" "0" "SELECT count(*) FROM k"
psql -X -q -c "BEGIN" -c "INSERT INTO k VALUES (2)" \
  -c "SELECT count(*) FROM generate_series(1, 4000000000)" > /dev/null 2>&1 &
client=$!
disown $client
sleep 1
kill_client $client
expect "killed client's query rolled back" "0" "SELECT count(*) FROM k"
expect "server still serves" "1" "SELECT 1"
sleep 2  # the abandoned query is canceled within about a second
expect "abandoned query canceled" "ok" "SELECT 'ok'"

# Row lock waits, deadlocks and the ends of a wait between sessions.
. "$root/test/server/concurrency.sh"

# node-postgres: prepared statements, types, COPY streams, cancel, errors (its own database,
# so its tables start empty).
if bash "$root/test/server/node/setup.sh" > "$work/npm.txt" 2>&1; then
  main_port=$PGPORT
  main_pid=$server_pid
  start_server "$work/nodedb" || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
  if node --no-deprecation "$root/test/server/node/pg_client_test.mjs" > "$work/node.txt" 2>&1; then
    pass
  else
    fail "node-postgres"; grep -v '^ok' "$work/node.txt" | head -40
  fi
  stop_server TERM "node-postgres server shutdown"
  server_pid=$main_pid PGPORT=$main_port
else
  fail "node-postgres: npm install failed"; cat "$work/npm.txt"
fi

# 5. Shutdown: SIGTERM with an idle session open; the data survives a restart.
expect "before shutdown" "INSERT 0 1" "INSERT INTO k VALUES (3)" 2> /dev/null
mkfifo "$work/idle"
psql -X -q < "$work/idle" > /dev/null 2>&1 &
idle=$!
disown $idle
exec 4> "$work/idle"
sleep 0.3
stop_server TERM "SIGTERM shutdown"
kill_client $idle
exec 4>&-
start_server "$work/db" || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
expect "data after restart" "3" "SELECT a FROM k"
psql -X -q -c "SELECT count(*) FROM generate_series(1, 4000000000)" > /dev/null 2>&1 &
busy=$!
disown $busy
sleep 0.5
stop_server INT "SIGINT shutdown with a running query"
kill_client $busy

# 6. Roles, passwords (SCRAM-SHA-256), host rules, TLS, privileges and timeouts.
. "$root/test/server/auth.sh"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
