# Helpers for the scripts that drive the packaged app (crash-safety.sh, backup-restore.sh, disk-full.sh).
# Source it; it expects WORK (a folder for logs) and sets APP_PID. Each script picks its own ports (28000-28999).

APP_PID=""
APP_JAR="${APP_JAR:-$PWD/target/quarkus-app/quarkus-run.jar}"

fail() {
  echo "$SCRIPT_NAME: FAILED: $*" >&2
  for log in "$WORK"/*.log; do
    [ -f "$log" ] || continue
    echo "---- last lines of $log ----" >&2
    tail -n 30 "$log" >&2
  done
  echo "$SCRIPT_NAME: FAILED ($*)"
  exit 1
}
ok() { echo "$SCRIPT_NAME: ok: $*"; }

# start_app DIR PORT LOG [ENV=VALUE...]: the packaged app with its working directory (and ./data) in DIR.
start_app() {
  local dir=$1 port=$2 log=$3
  shift 3
  mkdir -p "$dir"
  (cd "$dir" && exec env "$@" QUARKUS_HTTP_PORT="$port" JOBBMAL_ADMIN_INITIAL_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx256m -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$APP_JAR" >> "$log" 2>&1) &
  APP_PID=$!
}

# wait_ready PORT SECONDS: until /q/health/ready answers 200; fails when the app exits first.
wait_ready() {
  local port=$1 limit=$2
  for _ in $(seq 1 $((limit * 4))); do
    curl -s --fail --max-time 2 -o /dev/null "http://localhost:$port/q/health/ready" && return 0
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

# wait_exit SECONDS: until the app has exited; sets APP_EXIT to its exit code.
wait_exit() {
  local limit=$1
  for _ in $(seq 1 $((limit * 4))); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      APP_EXIT=0
      wait "$APP_PID" 2>/dev/null || APP_EXIT=$?
      APP_PID=""
      return 0
    fi
    sleep 0.25
  done
  return 1
}

stop_app() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
}

# session PORT USER PASSWORD: a form login; prints the session cookie's value.
session() {
  local jar
  jar=$(mktemp)
  curl -s -o /dev/null --max-time 30 -c "$jar" --data-urlencode "j_username=$2" --data-urlencode "j_password=$3" \
    "http://localhost:$1/j_security_check"
  awk '$6 == "jobbmal-session" {print $7}' "$jar"
  rm -f "$jar"
}
