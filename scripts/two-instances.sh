#!/usr/bin/env bash
# Two instances of the packaged app on one PostgreSQL database (docs/deployment.md, "Several instances").
#
# Packages the app for PostgreSQL, empties the database, starts two instances at the same moment
# (ports 18081 and 18082, demo data on, the same initial admin password) and checks with curl that:
#   - migrations, the first administrator and the demo data ran once (one `admin`, each demo user once,
#     the demo's two programmes, its projects and results once);
#   - a session cookie from a form login on instance 1 is accepted by instance 2 (sessions are rows in the
#     database, no shared key), and refused by instance 2 once the user logged out on instance 1;
#   - a result registered through instance 1 shows at once on instance 2 (progress and CSV export).
# Stops both instances on exit. Exits non-zero on the first failed check.
#
# Needs: java 17, curl, jq, psql, and a PostgreSQL database the user owns (.ci/run creates it):
#   TWO_DB_URL       default jdbc:postgresql://localhost:5432/jobbmal_two
#   TWO_DB_USER      default jobbmal
#   TWO_DB_PASSWORD  default jobbmal
#   SKIP_PACKAGE=1   reuse target/quarkus-app (must have been packaged with -Ppostgresql)
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL="${TWO_DB_URL:-jdbc:postgresql://localhost:5432/jobbmal_two}"
DB_USER="${TWO_DB_USER:-jobbmal}"
DB_PASSWORD="${TWO_DB_PASSWORD:-jobbmal}"
PORT1=18081
PORT2=18082
ADMIN_PASSWORD="two-instances-admin-1"
DEMO_PROJECTS=25
DEMO_RESULTS=150
DEMO_USERS=(demo-admin demo-leder demo-leder2 demo-styret demo-fylket demo-admin-numedal demo-leder-numedal demo-sysadmin)
# the demo's programmes (README, "With demo data"); the checks below work in the first
DEMO_PROGRAMMES=(sats-pa-hallingdal numedal-demo)
P="${DEMO_PROGRAMMES[0]}"
WORK=target/two-instances
START=$(date +%s)

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

fail() {
  echo "two-instances: FAILED: $*" >&2
  for n in 1 2; do
    if [ -f "$WORK/instance$n.log" ]; then
      echo "---- last lines of instance $n's log ----" >&2
      tail -n 40 "$WORK/instance$n.log" >&2
    fi
  done
  echo "TWO INSTANCES: FAILED ($*)"
  exit 1
}
ok() { echo "two-instances: ok: $*"; }

# curl with bounded time; prints the body, fails on an HTTP error.
get() { curl -sS --fail --max-time 30 -u "admin:$ADMIN_PASSWORD" "$@"; }

for tool in java curl jq psql; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  echo "two-instances: packaging for PostgreSQL"
  ./mvnw -B -q package -Ppostgresql -DskipTests
fi
[ -f target/quarkus-app/quarkus-run.jar ] || fail "target/quarkus-app/quarkus-run.jar is missing"

echo "two-instances: emptying $DB_URL"
PGPASSWORD="$DB_PASSWORD" psql -q -v ON_ERROR_STOP=1 "${DB_URL#jdbc:}" -U "$DB_USER" \
  -c 'DROP SCHEMA IF EXISTS public CASCADE' -c 'CREATE SCHEMA public' >/dev/null \
  || fail "cannot empty the database (does $DB_USER own it?)"

rm -rf "$WORK"
mkdir -p "$WORK/data1" "$WORK/data2"

start_instance() { # n port
  QUARKUS_HTTP_PORT="$2" \
  QUARKUS_DATASOURCE_JDBC_URL="$DB_URL" \
  QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
  QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  JOBBMAL_ADMIN_INITIAL_PASSWORD="$ADMIN_PASSWORD" \
  JOBBMAL_DEMO_DATA=true \
  JOBBMAL_DEMO_PROJECTS="$DEMO_PROJECTS" \
  JOBBMAL_DEMO_RESULTS="$DEMO_RESULTS" \
  JOBBMAL_DATA_DIR="$WORK/data$1" \
    java -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$WORK/instance$1.log" 2>&1 &
  PIDS+=($!)
}

echo "two-instances: starting both instances together"
start_instance 1 "$PORT1"
start_instance 2 "$PORT2"

for port in "$PORT1" "$PORT2"; do
  ready=""
  for _ in $(seq 1 120); do
    if curl -s --fail --max-time 2 "http://localhost:$port/q/health/ready" >/dev/null 2>&1; then
      ready=yes
      break
    fi
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fail "an instance exited during start"; done
    sleep 1
  done
  [ -n "$ready" ] || fail "port $port not ready within 120 s"
done
ok "both instances ready after $(( $(date +%s) - START )) s (including packaging)"

A="http://localhost:$PORT1"
B="http://localhost:$PORT2"

# Flyway ran once: one row per migration in its history.
migrations=$(PGPASSWORD="$DB_PASSWORD" psql -tA "${DB_URL#jdbc:}" -U "$DB_USER" \
  -c "SELECT COUNT(*) || '/' || COUNT(DISTINCT version) FROM flyway_schema_history WHERE success") \
  || fail "cannot read flyway_schema_history"
[ "${migrations%/*}" = "${migrations#*/}" ] || fail "flyway history has duplicate versions: $migrations"
ok "migrations applied once ($migrations)"

# First administrator and demo data: once, not twice (asked of instance 2).
users=$(get "$B/api/v1/users") || fail "GET /api/v1/users on instance 2"
admins=$(jq '[.[] | select(.username == "admin")] | length' <<<"$users")
[ "$admins" = "1" ] || fail "expected exactly one admin user, found $admins"
for u in "${DEMO_USERS[@]}"; do
  n=$(jq --arg u "$u" '[.[] | select(.username == $u)] | length' <<<"$users")
  [ "$n" = "1" ] || fail "expected demo user $u once, found $n"
done
nusers=$(jq length <<<"$users")
[ "$nusers" = "$(( ${#DEMO_USERS[@]} + 1 ))" ] || fail "expected admin and ${#DEMO_USERS[@]} demo users, found $nusers users"
ok "one admin, each of ${#DEMO_USERS[@]} demo users once ($nusers users)"

# with two programmes every call names its programme; the demo's projects and results are spread over both
nprojects=0
nresults=0
for code in "${DEMO_PROGRAMMES[@]}"; do
  n=$(get "$B/api/v1/projects?programme=$code" | jq length) || fail "GET /api/v1/projects?programme=$code on instance 2"
  [ "$n" -gt 0 ] || fail "no demo projects in $code"
  nprojects=$(( nprojects + n ))
  n=$(get "$A/api/v1/results?size=1&programme=$code" | jq .total) || fail "GET /api/v1/results?programme=$code on instance 1"
  nresults=$(( nresults + n ))
done
[ "$nprojects" = "$DEMO_PROJECTS" ] || fail "expected $DEMO_PROJECTS demo projects, found $nprojects"
[ "$nresults" = "$DEMO_RESULTS" ] || fail "expected $DEMO_RESULTS demo results, found $nresults"
projects=$(get "$B/api/v1/projects?programme=$P") || fail "GET /api/v1/projects?programme=$P on instance 2"
loaded=$(cat "$WORK"/instance1.log "$WORK"/instance2.log | grep -c "Demo data loaded" || true)
[ "$loaded" = "1" ] || fail "expected one instance to load the demo data, $loaded did"
ok "demo data loaded once: $nprojects projects, $nresults results, by one instance"

# A session from a form login on instance 1 works on instance 2.
jar="$WORK/cookies.txt"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -c "$jar" \
  --data-urlencode "j_username=admin" --data-urlencode "j_password=$ADMIN_PASSWORD" "$A/j_security_check")
[ "$status" = "302" ] || [ "$status" = "303" ] || fail "form login on instance 1 answered $status"
grep -q "jobbmal-session" "$jar" || fail "no jobbmal-session cookie after the form login"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -b "$jar" "$B/p/$P/")
[ "$status" = "200" ] || fail "instance 2 answered $status to instance 1's session (expected 200)"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' "$B/p/$P/")
[ "$status" = "302" ] || [ "$status" = "303" ] || fail "instance 2 answered $status without a session (expected a redirect)"
ok "session from instance 1 accepted by instance 2"

# A result registered through instance 1 shows at once on instance 2 (whose caches are warm: each
# figure is read twice first; see docs/architecture.md, "Caching"). The new result is dated in period 1.
pending_on_dashboard() { get "$B/p/$P/?period=1" | grep -o 'class="headline-pending">[^<]*' | grep -oE '[0-9]([0-9,]*[0-9])?' | head -n 1; }
get "$B/api/v1/progress?programme=$P&period=1" > /dev/null && pending_on_dashboard > /dev/null
before=$(get "$B/api/v1/progress?programme=$P&period=1" | jq .pendingNewJobs) || fail "GET /api/v1/progress on instance 2"
dashboard_before=$(pending_on_dashboard) || fail "GET / on instance 2"
project=$(jq '[.[] | select((.status == "active" or .status == "completed") and .startDate < "2024-05-10")][0]' <<<"$projects")
project_id=$(jq .id <<<"$project")
municipality=$(jq -r '.municipalities[0]' <<<"$project")
amount=2.5
created=$(get -H 'Content-Type: application/json' "$A/api/v1/results" -d "{
  \"projectId\": $project_id, \"municipality\": \"$municipality\", \"date\": \"2024-05-10\",
  \"kind\": \"NEW_JOBS\", \"amount\": $amount, \"companyName\": \"To instanser AS\",
  \"evidence\": \"two-instances.sh\"}") || fail "registering a result through instance 1 failed"
result_id=$(jq .id <<<"$created")
[ "$(jq -r .status <<<"$created")" = "PENDING" ] || fail "the new result is not PENDING: $created"
after=$(get "$B/api/v1/progress?programme=$P&period=1" | jq .pendingNewJobs) || fail "GET /api/v1/progress on instance 2"
grew=$(jq -n --argjson a "$after" --argjson b "$before" --argjson x "$amount" '($a - $b - $x | fabs) < 0.0001')
[ "$grew" = "true" ] || fail "pendingNewJobs on instance 2 went from $before to $after, expected +$amount"
# the dashboard shows it in Norwegian: 30,3 (and 30 for 30.0)
expected_text=$(jq -r 'if . == (. | floor) then (. | floor | tostring) else (. * 10 | round / 10 | tostring | sub("\\."; ",")) end' <<<"$after")
dashboard_after=$(pending_on_dashboard) || fail "GET / on instance 2"
[ "$dashboard_after" = "$expected_text" ] \
  || fail "instance 2's dashboard shows $dashboard_after pending (before: $dashboard_before), expected $expected_text"
csv=$(get "$B/export/results.csv?dialect=rfc4180&programme=$P") || fail "GET /export/results.csv on instance 2"
grep -q "^$result_id," <<<"$csv" \
  || fail "instance 2's CSV export does not contain result $result_id"
ok "result $result_id (project $project_id, $municipality, $amount) from instance 1 seen at once on instance 2 (pendingNewJobs $before -> $after, dashboard $dashboard_before -> $dashboard_after, CSV export)"

# Logout on instance 1 ends the session on instance 2 too (a copy of the cookie is refused there).
copy=$(awk '$6 == "jobbmal-session" {print $7}' "$jar")
login_page=$(curl -sS --max-time 30 -b "$jar" -c "$jar" "$A/login") || fail "GET /login on instance 1"
token=$(grep -o 'name="csrf-token" value="[^"]*"' <<<"$login_page" | head -n 1 | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || fail "no CSRF token on the login page"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "csrf-token=$token" "$A/logout")
[ "$status" = "303" ] || fail "logout on instance 1 answered $status (expected 303)"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -b "jobbmal-session=$copy" "$B/p/$P/")
[ "$status" = "302" ] || fail "instance 2 answered $status to a session logged out on instance 1 (expected 302)"
status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -b "jobbmal-session=$copy" "$B/api/v1/municipalities")
[ "$status" = "401" ] || fail "instance 2's API answered $status to a session logged out on instance 1 (expected 401)"
ok "logout on instance 1: the copied session cookie is refused by instance 2 (page 302, API 401)"

echo "TWO INSTANCES: OK (migrations, first admin and demo data once; shared session, ended everywhere by logout; no stale data) in $(( $(date +%s) - START )) s"
