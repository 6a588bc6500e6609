#!/bin/sh
# Install pandoc.wasm (npm package pandoc-wasm, pinned in package.json) into
# tools/pandoc3/node_modules when it is missing. Needs node and npm (Debian
# packages nodejs, npm) and the npm registry. Exit 0 when it is there.
cd "$(dirname "$0")" || exit 2
[ -f node_modules/pandoc-wasm/src/pandoc.wasm ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "pandoc3: npm is not installed" >&2; exit 1; }
echo "newsc: installing pandoc.wasm (npm pandoc-wasm) into tools/pandoc3/node_modules" >&2
npm install --silent --no-audit --no-fund --no-save >/dev/null 2>&1 ||
  { echo "pandoc3: npm install pandoc-wasm failed" >&2; exit 1; }
[ -f node_modules/pandoc-wasm/src/pandoc.wasm ]
