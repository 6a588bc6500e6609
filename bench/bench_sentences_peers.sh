#!/bin/sh
# Sentence splitting against a peer a user would pick instead: npm's sbd.
# usage: sh bench/bench_sentences_peers.sh FILE
# Installs sbd into bench/npm-sentences/ when missing (needs npm); prints
# "name  MB/s  ratio" rows with newsc's C engine timed on the same file.
cd "$(dirname "$0")/.." || exit 2
DATA=$1
[ -f "$DATA" ] || { echo "usage: bench_sentences_peers.sh FILE" >&2; exit 2; }
NPMDIR=bench/npm-sentences
echo "sentences vs sbd (node)"
if ! command -v node >/dev/null 2>&1; then echo "  sbd: node not installed, skipped"; exit 0; fi
if [ ! -d "$NPMDIR/node_modules/sbd" ]; then
  (cd "$NPMDIR" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) ||
    { echo "  sbd: npm install failed, skipped"; exit 0; }
fi
BIN=build/bench/bench_sentences
if [ ! -x "$BIN" ]; then
  make -s core >/dev/null || exit 1
  mkdir -p build/bench
  OBJS=$(ls build/5.4/obj/*.o | grep -v '/lua_')
  cc -std=c99 -O2 -D_POSIX_C_SOURCE=200809L -Icsrc bench/bench_sentences.c $OBJS -o "$BIN" -lutf8proc -lm || exit 1
fi
ours=$("$BIN" "$DATA" | awk '$1 == "nc_sentences" { print $2 }')
set -- $(node "$NPMDIR/bench_sbd.js" "$DATA") || exit 1
sbd=$1; sbd_count=$2; sbd_version=$3
awk -v o="$ours" -v p="$sbd" -v c="$sbd_count" -v v="$sbd_version" 'BEGIN {
  printf "  %-28s %10.1f MB/s  %8.1f x sbd\n", "nc_sentences", o, o / p
  printf "  %-28s %10.2f MB/s  %8.1f x sbd   (%d sentences)\n", "sbd " v, p, 1, c }'
