#!/usr/bin/env bash
# Puts axe-core (the accessibility rules engine the HTML edition's browser test runs in the page) into work/axe,
# once, from the npm registry at a pinned version. Needs npm (Node.js). The browser is Debian's chromium package.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/work/axe"
version="4.14.1"
[ -s "$dest/node_modules/axe-core/axe.min.js" ] && grep -q "\"version\": \"$version\"" "$dest/node_modules/axe-core/package.json" && exit 0
command -v npm >/dev/null 2>&1 || { echo "pb-annex: npm is needed to fetch axe-core (install Node.js)" >&2; exit 1; }
mkdir -p "$dest"
echo "pb-annex: fetching axe-core@$version from the npm registry (once)" >&2
npm install --silent --no-audit --no-fund --prefix "$dest" "axe-core@$version" >/dev/null
test -s "$dest/node_modules/axe-core/axe.min.js"
