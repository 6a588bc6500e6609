#!/bin/sh
# make bench: one run, one text, every benchmark in bench/.
#   bench/bench_*.c    C programs linked with the engine, given the text file
#   bench/bench_*.lua  Lua benchmarks (core module on the path), given the text file
#   bench/bench_*.sh   scripts (peers in Python or node), given the text file
# Each prints rows "name  MB/s  ratio" of its own table.
cd "$(dirname "$0")/.." || exit 2
MB=${BENCH_MB:-32}
DATA=bench/data/news-${MB}mb.txt
mkdir -p bench/data build/bench
[ -s "$DATA" ] || lua5.4 bench/gen_news.lua "$MB" > "$DATA"
echo "text: $DATA ($(wc -c < "$DATA") bytes)"
make -s core >/dev/null || exit 1
OBJS=$(ls build/5.4/obj/*.o | grep -v '/lua_')
for src in bench/bench_*.c; do
  [ -e "$src" ] || continue
  bin=build/bench/$(basename "$src" .c)
  extra=""; [ -f "${src%.c}.flags" ] && extra=$(cat "${src%.c}.flags")
  cc -std=c99 -O2 -D_POSIX_C_SOURCE=200809L -Icsrc -Ibench "$src" $OBJS -o "$bin" -lutf8proc -lm $extra || exit 1
  "$bin" "$DATA" || exit 1
done
eval "$(make -s env)"
for b in bench/bench_*.lua; do
  [ -e "$b" ] || continue
  lua5.4 "$b" "$DATA" || exit 1
done
for b in bench/bench_*.sh; do
  [ -e "$b" ] || continue
  sh "$b" "$DATA" || exit 1
done
