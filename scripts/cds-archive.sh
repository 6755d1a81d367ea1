#!/usr/bin/env bash
# A class-data sharing (CDS) archive of the packaged app, for a faster start (docs/deployment.md,
# "Faster start"). Usage, after ./mvnw package:
#
#   scripts/cds-archive.sh [ARCHIVE]        ARCHIVE defaults to target/quarkus-app/jobbmal.jsa
#   java -XX:SharedArchiveFile=target/quarkus-app/jobbmal.jsa -jar target/quarkus-app/quarkus-run.jar
#
# A training run: it starts target/quarkus-app/quarkus-run.jar with -XX:ArchiveClassesAtExit=ARCHIVE on a
# throwaway H2 database with demo data in a temporary folder (never your data, whatever the environment
# says: the data source settings are overridden), logs in, opens the main pages, API calls and exports,
# registers one result through the API, and stops the app. At exit the JVM writes every class it loaded
# and linked to ARCHIVE, already parsed and verified; later starts map them instead of loading them.
#
# The training run uses the interpreter only (-Xint, so it takes about 90 s): JDK 17 keeps in the archive
# the JIT compiler's "not compilable" marks on methods, and after a training run with the compilers on,
# H2's ValueDataType.readValue was never compiled again, which made the million-row export twice as slow.
#
# The archive fits only the build it was made from: make it again after every package (a stale one is
# ignored by the JVM, which then starts as without it). It belongs to the folder the app runs from, so
# make it where the app is installed, with the JVM options you run the app with:
#   JAVA_OPTS   default: the recommended options of scripts/java-options.sh (docs/deployment.md)
#   CDS_PORT    the training run's HTTP port, default 18399
# A jar built for PostgreSQL (-Ppostgresql) cannot open H2: give it an EMPTY throwaway database to train on
# (the run adds demo data to it), never the production one:
#   CDS_JDBC_URL, CDS_DB_USERNAME, CDS_DB_PASSWORD
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

APP_DIR="$ROOT/target/quarkus-app"
JAR="$APP_DIR/quarkus-run.jar"
ARCHIVE=${1:-"$APP_DIR/jobbmal.jsa"}
. "$ROOT/scripts/java-options.sh"
JAVA_OPTS=${JAVA_OPTS:-$RECOMMENDED_JAVA_OPTS}
PORT=${CDS_PORT:-18399}
WORK=$(mktemp -d -t jobbmal-cds.XXXXXX)
DB_URL=${CDS_JDBC_URL:-"jdbc:h2:file:$WORK/data/jobbmal;AUTO_SERVER=FALSE"}
DB_USER=${CDS_DB_USERNAME:-jobbmal}
DB_PASSWORD=${CDS_DB_PASSWORD:-jobbmal}
BASE="http://localhost:$PORT"
ADMIN=demo-admin
ADMIN_PASSWORD=demo-passord-1

for tool in java curl; do
  command -v "$tool" >/dev/null || { echo "cds-archive: $tool is not installed" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "cds-archive: $JAR is missing (./mvnw package -DskipTests first)" >&2; exit 1; }
case "$ARCHIVE" in /*) ;; *) ARCHIVE="$ROOT/$ARCHIVE" ;; esac

PID=""
cleanup() {
  if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
  echo "cds-archive: FAILED: $*" >&2
  [ -f "$WORK/app.log" ] && tail -n 30 "$WORK/app.log" >&2
  exit 1
}

rm -f "$ARCHIVE"
t0=$(date +%s)
# shellcheck disable=SC2086
(cd "$WORK" && exec env QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="$DB_URL" QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
  QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" JOBBMAL_DATA_DIR="$WORK/data" \
  JOBBMAL_DEMO_DATA=true JOBBMAL_DEMO_RESULTS=2000 JOBBMAL_ADMIN_INITIAL_PASSWORD=cds-training-admin-1 \
  java -Xint $JAVA_OPTS -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" > "$WORK/app.log" 2>&1) &
PID=$!

for _ in $(seq 1 1500); do
  kill -0 "$PID" 2>/dev/null || fail "the app stopped during start-up"
  curl -s -o /dev/null --max-time 2 "$BASE/q/health/ready" && break
  sleep 0.2
done
curl -s -o /dev/null --fail --max-time 2 "$BASE/q/health/ready" || fail "the app did not start"

JAR_COOKIES="$WORK/cookies.txt"
visit() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$@")
  [ "$status" -lt 500 ] || fail "$* answered $status"
}

# Pages before and after a form login, in both languages.
visit "$BASE/login"
visit "$BASE/lang/en"
visit "$BASE/login"
visit "$BASE/lang/nb"
visit "$BASE/login"
visit --data-urlencode "j_username=$ADMIN" --data-urlencode "j_password=wrong" "$BASE/j_security_check"
visit --data-urlencode "j_username=$ADMIN" --data-urlencode "j_password=$ADMIN_PASSWORD" "$BASE/j_security_check"
for round in 1 2; do
  for path in / /programme /projects /projects/1 /projects/new /projects/1/edit /results /results/new \
    /results/1 /results/1/edit /results/1/history "/results?status=PENDING&year=2023" /results/import \
    /admin/approvals /admin/users /admin/users/new /admin/years /account /reports /municipalities/3324 \
    /focus-areas/innovasjon /export "/export/results.csv" "/export/results.csv?dialect=rfc4180&year=2023" \
    /export/results.xlsx /export/summary.csv /export/summary.xlsx /results/import/template.csv \
    /api/v1/programme /api/v1/progress "/api/v1/results?page=1" /api/v1/projects /api/v1/projects/1 \
    /api/v1/users /q/health /q/openapi /css/jobbmal.css /webjars/chart.js/dist/chart.umd.js /nope; do
    visit "$BASE$path"
  done
  # with the demo's two programmes the pages above redirect: the programme's own pages and API calls naming it
  P=sats-pa-hallingdal
  for path in "/p/$P/" "/p/$P/?period=1" "/p/$P/?period=all" "/p/$P/projects" "/p/$P/projects/1" "/p/$P/results" \
    "/p/$P/results/new" "/p/$P/results/1" "/p/$P/reports" "/p/$P/export" /programmes \
    "/p/numedal-demo/" "/api/v1/progress?programme=$P" "/api/v1/progress?programme=$P&period=1" \
    "/api/v1/results?page=1&programme=$P" "/api/v1/projects?programme=$P" "/export/results.csv?programme=$P" \
    "/export/results.xlsx?programme=$P" "/export/summary.csv?programme=$P"; do
    visit "$BASE$path"
  done
done
# One registration through the API (validation, the insert, history), and one refused.
visit -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/results" -d '{
  "projectId": 1, "municipality": "3324", "date": "2024-05-10", "kind": "NEW_JOBS", "amount": 1.5,
  "companyName": "Trening AS", "evidence": "cds-archive.sh"}'
visit -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/results" -d '{"amount": -1}'
visit "$BASE/"

# A normal stop: the JVM writes the archive as it exits.
kill "$PID"
for _ in $(seq 1 240); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
kill -0 "$PID" 2>/dev/null && fail "the app did not stop"
wait "$PID" 2>/dev/null || true
PID=""
[ -s "$ARCHIVE" ] || fail "no archive was written (see the log above)"
echo "cds-archive: $ARCHIVE ($(( $(stat -c %s "$ARCHIVE") / 1048576 )) MB) in $(( $(date +%s) - t0 )) s;" \
  "start the app with: java -XX:SharedArchiveFile=$ARCHIVE ${JAVA_OPTS} -jar $JAR"
