#!/bin/sh
# Run C test binaries (first argument: label dir), each printing
# "N passed, N failed" last; print the sum in the same form.
label=$1; shift
pass=0; fail=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ] || [ $rc -ne 0 ]; then
    printf '%s\n' "$out" | tail -n 30
    echo "FAILED: $t (exit $rc)"
    p=$(printf '%s' "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0} + 1))
  else
    printf '%s\n' "$out" | grep -E '^(FAIL|not ok)' || true
    p=$(printf '%s' "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    pass=$((pass + p)); fail=$((fail + f))
  fi
done
echo "$label: $pass passed, $fail failed"
[ $fail -eq 0 ]
