#!/usr/bin/env bash
# Installs the DuckDB peer: the npm package @duckdb/node-api, at the version pinned in
# duckdb/package.json and duckdb/package-lock.json, into duckdb/node_modules (not committed).
set -euo pipefail
cd "$(dirname "$0")/duckdb"
if [ -d node_modules/@duckdb/node-api ]; then
  echo "setup: @duckdb/node-api is installed"
  exit 0
fi
command -v npm > /dev/null || { echo "setup: npm is required (node 18 or later)" >&2; exit 1; }
npm install --no-audit --no-fund
