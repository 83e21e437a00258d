#!/usr/bin/env bash
# The 22 TPC-H queries as a correctness test: generates scale factor 0.01 (seed 1), loads it
# into HeliosDB Nano and compares each query's answer with expected/qNN.csv (DuckDB's answers,
# cross-checked with SQLite; bench/tpch/README.md says how to regenerate them). Prints ok or
# FAIL per query and ends with "N passed, N failed"; exits nonzero when a query fails.
#
#   test/tpch/run.sh [BUILD_DIR]   (default build; needs tpch_dbgen and tpch_run in BUILD_DIR/bin)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$build/bin/tpch_dbgen" --sf 0.01 --seed 1 --out "$tmp/data" > "$tmp/dbgen.log" 2>&1; then
  cat "$tmp/dbgen.log"
  echo "0 passed, 22 failed"
  exit 1
fi
# One run per query; a query that takes half a minute at this size is a failure worth seeing.
"$build/bin/tpch_run" --data "$tmp/data" --work "$tmp/work" --expected "$root/test/tpch/expected" \
  --repeat 1 --timeout 30
