#!/usr/bin/env bash
# The TIC Platform benchmark (issue 10). Builds what it needs, starts real PostgreSQL + Kafka + the three packaged
# services (+ the Spring Data REST peer), loads the data, runs the six scenarios and writes
# benchmarks/results/latest.{md,json} (--quick: latest-quick.{md,json}, tiny data, seconds per scenario).
#
#   benchmarks/run.sh [--quick] [--out DIR] [--clusters N] [--import-rows N] [--only events|import|delivery] [--no-build]
#   (--only events: scenario 4 alone, written to latest-events.{md,json}: the loop for work on the event path;
#    --only import: the scale data set and the bulk import alone, written to latest-import.{md,json};
#    --only delivery: scenario 7 alone, webhook delivery lag, written to latest-delivery.{md,json})
#
# Needs a JDK 17+ and pgbench (Debian: apt-get install -y postgresql-client postgresql-contrib); without pgbench
# the pgbench comparisons are reported as skipped. Everything it starts is stopped at the end (also on Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done

if ! command -v pgbench >/dev/null 2>&1; then
  echo "WARNING: pgbench not found. The physical-limit and insert comparisons need it:" >&2
  echo "         apt-get install -y postgresql-client postgresql-contrib   (Debian/Ubuntu)" >&2
  echo "         Continuing: those comparisons will be reported as skipped." >&2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "A JDK 17+ is required (java not found)." >&2
  exit 2
fi

if [ "$build" = 1 ]; then
  echo "Building the services and the benchmark (package, no tests) ..."
  ./mvnw -B -q package -DskipTests -Dquarkus.log.level=WARN -pl benchmarks -am
  echo "Building the Spring Data REST peer ..."
  ./mvnw -B -q -f benchmarks/spring-data-rest-app/pom.xml package -DskipTests
fi

cp=$(cat benchmarks/target/runtime.classpath)
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:${cp}" org.tic.bench.BenchmarkMain --root "$(pwd)" "${args[@]+"${args[@]}"}"
