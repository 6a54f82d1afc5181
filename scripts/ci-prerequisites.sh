#!/usr/bin/env bash
# Installs what `make test` needs on a fresh Debian machine (curl for the Maven wrapper, make,
# Python 3 with its venv module for .venv/: moto server and awscli) and checks for a JDK >= 21.
# Debian 12 packages only JDK 17, so a missing JDK >= 21 is reported (by find-jdk.sh, with what
# /usr/lib/jvm holds) rather than guessed at.
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v make >/dev/null 2>&1 || need+=(make)
command -v curl >/dev/null 2>&1 || need+=(curl ca-certificates)
# scripts/python-tools.sh builds .venv/ with `python3 -m venv`, which needs ensurepip (Debian ships
# it in python3-venv, not in python3).
python=${PYTHON:-python3}
python_venv_ok() { "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; }
if ! command -v "$python" >/dev/null 2>&1; then
  need+=(python3 python3-venv)
elif ! python_venv_ok; then
  need+=(python3-venv)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: ${need[*]}; install them (as root: apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! python_venv_ok; then
  echo "error: $(command -v "$python" || echo "$python") cannot make virtual environments (no venv/ensurepip module);" \
    "install python3-venv for it, or set PYTHON to a Python >= 3.10 that can" >&2
  exit 1
fi
"$(dirname "$0")/find-jdk.sh"
# Headless Chromium for the report browser test.
"$(dirname "$0")/browser-tools.sh"
