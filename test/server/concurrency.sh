# Sourced by run.sh (uses its helpers): row lock waits between sessions through the server.
# A writer waits for the transaction holding its row and then adds to the committed value
# (READ COMMITTED); two sessions updating two rows in opposite orders deadlock and one gets
# 40P01 while the other commits; lock_timeout and statement_timeout end a wait, and so does
# a cancel request (psql sends one on SIGINT).

expect "lock wait setup" "CREATE TABLE
INSERT 0 2" "CREATE TABLE lw (id int PRIMARY KEY, v int); INSERT INTO lw VALUES (1, 0), (2, 0)"

# hold SECONDS SQL...: a background session that runs SQL in a block and sleeps before COMMIT.
hold() {
  local seconds=$1
  shift
  local args=(-c "BEGIN")
  for sql in "$@"; do args+=(-c "$sql"); done
  psql -X -q "${args[@]}" -c "SELECT pg_sleep($seconds)" -c "COMMIT" > /dev/null 2>&1 &
  holder=$!
  sleep 0.3  # the holder has taken its row locks
}

hold 1 "UPDATE lw SET v = v + 1 WHERE id = 1"
start=$(date +%s%N)
expect "waiter updates after the holder commits" "UPDATE 1" "UPDATE lw SET v = v + 10 WHERE id = 1"
waited_ms=$((($(date +%s%N) - start) / 1000000))
[ $waited_ms -ge 400 ] && pass || fail "the waiter did not wait ($waited_ms ms)"
wait $holder
expect "no increment lost" "11" "SELECT v FROM lw WHERE id = 1"

# Opposite orders: each session locks one row, then asks for the other's.
sessions=()
for pair in "1 2" "2 1"; do
  set -- $pair
  psql -X -q -v VERBOSITY=sqlstate -c "BEGIN" -c "UPDATE lw SET v = v + 100 WHERE id = $1" \
    -c "SELECT pg_sleep(0.5)" -c "UPDATE lw SET v = v + 100 WHERE id = $2" -c "COMMIT" \
    > "$work/deadlock$1.txt" 2>&1 &
  sessions+=($!)
done
wait "${sessions[@]}"
victims=$(cat "$work"/deadlock?.txt | grep -c "40P01")
[ "$victims" = 1 ] && pass || fail "deadlock: $victims victims: $(cat "$work"/deadlock?.txt)"
expect "the survivor committed" "111|100" "SELECT string_agg(v::text, '|' ORDER BY id) FROM lw"

hold 1 "UPDATE lw SET v = 0 WHERE id = 2"
got=$(psql -X -v VERBOSITY=sqlstate -c "SET lock_timeout = '100ms'" \
  -c "UPDATE lw SET v = 1 WHERE id = 2" 2>&1)
[ "$got" = "SET
ERROR:  55P03" ] && pass || fail "lock_timeout: $got"
got=$(psql -X -c "SET statement_timeout = '100ms'" -c "DELETE FROM lw WHERE id = 2" 2>&1)
case "$got" in *"canceling statement due to statement timeout"*) pass ;;
  *) fail "statement_timeout while waiting: $got" ;; esac
wait $holder

hold 3 "UPDATE lw SET v = 5 WHERE id = 2"
psql -X -c "UPDATE lw SET v = 6 WHERE id = 2" > "$work/canceled.txt" 2>&1 &
waiter=$!
sleep 1  # the waiter has connected and waits (under load too)
kill -INT $waiter
wait $waiter
grep -q "canceling statement due to user request" "$work/canceled.txt" && pass ||
  fail "cancel while waiting: $(cat "$work/canceled.txt")"
wait $holder
expect "the holder's update stands" "5" "SELECT v FROM lw WHERE id = 2"
