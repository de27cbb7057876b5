#!/usr/bin/env bash
# Rows per second to enrich generated flows on local[2] Spark, beside a plain projection, a broadcast
# join and a Java UDF (SparkEnrichBenchmark). Not part of CI. One JVM: Spark starts and caches the flows once.
#
#   benchmarks/spark/run.sh                  # 10 million flows, 3 warm-up + 5 measured jobs per case
#   benchmarks/spark/run.sh -wi 1 -i 2       # fewer jobs per case (as run on a busy machine)
#   benchmarks/spark/run.sh -p rows=1000000  # any JMH options
#   JMH_JAVA_OPTS=-Djmh.ignoreLock=true benchmarks/spark/run.sh   # beside another JMH run (numbers suffer)
#
# Builds with the reactor (never install), records machine and load, and writes JMH's text and JSON
# to benchmarks/results/spark-<UTC time>/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl benchmarks/spark -am package -DskipTests -Djacoco.skip=true
out="benchmarks/results/spark-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
  echo "commit: $(git rev-parse --short HEAD)"
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
cp="benchmarks/spark/target/classes:$(cat benchmarks/spark/target/classpath.txt)"
# not forked (@Fork(0)): this JVM runs Spark, so it gets Spark's --add-opens flags (spark.jvm.opens in the root pom)
opens=$(sed -n '/<spark.jvm.opens>/,/<\/spark.jvm.opens>/p' pom.xml | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ')
# shellcheck disable=SC2086
java -Xmx6g $opens ${JMH_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main SparkEnrichBenchmark -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
cat "$out/machine.txt"
