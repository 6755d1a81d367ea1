#!/usr/bin/env bash
# A backup of the embedded H2 database restores, identically, into a fresh H2 database and into PostgreSQL
# (docs/deployment.md, "Backups and restore" and "Moving from H2 to PostgreSQL").
#
#   1. starts the H2 build on a fresh ./data with the demo (two programmes), registers, approves, returns and withdraws
#      a few results (so the history has every kind of entry), and takes a backup through POST /api/v1/backups;
#   2. records what the app shows: each programme's progress JSON and results CSV, the users, every result's
#      history;
#   3. restores the backup into a fresh H2 database (JOBBMAL_RESTORE_FROM) and into an emptied PostgreSQL
#      database (the PostgreSQL build), and on each checks that those four are identical, that every user
#      (the admin and the eight demo users) can log in with their password, and that a new result gets a
#      fresh id;
#   4. checks the refusals: the same backup into the now non-empty database, and a truncated copy into an
#      empty one, each stop the start with a message saying why.
# Exits non-zero on the first failed check; prints the time and size of the backup and of each restore.
#
# Needs: java 17, curl, jq, psql, a PostgreSQL database the user owns (.ci/run creates it):
#   RESTORE_DB_URL (default jdbc:postgresql://localhost:5432/jobbmal_backup_restore), RESTORE_DB_USER/_PASSWORD
#   (jobbmal/jobbmal), RESTORE_PORT (28191). Builds both jars unless SKIP_PACKAGE=1; then H2_APP (default
#   target/quarkus-app) must be the H2 build and PG_APP (default target/quarkus-app-pg) the PostgreSQL build.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=backup-restore
PORT=${RESTORE_PORT:-28191}
DB_URL=${RESTORE_DB_URL:-jdbc:postgresql://localhost:5432/jobbmal_backup_restore}
DB_USER=${RESTORE_DB_USER:-jobbmal}
DB_PASSWORD=${RESTORE_DB_PASSWORD:-jobbmal}
ADMIN_PASSWORD=backup-restore-admin-1
WORK=$PWD/target/backup-restore
BASE="http://localhost:$PORT"
DEMO_USERS=(demo-admin:demo-passord-1 demo-leder:demo-passord-2 demo-leder2:demo-passord-3 demo-styret:demo-passord-4
  demo-fylket:demo-passord-5 demo-admin-numedal:demo-passord-6 demo-leder-numedal:demo-passord-7 demo-sysadmin:demo-passord-8)
# the demo's programmes (README, "With demo data"): every call names one
DEMO_PROGRAMMES=(sats-pa-hallingdal numedal-demo)
P="${DEMO_PROGRAMMES[0]}"
START=$(date +%s)
. scripts/app-helpers.sh
trap stop_app EXIT

for tool in java curl jq psql; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
H2_APP=${H2_APP:-$PWD/target/quarkus-app}
PG_APP=${PG_APP:-$PWD/target/quarkus-app-pg}
rm -rf "$WORK"
mkdir -p "$WORK"
if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  echo "$SCRIPT_NAME: packaging for H2 and for PostgreSQL"
  ./mvnw -B -q package -Ppostgresql -DskipTests
  rm -rf "$WORK/pg-app" && cp -r target/quarkus-app "$WORK/pg-app"
  ./mvnw -B -q package -DskipTests
  PG_APP=$WORK/pg-app
fi
[ -f "$H2_APP/quarkus-run.jar" ] || fail "$H2_APP/quarkus-run.jar is missing"
[ -f "$PG_APP/quarkus-run.jar" ] || fail "$PG_APP/quarkus-run.jar is missing (the PostgreSQL build)"
H2_APP=$(cd "$H2_APP" && pwd)
PG_APP=$(cd "$PG_APP" && pwd)
now_ms() { date +%s%3N; }

admin() { curl -sS --fail --max-time 60 -u "admin:$ADMIN_PASSWORD" "$@"; }
json() { admin -H 'Content-Type: application/json' "$@"; }

# snapshot NAME: what the app shows, into $WORK/NAME.*
snapshot() {
  # the municipality x focus-area list comes from a GROUP BY without an order (H2 and PostgreSQL list it
  # differently): compared as a set
  : > "$WORK/$1.progress.json"
  : > "$WORK/$1.results.csv"
  for code in "${DEMO_PROGRAMMES[@]}"; do
    admin "$BASE/api/v1/progress?programme=$code&period=all" \
      | jq -S '.byMunicipalityAndFocusArea |= sort_by(.municipality, .focusArea)' \
      >> "$WORK/$1.progress.json" || fail "$1: GET /api/v1/progress?programme=$code"
    admin "$BASE/export/results.csv?programme=$code" >> "$WORK/$1.results.csv" \
      || fail "$1: GET /export/results.csv?programme=$code"
  done
  admin "$BASE/api/v1/users" | jq -S . > "$WORK/$1.users.json" || fail "$1: GET /api/v1/users"
  awk -F';' 'NR > 1 {print $1}' "$WORK/$1.results.csv" | tr -d '\357\273\277"' | grep -E '^[0-9]+$' \
    | sed "s|.*|url = \"$BASE/api/v1/results/&/history\"|" > "$WORK/$1.history.curl"
  [ -s "$WORK/$1.history.curl" ] || fail "$1: no results in the CSV export"
  admin -K "$WORK/$1.history.curl" | jq -S -s . > "$WORK/$1.history.json" || fail "$1: reading the histories"
}

# same NAME: the snapshot NAME equals the original's, and every user can log in
same() {
  for part in progress.json results.csv users.json history.json; do
    cmp -s "$WORK/original.$part" "$WORK/$1.$part" \
      || fail "$1: $part differs from the original: $(diff "$WORK/original.$part" "$WORK/$1.$part" | head -c 800)"
  done
  for user in "admin:$ADMIN_PASSWORD" "${DEMO_USERS[@]}"; do
    cookie=$(session "$PORT" "${user%%:*}" "${user#*:}")
    [ -n "$cookie" ] || fail "$1: ${user%%:*} cannot log in with their password"
    # / leads to the user's programme, or to the chooser for several
    status=$(curl -s -L -o /dev/null -w '%{http_code}' -b "jobbmal-session=$cookie" "$BASE/")
    [ "$status" = "200" ] || fail "$1: ${user%%:*}'s session answered $status"
  done
  max=$(awk -F';' 'NR > 1 {gsub(/[^0-9]/, "", $1); if ($1 + 0 > m) m = $1 + 0} END {print m}' "$WORK/original.results.csv")
  id=$(json "$BASE/api/v1/results" -d "{\"projectId\": $PROJECT, \"municipality\": \"$MUNICIPALITY\",
    \"date\": \"2024-06-01\", \"kind\": \"NEW_JOBS\", \"amount\": 1, \"evidence\": \"etter gjenoppretting\"}" | jq .id) \
    || fail "$1: registering a result after the restore failed"
  [ "$id" -gt "$max" ] || fail "$1: the new result got id $id, not above the restored ones (max $max)"
  ok "$1: progress, results CSV ($(( $(wc -l < "$WORK/$1.results.csv") - ${#DEMO_PROGRAMMES[@]} )) rows), $(jq length "$WORK/$1.users.json") users and $(jq length "$WORK/$1.history.json") histories identical; every user logs in; a new result gets id $id > $max"
}

# 1. the original, on H2
APP_JAR=$H2_APP/quarkus-run.jar
start_app "$WORK/original" "$PORT" "$WORK/original.log" JOBBMAL_DEMO_DATA=true
wait_ready "$PORT" 180 || fail "the original did not start"
project_json=$(admin "$BASE/api/v1/projects?programme=$P" \
  | jq '[.[] | select((.status == "active" or .status == "completed") and .startDate < "2024-05-10")][0]')
PROJECT=$(jq .id <<<"$project_json")
MUNICIPALITY=$(jq -r '.municipalities[0]' <<<"$project_json")
register() {
  json "$BASE/api/v1/results" -d "{\"projectId\": $PROJECT, \"municipality\": \"$MUNICIPALITY\",
    \"date\": \"2024-05-10\", \"kind\": \"NEW_JOBS\", \"amount\": $1, \"companyName\": \"Æ Ø Å; \\\"sitat\\\", komma\",
    \"evidence\": \"$2\"}" | jq .id
}
a=$(register 2.5 "godkjennes") && b=$(register 1 "sendes tilbake") && c=$(register 3 "trekkes") || fail "registering"
json -X POST "$BASE/api/v1/results/$a/approve" -d '{}' > /dev/null || fail "approving"
json -X POST "$BASE/api/v1/results/$b/return" -d '{"reason": "mangler dokumentasjon"}' > /dev/null || fail "returning"
json -X POST "$BASE/api/v1/results/$c/withdraw" -d '{"reason": "feil prosjekt"}' > /dev/null || fail "withdrawing"
t0=$(now_ms)
name=$(json -X POST "$BASE/api/v1/backups" -d '{}' | jq -r .name) || fail "POST /api/v1/backups"
backup_ms=$(( $(now_ms) - t0 ))
admin -o "$WORK/backup.zip" "$BASE/api/v1/backups/$name" || fail "downloading $name"
snapshot original
stop_app
(cd "$WORK" && jar xf backup.zip manifest.json) || fail "the backup is not a zip with a manifest"
rows=$(jq '[.tables[].rows] | add' "$WORK/manifest.json")
ok "backup $name: $rows rows in $(jq '.tables | length' "$WORK/manifest.json") tables, $(stat -c %s "$WORK/backup.zip") bytes, taken in $backup_ms ms"

# 2. into a fresh H2 database
t0=$(now_ms)
start_app "$WORK/h2" "$PORT" "$WORK/h2.log" JOBBMAL_RESTORE_FROM="$WORK/backup.zip"
wait_ready "$PORT" 180 || fail "the restore into H2 did not start"
restore_ms=$(( $(now_ms) - t0 ))
grep -q "Restore: done" "$WORK/h2.log" || fail "no 'Restore: done' in the log"
snapshot h2
same h2
stop_app
ok "restore into H2: start to ready in $restore_ms ms ($(grep -o 'done in [0-9]* ms' "$WORK/h2.log"))"

# 3. the same backup into the non-empty database: refused, the start stops
start_app "$WORK/h2" "$PORT" "$WORK/refused.log" JOBBMAL_RESTORE_FROM="$WORK/backup.zip"
wait_exit 180 || fail "the start with a restore into a non-empty database did not stop"
[ "$APP_EXIT" != "0" ] || fail "the refused start exited with 0"
grep -q "Restore refused: The database is not empty" "$WORK/refused.log" || fail "no clear refusal in the log"
ok "restore into a non-empty database refused (exit $APP_EXIT): $(grep -o 'Restore refused: [^.]*\.' "$WORK/refused.log" | head -1)"

# 4. a truncated copy into an empty database: refused, still empty
head -c $(( $(stat -c %s "$WORK/backup.zip") * 2 / 3 )) "$WORK/backup.zip" > "$WORK/truncated.zip"
start_app "$WORK/empty" "$PORT" "$WORK/truncated.log" JOBBMAL_RESTORE_FROM="$WORK/truncated.zip"
wait_exit 180 || fail "the start with a truncated backup did not stop"
[ "$APP_EXIT" != "0" ] || fail "the start with a truncated backup exited with 0"
grep -q "Restore refused: .*truncated" "$WORK/truncated.log" || fail "no clear refusal of the truncated file in the log"
ok "truncated backup refused (exit $APP_EXIT): $(grep -o 'Restore refused: .*' "$WORK/truncated.log" | head -1)"

# 5. into PostgreSQL
PGPASSWORD="$DB_PASSWORD" psql -q -v ON_ERROR_STOP=1 "${DB_URL#jdbc:}" -U "$DB_USER" \
  -c 'DROP SCHEMA IF EXISTS public CASCADE' -c 'CREATE SCHEMA public' >/dev/null \
  || fail "cannot empty $DB_URL (does $DB_USER own it?)"
APP_JAR=$PG_APP/quarkus-run.jar
t0=$(now_ms)
start_app "$WORK/pg" "$PORT" "$WORK/pg.log" JOBBMAL_RESTORE_FROM="$WORK/backup.zip" \
  QUARKUS_DATASOURCE_JDBC_URL="$DB_URL" QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD"
wait_ready "$PORT" 180 || fail "the restore into PostgreSQL did not start"
restore_ms=$(( $(now_ms) - t0 ))
grep -q "PostgreSQL" "$WORK/pg.log" || fail "the PostgreSQL build did not run on PostgreSQL"
snapshot pg
same pg
stop_app
ok "restore into PostgreSQL: start to ready in $restore_ms ms ($(grep -o 'done in [0-9]* ms' "$WORK/pg.log"))"

echo "BACKUP AND RESTORE: OK (H2 backup restored identically into H2 and PostgreSQL; refusals clear) in $(( $(date +%s) - START )) s"
