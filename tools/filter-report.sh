#!/bin/sh
# The annotated HTML report of the example articles through pandoc and the
# newsc filter: build/examples-report.html (or OUT). Builds newsc.core for
# the Lua inside pandoc (pandoc 2.x: 5.3; a pandoc 3.x release binary loads
# no C module and the filter uses newsc.pure).
#   sh tools/filter-report.sh [OUT]
cd "$(dirname "$0")/.." || exit 2
out=${1:-build/examples-report.html}
command -v pandoc >/dev/null || { echo "filter-report: pandoc is not installed"; exit 1; }
sh tools/pandoc-core.sh || exit 1
set --
for f in examples/*.txt; do set -- "$@" -M "newsc-articles=$f"; done
mkdir -p "$(dirname "$out")"
pandoc -s -f markdown --lua-filter filters/newsc.lua -M "title=Lorven flood: five reports" \
  "$@" -o "$out" /dev/null || exit 1
echo "$out"
