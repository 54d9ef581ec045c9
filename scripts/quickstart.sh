#!/usr/bin/env bash
# Quick start: installs what is missing, builds the extension and runs the demo
# (Chromium with the extension on the bundled demo pages; headless when there is no $DISPLAY,
# writing screenshots and the exported clips JSON to out/demo/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run build
npm run demo
