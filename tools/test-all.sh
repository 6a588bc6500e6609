#!/bin/sh
# Every newsc test, each suite in turn; the last line sums them all as
# "N passed, N failed". Exit status 1 when anything failed.
# Specs run under Lua 5.4, 5.3 (pandoc's Lua on Debian), 5.2, 5.1 and LuaJIT,
# and under 5.4 against the pure-Lua backend; MATRIX=0 keeps to 5.4 and 5.3.
cd "$(dirname "$0")/.." || exit 2
M="make -s --no-print-directory"
log=$(mktemp); trap 'rm -f "$log"' EXIT
total_pass=0; total_fail=0; summary=""

suite() {  # suite NAME COMMAND...
  name=$1; shift
  echo "== $name"
  "$@" >"$log" 2>&1; rc=$?
  cat "$log"
  line=$(grep -E '([A-Za-z0-9.:_-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  p=$(printf '%s' "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
  f=$(printf '%s' "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "!! $name exited $rc"; fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  summary="$summary
  $name: $p passed, $f failed"
}

suite "build (Lua 5.4)" sh -c "$M core LUA=5.4 && echo '1 passed, 0 failed'"
suite "build (Lua 5.3)" sh -c "$M core LUA=5.3 && echo '1 passed, 0 failed'"
suite "C unit tests" $M test-c
suite "C unit tests, ASan+UBSan" $M test-asan
suite "specs, Lua 5.4" $M test-lua LUA=5.4
suite "specs, Lua 5.3" $M test-lua LUA=5.3
suite "specs, Lua 5.4, pure backend" $M test-lua LUA=5.4 NEWSC_BACKEND=pure
if [ "${MATRIX:-1}" != 0 ]; then
  for v in 5.1 5.2 jit; do
    suite "build (Lua $v)" sh -c "$M core LUA=$v && echo '1 passed, 0 failed'"
    suite "specs, Lua $v" $M test-lua LUA=$v
  done
fi
if ls fuzz/fuzz_*.c >/dev/null 2>&1; then
  suite "fuzz smoke" $M fuzz-smoke
fi

echo "== summary$summary"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
