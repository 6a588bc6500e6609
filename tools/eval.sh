#!/bin/sh
# make eval: run every evaluation in tools/eval/ against ../shared/eval.
# Each script prints its own figures; nothing here is a pass/fail test.
cd "$(dirname "$0")/.." || exit 2
if [ ! -d ../shared/eval ]; then
  echo "eval: ../shared/eval is not there; nothing to evaluate"; exit 0
fi
eval "$(make -s env)"
status=0
for s in tools/eval/*.lua; do
  [ -e "$s" ] || continue
  echo "== $(basename "$s" .lua)"
  lua5.4 "$s" || status=1
done
exit $status
