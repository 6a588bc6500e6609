#!/bin/sh
# Run each libFuzzer target briefly (FUZZ_SMOKE_SECONDS, default 5) from
# the seeds in fuzz/seeds; one test per target.
secs=${FUZZ_SMOKE_SECONDS:-5}
pass=0; fail=0
for f in "$@"; do
  d=$(mktemp -d)
  if "$f" -max_total_time="$secs" -max_len=65536 "$d" fuzz/seeds >"$d.log" 2>&1; then
    pass=$((pass + 1)); echo "ok $(basename "$f"): $(grep -Eo 'Done [0-9]+ runs' "$d.log")"
  else
    fail=$((fail + 1)); tail -n 40 "$d.log"; echo "FAILED $(basename "$f")"
  fi
  rm -rf "$d" "$d.log"
done
echo "fuzz: $pass passed, $fail failed"
[ $fail -eq 0 ]
