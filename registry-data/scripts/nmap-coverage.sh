#!/usr/bin/env bash
# Prints how many of the ports Nmap most often finds open (top 1,000 TCP, top 300 UDP) the
# registry's sources (registry-data/data, compiled afresh) explain on their transport.
# Not part of the build or CI. Nmap's nmap-services is taken at run time from Debian's nmap-common
# (apt-get download, no install) into a temporary directory: used to choose what to research,
# never committed, never cited as a basis.
# Usage: registry-data/scripts/nmap-coverage.sh [--list | --programs]
#   --list      also prints each unexplained port not yet reviewed, with its Nmap rank
#   --programs  instead counts, of the top 300 port/transport pairs (TCP and UDP together), those
#               whose service or use on that transport has at least one curated program, and
#               lists the others with their rank
# NMAP_SERVICES=/path/to/nmap-services uses a file you already have instead.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
services="${NMAP_SERVICES:-}"
if [ -z "$services" ]; then
  (cd "$work" && apt-get download nmap-common >/dev/null 2>&1) \
    || { echo "error: apt-get download nmap-common failed (run apt-get update first?)" >&2; exit 1; }
  dpkg-deb -x "$work"/nmap-common_*.deb "$work/x"
  services="$work/x/usr/share/nmap/nmap-services"
  echo "Nmap data: $(basename "$work"/nmap-common_*.deb)"
fi
cd "$here/.."
mvn -B -q -pl registry-data -am -DskipTests -Pnmap-coverage process-classes \
  -Dcoverage.args="$services $here/data $*"
