#!/usr/bin/env bash
# Starts and stops a local moto server (the AWS emulator the integration tests run against):
#   scripts/moto.sh start    start .venv/bin/moto_server on 127.0.0.1 and a free port, wait until it
#                            answers, switch Lambda to run without Docker, and print
#                            AWS_ENDPOINT_URL=http://127.0.0.1:PORT (the only line on stdout).
#                            Already running: prints the same line and leaves it alone.
#   scripts/moto.sh stop     stop it (nothing to do when it is not running)
#   scripts/moto.sh status   print its endpoint and exit 0, or say so and exit 3 when not running
#   scripts/moto.sh reset    clear every resource it holds (POST /moto-api/reset)
# State (pid, port, log) lives in $MOTO_STATE_DIR, default target/moto/. MOTO_PORT picks the port
# instead of a free one; MOTO_START_TIMEOUT (seconds, default 30) bounds the wait for it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state_dir=${MOTO_STATE_DIR:-$root/target/moto}
pid_file=$state_dir/moto.pid
port_file=$state_dir/moto.port
log_file=$state_dir/moto.log
python=$root/.venv/bin/python
moto_server=$root/.venv/bin/moto_server
timeout=${MOTO_START_TIMEOUT:-30}
# What moto.sh start posts to /moto-api/config: Lambda functions are stored and "invoked" without
# Docker (moto returns a canned success instead of running the code).
moto_config='{"lambda": {"use_docker": false}}'

say() { echo "moto: $*" >&2; }
die() {
  echo "moto: error: $*" >&2
  exit 1
}

# The pid in the pid file, when that process is alive and is a moto_server.
running_pid() {
  local pid
  pid=$(cat "$pid_file" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q moto_server || return 1
  echo "$pid"
}

endpoint() { echo "http://127.0.0.1:$(cat "$port_file")"; }

# http METHOD URL [JSON_BODY]: prints the response body; fails on a connection error or non-2xx.
http() {
  "$python" - "$@" <<'PY'
import sys, urllib.request
method, url = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 else None
req = urllib.request.Request(url, data=body, method=method,
                             headers={"Content-Type": "application/json"} if body else {})
try:
    with urllib.request.urlopen(req, timeout=5) as resp:
        sys.stdout.write(resp.read().decode("utf-8", "replace"))
except Exception as e:  # connection refused, HTTP error, timeout
    sys.stderr.write(f"{method} {url}: {e}\n")
    sys.exit(1)
PY
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

show_log() {
  if [ -s "$log_file" ]; then
    echo "---- $log_file (last 40 lines) ----" >&2
    tail -n 40 "$log_file" >&2
    echo "----" >&2
  else
    echo "moto: ($log_file is empty)" >&2
  fi
}

configure() {
  local answer
  answer=$(http POST "$(endpoint)/moto-api/config" "$moto_config") ||
    die "POST $(endpoint)/moto-api/config failed"
  # moto answers with its whole configuration; make sure the switch took.
  "$python" -c 'import json, sys; sys.exit(0 if json.loads(sys.argv[1])["lambda"]["use_docker"] is False else 1)' "$answer" ||
    die "moto did not accept $moto_config (it answered $answer)"
}

# launch PORT: starts moto_server on PORT and waits until it answers; returns 2 when the port
# was taken in the meantime (worth another try with another port).
launch() {
  local port=$1 pid deadline
  : >"$log_file"
  # nohup: survives the terminal of `make moto-start`; stdin from /dev/null: never waits for input.
  nohup "$moto_server" --host 127.0.0.1 --port "$port" </dev/null >>"$log_file" 2>&1 &
  pid=$!
  echo "$pid" >"$pid_file"
  echo "$port" >"$port_file"
  deadline=$((SECONDS + timeout))
  while ! http GET "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file" "$port_file"
      if grep -q "Address already in use" "$log_file"; then
        return 2
      fi
      show_log
      die "moto_server exited during start-up (see its log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      kill "$pid" 2>/dev/null || true
      rm -f "$pid_file" "$port_file"
      show_log
      die "moto_server did not answer on http://127.0.0.1:$port/moto-api/ within ${timeout} s (see its log)"
    fi
    sleep 0.2
  done
}

start() {
  if running_pid >/dev/null; then
    say "already running (pid $(cat "$pid_file"))"
    echo "AWS_ENDPOINT_URL=$(endpoint)"
    return 0
  fi
  "$root/scripts/python-tools.sh" test
  [ -x "$moto_server" ] || die "$moto_server is missing; run scripts/python-tools.sh"
  mkdir -p "$state_dir"
  local started=$SECONDS port
  for _ in 1 2 3; do
    port=${MOTO_PORT:-$(free_port)}
    if launch "$port"; then
      configure
      say "started (pid $(cat "$pid_file"), port $port, log $log_file) in $((SECONDS - started)) s"
      echo "AWS_ENDPOINT_URL=$(endpoint)"
      return 0
    fi
    [ -z "${MOTO_PORT:-}" ] || break
    say "port $port was taken meanwhile; trying another"
  done
  show_log
  die "could not bind moto_server to ${MOTO_PORT:+port $MOTO_PORT on }127.0.0.1"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file" "$port_file"
    say "not running"
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file" "$port_file"
  say "stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid); then
    echo "moto running: pid $pid, AWS_ENDPOINT_URL=$(endpoint)"
  else
    echo "moto not running (state dir $state_dir)"
    exit 3
  fi
}

reset() {
  running_pid >/dev/null || die "not running (state dir $state_dir); start it with scripts/moto.sh start"
  http POST "$(endpoint)/moto-api/reset" >/dev/null || die "POST $(endpoint)/moto-api/reset failed"
  # A reset keeps the configuration in moto 5.2; posting it again costs nothing and keeps it so.
  configure
  say "reset"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  *)
    echo "usage: scripts/moto.sh start|stop|status|reset" >&2
    exit 2
    ;;
esac
