#!/usr/bin/env bash
# Installs what `make test` needs on a fresh Debian machine (curl for the Maven wrapper, make)
# and checks for a JDK >= 21. Debian 12 packages only JDK 17, so a missing JDK >= 21 is reported
# (by find-jdk.sh, with what /usr/lib/jvm holds) rather than guessed at.
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v make >/dev/null 2>&1 || need+=(make)
command -v curl >/dev/null 2>&1 || need+=(curl ca-certificates)
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
"$(dirname "$0")/find-jdk.sh"
