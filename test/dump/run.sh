#!/usr/bin/env bash
# The upgrade path end to end (issue 7): builds a database holding every type and object
# (schema.sql), exports it (dump v2), imports it, exports again and compares the logical
# content (verify --dump both ways); exports SQL and loads it with psql into a throwaway
# PostgreSQL 15 server (initdb in a temporary directory), verifies against it, changes a row
# there and checks that verify fails naming it; migrates into a second database, cut off
# midway through a table (--stop-after, as a kill would) and resumed after its last committed
# range; carries branches through export and import (branches.sql); checks that a damaged or
# truncated dump is refused and
# leaves nothing behind. (That an export taken while writers commit is one snapshot is
# test/unit/dump/snapshot_test.cc: the database admits one process, so the writer is a thread.)
# Prints `N passed, N failed`; exits non-zero on failure.
# Usage: test/dump/run.sh [BUILD_DIR]   (default: build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
check() {  # check NAME COMMAND...: passes when the command succeeds
  local name=$1; shift
  if "$@" > "$work/out.txt" 2>&1; then pass "$name"; else fail "$name"; cat "$work/out.txt"; fi
}
refuse() {  # refuse NAME PATTERN COMMAND...: passes when the command fails printing PATTERN
  local name=$1 pattern=$2; shift 2
  if "$@" > "$work/out.txt" 2>&1; then
    fail "$name (succeeded)"; cat "$work/out.txt"
  elif grep -q -- "$pattern" "$work/out.txt"; then pass "$name"
  else fail "$name (no \"$pattern\")"; cat "$work/out.txt"; fi
}

work=$(mktemp -d)
chmod 755 "$work"
pg_pid_dir=
cleanup() {
  [ -n "$pg_pid_dir" ] && pg stop -m immediate > /dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

# --- dump v2: export, import, export again -------------------------------------------------
check "build the source database" "$bin" src.db -q -f "$root/test/dump/schema.sql"
check "export v2" "$bin" export src.db -o one.dump --all
check "import" "$bin" import one.dump copy.db
check "export the import" "$bin" export copy.db -o two.dump --all
check "imported database equals the first dump" "$bin" verify copy.db --dump one.dump
check "second dump equals the source" "$bin" verify src.db --dump two.dump
"$bin" copy.db -c "SELECT nextval('counter'), nextval('app.everything_id_seq')" > seq.txt 2>&1
if grep -q " 60 |" seq.txt && grep -q "|  *5$" seq.txt; then pass "sequences resume where they were"
else fail "sequences resume where they were"; cat seq.txt; fi
"$bin" copy.db -c "SELECT constraint_name FROM information_schema.table_constraints" -c "SELECT indexname FROM pg_indexes" > d.txt 2>&1
if grep -q orders_customer_idx d.txt && grep -q orders_customer_id_fkey d.txt && grep -q orders_amount_check d.txt
then pass "indexes and constraints recreated"; else fail "indexes and constraints recreated"; cat d.txt; fi
refuse "import refuses a non-empty target" "not empty" "$bin" import one.dump copy.db
"$bin" other.db -q -c "CREATE TABLE unrelated (x int)"
check "import --force into a database with other objects" "$bin" import one.dump other.db --force
"$bin" other.db -c "SELECT count(*) FROM orders" | grep -qx " *5000" && pass "forced import loaded the rows" ||
  fail "forced import loaded the rows"

# --- branches: each shows after import what it showed before -----------------------------
branch_state() {  # branch_state DB: every branch's visible rows
  for b in main dev dev2; do
    "$1" "$2" --branch $b -c "SELECT * FROM t ORDER BY id" 2>&1
    [ $b = main ] || "$1" "$2" --branch $b -c "SELECT * FROM only_dev ORDER BY x" 2>&1
  done
}
check "build a database with branches" "$bin" br.db -q -f "$root/test/dump/branches.sql"
check "export with --include-branches" "$bin" export br.db -o br.dump --include-branches
check "import recreates the branches" "$bin" import br.dump br_copy.db
branch_state "$bin" br.db > br_before.txt
branch_state "$bin" br_copy.db > br_after.txt
grep -q "B |     7" br_after.txt && diff -q br_before.txt br_after.txt > /dev/null &&
  pass "every branch shows the same rows after import" ||
  { fail "every branch shows the same rows after import"; diff br_before.txt br_after.txt; }
"$bin" br_copy.db -c "SELECT branch_name, parent FROM pg_database_branches() ORDER BY 1" > brl.txt 2>&1
grep -q "dev2 *| dev" brl.txt && grep -q "dev  *| main" brl.txt && pass "branch parents kept" ||
  { fail "branch parents kept"; cat brl.txt; }
check "verify --dump with branches" "$bin" verify br_copy.db --dump br.dump
check "export without branches" "$bin" export br.db -o nobr.dump
check "import without branches" "$bin" import nobr.dump nobr.db
"$bin" nobr.db -c "SELECT count(*) FROM pg_database_branches()" | grep -qx " *1" &&
  pass "a dump without --include-branches holds main only" || fail "a dump without branches"

# --- damaged dumps -----------------------------------------------------------------------
size=$(stat -c %s one.dump)
cp one.dump bad.dump
printf '\x55' | dd of=bad.dump bs=1 seek=$((size / 2)) conv=notrunc status=none
refuse "a corrupted byte is refused, naming the offset" "corrupted at byte offset" "$bin" import bad.dump bad.db
[ ! -e bad.db ] && pass "no half-imported database is left" || fail "no half-imported database is left"
head -c $((size - 100)) one.dump > cut.dump
refuse "a truncated dump is refused" "truncated" "$bin" import cut.dump cut.db
refuse "not a dump" "not a HeliosDB dump" "$bin" import "$root/test/dump/schema.sql" x.db

# --- PostgreSQL ----------------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
pg() { "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pgdata" -s "$@"; }
if [ -z "$pgbin" ] || ! command -v psql > /dev/null; then
  echo "SKIP PostgreSQL checks: no PostgreSQL server binaries (apt install postgresql)"
else
  mkdir -p "$work/pgdata" "$work/pgsock"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pgdata" "$work/pgsock"
  port=$(( (RANDOM % 20000) + 30000 ))
  "${as_pg[@]}" "$pgbin/initdb" -D "$work/pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > pg_init.log 2>&1
  pg_pid_dir=1
  pg -w -o "-p $port -k $work/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" -l "$work/pgdata/server.log" start
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
  url() { echo "postgresql://postgres@127.0.0.1:$port/$1"; }
  psql -X -q -d postgres -c "CREATE DATABASE loaded" -c "CREATE DATABASE migrated" > /dev/null

  check "export SQL" "$bin" export src.db --format sql -o dump.sql
  check "psql -v ON_ERROR_STOP=1 loads the script" psql -X -q -v ON_ERROR_STOP=1 -d loaded -f dump.sql
  check "verify against PostgreSQL" "$bin" verify src.db --against "$(url loaded)"
  psql -X -q -d postgres -c "CREATE DATABASE with_branches" > /dev/null
  check "export SQL of a database with branches" "$bin" export br.db --format sql -o br.sql
  grep -q "^-- Database branch dev is not exported" br.sql && pass "the SQL export names the branches it leaves out" ||
    fail "the SQL export names the branches it leaves out"
  check "psql loads the script of a database with branches" psql -X -q -v ON_ERROR_STOP=1 -d with_branches -f br.sql
  check "verify that database against PostgreSQL" "$bin" verify br.db --against "$(url with_branches)"
  psql -X -q -d loaded -c "UPDATE orders SET note = 'tampered' WHERE order_id = 42" > /dev/null
  refuse "verify names the changed table" "public.orders .*DIFFERENT" "$bin" verify src.db --against "$(url loaded)"
  grep -q "only in postgresql: .*tampered" "$work/out.txt" && pass "verify shows the changed row" || fail "verify shows the changed row"
  psql -X -q -d loaded -c "DROP INDEX orders_customer_idx" > /dev/null
  refuse "verify names a missing index" "orders_customer_idx .*MISSING" "$bin" verify src.db --against "$(url loaded)"

  "$bin" export src.db --format sql --target citus --distribute-by orders=customer_id -o citus.sql 2> /dev/null
  grep -q "create_distributed_table('public.orders', 'customer_id')" citus.sql &&
    grep -q "create_reference_table('app.everything')" citus.sql &&
    pass "citus: distributed and reference tables" || fail "citus: distributed and reference tables"

  # One job and 1000-row transactions: app.everything, app.customer, then the first 1000 of
  # the 5000 orders commit before the cut.
  "$bin" migrate src.db --to "$(url migrated)" --jobs 1 --rows-per-transaction 1000 --stop-after 3 > migrate1.txt 2>&1
  rc=$?
  if [ $rc -eq 3 ] && grep -q '^range public.orders .* 1000$' src.db.migrate-state &&
     ! grep -q '^table public.orders' src.db.migrate-state &&
     [ "$(psql -X -A -t -d migrated -c 'SELECT count(*) FROM orders')" = 1000 ]; then
    pass "migrate cut off midway through a table (--stop-after)"
  else
    fail "migrate cut off midway through a table (rc $rc)"; cat migrate1.txt src.db.migrate-state
  fi
  check "migrate resumes and verifies" "$bin" migrate src.db --to "$(url migrated)" --jobs 2 --rows-per-transaction 1000
  grep -q "OK: 0 differences" "$work/out.txt" && pass "migrate ran verify" || fail "migrate ran verify"
  [ "$(grep -c '^range public.orders' src.db.migrate-state)" = 5 ] &&
    pass "the resumed run copied only the missing ranges" || { fail "resumed ranges"; cat src.db.migrate-state; }
  check "migrated database verifies on its own" "$bin" verify src.db --against "$(url migrated)"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
