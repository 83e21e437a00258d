#!/usr/bin/env bash
# Crash during the cold tier's swaps: ALTER TABLE ... SET (hybrid_storage = 'cold' | 'hot') of a
# table of two row groups is killed (SIGKILL) at a different moment each cycle. The database must
# reopen with every row present exactly once and unchanged, in one tier or the other (the swap
# is one atomic batch: row groups written, hot versions removed, registration), and the swap
# must then complete.
#   bash test/crash/tier_crash.sh [BUILD_DIR] [CYCLES]
set -u
build=${1:-build-dev}
cycles=${2:-6}
nano="$build/bin/heliosdb-nano"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=130000
expected="$rows,$rows,8450065100"
fail=0
done_before=0  # kills that found the swap complete
undone=0       # kills that found it not started or rolled back
# count, distinct ids, sum of id + v; then hot and cold rows
state_of() {
  "$nano" -q "$1" -c "SELECT 'S=' || count(*) || ',' || count(DISTINCT id) || ',' || sum(id + v) FROM t" \
    2>&1 | grep -o 'S=[0-9,]*' | cut -c3-
}
tiers_of() {
  "$nano" -q "$1" -c "SELECT 'T=' || hot_rows || ',' || cold_rows FROM pg_storage_tiers()" \
    2>&1 | grep -o 'T=[0-9,]*' | cut -c3-
}
db="$work/db"
"$nano" -q "$db" \
  -c "CREATE TABLE t (id int PRIMARY KEY, v int, label text)" \
  -c "INSERT INTO t SELECT i, 0, 'row ' || i FROM generate_series(1, $rows) AS g(i)" \
  -c "UPDATE t SET v = 1 WHERE id <= 100" >/dev/null || exit 1
for cycle in $(seq 1 "$cycles"); do
  if [ $((cycle % 2)) -eq 1 ]; then target=cold; else target=hot; fi
  "$nano" -q "$db" -c "ALTER TABLE t SET (hybrid_storage = '$target')" >/dev/null 2>&1 &
  pid=$!
  # the swap takes about 0.3 s on the development machine: most kills land inside it
  sleep "$(printf '0.%02d' $((RANDOM % 40)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  state=$(state_of "$db")
  tiers=$(tiers_of "$db")
  [ "$state" = "$expected" ] || { echo "cycle $cycle ($target): rows after kill: $state"; fail=$((fail + 1)); continue; }
  case "$tiers" in
    "$rows,0") [ "$target" = hot ] && done_before=$((done_before + 1)) || undone=$((undone + 1)) ;;
    "0,$rows") [ "$target" = cold ] && done_before=$((done_before + 1)) || undone=$((undone + 1)) ;;
    *) echo "cycle $cycle ($target): tiers after kill: $tiers"; fail=$((fail + 1)); continue ;;
  esac
  "$nano" -q "$db" -c "ALTER TABLE t SET (hybrid_storage = '$target')" >/dev/null 2>&1
  state=$(state_of "$db")
  tiers=$(tiers_of "$db")
  want_tiers="$rows,0"
  [ "$target" = cold ] && want_tiers="0,$rows"
  [ "$state" = "$expected" ] && [ "$tiers" = "$want_tiers" ] ||
    { echo "cycle $cycle ($target): after the swap: $state / $tiers"; fail=$((fail + 1)); }
done
echo "kills after the swap: $done_before, before it: $undone"
echo "$((cycles - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
