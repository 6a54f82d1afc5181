#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver (chromium, chromium-driver) for the browser
# test of the reports (report-generator's ReportsInBrowserIT), unless both are already there.
# Safe to run again. Without root it says what to install instead. The test skips without them
# locally and fails when CI=true.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "browser test: chromium and chromium-driver are missing; install them" \
    "(as root: apt-get install chromium chromium-driver), else the browser test is skipped" >&2
  exit 0
fi
echo "== installing chromium chromium-driver (browser test)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
