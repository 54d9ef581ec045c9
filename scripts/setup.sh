#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test Zhengwen Lens, then `npm ci`.
# Used by .ci/run and scripts/quickstart.sh. Idempotent: apt runs only when something is missing.
# Set ZWL_SKIP_NPM_CI=1 to keep an existing node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO='sudo'; else
    echo 'setup: not root and no sudo; install chromium firefox-esr fonts-noto-cjk by hand' >&2
  fi
fi

# Whether Debian package $1 is installed.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Node 20.19+ (package.json engines). Debian 13 ships it; Debian 12 needs the NodeSource repo.
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "$@"
}

missing=()
for pkg in chromium firefox-esr fonts-noto-cjk; do installed "$pkg" || missing+=("$pkg"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

if ! node_ok; then
  echo 'setup: installing Node.js 20'
  apt_install ca-certificates curl
  candidate=$(apt-cache policy nodejs | awk '/Candidate:/ {print $2}')
  if dpkg --compare-versions "${candidate%%-*}" ge 20.19; then
    apt_install nodejs npm
  else
    curl -fsSL https://deb.nodesource.com/setup_20.x | $SUDO bash -
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y nodejs
  fi
fi

if [ "${ZWL_SKIP_NPM_CI:-0}" != 1 ]; then
  npm ci --no-audit --no-fund
fi
