#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test Zhengwen Lens, then `npm ci`.
# Used by .ci/run and scripts/quickstart.sh. Idempotent: apt runs only when something is missing.
# Set ZWL_SKIP_NPM_CI=1 to keep an existing node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO='sudo'; else
    echo 'setup: not root and no sudo; install chromium firefox-esr fonts-noto-cjk python3-pandas by hand' >&2
  fi
fi

# Whether Debian package $1 is installed.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Node 20.19+ (package.json engines). Debian 13 ships it; on Debian 12 it must come from elsewhere.
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}

apt_updated=0
apt_update() { if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update; apt_updated=1; fi; }
apt_install() {
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$@"
}

missing=()
for pkg in chromium firefox-esr fonts-noto-cjk python3-pandas; do installed "$pkg" || missing+=("$pkg"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

if ! node_ok; then
  apt_update
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -n "$candidate" ] && [ "$candidate" != '(none)' ] &&
    dpkg --compare-versions "${candidate%%-*}" ge 20.19; then
    echo "setup: installing Debian nodejs $candidate"
    apt_install nodejs npm
  else
    echo 'setup: Node.js 20.19 or newer is required (package.json engines) and this Debian' >&2
    echo 'release does not ship it: install it from https://nodejs.org or NodeSource, then rerun.' >&2
    exit 1
  fi
fi

if [ "${ZWL_SKIP_NPM_CI:-0}" != 1 ]; then
  npm ci --no-audit --no-fund
fi
