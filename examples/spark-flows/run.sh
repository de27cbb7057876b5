#!/usr/bin/env bash
# Builds the example with the reactor (never install) and runs one of its programs on local Spark:
#   examples/spark-flows/run.sh FlowGenerator --rows 100000 --out /tmp/flows
#   examples/spark-flows/run.sh EnrichFlows --conn /tmp/flows/conn.log --csv /tmp/flows/flows.csv --out /tmp/flows/enriched.parquet
# The JVM flags are the --add-opens list Spark needs on Java 17 (spark.jvm.opens in the root pom).
set -euo pipefail
cd "$(dirname "$0")/../.."
main="${1:?usage: run.sh FlowGenerator|EnrichFlows ARGS...}"
shift
mvn -B -q -pl examples/spark-flows -am package -DskipTests -Djacoco.skip=true
opens=$(sed -n '/<spark.jvm.opens>/,/<\/spark.jvm.opens>/p' pom.xml | sed -e 's/<[^>]*>//g' | tr -s ' \n' ' ')
cp="examples/spark-flows/target/classes:$(cat examples/spark-flows/target/classpath.txt)"
# shellcheck disable=SC2086
exec java -Xmx4g $opens -cp "$cp" "dev.portregistry.examples.spark.$main" "$@"
