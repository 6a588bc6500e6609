#!/bin/sh
# Word tokenising against peers a user would pick instead: NLTK's
# wordpunct_tokenize (Debian python3-nltk) and wink-nlp's tokenizer (npm,
# installed into bench/npm-words/ when missing). Each is skipped with a
# note when not available.
# usage: sh bench/bench_words_peers.sh FILE
# Prints "name  MB/s  ratio" rows with newsc's C engine timed on the same file.
cd "$(dirname "$0")/.." || exit 2
DATA=$1
[ -f "$DATA" ] || { echo "usage: bench_words_peers.sh FILE" >&2; exit 2; }
BIN=build/bench/bench_words
if [ ! -x "$BIN" ]; then
  make -s core >/dev/null || exit 1
  mkdir -p build/bench
  OBJS=$(ls build/5.4/obj/*.o | grep -v '/lua_')
  cc -std=c99 -O2 -D_POSIX_C_SOURCE=200809L -Icsrc bench/bench_words.c $OBJS -o "$BIN" -lutf8proc -lm || exit 1
fi
echo "== words vs NLTK and wink-nlp"
ours=$("$BIN" "$DATA" | awk -F'  +' '$1 == "nc_words (spans + kinds)" { print $2 + 0 }')
row() {  # row NAME MBPS COUNT
  awk -v o="$ours" -v n="$1" -v p="$2" -v c="$3" 'BEGIN {
    printf "%-32s %9.1f MB/s  %6.3f  (%d words; nc_words is %.1f x)\n", n, p, 1, c, o / p }'
}
printf '%-32s %9.1f MB/s\n' "nc_words (spans + kinds)" "$ours"

PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
if "$PY" -c "import nltk" >/dev/null 2>&1; then
  set -- $("$PY" - "$DATA" <<'PYEOF'
import sys, time
import nltk
from nltk.tokenize import wordpunct_tokenize
text = open(sys.argv[1], encoding="utf-8").read()
mb = len(text.encode("utf-8")) / 1048576
best = 1e30
for _ in range(2):
    t0 = time.perf_counter()
    toks = wordpunct_tokenize(text)
    best = min(best, time.perf_counter() - t0)
words = sum(1 for t in toks if t[0].isalnum())
print("%.2f %d %s" % (mb / best, words, nltk.__version__))
PYEOF
  ) && row "NLTK $3 wordpunct_tokenize" "$1" "$2"
else
  echo "  NLTK: python3-nltk not installed, skipped (apt-get install python3-nltk)"
fi

NPMDIR=bench/npm-words
if ! command -v node >/dev/null 2>&1; then echo "  wink-nlp: node not installed, skipped"; exit 0; fi
if [ ! -d "$NPMDIR/node_modules/wink-nlp" ] || [ ! -d "$NPMDIR/node_modules/wink-eng-lite-web-model" ]; then
  (cd "$NPMDIR" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) ||
    { echo "  wink-nlp: npm install failed, skipped"; exit 0; }
fi
set -- $(node "$NPMDIR/bench_wink.js" "$DATA") || exit 1
row "wink-nlp $3 tokenizer" "$1" "$2"
