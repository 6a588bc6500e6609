#!/bin/sh
# Render the cross-check of examples/ as HTML and take a screenshot of it in
# headless Chromium (Debian package "chromium"), to look at:
#   sh tools/html-shot.sh [OUT.png] [INPUT...]
# Prints the PNG's path; fails when Chromium is missing or writes nothing.
cd "$(dirname "$0")/.." || exit 2
out=${1:-build/crosscheck.png}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- examples
browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ]; then echo "html-shot: chromium is not installed (apt-get install chromium)"; exit 1; fi
make -s core >/dev/null || exit 1
mkdir -p "$(dirname "$out")"
html="$(pwd)/build/crosscheck.html"
"$(pwd)/bin/newsc" crosscheck --format html -o "$html" "$@" || exit 1
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
rm -f "$out"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")" \
  --window-size=1280,2000 "file://$html" >/dev/null 2>&1
if [ ! -s "$out" ]; then echo "html-shot: no screenshot written"; exit 1; fi
echo "$out"
