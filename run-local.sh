#!/usr/bin/env bash
# Starts the whole TIC Platform on this machine (JDK only, no Docker): builds it, starts a real PostgreSQL and a
# real Kafka broker and Keycloak, runs the services, loads the demo data on first start and prints the URLs.
# Ctrl-C stops everything. Options: --reset (delete local data first), --no-demo, --local-keys (no Keycloak).
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (first run downloads dependencies; later runs take seconds) ..."
./mvnw -B -q install -DskipTests -Dquarkus.log.level=WARN
cp=$(cat dev-infra/target/classes/org/tic/devinfra/runtime.classpath)
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "dev-infra/target/classes:${cp}" org.tic.devinfra.launcher.LocalPlatform "$@"
