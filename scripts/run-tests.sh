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

section "project SQL tests (test/sql)"
log=$(mktemp)
"$bin/heliosdb-slt" test/sql > "$log" 2>&1
rc=$?
tail -15 "$log"
count "$log"
[ $rc -eq 0 ] || failed_suites+=("sql")

if [ -x "$bin/crash_test" ]; then
  section "crash test (SIGKILL during commits)"
  log=$(mktemp)
  "$bin/crash_test" --cycles "${CRASH_CYCLES:-30}" > "$log" 2>&1
  rc=$?
  tail -5 "$log"
  count "$log"
  [ $rc -eq 0 ] || failed_suites+=("crash")
fi

section "shell (test/shell)"
log=$(mktemp)
bash test/shell/run.sh "$build" > "$log" 2>&1
rc=$?
tail -5 "$log"
count "$log"
[ $rc -eq 0 ] || failed_suites+=("shell")

section "wire protocol server with psql and libpq (test/server)"
log=$(mktemp)
bash test/server/run.sh "$build" > "$log" 2>&1
rc=$?
grep -E '^FAIL' "$log" | head -25
tail -1 "$log"
count "$log"
[ $rc -eq 0 ] || failed_suites+=("server")

section "upgrade path: dump, import, SQL export, migrate, verify (test/dump)"
log=$(mktemp)
bash test/dump/run.sh "$build" > "$log" 2>&1
rc=$?
grep -E '^FAIL|^SKIP' "$log" | head -25
tail -1 "$log"
count "$log"
[ $rc -eq 0 ] || failed_suites+=("dump")

section "TPC-H queries at SF 0.01 (test/tpch)"
log=$(mktemp)
bash test/tpch/run.sh "$build" > "$log" 2>&1
rc=$?
grep -E '^FAIL' "$log" | head -25
tail -1 "$log"
count "$log"
[ $rc -eq 0 ] || failed_suites+=("tpch")

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
