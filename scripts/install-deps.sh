#!/usr/bin/env bash
# Installs the Debian packages the build and the test suites need, only when one is missing.
# Run by `make run` and `make test`; safe to run again (it does nothing when all are present).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  librocksdb-dev libzstd-dev liblz4-dev libxxhash-dev libssl-dev libedit-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev libfmt-dev
  libhowardhinnant-date-dev libutf8proc-dev
  postgresql postgresql-client libpq-dev
)
# node and npm drive DuckDB, the peer of the TPC-H benchmark and of the Parquet interoperability
# test (test/parquet); a machine that has node from elsewhere (with its own npm) keeps it.
command -v node > /dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm run the node-postgres tests and the DuckDB peer; any node 18 or later will do
# (Debian's, or one already installed from elsewhere, which Debian's npm would conflict with).
command -v npm > /dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
