#!/usr/bin/env bash
# The TPC-H benchmark in one command: builds tpch_dbgen and tpch_run (Release, build-bench,
# -DHELIOS_BUILD_BENCH=ON), generates the tables once per scale factor and seed into
# bench/tpch/data/, installs DuckDB's node package, then loads and runs HeliosDB Nano, SQLite and
# DuckDB and prints the table.
#
#   bench/tpch/run.sh [--sf 1] [--seed 1] [tpch_run options: --repeat 3 --threads N
#                     --timeout 600 --only 1,6,13 --engines helios,duckdb]
#
# Environment: BUILD_DIR (default build-bench), JOBS (build jobs, default all cores).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
sf=1
seed=1
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sf) sf=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) pass+=("$1"); shift ;;
  esac
done

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHELIOS_BUILD_BENCH=ON > /dev/null
cmake --build "$build" --target tpch_dbgen tpch_run -j "${JOBS:-$(nproc)}"

data="$here/data/sf$sf-seed$seed"
if [ ! -d "$data" ]; then
  # Generated beside and renamed when complete, so an interrupted run never leaves half a table.
  rm -rf "$data.tmp"
  "$build/bin/tpch_dbgen" --sf "$sf" --seed "$seed" --out "$data.tmp"
  mv "$data.tmp" "$data"
fi
"$here/setup.sh"
"$build/bin/tpch_run" --data "$data" "${pass[@]}"
