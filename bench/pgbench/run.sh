#!/usr/bin/env bash
# pgbench side by side: PostgreSQL 15 (initdb in a temporary directory, Debian's postgresql
# package, default settings) and `heliosdb-nano serve` on this machine, in one run. Both are
# loaded with pgbench -i -s SCALE; then for each client count the select-only script (-S)
# and the TPC-B-like script run REPEATS times for DURATION seconds on each engine, the two
# engines alternating; the median TPS and latency are printed with HeliosDB / PostgreSQL.
# Both commit durably (fsync on; HeliosDB's synchronous_commit on).
# Usage: bench/pgbench/run.sh [BUILD_DIR]   (default: build)
# Environment: SCALE (10), CLIENTS ("1 8 32"), DURATION (10), REPEATS (3).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
scale=${SCALE:-10}
clients=${CLIENTS:-1 8 32}
duration=${DURATION:-10}
repeats=${REPEATS:-3}

pgbin=$(ls -d /usr/lib/postgresql/15/bin 2> /dev/null || true)
[ -x "$bin" ] || { echo "build heliosdb-nano first ($bin)" >&2; exit 1; }
[ -n "$pgbin" ] || { echo "PostgreSQL 15 is required (apt install postgresql)" >&2; exit 1; }
command -v pgbench > /dev/null || { echo "pgbench is required" >&2; exit 1; }

work=$(mktemp -d)
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
helios_pid=
cleanup() {
  [ -n "$helios_pid" ] && kill -TERM "$helios_pid" 2> /dev/null && wait "$helios_pid" || true
  [ -f "$work/pgdata/postmaster.pid" ] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pgdata" -s -m fast stop || true
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL on a free port, its socket in the work directory.
mkdir -p "$work/pgdata" "$work/pgsock"
[ "$(id -u)" -eq 0 ] && chown postgres "$work" "$work/pgdata" "$work/pgsock"
pg_port=$(( (RANDOM % 20000) + 30000 ))
"${as_pg[@]}" "$pgbin/initdb" -D "$work/pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > "$work/initdb.log" 2>&1
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pgdata" -s -w -l "$work/pg.log" \
  -o "-p $pg_port -k $work/pgsock -c listen_addresses=127.0.0.1" start
"$bin" serve "$work/helios.db" --port 0 > "$work/helios.log" 2>&1 &
helios_pid=$!
helios_port=
for _ in $(seq 100); do
  helios_port=$(sed -n 's/.* on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/helios.log")
  [ -n "$helios_port" ] && break
  sleep 0.05
done
[ -n "$helios_port" ] || { cat "$work/helios.log"; exit 1; }

# on ENGINE COMMAND...: runs a client command against postgresql or heliosdb.
on() {
  local engine=$1
  shift
  if [ "$engine" = postgresql ]; then
    PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGDATABASE=postgres "$@"
  else
    PGHOST=127.0.0.1 PGPORT=$helios_port PGUSER=heliosdb PGDATABASE=heliosdb "$@"
  fi
}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -r)"
echo "pgbench scale $scale, ${duration}s runs, median of $repeats, clients: $clients"
for engine in postgresql heliosdb; do
  start=$(date +%s%N)
  on $engine pgbench -i -q -s "$scale" > "$work/init-$engine.log" 2>&1 ||
    { cat "$work/init-$engine.log"; exit 1; }
  echo "pgbench -i -s $scale on $engine: $((($(date +%s%N) - start) / 1000000)) ms"
done

printf '\n%-10s %7s | %12s %12s %7s | %10s %10s\n' script clients "PostgreSQL" "HeliosDB" ratio \
  "PG lat ms" "Helios ms"
for c in $clients; do
  threads=$((c < 2 ? 1 : 2))
  for script in select-only tpc-b; do
    flags=()
    [ $script = select-only ] && flags=(-S)
    for engine in postgresql heliosdb; do : > "$work/$engine.tps"; : > "$work/$engine.lat"; done
    for _ in $(seq "$repeats"); do
      for engine in postgresql heliosdb; do
        on $engine pgbench "${flags[@]}" -c "$c" -j "$threads" -T "$duration" > "$work/run.log" 2>&1 ||
          { cat "$work/run.log"; exit 1; }
        if ! grep -q "number of failed transactions: 0 " "$work/run.log"; then
          echo "$engine $script $c clients: failed transactions" >&2
          grep failed "$work/run.log" >&2
        fi
        sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/run.log" >> "$work/$engine.tps"
        sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$work/run.log" >> "$work/$engine.lat"
      done
    done
    pg_tps=$(median < "$work/postgresql.tps")
    he_tps=$(median < "$work/heliosdb.tps")
    printf '%-10s %7s | %12.0f %12.0f %7.2f | %10.3f %10.3f\n' $script "$c" "$pg_tps" "$he_tps" \
      "$(awk "BEGIN {print $he_tps / $pg_tps}")" "$(median < "$work/postgresql.lat")" \
      "$(median < "$work/heliosdb.lat")"
  done
done
