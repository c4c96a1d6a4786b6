#!/bin/bash
# Installs what the browser tests need, only when it is missing: Debian's chromium, a font with
# traditional Chinese glyphs (without one the screenshots show empty boxes), Node and npm
# (apt-get), then playwright-core and axe-core from package-lock.json (npm ci). Idempotent; run
# by tests/run before ctest. Playwright drives /usr/bin/chromium: it never downloads a browser.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf '[browser/install] %s\n' "$*" >&2; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

wanted=()
[ -x /usr/bin/chromium ] || installed chromium || wanted+=(chromium)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh-tw family 2>/dev/null)" ]; then
  wanted+=(fonts-noto-cjk)
fi
# Node may come from elsewhere (nodesource, nvm): only its absence matters.
command -v node >/dev/null || wanted+=(nodejs)
command -v npm >/dev/null || wanted+=(npm)
if [ ${#wanted[@]} -gt 0 ]; then
  log "installing ${wanted[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
fi

cd "$HERE"
stamp=node_modules/.package-lock.json  # written by npm ci/install
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] \
   || [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  log "npm ci in $HERE"
  # Never let a package fetch a browser of its own: /usr/bin/chromium is the one we drive.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
