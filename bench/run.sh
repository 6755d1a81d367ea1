#!/usr/bin/env bash
# The Jobbmål benchmark (docs/benchmarks.md). Rerun it with: bench/run.sh
#
# It first makes the class-data archive of the recommended start (scripts/cds-archive.sh; BENCH_CDS=0 runs
# without it). For each size in BENCH_SIZES (results in the database, default 1000 10000 100000) it
#   1. fills a fresh H2 database through the demo-data size parameter (JOBBMAL_DEMO_RESULTS) and compacts
#      the file (bench/Compact.java),
#   2. starts the packaged app on it BENCH_STARTS times (default 3) and records the median, fastest and
#      slowest start -> first answered request (GET /login); the last start stays up for the next steps,
#   3. logs in as the demo board member, warms the app up for BENCH_WARMUP with all measured URLs in
#      turn (bench/warmup.lua), then measures each with wrk (BENCH_CONNECTIONS connections for
#      BENCH_DURATION): the dashboard, /api/v1/progress, /api/v1/results page 1 and a static file of about
#      the dashboard's size served by the same app (the baseline); at the first size also the public
#      stylesheet with and without the session cookie (what the session check costs),
#   4. reads the resident memory (VmRSS) after the runs.
# At the first size it also has 16 connections register results in parallel through the API (wrk with
# bench/register.lua, for BENCH_DURATION) and checks in the CSV export that each was stored exactly once. Last, it
# times the CSV export of all rows with the app limited to -Xmx256m (one export after the start, then BENCH_EXPORT_RUNS
# more, default 5), on two databases filled with the demo data (10 000 results) and copies of it inserted in date
# order up to the size, as a database grows by registrations (bench/ExportData.java; BENCH_EXPORT_FILL=demo fills
# with the demo data alone, whose results are in random date order):
#   - H2 with BENCH_EXPORT_SIZE results (default 100000);
#   - PostgreSQL at BENCH_PG_URL (default jdbc:postgresql://localhost:5432/jobbmal_bench, user and password
#     BENCH_PG_USER / BENCH_PG_PASSWORD, default jobbmal / jobbmal; the database is created if missing and emptied)
#     with BENCH_PG_EXPORT_SIZE results (default 1000000), the app packaged for PostgreSQL (-Ppostgresql) into
#     BENCH_PG_APP (default target/quarkus-app-postgresql; with SKIP_PACKAGE=1 it must be there). Without a
#     PostgreSQL there the step is skipped with a message, and fails under CI=true. BENCH_PG_EXPORT_SIZE=0 skips it.
# BENCH_SIZES= (empty) measures the exports only. The pages, calls and exports measured are Sats på Hallingdal's
# (the demo's first programme, about 85 % of the results; the rest are in the demo programme in Numedal), over all
# its periods.
#
# Writes target/bench/results.md (the table docs/benchmarks.md quotes), results.csv, and the raw wrk
# output. Exits non-zero when a step fails (an error answer, a lost or duplicated registration, an
# incomplete export); the targets themselves are reported as met or not, not enforced.
#
# Needs: java 17, wrk, curl, jq. Packages the app first unless SKIP_PACKAGE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SIZES=${BENCH_SIZES-"1000 10000 100000"}
EXPORT_SIZE=${BENCH_EXPORT_SIZE:-100000}
EXPORT_RUNS=${BENCH_EXPORT_RUNS:-5}
PG_EXPORT_SIZE=${BENCH_PG_EXPORT_SIZE:-1000000}
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://localhost:5432/jobbmal_bench}
PG_USER=${BENCH_PG_USER:-jobbmal}
PG_PASSWORD=${BENCH_PG_PASSWORD:-jobbmal}
EXPORT_FILL=${BENCH_EXPORT_FILL:-copies}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-150s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
# The recommended production settings (scripts/java-options.sh); the export always runs with them, so within
# -Xmx256m.
. "$ROOT/scripts/java-options.sh"
JAVA_OPTS=${BENCH_JAVA_OPTS:-$RECOMMENDED_JAVA_OPTS}
EXPORT_JAVA_OPTS=$RECOMMENDED_JAVA_OPTS
REG_CLIENTS=16
REG_WARMUP=${BENCH_REGISTRATION_WARMUP:-15s}
STARTS=${BENCH_STARTS:-3}
# The figures step (issue L): pages and calls at this many results with one registration a second among the readers,
# on H2 and on PostgreSQL; 0 skips it.
FIGURES_SIZE=${BENCH_FIGURES_SIZE:-1000000}
FIGURES_DURATION=${BENCH_FIGURES_DURATION:-30s}
PORT=${BENCH_PORT:-18300}
OUT=${BENCH_OUT:-target/bench}
ADMIN_PASSWORD=bench-admin-password-1
BOARD_USER=demo-styret
BOARD_PASSWORD=demo-passord-4
ADMIN_USER=demo-admin
ADMIN_USER_PASSWORD=demo-passord-1
BASE="http://localhost:$PORT"
# The demo has two programmes (README, "With demo data"); the runs measure Sats på Hallingdal, which holds about
# 85 % of the results, over all its periods (the largest set a page of it shows).
P=sats-pa-hallingdal
DASHBOARD="/p/$P/?period=all"
PROGRESS="/api/v1/progress?programme=$P&period=all"
RESULTS="/api/v1/results?page=1&programme=$P"
STATIC_PATH=/bench/baseline.html
PUBLIC_PATH=/css/jobbmal.css

for tool in java wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (apt-get install -y $tool)" >&2; exit 1; }
done

if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  echo "bench: packaging"
  ./mvnw -B -q package -DskipTests
fi
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "bench: $JAR is missing" >&2; exit 1; }
H2_JAR=$(ls "$ROOT"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)
PG_DRIVER=$(ls "$ROOT"/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)

# The PostgreSQL export step needs a server and the app built for PostgreSQL (db-kind is fixed at build time).
PG_APP=${BENCH_PG_APP:-target/quarkus-app-postgresql}
PG_JAR="$ROOT/$PG_APP/quarkus-run.jar"
PG_REACHABLE=0
if [ "$PG_EXPORT_SIZE" != "0" ] || [ "$FIGURES_SIZE" != "0" ]; then
  pg_status=0
  BENCH_DB_USER=$PG_USER BENCH_DB_PASSWORD=$PG_PASSWORD java -cp "$PG_DRIVER" "$ROOT/bench/ExportData.java" prepare "$PG_URL" \
    || pg_status=$?
  if [ "$pg_status" = "0" ]; then
    PG_REACHABLE=1
  elif [ "$pg_status" = "3" ] && [ "${CI:-}" != "true" ]; then
    echo "bench: no PostgreSQL at $PG_URL: the PostgreSQL export step is skipped (start one as .ci/run does, or set BENCH_PG_URL)"
  else
    echo "bench: FAILED: PostgreSQL at $PG_URL is needed for the export step (CI=true)" >&2
    exit 1
  fi
fi
if [ "$PG_REACHABLE" = "1" ] && [ "${SKIP_PACKAGE:-}" != "1" ]; then
  echo "bench: packaging for PostgreSQL"
  ./mvnw -B -q package -DskipTests -Ppostgresql -Dquarkus.package.output-directory="${PG_APP#target/}"
fi
[ "$PG_REACHABLE" = "0" ] || [ -f "$PG_JAR" ] || { echo "bench: $PG_JAR is missing" >&2; exit 1; }
# The class-data archive of the recommended production start (docs/deployment.md, "Faster start"):
# made by a training run of this build, used by every measured start. BENCH_CDS=0 measures without it.
CDS_ARCHIVE="$ROOT/target/quarkus-app/jobbmal.jsa"
if [ "${BENCH_CDS:-1}" = "1" ]; then
  echo "bench: class-data archive (scripts/cds-archive.sh)"
  JAVA_OPTS="$JAVA_OPTS" CDS_PORT="$PORT" scripts/cds-archive.sh "$CDS_ARCHIVE" > /dev/null
  JAVA_OPTS="-XX:SharedArchiveFile=$CDS_ARCHIVE $JAVA_OPTS"
  EXPORT_JAVA_OPTS="-XX:SharedArchiveFile=$CDS_ARCHIVE $EXPORT_JAVA_OPTS"
fi

[ "${BENCH_FIGURES_REUSE:-0}" = "1" ] || rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CSV="$OUT/results.csv"
echo "size,measure,value,unit" > "$CSV"

APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

fail() { echo "bench: FAILED: $*" >&2; exit 1; }
record() { echo "$1,$2,$3,$4" >> "$CSV"; }
now_ms() { date +%s%3N; }

# start_app DIR LOG [ENV...]: starts the packaged app (APP_JAR, default the H2 build) with its working directory (and
# ./data) in DIR.
start_app() {
  local dir=$1 log=$2
  shift 2
  mkdir -p "$dir"
  START_MS=$(now_ms)
  (cd "$dir" && exec env "$@" QUARKUS_HTTP_PORT="$PORT" JOBBMAL_ADMIN_INITIAL_PASSWORD="$ADMIN_PASSWORD" \
    java ${APP_JAVA_OPTS:-$JAVA_OPTS} -jar "${APP_JAR:-$JAR}" > "$log" 2>&1) &
  APP_PID=$!
}

# wait_answer PATH SECONDS: waits for the first answer (any HTTP status below 500); prints the ms since start.
wait_answer() {
  local path=$1 limit=$2 status deadline
  deadline=$(( $(now_ms) + limit * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    kill -0 "$APP_PID" 2>/dev/null || fail "the app stopped during start-up (see its log)"
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE$path" || true)
    if [ "$status" != "000" ] && [ "$status" -lt 500 ]; then
      echo $(( $(now_ms) - START_MS ))
      return 0
    fi
    sleep 0.02
  done
  fail "no answer from $path within $limit s"
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}

# login USER PASSWORD: a form login; prints the session cookie as a Cookie header value.
# Like a browser after logging in, it then holds the CSRF cookie too (any page sets it): a client that
# never sends it back makes every page generate a new token and set the cookie again.
login() {
  local jar="$OUT/cookies.txt" value csrf
  rm -f "$jar"
  curl -s -o /dev/null --max-time 30 -c "$jar" --data-urlencode "j_username=$1" --data-urlencode "j_password=$2" \
    "$BASE/j_security_check"
  value=$(awk '$6 == "jobbmal-session" {print $7}' "$jar")
  [ -n "$value" ] || fail "login as $1 failed"
  curl -s -o /dev/null --max-time 120 -b "$jar" -c "$jar" "$BASE/p/$P/"
  csrf=$(awk '$6 == "jobbmal-csrf" {print $7}' "$jar")
  [ -n "$csrf" ] || fail "no CSRF cookie for $1"
  echo "jobbmal-session=$value; jobbmal-csrf=$csrf"
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }

# ms VALUE: a wrk latency (e.g. 812.00us, 1.52ms, 1.02s) in milliseconds.
ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

# warm_up COOKIE PATH...: every path in turn, BENCH_WARMUP long (the JIT compiler sees the real mix).
warm_up() {
  local cookie=$1 path
  shift
  for path in "$@"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    [ "$status" = "200" ] || fail "$path answered $status"
  done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/warmup.lua" "$BASE" -- "$cookie" "$@" > /dev/null
}

# measure SIZE NAME PATH COOKIE: the measured wrk run; records req/s, p50, p99, errors and the body size.
measure() {
  local size=$1 name=$2 path=$3 cookie=$4 file bytes status
  status=$(curl -s -o "$OUT/body-$size-$name" -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
  [ "$status" = "200" ] || fail "$path answered $status"
  bytes=$(wc -c < "$OUT/body-$size-$name")
  file="$OUT/wrk-$size-$name.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path" > "$file"
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$file")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$file")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  errors=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$file")
  [ -z "$non2xx" ] || fail "$path: $non2xx answers that were not 2xx (see $file)"
  [ -z "$errors" ] || [ "$errors" = "0" ] || fail "$path: $errors socket errors (see $file)"
  record "$size" "$name.rps" "$rps" "req/s"
  record "$size" "$name.p50" "$p50" "ms"
  record "$size" "$name.p99" "$p99" "ms"
  record "$size" "$name.bytes" "$bytes" "bytes"
  printf "bench: %7s results  %-10s %7s req/s  p50 %8s ms  p99 %8s ms  (%s bytes)\n" "$size" "$name" "$rps" "$p50" "$p99" "$bytes"
}

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1048576}'; }

# fill SIZE DIR: a fresh database with SIZE demo results, then compacted (bench/Compact.java says why);
# records the time each took and the file's size before and after.
fill() {
  local size=$1 dir=$2 t0 t1 before after
  rm -rf "$dir"
  t0=$(now_ms)
  APP_JAVA_OPTS="-Xmx1g" start_app "$dir" "$dir/fill.log" JOBBMAL_DEMO_DATA=true JOBBMAL_DEMO_RESULTS="$size"
  wait_answer /q/health/ready 1800 > /dev/null
  stop_app
  t1=$(now_ms)
  record "$size" "fill" $(( (t1 - t0) / 1000 )) "s"
  before=$(mb "$dir/data/jobbmal.mv.db")
  java -cp "$H2_JAR" "$ROOT/bench/Compact.java" "$dir/data/jobbmal" || fail "compacting the $size database failed"
  after=$(mb "$dir/data/jobbmal.mv.db")
  record "$size" "compact" $(( ($(now_ms) - t1) / 1000 )) "s"
  record "$size" "file.before-compact" "$before" "MB"
  record "$size" "file" "$after" "MB"
  echo "bench: $size results loaded in $(( (t1 - t0) / 1000 )) s; file compacted from $before MB to $after MB in $(( ($(now_ms) - t1) / 1000 )) s"
}

# register_parallel KEY COOKIE: 16 connections register results through the API for DURATION (after a warm-up), then the
# CSV export must hold each exactly once and the figure check must find the aggregate equal to the results.
register_parallel() {
  local key=$1 admin=$2 project municipality run_id created refused per_second stored distinct differences
  project=$(curl -s -H "Cookie: $admin" "$BASE/api/v1/projects?programme=$P" | jq -r '.[0].id // .items[0].id')
  municipality=$(curl -s -H "Cookie: $admin" "$BASE/api/v1/projects/$project" | jq -r '.municipalities[0]')
  [ -n "$project" ] && [ "$project" != "null" ] || fail "no project to register results for"
  run_id="bench-$(date +%s)"
  # a warm-up of the registration path (its results are marked "<run>-warm-…", not counted below)
  wrk -t"$THREADS" -c"$REG_CLIENTS" -d"$REG_WARMUP" -s "$ROOT/bench/register.lua" "$BASE" -- \
    "$run_id-warm" "$project" "$municipality" "$admin" > /dev/null
  wrk -t"$THREADS" -c"$REG_CLIENTS" -d"$DURATION" -s "$ROOT/bench/register.lua" "$BASE" -- \
    "$run_id" "$project" "$municipality" "$admin" > "$OUT/wrk-registrations-$key.txt"
  read -r created refused < <(awk '/^created/ {print $2, $4}' "$OUT/wrk-registrations-$key.txt")
  per_second=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$OUT/wrk-registrations-$key.txt")
  [ "$refused" = "0" ] || fail "$refused registrations were refused (see $OUT/wrk-registrations-$key.txt)"
  curl -s -H "Cookie: $admin" -o "$OUT/registrations.csv" "$BASE/export/results.csv?dialect=rfc4180&programme=$P"
  stored=$(grep -o "$run_id-[0-9]*-[0-9]*" "$OUT/registrations.csv" | wc -l)
  distinct=$(grep -o "$run_id-[0-9]*-[0-9]*" "$OUT/registrations.csv" | sort -u | wc -l)
  rm -f "$OUT/registrations.csv"
  # wrk stops with up to one request per connection in flight: stored, but not counted as answered
  [ "$distinct" = "$stored" ] && [ "$stored" -ge "$created" ] && [ "$stored" -le $(( created + REG_CLIENTS )) ] \
    || fail "registrations: $created answered 201, $stored stored, $distinct distinct"
  differences=$(figure_check "$admin")
  [ "$differences" = "0" ] || fail "after the parallel registrations the figure check found $differences differences"
  record "$key" "registrations.per-second" "$per_second" "req/s"
  record "$key" "registrations.stored-once" "$stored" "of $stored (201 counted: $created)"
  echo "bench: $key: $REG_CLIENTS connections registered $created results in $DURATION: $per_second per second; each stored once ($stored rows, $distinct distinct; $(( stored - created )) were in flight at the stop); figure check: $differences differences"
}

# figure_check COOKIE: runs the check of the figures' aggregate (docs/architecture.md); prints how many keys differed.
figure_check() {
  curl -s -X POST -H "Cookie: $1" -H "Content-Type: application/json" -d '{}' --max-time 600 \
    "$BASE/api/v1/programmes/$P/figures/check" | jq -r '.differences'
}

# writer_loop COOKIE PATH READER FILE: until $OUT/writing is gone, once a second registers a result and then times one
# read of PATH (with the reader's cookie) right after it; the latencies (ms) go to FILE.
writer_loop() {
  local admin=$1 path=$2 reader=$3 file=$4 n=0 t0 body status
  while [ -f "$OUT/writing" ]; do
    t0=$(now_ms)
    n=$((n + 1))
    body=$(printf '{"projectId":%s,"municipality":"%s","date":"2024-03-15","kind":"NEW_JOBS","amount":0.5,"evidence":"figures-%s-%d"}' \
      "$W_PROJECT" "$W_MUNICIPALITY" "$$" "$n")
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: $admin" -H "Content-Type: application/json" \
      -d "$body" "$BASE/api/v1/results")
    [ "$status" = "201" ] || { echo "registration answered $status" >> "$file.errors"; }
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $reader" "$BASE$path" | awk '{printf "%.2f\n", $1 * 1000}' >> "$file"
    sleep "$(awk -v e=$(( $(now_ms) - t0 )) 'BEGIN {s = (1000 - e) / 1000; printf "%.3f", (s > 0 ? s : 0)}')"
  done
}

# percentile FILE P: the P-th percentile (nearest rank) of the numbers in FILE.
percentile() {
  sort -n "$1" | awk -v p="$2" '{v[NR] = $1} END {r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; print v[r]}'
}

# measure_figures KEY NAME COOKIE ADMIN PATH...: 16 connections read the paths in turn (wrk) for FIGURES_DURATION while
# writer_loop registers a result every second and times the read of the first path right after each; records p50/p99
# of all reads and of the reads right after a write.
measure_figures() {
  local key=$1 name=$2 cookie=$3 admin=$4 file after rps p50 p99 non2xx a50 a99 n
  shift 4
  for path in "$@"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    [ "$status" = "200" ] || fail "$path answered $status"
  done
  file="$OUT/wrk-$key-$name.txt"
  after="$OUT/after-write-$key-$name.txt"
  rm -f "$after" "$after.errors"
  touch "$OUT/writing"
  writer_loop "$admin" "$1" "$cookie" "$after" &
  local writer=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$FIGURES_DURATION" --latency -s "$ROOT/bench/warmup.lua" "$BASE" -- \
    "$cookie" "$@" > "$file"
  rm -f "$OUT/writing"
  wait "$writer"
  [ ! -s "$after.errors" ] || fail "$name: $(head -n 1 "$after.errors") (see $after.errors)"
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$file")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$file")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  [ -z "$non2xx" ] || fail "$name: $non2xx answers that were not 2xx (see $file)"
  n=$(wc -l < "$after")
  a50=$(percentile "$after" 50)
  a99=$(percentile "$after" 99)
  record "$key" "$name.rps" "$rps" "req/s"
  record "$key" "$name.p50" "$p50" "ms"
  record "$key" "$name.p99" "$p99" "ms"
  record "$key" "$name.after-write.p50" "$a50" "ms"
  record "$key" "$name.after-write.p99" "$a99" "ms"
  record "$key" "$name.after-write.reads" "$n" "reads"
  printf "bench: %-12s %-16s %6s req/s  p50 %8s ms  p99 %8s ms;  right after a write (%s reads): p50 %8s ms  p99 %8s ms\n" \
    "$key" "$name" "$rps" "$p50" "$p99" "$n" "$a50" "$a99"
  FIGURES_ROWS="$FIGURES_ROWS| $key | $name | $rps | $p50 | $p99 | $a50 | $a99 | $n |\n"
}

# figures KEY DIR JAR [ENV...]: fills a database with FIGURES_SIZE demo results through the app (JAR, environment ENV),
# starts it and measures the figure pages and calls with writes among them, then the parallel registrations.
figures() {
  local key=$1 dir=$2 jar=$3 t0 board admin project municipality focus differences
  shift 3
  # BENCH_FIGURES_REUSE=1 measures the database the last run filled (same size), without filling it again
  if [ "${BENCH_FIGURES_REUSE:-0}" = "1" ] && [ -f "$dir/fill.log" ]; then
    echo "bench: $key: reusing the database of the last run"
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    t0=$(now_ms)
    APP_JAR="$jar" APP_JAVA_OPTS="-Xmx2g" start_app "$dir" "$dir/fill.log" "$@" JOBBMAL_DEMO_DATA=true \
      JOBBMAL_DEMO_RESULTS="$FIGURES_SIZE"
    wait_answer /q/health/ready 3600 > /dev/null
    stop_app
    record "$key" "fill" $(( ($(now_ms) - t0) / 1000 )) "s"
    echo "bench: $key: $FIGURES_SIZE results loaded in $(( ($(now_ms) - t0) / 1000 )) s"
  fi
  # the app as it runs in production, from a database that grew to this size (the fill's settings are gone)
  local env=()
  for e in "$@"; do case "$e" in QUARKUS_FLYWAY_CLEAN*) ;; *) env+=("$e") ;; esac; done
  APP_JAR="$jar" APP_JAVA_OPTS="${FIGURES_JAVA_OPTS:-$JAVA_OPTS}" start_app "$dir" "$dir/app.log" "${env[@]}"
  wait_answer /login 300 > /dev/null
  board=$(login "$BOARD_USER" "$BOARD_PASSWORD")
  admin=$(login "$ADMIN_USER" "$ADMIN_USER_PASSWORD")
  differences=$(figure_check "$admin")
  [ "$differences" = "0" ] || fail "$key: the figure check found $differences differences after the fill"
  project=$(curl -s -H "Cookie: $admin" "$BASE/api/v1/projects?programme=$P" | jq -r '.[0].id // .items[0].id')
  municipality=$(curl -s -H "Cookie: $admin" "$BASE/api/v1/projects/$project" | jq -r '.municipalities[0]')
  focus=$(curl -s -H "Cookie: $admin" "$BASE/api/v1/projects/$project" | jq -r '.focusArea | if type == "object" then .code else . end')
  W_PROJECT=$project W_MUNICIPALITY=$municipality
  local dash="/p/$P/?period=all" prog="/api/v1/progress?programme=$P&period=all"
  local annual="/p/$P/reports/2023" period="/p/$P/reports/period/1"
  local filtered=("/api/v1/progress?programme=$P&period=1&municipality=$municipality"
    "/api/v1/progress?programme=$P&period=all&focusArea=$focus" "/api/v1/progress?programme=$P&period=1&year=2023"
    "/api/v1/progress?programme=$P&period=all&project=$project" "/api/v1/progress?programme=$P&period=2")
  warm_up "$board" "$dash" "$prog" "${filtered[@]}" "$annual" "$period"
  measure_figures "$key" dashboard "$board" "$admin" "$dash"
  measure_figures "$key" progress "$board" "$admin" "$prog"
  measure_figures "$key" progress-filters "$board" "$admin" "${filtered[@]}"
  measure_figures "$key" annual-report "$board" "$admin" "$annual"
  measure_figures "$key" period-report "$board" "$admin" "$period"
  differences=$(figure_check "$admin")
  [ "$differences" = "0" ] || fail "$key: the figure check found $differences differences after the measurements"
  register_parallel "$key" "$admin"
  stop_app
  # the same reads with the in-memory caches off (JOBBMAL_CACHE=false): what the caches save (docs/benchmarks.md)
  if [ "${BENCH_FIGURES_UNCACHED:-1}" = "1" ]; then
    APP_JAR="$jar" APP_JAVA_OPTS="${FIGURES_JAVA_OPTS:-$JAVA_OPTS}" start_app "$dir" "$dir/app-uncached.log" "${env[@]}" \
      JOBBMAL_CACHE=false
    wait_answer /login 300 > /dev/null
    board=$(login "$BOARD_USER" "$BOARD_PASSWORD")
    admin=$(login "$ADMIN_USER" "$ADMIN_USER_PASSWORD")
    warm_up "$board" "$dash" "$prog" "${filtered[@]}" "$annual" "$period"
    measure_figures "$key-uncached" dashboard "$board" "$admin" "$dash"
    measure_figures "$key-uncached" progress "$board" "$admin" "$prog"
    measure_figures "$key-uncached" progress-filters "$board" "$admin" "${filtered[@]}"
    measure_figures "$key-uncached" annual-report "$board" "$admin" "$annual"
    measure_figures "$key-uncached" period-report "$board" "$admin" "$period"
    stop_app
  fi
}

echo "bench: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
echo "bench: wrk $THREADS threads, $CONNECTIONS connections, $DURATION per URL after a $WARMUP warm-up of all of them; JVM: $JAVA_OPTS"

first=1
for size in $SIZES; do
  dir="$OUT/db-$size"
  fill "$size" "$dir"

  # Start-up varies by a few hundred ms from one start to the next on a small machine: start STARTS times and
  # record the median (and the fastest and slowest). The last start stays up for the measurements.
  starts=""
  for i in $(seq 1 "$STARTS"); do
    start_app "$dir" "$dir/app.log"
    starts="$starts $(wait_answer /login 120)"
    if [ "$i" -lt "$STARTS" ]; then stop_app; fi
  done
  sorted=$(echo $starts | tr ' ' '\n' | sort -n)
  startup=$(echo "$sorted" | sed -n "$(( (STARTS + 1) / 2 ))p")
  record "$size" "startup" "$startup" "ms"
  record "$size" "startup.min" "$(echo "$sorted" | head -n 1)" "ms"
  record "$size" "startup.max" "$(echo "$sorted" | tail -n 1)" "ms"
  echo "bench: $size results: first answer (GET /login) ${startup} ms after start (median of $STARTS:$starts)"

  board=$(login "$BOARD_USER" "$BOARD_PASSWORD")
  warm_up "$board" "$DASHBOARD" "$PROGRESS" "$RESULTS" "$STATIC_PATH"
  measure "$size" dashboard "$DASHBOARD" "$board"
  rss=$(rss_mb)
  record "$size" "rss.after-dashboard" "$rss" "MB"
  measure "$size" progress "$PROGRESS" "$board"
  measure "$size" results "$RESULTS" "$board"
  measure "$size" static "$STATIC_PATH" "$board"
  if [ "$first" = "1" ]; then
    # The cost of the session check alone: a small public file (no login needed) with the session cookie
    # (the session is looked up all the same) and without it.
    measure "$size" css-session "$PUBLIC_PATH" "$board"
    measure "$size" css-anon "$PUBLIC_PATH" "${board#*; }"
  fi
  rss_end=$(rss_mb)
  record "$size" "rss.after-all" "$rss_end" "MB"
  echo "bench: $size results: resident memory ${rss} MB after the dashboard run, ${rss_end} MB after all runs"

  if [ "$first" = "1" ]; then
    first=0
    register_parallel "$size" "$(login "$ADMIN_USER" "$ADMIN_USER_PASSWORD")"
  fi
  stop_app
done

# time_exports KEY SIZE COOKIE: with the app up, times the CSV export of all rows once after the start and
# EXPORT_RUNS times more; records the first, the median, fastest and slowest of the others (rows/s), the rows and
# bytes, the resident memory and the heap after them.
time_exports() {
  local key=$1 size=$2 cookie=$3 i t0 elapsed status rows rate rates="" sorted median bytes rss heap expected
  # the copies went in past the app: the figure check brings the figures' aggregate (and the list's total) up to date
  figure_check "$cookie" > /dev/null
  expected=$(curl -s -H "Cookie: $cookie" "$BASE/api/v1/results?size=1&programme=$P" | jq .total)
  for i in $(seq 0 "$EXPORT_RUNS"); do
    t0=$(now_ms)
    status=$(curl -s -H "Cookie: $cookie" -o "$OUT/export.csv" -w '%{http_code}' "$BASE/export/results.csv?programme=$P")
    elapsed=$(( $(now_ms) - t0 ))
    [ "$status" = "200" ] || fail "the $key answered $status"
    kill -0 "$APP_PID" 2>/dev/null || fail "the app died during the $key"
    # each row is one result (no field holds a line break in the demo data)
    rows=$(( $(wc -l < "$OUT/export.csv") - 1 ))
    [ "$rows" -ge "$expected" ] || fail "the $key has $rows rows, expected at least the programme's $expected"
    rate=$(( rows * 1000 / (elapsed > 0 ? elapsed : 1) ))
    echo "bench: $key $i: $rows rows in $elapsed ms = $rate rows/s"
    if [ "$i" = "0" ]; then
      record "$size" "$key.first" "$rate" "rows/s"
      record "$size" "$key.first-seconds" "$(awk -v e="$elapsed" 'BEGIN {printf "%.1f", e / 1000}')" "s"
    else
      rates="$rates $rate"
    fi
  done
  ! grep -q "OutOfMemoryError" "$APP_LOG" || fail "OutOfMemoryError during the $key"
  bytes=$(wc -c < "$OUT/export.csv")
  rm -f "$OUT/export.csv"
  sorted=$(echo $rates | tr ' ' '\n' | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (EXPORT_RUNS + 1) / 2 ))p")
  rss=$(rss_mb)
  # heap in use and committed (the committed heap only grows as far as the app needed it), in MB
  heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/generation|space/ && /total/ {
      gsub(/[K,]/, ""); for (i = 1; i <= NF; i++) { if ($i == "total") t += $(i+1); if ($i == "used") u += $(i+1) } }
      END { printf "%.0f %.0f", u / 1024, t / 1024 }')
  record "$size" "$key.rows" "$rows" "rows"
  record "$size" "$key.bytes" "$bytes" "bytes"
  record "$size" "$key.rows-per-second" "$median" "rows/s"
  record "$size" "$key.min" "$(echo "$sorted" | head -n 1)" "rows/s"
  record "$size" "$key.max" "$(echo "$sorted" | tail -n 1)" "rows/s"
  record "$size" "$key.rss" "$rss" "MB"
  record "$size" "$key.heap-used" "${heap% *}" "MB"
  record "$size" "$key.heap-committed" "${heap#* }" "MB"
  echo "bench: $key of $rows rows ($bytes bytes) under -Xmx256m: median $median rows/s of$rates (first after the start $(awk -F, -v k="$size" -v m="$key.first" '$1 == k && $2 == m {print $3}' "$CSV") rows/s); resident memory ${rss} MB, heap ${heap% *} MB used of ${heap#* } MB committed"
}

# fill_export SIZE DIR [ENV...]: the database of an export step: the demo data (all of it with
# BENCH_EXPORT_FILL=demo, else up to 10 000 results) loaded by the app (APP_JAR) with the environment ENV, then copies
# up to SIZE (bench/ExportData.java) through DB_URL with DB_DRIVER; records the time it took as KEY.fill.
fill_export() {
  local size=$1 dir=$2 t0 demo
  shift 2
  mkdir -p "$dir"
  t0=$(now_ms)
  demo=$size
  if [ "$EXPORT_FILL" != "demo" ] && [ "$size" -gt 10000 ]; then demo=10000; fi
  APP_JAVA_OPTS="-Xmx1g" start_app "$dir" "$dir/fill.log" "$@" JOBBMAL_DEMO_DATA=true JOBBMAL_DEMO_RESULTS="$demo"
  wait_answer /q/health/ready 3600 > /dev/null
  stop_app
  if [ "$demo" -lt "$size" ]; then
    BENCH_DB_USER=$DB_USER BENCH_DB_PASSWORD=$DB_PASSWORD java -cp "$DB_DRIVER" "$ROOT/bench/ExportData.java" grow \
      "$DB_URL" "$size" || fail "filling the $KEY database failed"
  fi
  record "$size" "$KEY.fill" $(( ($(now_ms) - t0) / 1000 )) "s"
  echo "bench: $KEY database filled with $size results ($demo from the demo data) in $(( ($(now_ms) - t0) / 1000 )) s"
}

# The CSV export on H2 (the embedded default), in a compacted file (see fill); BENCH_EXPORT_SIZE=0 skips it.
if [ "$EXPORT_SIZE" != "0" ]; then
  dir="$OUT/db-export"
  rm -rf "$dir"
  KEY=export DB_URL="jdbc:h2:file:$dir/data/jobbmal;AUTO_SERVER=FALSE" DB_DRIVER=$H2_JAR DB_USER=jobbmal DB_PASSWORD=jobbmal \
    fill_export "$EXPORT_SIZE" "$dir"
  java -cp "$H2_JAR" "$ROOT/bench/Compact.java" "$dir/data/jobbmal" || fail "compacting the export database failed"
  APP_LOG="$dir/app.log"
  APP_JAVA_OPTS="$EXPORT_JAVA_OPTS" start_app "$dir" "$APP_LOG"
  wait_answer /login 120 > /dev/null
  time_exports export "$EXPORT_SIZE" "$(login "$ADMIN_USER" "$ADMIN_USER_PASSWORD")"
  stop_app
fi

# The CSV export on PostgreSQL, with the app built for it; without the class-data archive (it belongs to the H2
# build), which changes the start, not the export.
if [ "$PG_REACHABLE" = "1" ] && [ "$PG_EXPORT_SIZE" != "0" ]; then
  dir="$OUT/pg-export"
  pg_env=(QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" QUARKUS_DATASOURCE_USERNAME="$PG_USER"
    QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD")
  KEY=pg-export DB_URL=$PG_URL DB_DRIVER=$PG_DRIVER DB_USER=$PG_USER DB_PASSWORD=$PG_PASSWORD APP_JAR="$PG_JAR" \
    fill_export "$PG_EXPORT_SIZE" "$dir" "${pg_env[@]}" QUARKUS_FLYWAY_CLEAN_AT_START=true \
    QUARKUS_FLYWAY_CLEAN_DISABLED=false
  APP_LOG="$dir/app.log"
  APP_JAR="$PG_JAR" APP_JAVA_OPTS="$RECOMMENDED_JAVA_OPTS" start_app "$dir" "$APP_LOG" "${pg_env[@]}"
  wait_answer /login 120 > /dev/null
  time_exports pg-export "$PG_EXPORT_SIZE" "$(login "$ADMIN_USER" "$ADMIN_USER_PASSWORD")"
  stop_app
fi

# The figures with writes among the reads (issue L), on H2 and on PostgreSQL.
FIGURES_ROWS=""
if [ "$FIGURES_SIZE" != "0" ]; then
  figures h2 "$OUT/db-figures" "$JAR"
  if [ "$PG_REACHABLE" = "1" ]; then
    FIGURES_JAVA_OPTS="$RECOMMENDED_JAVA_OPTS" figures postgresql "$OUT/pg-figures" "$PG_JAR" \
      QUARKUS_DATASOURCE_JDBC_URL="$PG_URL" QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
      QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" QUARKUS_FLYWAY_CLEAN_AT_START=true QUARKUS_FLYWAY_CLEAN_DISABLED=false
  fi
fi

# The table.
java "$ROOT/bench/Table.java" "$CSV" "$SIZES" "$EXPORT_SIZE" \
  "$([ "$PG_REACHABLE" = "1" ] && [ "$PG_EXPORT_SIZE" != "0" ] && echo "$PG_EXPORT_SIZE")" \
  > "$OUT/results.md"
if [ -n "$FIGURES_ROWS" ]; then
  { echo
    echo "Figures at $FIGURES_SIZE results, $CONNECTIONS connections reading for $FIGURES_DURATION, one registration a second:"
    echo
    echo "| Database | Measure | req/s | p50 (ms) | p99 (ms) | right after a write: p50 (ms) | p99 (ms) | reads |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    printf "%b" "$FIGURES_ROWS"; } >> "$OUT/results.md"
fi
cat "$OUT/results.md"
echo "bench: done; table in $OUT/results.md"
