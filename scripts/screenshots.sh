#!/usr/bin/env bash
# Starts Jobbmål with the demo data on a fresh database and saves screenshots of its main pages
# (docs/images/dashboard.png is the one in the README). Needs Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/images}"
PORT="${PORT:-8097}"
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
(cd "$WORK" && JOBBMAL_DEMO_DATA=true JOBBMAL_ADMIN_INITIAL_PASSWORD=screenshot-admin-1 QUARKUS_HTTP_PORT="$PORT" \
  exec java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1) &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
java -cp "$(cat "$WORK/cp.txt")" scripts/Screenshots.java "http://localhost:$PORT" "$OUT"
