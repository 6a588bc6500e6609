#!/bin/sh
# Render filters/sample.md through pandoc with the newsc filter as HTML and
# take two screenshots in headless Chromium (Debian package "chromium"): the
# top of the page (articles with quotes and figures marked) and the
# Cross-check section alone. Prints the PNGs' paths; fails when pandoc or
# Chromium is missing or a screenshot is not written.
#   sh tools/filter-shot.sh [OUT_PREFIX] [INPUT.md...]
# OUT_PREFIX defaults to build/filter (build/filter.html, build/filter-articles.png,
# build/filter-crosscheck.png).
cd "$(dirname "$0")/.." || exit 2
prefix=${1:-build/filter}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- filters/sample.md
command -v pandoc >/dev/null || { echo "filter-shot: pandoc is not installed"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ]; then echo "filter-shot: chromium is not installed (apt-get install chromium)"; exit 1; fi
# newsc.core for the Lua inside pandoc
sh tools/pandoc-core.sh || exit 1
mkdir -p "$(dirname "$prefix")"
dir=$(cd "$(dirname "$prefix")" && pwd); base=$(basename "$prefix")
html="$dir/$base.html"; only="$dir/$base-crosscheck.html"
pandoc -s --lua-filter filters/newsc.lua "$@" -o "$html" || exit 1
# the second page shows the Cross-check section alone (a style sheet linked
# with -c, so that the filter's own styles in header-includes stay)
style="$dir/$base-only.css"
printf 'body > * { display: none; } #newsc-cross-check, #newsc-cross-check ~ * { display: block; }
#newsc-cross-check ~ table { display: table; } body { max-width: 60em; }\n' >"$style"
pandoc -s --lua-filter filters/newsc.lua -c "file://$style" "$@" -o "$only" || exit 1
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
shot() {
  rm -f "$2"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --screenshot="$2" --window-size=1280,"$3" "file://$1" >/dev/null 2>&1
  if [ ! -s "$2" ]; then echo "filter-shot: no screenshot written ($2)"; exit 1; fi
  echo "$2"
}
shot "$html" "$dir/$base-articles.png" 2000
shot "$only" "$dir/$base-crosscheck.png" 2000
# what the browser made of the page: tools/filter-check.html, added to a copy,
# reads the rendered DOM and the computed styles; --dump-dom gives its verdict
check="$dir/$base-check.html"
pandoc -s --lua-filter filters/newsc.lua --include-after-body=tools/filter-check.html "$@" -o "$check" || exit 1
verdict=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --dump-dom "file://$check" 2>/dev/null |
  sed -n 's|.*<pre id="newsc-check">\([^<]*\)</pre>.*|\1|p')
echo "filter-shot: in Chromium: ${verdict:-no verdict}"
case "$verdict" in OK*) ;; *) exit 1 ;; esac
