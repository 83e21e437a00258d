#!/usr/bin/env bash
# Shell (heliosdb-nano) tests: pipes each cases/NAME.sql into the shell on a fresh database and
# compares stdout+stderr with cases/NAME.out; then checks exit codes of -c, -f and
# ON_ERROR_STOP. Prints `N passed, N failed`; exits non-zero on failure.
# Usage: test/shell/run.sh [BUILD_DIR]   (default: build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
cases="$root/test/shell/cases"
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

if [ ! -x "$bin" ]; then
  echo "heliosdb-nano not found at $bin"
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for sql in "$cases"/*.sql; do
  name=$(basename "$sql" .sql)
  expected="$cases/$name.out"
  [ -f "$expected" ] || continue
  rm -rf "$work/db"
  (cd "$work" && "$bin" db < "$sql" > "$work/$name.txt" 2>&1)
  if diff -u "$expected" "$work/$name.txt" > "$work/$name.diff"; then
    pass
  else
    fail "$name (output differs)"
    head -40 "$work/$name.diff"
  fi
done

# expect_exit CODE NAME COMMAND...: runs COMMAND in the work directory, checks its exit status.
expect_exit() {
  local want=$1 name=$2
  shift 2
  (cd "$work" && "$@" > "$work/exit.txt" 2>&1)
  local got=$?
  if [ "$got" -eq "$want" ]; then pass; else fail "$name: exit $got, expected $want"; cat "$work/exit.txt"; fi
}

rm -rf "$work/db"
expect_exit 0 "-c success" "$bin" db -c "SELECT 1"
expect_exit 1 "-c error" "$bin" db -c "SELECT * FROM no_such_table"
expect_exit 0 "-f error without ON_ERROR_STOP" "$bin" db -f "$cases/on_error_stop.sql"
expect_exit 3 "-f error with ON_ERROR_STOP" "$bin" db -v ON_ERROR_STOP=1 -f "$cases/on_error_stop.sql"
if grep -q "two" "$work/exit.txt"; then fail "ON_ERROR_STOP ran the statement after the error"; else pass; fi
expect_exit 1 "-f missing file" "$bin" db -f "$work/no-such-file.sql"
expect_exit 0 "--version" "$bin" --version
if grep -q "^heliosdb-nano [0-9]" "$work/exit.txt"; then pass; else fail "--version output"; fi
expect_exit 0 "several -c" "$bin" db -c "CREATE TABLE c (x int)" -c "INSERT INTO c VALUES (1); SELECT x FROM c"
if grep -q "(1 row)" "$work/exit.txt"; then pass; else fail "several -c output"; cat "$work/exit.txt"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
