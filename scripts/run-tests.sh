#!/usr/bin/env bash
# Runs every test suite and prints one summary. Fails if any of the project's own suites fail;
# the peer corpus (../shared/peer-tests) is reported as a pass rate and the PostgreSQL
# regression tests (test/pgregress) as a count of matching files; neither fails the run.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin=$build/bin  # absolute: the examples run from a temporary directory
failed_suites=()
total_pass=0
total_fail=0

section() { printf '\n=== %s ===\n' "$1"; }
# Reads the "N passed, N failed" line a suite printed and adds it to the totals.
count() {
  local line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
  total_pass=$((total_pass + ${p:-0})); total_fail=$((total_fail + ${f:-0}))
}

section "unit tests (GoogleTest)"
log=$(mktemp)
if (cd "$build" && ctest --output-on-failure -j 2) > "$log" 2>&1; then
  tail -3 "$log"
else
  cat "$log"; failed_suites+=("unit")
fi
n_tests=$(grep -hoE '\[==========\] [0-9]+ tests? ran|tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)

# Runs one suite, its output in a log: shows the lines matching `shown` (its failures) and the
# last `tail_lines` lines, adds its counts to the totals and records it when it fails.
suite() {
  local name=$1 title=$2 shown=$3 tail_lines=$4
  shift 4
  section "$title"
  log=$(mktemp)
  "$@" > "$log" 2>&1
  local rc=$?
  [ -n "$shown" ] && grep -E "$shown" "$log" | head -25
  tail -"$tail_lines" "$log"
  count "$log"
  [ $rc -eq 0 ] || failed_suites+=("$name")
}

suite sql "project SQL tests (test/sql)" "" 15 "$bin/heliosdb-slt" test/sql
if [ -x "$bin/crash_test" ]; then
  suite crash "crash test (SIGKILL during commits)" "" 5 "$bin/crash_test" --cycles "${CRASH_CYCLES:-30}"
fi
suite bulk-crash "crash during a bulk (ingested) commit (test/crash/bulk_commit_crash.sh)" '^cycle' 1 \
  bash test/crash/bulk_commit_crash.sh "$build" "${BULK_CRASH_CYCLES:-5}"
suite merge-crash "crash during a branch merge (test/crash/merge_crash.sh)" '^cycle' 1 \
  bash test/crash/merge_crash.sh "$build" "${MERGE_CRASH_CYCLES:-5}"
suite tier-crash "crash during a cold-tier swap (test/crash/tier_crash.sh)" '^cycle' 1 \
  bash test/crash/tier_crash.sh "$build" "${TIER_CRASH_CYCLES:-6}"
suite shell "shell (test/shell)" "" 5 bash test/shell/run.sh "$build"
suite server "wire protocol server with psql and libpq (test/server)" '^FAIL' 1 \
  bash test/server/run.sh "$build"
suite pgbench "pgbench -i, TPC-B with 32 clients and balances, -S (test/pgbench)" '^FAIL' 8 \
  bash test/pgbench/run.sh "$build"
suite dump "upgrade path: dump, import, SQL export, migrate, verify (test/dump)" '^FAIL|^SKIP' 1 \
  bash test/dump/run.sh "$build"
suite parquet "Parquet interoperability with DuckDB (test/parquet)" '^FAIL|^SKIP' 1 \
  bash test/parquet/run.sh "$build"
suite tpch "TPC-H queries at SF 0.01 (test/tpch)" '^FAIL' 1 bash test/tpch/run.sh "$build"

section "examples"
ex_fail=0
for ex in "$bin"/example_*; do
  [ -x "$ex" ] || continue
  tmp=$(mktemp -d)
  if (cd "$tmp" && "$ex" > out.txt 2>&1); then echo "ok   $(basename "$ex")"; else echo "FAIL $(basename "$ex")"; cat "$tmp/out.txt"; ex_fail=1; fi
  rm -rf "$tmp"
done
[ $ex_fail -eq 0 ] || failed_suites+=("examples")

peer=../shared/peer-tests/public
if [ -d "$peer" ]; then
  section "peer corpus (reported, not required)"
  log=$(mktemp)
  skips=()
  [ -f test/peer-skips.txt ] && skips=(--skip-file test/peer-skips.txt)
  timeout 1200 "$bin/heliosdb-slt" --quiet "${skips[@]}" "$peer" > "$log" 2>&1
  tail -2 "$log"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  p=$(echo "$line" | awk '{print $1}'); f=$(echo "$line" | awk '{print $3}')
  if [ -n "$p" ] && [ $((p + f)) -gt 0 ]; then
    echo "peer corpus pass rate: $((100 * p / (p + f)))% ($p of $((p + f)) records)"
  fi
fi

regress=../shared/peer-tests/public/postgres/src/test/regress
if [ -d "$regress" ]; then
  section "PostgreSQL regression tests through psql (reported, not required; docs/PGREGRESS.md)"
  log=$(mktemp)
  bash test/pgregress/run.sh "$build" > "$log" 2>&1
  grep -E ' of [0-9]+ match$' "$log" | tail -1
  grep -E 'server exited|fixture errors' "$log"
fi

section "summary"
echo "unit: ${n_tests:-see above}"
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "FAILED suites: ${failed_suites[*]}"
  echo "$total_pass passed, $((total_fail > 0 ? total_fail : 1)) failed"
  exit 1
fi
echo "$total_pass passed, $total_fail failed"
