#!/bin/sh
# Install the Debian packages newsc needs for building and testing, if any
# is missing. Runs apt-get as root (or through sudo when not root).
set -e
PKGS="make gcc clang libclang-rt-14-dev pkg-config
lua5.4 liblua5.4-dev lua5.3 liblua5.3-dev lua5.2 liblua5.2-dev lua5.1 liblua5.1-0-dev
luajit libluajit-5.1-dev libutf8proc-dev unicode-data
lua-busted lua-cjson lua-dkjson lua-argparse luarocks pandoc python3"
# make bench also times the peers a user would pick instead
# (best effort: a peer that cannot be installed is left out of the table)
if [ "$1" = bench ]; then
  PKGS="$PKGS libicu-dev python3-nltk python3-sklearn python3-levenshtein time"
fi
# make html-shot / filter-shot: a browser for the screenshots
if [ "$1" = chromium ]; then PKGS="$PKGS chromium"; fi
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done
# pandoc 3.x for the filter specs (sh tools/deps.sh test; NEWSC_PANDOC3=0 skips
# it): pandoc.wasm from npm, into tools/pandoc3/ (best effort: without it those
# specs are pending, and say why)
pandoc3() {
  [ "$1" = test ] && [ "${NEWSC_PANDOC3:-1}" != 0 ] || return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "newsc: installing nodejs npm (for pandoc.wasm)" >&2
    s=""; [ "$(id -u)" = 0 ] || s=sudo
    DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq --no-install-recommends nodejs npm \
      >/dev/null 2>&1 || true
  fi
  sh tools/pandoc3/install.sh ||
    echo "newsc: pandoc.wasm could not be installed; the pandoc 3 specs will be pending" >&2
  return 0
}
if [ -z "$missing" ]; then pandoc3 "$1"; exit 0; fi
echo "newsc: installing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "newsc: need root (or sudo) to install:$missing" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
  [ "$1" = bench ] || exit 1
  echo "newsc: some benchmark peers could not be installed; they are left out" >&2
fi
pandoc3 "$1"
