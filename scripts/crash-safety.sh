#!/usr/bin/env bash
# Crash safety of the embedded H2 database (docs/deployment.md, "Crash safety"): nothing answered 201 is lost
# when the JVM is killed.
#
# Starts the packaged app on a fresh ./data, creates a project, then three rounds of: 16 clients register
# results through the API (POST /api/v1/results, each with a unique evidence text), the JVM is killed with
# kill -9 after 2-4 s, the app is started again on the same ./data, and the script checks that
#   - every registration that was answered 201 (in any round so far) is there exactly once (CSV export),
#   - each has its history (GET /api/v1/results/{id}/history has its "created" entry),
#   - the progress figures equal the sum of what is there (pending new jobs = sum of the pending amounts), and the
#     figure check (POST /api/v1/programmes/…/figures/check) finds the figures' aggregate equal to the results.
# Exits non-zero on the first failed check.
#
# Needs: java 17, curl, jq, and the packaged H2 build in target/quarkus-app (packages it unless SKIP_PACKAGE=1).
#   CRASH_PORT (default 28181), CRASH_ROUNDS (3), CRASH_CLIENTS (16); CRASH_JDBC_URL to try another database
#   URL (e.g. H2's default write delay: jdbc:h2:file:./data/jobbmal, which loses registrations).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT_NAME=crash-safety
PORT=${CRASH_PORT:-28181}
ROUNDS=${CRASH_ROUNDS:-3}
CLIENTS=${CRASH_CLIENTS:-16}
ADMIN_PASSWORD=crash-safety-admin-1
WORK=$PWD/target/crash-safety
BASE="http://localhost:$PORT"
START=$(date +%s)
. scripts/app-helpers.sh
trap 'touch "$WORK/stop" 2>/dev/null; stop_app' EXIT

for tool in java curl jq; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  echo "$SCRIPT_NAME: packaging"
  ./mvnw -B -q package -DskipTests
fi
[ -f "$APP_JAR" ] || fail "$APP_JAR is missing"

rm -rf "$WORK"
mkdir -p "$WORK/app" "$WORK/acked"
LOG="$WORK/app.log"
start_app "$WORK/app" "$PORT" "$LOG" ${CRASH_JDBC_URL:+QUARKUS_DATASOURCE_JDBC_URL=$CRASH_JDBC_URL}
wait_ready "$PORT" 120 || fail "the app did not start"

admin() { curl -sS --fail --max-time 30 -u "admin:$ADMIN_PASSWORD" "$@"; }
project=$(admin -H 'Content-Type: application/json' "$BASE/api/v1/projects" -d '{
  "name": "Krasjtest", "description": "crash-safety.sh", "focusArea": "innovasjon", "municipalities": ["3324"],
  "projectOwner": "Test AS", "phase": "forprosjekt", "status": "active", "startDate": "2022-01-01",
  "expectedNewJobs": 10}' | jq -r .id) || fail "creating the project failed"
[ -n "$project" ] && [ "$project" != "null" ] || fail "no project id"

# client N ROUND COOKIE: registers results until $WORK/stop exists; appends each evidence answered 201 to acked/N.
client() {
  local n=$1 round=$2 cookie=$3 i=0 ev amount code
  while [ ! -f "$WORK/stop" ]; do
    i=$((i + 1))
    ev="crash-r$round-c$n-$i"
    amount=$(( i % 3 + 1 )).$(( (i % 2) * 5 ))
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -b "jobbmal-session=$cookie" \
      -H 'Content-Type: application/json' "$BASE/api/v1/results" -d "{\"projectId\": $project,
      \"municipality\": \"3324\", \"date\": \"2024-03-15\", \"kind\": \"NEW_JOBS\", \"amount\": $amount,
      \"evidence\": \"$ev\"}") || code=000
    if [ "$code" = "201" ]; then
      echo "$ev $amount" >> "$WORK/acked/$n"
    elif [ "$code" = "000" ]; then
      sleep 0.05
    fi
  done
}

for round in $(seq 1 "$ROUNDS"); do
  cookie=$(session "$PORT" admin "$ADMIN_PASSWORD")
  [ -n "$cookie" ] || fail "round $round: login failed"
  rm -f "$WORK/stop"
  pids=()
  for n in $(seq 1 "$CLIENTS"); do
    client "$n" "$round" "$cookie" &
    pids+=($!)
  done
  # kill the JVM in the middle of the registrations, 2-4 s in
  sleep "$(( 2 + RANDOM % 3 )).$(( RANDOM % 10 ))"
  acked_before_kill=$(cat "$WORK"/acked/* 2>/dev/null | wc -l)
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  touch "$WORK/stop"
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  acked=$(cat "$WORK"/acked/* | wc -l)
  this_round=$(cat "$WORK"/acked/* | grep -c "^crash-r$round-" || true)
  [ "$this_round" -gt 0 ] || fail "round $round: no registration was answered 201 before the kill"
  echo "$SCRIPT_NAME: round $round: killed with kill -9 after $this_round registrations answered 201 ($acked_before_kill counted at the kill)"

  start_app "$WORK/app" "$PORT" "$LOG" ${CRASH_JDBC_URL:+QUARKUS_DATASOURCE_JDBC_URL=$CRASH_JDBC_URL}
  wait_ready "$PORT" 120 || fail "round $round: the app did not start again on the same data"

  csv="$WORK/results-$round.csv"
  admin -o "$csv" "$BASE/export/results.csv?dialect=rfc4180" || fail "round $round: the CSV export failed"
  cat "$WORK"/acked/* | awk '{print $1}' | sort > "$WORK/acked.txt"
  grep -o 'crash-r[0-9]*-c[0-9]*-[0-9]*' "$csv" | sort > "$WORK/stored.txt"
  dupes=$(uniq -d "$WORK/stored.txt" | wc -l)
  [ "$dupes" = "0" ] || fail "round $round: $dupes registrations are stored more than once"
  lost=$(comm -23 "$WORK/acked.txt" "$WORK/stored.txt" | wc -l)
  [ "$lost" = "0" ] || fail "round $round: $lost of $acked registrations answered 201 are gone: $(comm -23 "$WORK/acked.txt" "$WORK/stored.txt" | head -5 | tr '\n' ' ')"
  stored=$(wc -l < "$WORK/stored.txt")

  # each has its history: one "created" entry (asked in one curl process, one URL per result)
  ids="$WORK/ids.txt"
  awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == "evidence") e = i; next} {print $1, $e}' "$csv" \
    | grep ' crash-r' | awk '{print $1}' > "$ids"
  [ "$(wc -l < "$ids")" = "$stored" ] || fail "round $round: could not read the ids of the stored results from the CSV"
  sed "s|.*|url = \"$BASE/api/v1/results/&/history\"|" "$ids" > "$WORK/history.curl"
  # with a session, not HTTP Basic: Basic checks the password (BCrypt) on each of the thousands of calls
  reader=$(session "$PORT" admin "$ADMIN_PASSWORD")
  with_history=$(curl -sS --fail --max-time 300 -b "jobbmal-session=$reader" -K "$WORK/history.curl" \
    | jq -s '[.[] | select([.[] | select(.action == "created")] | length == 1)] | length') \
    || fail "round $round: reading the histories failed"
  [ "$with_history" = "$stored" ] || fail "round $round: $with_history of $stored results have exactly one 'created' history entry"

  # the figures equal the sum of what is there
  sum=$(awk -F, 'NR == 1 {for (i = 1; i <= NF; i++) {if ($i == "amount") a = i; if ($i == "status") s = i; if ($i == "kind") k = i}; next}
    $s == "PENDING" && $k == "NEW_JOBS" {t += $a} END {printf "%.1f", t}' "$csv")
  pending=$(admin "$BASE/api/v1/progress" | jq -r '.pendingNewJobs | . * 10 | round / 10 | tostring') \
    || fail "round $round: GET /api/v1/progress failed"
  [ "$(printf '%.1f' "$pending")" = "$sum" ] || fail "round $round: progress says $pending pending new jobs, the results sum to $sum"
  # and the figures' aggregate they are read from equals the results in every key (docs/architecture.md)
  differences=$(admin -X POST -H 'Content-Type: application/json' -d '{}' \
    "$BASE/api/v1/programmes/sats-pa-hallingdal/figures/check" | jq -r .differences) \
    || fail "round $round: the figure check failed"
  [ "$differences" = "0" ] || fail "round $round: the figure check found $differences keys that differ from the results"
  ok "round $round: all $acked registrations answered 201 so far are stored once ($stored stored; $(( stored - acked )) more were in flight at a kill), each with its history; pending new jobs $pending = sum of the results; the figure check finds no difference"
done

stop_app
echo "CRASH SAFETY: OK ($ROUNDS rounds of kill -9 during $CLIENTS parallel registrations, nothing answered 201 lost) in $(( $(date +%s) - START )) s"
