#!/bin/sh
# Build newsc.core for the Lua inside the pandoc on the path (pandoc 2.x:
# 5.3; 3.x: 5.4, which a static release binary cannot load: the filter then
# uses newsc.pure). Run from the tree's root; fails when pandoc is missing.
command -v pandoc >/dev/null || { echo "newsc: pandoc is not installed" >&2; exit 1; }
probe="${TMPDIR:-/tmp}/nc-luav.$$.lua"
echo 'io.write((_VERSION:gsub("Lua ", "")))' >"$probe"
luav=$(pandoc --lua-filter "$probe" -t plain </dev/null); rm -f "$probe"
make -s core LUA="$luav" >/dev/null
