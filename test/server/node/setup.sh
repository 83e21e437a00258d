#!/usr/bin/env bash
# Installs node-postgres (npm `pg` and `pg-copy-streams`, at the versions pinned in
# package.json and package-lock.json) into test/server/node/node_modules (git-ignored), once.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/pg ] && [ -d node_modules/pg-copy-streams ] && exit 0
command -v npm > /dev/null || { echo "setup: npm is required (node 18 or later)" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
