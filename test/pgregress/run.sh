#!/usr/bin/env bash
# PostgreSQL's regression tests (golden files) through real psql against `heliosdb-nano serve`.
# Starts the server on a free port with a temporary database, loads test/pgregress/fixture.sql
# (our SQL-only stand-in for PostgreSQL's test_setup, which needs C functions, inheritance and
# geometric types), then runs every sql/X.sql exactly as pg_regress does:
#   psql -X -a -q -d regression -v HIDE_TABLEAM=on -v HIDE_TOAST_COMPRESSION=on < sql/X.sql
# with stdout and stderr captured together, PGTZ, PGDATESTYLE and PGOPTIONS set as pg_regress
# sets them (plus a statement_timeout) and C messages. The output must equal expected/X.out or an alternative
# (expected/X_N.out); only a trailing CR is ignored. Tests run one at a time in the order of
# parallel_schedule, since later tests read objects made by earlier ones.
# Writes OUT/results/X.out, OUT/diffs/X.diff (against the closest expected file) and
# OUT/report.txt (one line per test: match, or the number of differing lines), and prints
# "N of M match". Always exits 0: the result is reported, never required.
# Usage: test/pgregress/run.sh [BUILD_DIR] [TEST]...   (default: build, every test)
# OUT is BUILD_DIR/pgregress; REGRESS_DIR overrides where the tests are read from.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
shift
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
regress=${REGRESS_DIR:-$root/../shared/peer-tests/public/postgres/src/test/regress}
out="$build/pgregress"

if [ ! -x "$bin" ] || ! command -v psql > /dev/null || [ ! -d "$regress/sql" ]; then
  echo "heliosdb-nano ($bin), psql or the regression tests ($regress) missing"
  echo "0 of 0 match"
  exit 0
fi

# The tests in schedule order, test_setup left out (the fixture replaces it).
if [ $# -gt 0 ]; then
  tests=("$@")
else
  mapfile -t tests < <(sed -n 's/^test: //p' "$regress/parallel_schedule" | tr ' ' '\n' |
    while read -r t; do
      [ -n "$t" ] && [ "$t" != test_setup ] && [ -f "$regress/sql/$t.sql" ] && echo "$t"
    done)
fi

rm -rf "$out"
mkdir -p "$out/results" "$out/diffs"
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -9 "$server_pid" 2> /dev/null
    wait "$server_pid" 2> /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve "$work/db" --port 0 > "$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  PGPORT=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$out/server.log")
  [ -n "$PGPORT" ] && break
  sleep 0.05
done
if [ -z "$PGPORT" ]; then
  echo "server did not start:"; cat "$out/server.log"
  echo "0 of ${#tests[@]} match"
  exit 0
fi

# The environment pg_regress gives psql (pg_regress.c: initialize_environment).
unset LANGUAGE LC_ALL PGCLIENTENCODING PGSERVICE PGSSLMODE PGREQUIRESSL PGCONNECT_TIMEOUT
export LC_MESSAGES=C PGHOST=127.0.0.1 PGPORT PGUSER=regress PGDATABASE=regression
export PGTZ=America/Los_Angeles PGDATESTYLE='Postgres, MDY'
# Our one addition: statement_timeout, so that a query our planner runs far slower than
# PostgreSQL (a correlated subquery nested in an aggregate over tenk1, say) fails alone instead
# of using up the test's time. No test reads the setting.
export PGOPTIONS='-c intervalstyle=postgres_verbose -c statement_timeout=20s'
export PG_ABS_SRCDIR="$regress" PG_LIBDIR="$work" PG_DLSUFFIX=.so

PGAPPNAME=pg_regress/fixture psql -X -q -v abs_srcdir="$regress" \
  -f "$root/test/pgregress/fixture.sql" > "$out/fixture.log" 2>&1
if grep -q ERROR "$out/fixture.log"; then
  echo "fixture errors (see $out/fixture.log):"
  grep -A2 ERROR "$out/fixture.log" | head -20
fi

matched=0
: > "$out/report.txt"
for t in "${tests[@]}"; do
  result="$out/results/$t.out"
  PGAPPNAME="pg_regress/$t" timeout 600 psql -X -a -q -d regression \
    -v HIDE_TABLEAM=on -v HIDE_TOAST_COMPRESSION=on < "$regress/sql/$t.sql" > "$result" 2>&1
  status=$?
  # The closest expected file: an exact match, else the one with the fewest differing lines.
  best=
  best_lines=
  for expected in "$regress/expected/$t.out" "$regress/expected/${t}"_[0-9].out; do
    [ -f "$expected" ] || continue
    diff -u --strip-trailing-cr "$expected" "$result" > "$work/diff"
    lines=$(grep -cE '^[-+][^-+]|^[-+]$' "$work/diff")
    if [ -z "$best_lines" ] || [ "$lines" -lt "$best_lines" ]; then
      best_lines=$lines
      best=$expected
      cp "$work/diff" "$out/diffs/$t.diff"
    fi
  done
  if [ -z "$best" ]; then
    line="$t: no expected output"
  elif [ "$best_lines" -eq 0 ]; then
    matched=$((matched + 1))
    rm -f "$out/diffs/$t.diff"
    line="$t: match ($(basename "$best"))"
  else
    line="$t: $best_lines lines differ from $(basename "$best")"
  fi
  [ $status -eq 124 ] && line="$line (timed out)"
  echo "$line" | tee -a "$out/report.txt"
  # A test that brings the server down ends the run: it is reported, with the tests left.
  if ! kill -0 "$server_pid" 2> /dev/null; then
    echo "$t: the server exited; the remaining tests did not run" | tee -a "$out/report.txt"
    server_pid=
    break
  fi
done
echo "$matched of ${#tests[@]} match" | tee -a "$out/report.txt"
echo "report: $out/report.txt, diffs: $out/diffs/"
