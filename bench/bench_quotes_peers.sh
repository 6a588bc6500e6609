#!/bin/sh
# Peer of bench_quotes.c: compromise's .quotations() (npm) on the same text,
# given as $1. Compromise is slow on large inputs, so it reads the first
# QUOTES_PEER_KB kilobytes (default 256) of the text.
cd "$(dirname "$0")/npm-quotes" || exit 2
if [ ! -d node_modules/compromise ]; then
  npm install --silent --no-audit --no-fund >/dev/null 2>&1 || { echo "quotes peer: npm install failed; skipped"; exit 0; }
fi
case "$1" in /*) f=$1 ;; *) f=../../$1 ;; esac
tmp=$(mktemp)
head -c $((${QUOTES_PEER_KB:-256} * 1024)) "$f" > "$tmp"
node quotes.js "$tmp"
rm -f "$tmp"
