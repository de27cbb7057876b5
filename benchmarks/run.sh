#!/usr/bin/env bash
# Runs the portregistry benchmarks and writes a summary with ratios.
#
#   benchmarks/run.sh short   a quick look, about 1-2 minutes: 1 fork, few iterations (noisy)
#   benchmarks/run.sh full    the published numbers, about 15 minutes: 3 forks x (10 warm-up + 8) iterations
#
# Results go to benchmarks/results/<mode>-<date>/ (git-ignored): the raw JMH JSON, the cold-start
# samples, the heap report, the machine and its load, and summary.md. Nothing is installed: the
# build is the reactor's `package` (never `install`). Not part of CI. The peers have their own
# script, benchmarks/peers/run-peers.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-short}"
case "$mode" in
  short)
    jmh_opts=(-f 1 -wi 4 -w 500ms -i 3 -r 500ms)
    cold_runs=10
    cold_forks=5
    ;;
  full)
    # 10 warm-up seconds: JMH's loop first runs on-stack-replaced code, which for lookup was
    # 1.1-1.2 ns/op until the JIT recompiled it at 0.69, sometimes only in the 4th second
    jmh_opts=(-f 3 -wi 10 -w 1s -i 8 -r 1s)
    cold_runs=40
    cold_forks=30
    ;;
  *)
    echo "usage: benchmarks/run.sh short|full" >&2
    exit 2
    ;;
esac

out="benchmarks/results/$mode-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

echo "building (reactor package, tests skipped)..." >&2
mvn -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
core_jar=$(ls core/target/portregistry-core-*.jar | grep -v -e sources -e javadoc | head -1)

environment() {
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "jvm: $(java -version 2>&1 | sed -n 2p)"
  echo "memory: $(free -m | awk '/Mem:/ {print $2 " MiB"}')"
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core benchmarks || echo ' (uncommitted changes)')"
}
load() { echo "load_$1: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"; }

{ environment; load before; } > "$out/environment.txt"
echo "top before the run:" > "$out/top.txt"
top -bn1 | head -15 >> "$out/top.txt"
cat "$out/environment.txt" >&2

echo "lookup and byService (JMH, -prof gc)..." >&2
java -jar "$jar" 'dev.portregistry.bench.(LookupBenchmark|ServiceBenchmark)' "${jmh_opts[@]}" \
  -prof gc -rf json -rff "$out/jmh.json" > "$out/jmh.txt"

echo "cold start, JMH single shot in $cold_forks fresh forks..." >&2
java -jar "$jar" 'dev.portregistry.bench.ColdStartBenchmark' -f "$cold_forks" \
  -rf json -rff "$out/cold-jmh.json" > "$out/cold-jmh.txt"

echo "cold start, $cold_runs bare JVMs (core jar + one main class)..." >&2
: > "$out/cold.txt"
for _ in $(seq "$cold_runs"); do
  start=$(date +%s%N)
  line=$(java -cp "$core_jar:benchmarks/target/classes" dev.portregistry.bench.ColdStart)
  end=$(date +%s%N)
  echo "$line $((end - start))" >> "$out/cold.txt"
done

echo "retained heap (JOL) and table size..." >&2
java -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true \
  -cp "$core_jar:$jar" dev.portregistry.bench.HeapFootprint > "$out/heap.txt" 2> "$out/heap.err"

load after >> "$out/environment.txt"
{
  echo "command: benchmarks/run.sh $mode"
  echo "jmh options: ${jmh_opts[*]}"
} >> "$out/environment.txt"

python3 benchmarks/summarize.py run "$out" > "$out/summary.md"
cat "$out/summary.md"
echo "results in $out" >&2
