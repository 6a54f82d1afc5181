#!/usr/bin/env bash
# Runs a command against a fresh local moto server and always stops the server afterwards:
#   scripts/with-moto.sh CMD [ARGS...]
# It makes sure .venv/ is up to date (python-tools.sh), starts a moto server of its own (state in
# $MOTO_STATE_DIR, default target/moto/run-PID/, so it never touches one started by `make
# moto-start`), and runs CMD with
#   AWS_ENDPOINT_URL=MOTO_ENDPOINT=http://127.0.0.1:PORT, AWS_ACCESS_KEY_ID=AWS_SECRET_ACCESS_KEY=testing,
#   AWS_REGION=AWS_DEFAULT_REGION=us-east-1, MOTO_STATE_DIR (so `scripts/moto.sh reset` works inside)
# and with everything that could steer an AWS client elsewhere cleared: profiles, session tokens,
# per-service AWS_ENDPOINT_URL_* variables, the ~/.aws files, instance metadata.
# Exits with CMD's exit code (130/143 when interrupted). The server's log is kept when CMD fails.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/with-moto.sh CMD [ARGS...]" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
own_state_dir=false
if [ -z "${MOTO_STATE_DIR:-}" ]; then
  MOTO_STATE_DIR=$root/target/moto/run-$$
  own_state_dir=true
fi
export MOTO_STATE_DIR
moto_pid=

# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  "$root/scripts/moto.sh" stop || true
  # The state dir may be gone (e.g. CMD ran `mvn clean`): stop the server by the pid we saw.
  if [ -n "$moto_pid" ] && kill -0 "$moto_pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$moto_pid/cmdline" 2>/dev/null | grep -q moto_server; then
    kill "$moto_pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$moto_pid" 2>/dev/null || true
  fi
  if [ "$rc" -eq 0 ] && $own_state_dir; then
    rm -rf "$MOTO_STATE_DIR"
  elif [ -s "$MOTO_STATE_DIR/moto.log" ]; then
    echo "with-moto: the moto server's log is kept in $MOTO_STATE_DIR/moto.log" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

"$root/scripts/python-tools.sh" test
line=$("$root/scripts/moto.sh" start)
moto_pid=$(cat "$MOTO_STATE_DIR/moto.pid")
endpoint=${line#AWS_ENDPOINT_URL=}
case $endpoint in
  http://127.0.0.1:*) ;;
  *)
    echo "with-moto: error: scripts/moto.sh start printed '$line', not AWS_ENDPOINT_URL=http://127.0.0.1:PORT" >&2
    exit 1
    ;;
esac

# Nothing may send these tests to a real account.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ROLE_ARN \
  AWS_ROLE_SESSION_NAME AWS_WEB_IDENTITY_TOKEN_FILE AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
  AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_AUTHORIZATION_TOKEN
for var in $(compgen -e | grep '^AWS_ENDPOINT_URL_' || true); do
  unset "$var"
done
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
export AWS_ENDPOINT_URL=$endpoint MOTO_ENDPOINT=$endpoint
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
echo "with-moto: AWS_ENDPOINT_URL=$endpoint" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
