#!/usr/bin/env bash
# Recompiles core's bundled table from the sources in registry-data/data/ and the data version in
# core/src/data/version.properties, then copies it into core. Run it after any change to either, and
# commit the sources and the table together; BundledTableIsCurrentTest fails until then.
#
# It also recompiles the logic tests' frozen fixture table from test-fixtures/data/ and copies it into
# test-fixtures (FixtureTableIsCurrentTest fails while the committed one differs): after a change to
# those sources, or to the compiler or the table format, which changes both tables.
#
# The compiler writes only into registry-data/target/ (no module's build writes into another's src/);
# this script is the one step that puts the result into core's tree, where it is committed so that core
# needs nothing from registry-data at build time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl registry-data -am -Pregenerate process-classes "$@"
copy() {
  cp "registry-data/target/$1" "$2"
  if git diff --quiet -- "$2"; then
    echo "$2: unchanged"
  else
    echo "$2: updated; commit it with the sources"
  fi
}
copy ports.table core/src/main/resources/dev/portregistry/ports.table
copy fixture.table test-fixtures/src/main/resources/dev/portregistry/fixtures/fixture.table
