#!/usr/bin/env bash
# Recompiles core's bundled table from the sources in registry-data/data/ and the data version in
# core/src/data/version.properties, then copies it into core. Run it after any change to either, and
# commit the sources and the table together; BundledTableIsCurrentTest fails until then.
#
# The compiler writes only into registry-data/target/ (no module's build writes into another's src/);
# this script is the one step that puts the result into core's tree, where it is committed so that core
# needs nothing from registry-data at build time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl registry-data -am -Pregenerate process-classes "$@"
cp registry-data/target/ports.table core/src/main/resources/dev/portregistry/ports.table
if git diff --quiet -- core/src/main/resources/dev/portregistry/ports.table; then
  echo "core/src/main/resources/dev/portregistry/ports.table: unchanged"
else
  echo "core/src/main/resources/dev/portregistry/ports.table: updated; commit it with the sources"
fi
